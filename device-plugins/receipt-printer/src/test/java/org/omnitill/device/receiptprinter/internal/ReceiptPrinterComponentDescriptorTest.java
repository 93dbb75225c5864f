package org.omnitill.device.receiptprinter.internal;

import org.junit.jupiter.api.Test;
import org.omnitill.api.device.CashDrawer;
import org.omnitill.api.device.ReceiptPrinter;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.testkit.ComponentDescriptors;

/**
 * The DS and metatype descriptors bnd generated: the plugin metadata, the configuration PID, and the
 * {@code omnitill.stores} key, whose value DS publishes as the service property the core routes by.
 */
class ReceiptPrinterComponentDescriptorTest {

    @Test
    void componentPublishesPluginPropertiesAndStores() {
        ComponentDescriptors.assertPluginDescribesItself(TextReceiptPrinter.class, PluginFamily.DEVICE,
                "receipt-printer", "Receipt printer (file/log)")
                .assertProvides(ReceiptPrinter.class, CashDrawer.class)
                .assertConfigurationPid("org.omnitill.device.receiptprinter")
                .assertProperty(PluginProperties.STORES, "*")
                .assertModified("modified");
    }

    @Test
    void metatypeDescribesTheConfiguration() {
        ComponentDescriptors.metatype(TextReceiptPrinter.Config.class)
                .assertPid("org.omnitill.device.receiptprinter")
                .assertAttributes("output", "directory", PluginProperties.STORES);
    }
}
