package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The DS and metatype descriptors bnd generated carry the plugin metadata, the PID and hidden secrets. */
class CardTerminalComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() throws IOException {
        String xml = resource("/OSGI-INF/" + CardTerminalPayment.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.payment.cardterminal\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.payment.PaymentMethod\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"card-terminal\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"payment\""), xml);
        assertTrue(xml.contains(
                "name=\"omnitill.plugin.name\" type=\"String\" value=\"Card terminal (nexo / Adyen Terminal API)\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
        // a property whose name starts with a dot is private: DS does not publish it as a service property
        assertTrue(xml.contains("name=\".apiKey\""), xml);
        assertTrue(xml.contains("name=\".trustStorePassword\""), xml);
    }

    @Test
    void metatypeDescribesTheConfigurationWithPasswordsMasked() throws IOException {
        String xml = resource("/OSGI-INF/metatype/" + CardTerminalPayment.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.payment.cardterminal\""), xml);
        for (String id : new String[] {"terminals", "saleId", "connectTimeoutMillis", "readTimeoutMillis",
                "statusTimeoutMillis", "trustStore"}) {
            assertTrue(xml.contains("id=\"" + id + "\""), id);
        }
        assertTrue(xml.contains("id=\".apiKey\" type=\"Password\""), xml);
        assertTrue(xml.contains("id=\".trustStorePassword\" type=\"Password\""), xml);
    }

    private static String resource(String path) throws IOException {
        InputStream in = CardTerminalComponentDescriptorTest.class.getResourceAsStream(path);
        assertNotNull(in, path + " is missing: bnd writes it when the build runs through process-classes");
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
