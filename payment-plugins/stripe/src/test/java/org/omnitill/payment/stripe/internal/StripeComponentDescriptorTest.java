package org.omnitill.payment.stripe.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class StripeComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() throws IOException {
        String xml = resource("/OSGI-INF/" + StripePayment.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.payment.stripe\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.payment.PaymentMethod\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"stripe\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"payment\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"Stripe (PaymentIntents)\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
    }

    /** The key is the private property .secretKey: DS does not publish dotted properties with the service. */
    @Test
    void metatypeDescribesTheConfigurationWithThePrivateSecretKey() throws IOException {
        String xml = resource("/OSGI-INF/metatype/" + StripePayment.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.payment.stripe\""), xml);
        assertTrue(xml.contains("id=\".secretKey\""), xml);
        assertTrue(xml.contains("type=\"Password\""), xml);
        assertFalse(xml.contains("id=\"secretKey\""), xml);
        for (String id : new String[] {"apiBaseUrl", "apiVersion", "connectTimeoutMillis", "readTimeoutMillis",
                "maxRetries"}) {
            assertTrue(xml.contains("id=\"" + id + "\""), id + " in " + xml);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = StripeComponentDescriptorTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " was not generated; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
