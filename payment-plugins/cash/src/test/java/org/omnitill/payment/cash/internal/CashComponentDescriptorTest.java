package org.omnitill.payment.cash.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class CashComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() throws IOException {
        String xml = resource("/OSGI-INF/" + CashPayment.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.payment.cash\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.payment.PaymentMethod\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"cash\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"payment\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"Cash\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
    }

    @Test
    void metatypeDescribesTheConfiguration() throws IOException {
        String xml = resource("/OSGI-INF/metatype/" + CashPayment.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.payment.cash\""), xml);
        assertTrue(xml.contains("id=\"currencyIncrements\""), xml);
        assertTrue(xml.contains("id=\"countryIncrements\""), xml);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CashComponentDescriptorTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " was not generated; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
