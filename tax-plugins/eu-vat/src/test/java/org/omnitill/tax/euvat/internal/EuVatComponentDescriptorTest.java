package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class EuVatComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() throws IOException {
        String xml = resource("/OSGI-INF/" + EuVatTaxRule.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.tax.euvat\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.tax.TaxRule\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"eu-vat\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"tax\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"EU VAT\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
    }

    @Test
    void metatypeDescribesTheCountriesAndTheOssSettings() throws IOException {
        String xml = resource("/OSGI-INF/metatype/" + EuVatTaxRule.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.tax.euvat\""), xml);
        assertTrue(xml.contains("id=\"countries\""), xml);
        assertTrue(Pattern.compile("<AD id=\"ossRegistered\" type=\"Boolean\"[^>]* default=\"true\"").matcher(xml).find(),
                xml);
        assertTrue(Pattern.compile("<AD id=\"distanceSalesBelowThreshold\" type=\"Boolean\"[^>]* default=\"false\"")
                .matcher(xml).find(), xml);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EuVatComponentDescriptorTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " was not generated; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
