package org.omnitill.payment.stripe.internal;

import org.junit.jupiter.api.Test;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.testkit.ComponentDescriptors;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class StripeComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() {
        ComponentDescriptors.assertPluginDescribesItself(StripePayment.class, PluginFamily.PAYMENT, "stripe",
                "Stripe (PaymentIntents)")
                .assertProvides(PaymentMethod.class)
                .assertConfigurationPid("org.omnitill.payment.stripe")
                .assertModified("modified");
    }

    /** The key is the private property .secretKey: DS does not publish dotted properties with the service. */
    @Test
    void metatypeDescribesTheConfigurationWithThePrivateSecretKey() {
        ComponentDescriptors.metatype(StripePayment.Config.class)
                .assertPid("org.omnitill.payment.stripe")
                .assertAttribute(".secretKey", "Password")
                .assertNoAttribute("secretKey")
                .assertAttributes("apiBaseUrl", "apiVersion", "connectTimeoutMillis", "readTimeoutMillis", "maxRetries");
    }
}
