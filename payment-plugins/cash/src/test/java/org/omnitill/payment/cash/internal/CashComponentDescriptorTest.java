package org.omnitill.payment.cash.internal;

import org.junit.jupiter.api.Test;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.testkit.ComponentDescriptors;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class CashComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() {
        ComponentDescriptors.assertPluginDescribesItself(CashPayment.class, PluginFamily.PAYMENT, "cash", "Cash")
                .assertProvides(PaymentMethod.class)
                .assertConfigurationPid("org.omnitill.payment.cash")
                .assertModified("modified");
    }

    @Test
    void metatypeDescribesTheConfiguration() {
        ComponentDescriptors.metatype(CashPayment.Config.class)
                .assertPid("org.omnitill.payment.cash")
                .assertAttributes("currencyIncrements", "countryIncrements");
    }
}
