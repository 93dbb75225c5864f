package org.omnitill.payment.cardterminal.internal;

import org.junit.jupiter.api.Test;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.testkit.ComponentDescriptors;

/** The DS and metatype descriptors bnd generated carry the plugin metadata, the PID and hidden secrets. */
class CardTerminalComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() {
        ComponentDescriptors.assertPluginDescribesItself(CardTerminalPayment.class, PluginFamily.PAYMENT,
                "card-terminal", "Card terminal (nexo / Adyen Terminal API)")
                .assertProvides(PaymentMethod.class)
                .assertConfigurationPid("org.omnitill.payment.cardterminal")
                .assertModified("modified")
                // a property whose name starts with a dot is private: DS does not publish it as a service property
                .assertHasProperty(".apiKey")
                .assertHasProperty(".trustStorePassword");
    }

    @Test
    void metatypeDescribesTheConfigurationWithPasswordsMasked() {
        ComponentDescriptors.metatype(CardTerminalPayment.Config.class)
                .assertPid("org.omnitill.payment.cardterminal")
                .assertAttributes("terminals", "saleId", "connectTimeoutMillis", "readTimeoutMillis",
                        "statusTimeoutMillis", "trustStore")
                .assertAttribute(".apiKey", "Password")
                .assertAttribute(".trustStorePassword", "Password");
    }
}
