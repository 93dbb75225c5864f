package org.omnitill.tax.indiagst.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class IndiaGstComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() throws IOException {
        String xml = resource("/OSGI-INF/" + IndiaGstTaxRule.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.tax.indiagst\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.tax.TaxRule\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"india-gst\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"tax\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"India GST\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
    }

    @Test
    void metatypeDescribesStatesAndZeroRating() throws IOException {
        String xml = resource("/OSGI-INF/metatype/" + IndiaGstTaxRule.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.tax.indiagst\""), xml);
        assertTrue(xml.contains("id=\"states\""), xml);
        assertTrue(xml.contains("id=\"zeroRateCertifiedSupplies\" type=\"Boolean\""), xml);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = IndiaGstComponentDescriptorTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " was not generated; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
