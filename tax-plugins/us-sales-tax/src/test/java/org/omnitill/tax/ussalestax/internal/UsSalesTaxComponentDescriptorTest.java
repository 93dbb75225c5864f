package org.omnitill.tax.ussalestax.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** bnd generated the DS and metatype descriptors with the plugin metadata and the configuration PID. */
class UsSalesTaxComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() throws IOException {
        String xml = generated("/OSGI-INF/" + UsSalesTaxRule.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.tax.ussalestax\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.tax.TaxRule\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"us-sales-tax\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"tax\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"US sales tax\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
    }

    @Test
    void metatypeDescribesTheStates() throws IOException {
        String xml = generated("/OSGI-INF/metatype/" + UsSalesTaxRule.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.tax.ussalestax\""), xml);
        assertTrue(xml.contains("id=\"states\""), xml);
    }

    @Test
    void theDataFilesAreInsideTheBundle() throws IOException {
        for (String file : new String[] {SalesTaxData.JURISDICTIONS, SalesTaxData.ZIP_CODES, SalesTaxData.TAXABILITY}) {
            assertTrue(generated("/org/omnitill/tax/ussalestax/internal/" + file).contains("\nstate,"), file);
        }
    }

    private static String generated(String path) throws IOException {
        try (InputStream in = UsSalesTaxComponentDescriptorTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " is missing; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
