package org.omnitill.payment.giftcard.internal;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.testkit.BundleManifest;
import org.omnitill.testkit.ComponentDescriptors;

/** What bnd generated: DS descriptors (OSGi Compendium R8 chapter 112), metatype, and the manifest's imports. */
class GiftCardComponentDescriptorTest {

    @Test
    void bothPaymentMethodsPublishThePluginProperties() {
        ComponentDescriptors.assertPluginDescribesItself(GiftCardPayment.class, PluginFamily.PAYMENT, "gift-card",
                "Gift card")
                .assertProvides(PaymentMethod.class);
        ComponentDescriptors.assertPluginDescribesItself(StoreCreditPayment.class, PluginFamily.PAYMENT,
                "store-credit", "Store credit")
                .assertProvides(PaymentMethod.class);
    }

    @Test
    void theLedgerUsesThePlatformDataSourceAndReadsItsPid() {
        ComponentDescriptors.of(GiftCardLedger.class)
                .assertConfigurationPid("org.omnitill.payment.giftcard")
                .assertModified("modified")
                .assertReference(DataSource.class,
                        Map.of("name", "dataSource", "target", "(osgi.jndi.service.name=omnitill)"));
        ComponentDescriptors.metatype(GiftCardLedger.Config.class)
                .assertPid("org.omnitill.payment.giftcard")
                .assertAttribute("maxBalance");
    }

    @Test
    void theResourceJoinsTheOmnitillApplication() {
        ComponentDescriptors.of(GiftCardResource.class)
                .assertProperty("osgi.jaxrs.resource", true)
                .assertProperty("osgi.jaxrs.application.select", PluginProperties.REST_APPLICATION_SELECT)
                .assertReference(AuditTrail.class, Map.of("cardinality", "0..1"));
    }

    @Test
    void theBundleImportsTheWhiteboardAndNothingOfTheCoreButTheApi() {
        BundleManifest.of(GiftCardLedger.class)
                .assertImports("org.osgi.service.jaxrs.whiteboard", "version=\"[1.0,2)\"")
                .assertImports("javax.sql")
                .assertImportsNothingFrom("org.omnitill.persistence")
                .assertImportsNothingFrom("javax.persistence")
                .assertImportsNothingFrom("org.h2")
                .assertImportsNothingFrom("org.postgresql")
                .assertExportsNothing();
    }
}
