package org.omnitill.device.receiptprinter.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The DS and metatype descriptors bnd generated: the plugin metadata, the configuration PID, and the
 * {@code omnitill.stores} key, whose value DS publishes as the service property the core routes by.
 */
class ReceiptPrinterComponentDescriptorTest {

    @Test
    void componentPublishesPluginPropertiesAndStores() throws IOException {
        String xml = resource("/OSGI-INF/" + TextReceiptPrinter.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.device.receiptprinter\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.device.ReceiptPrinter\"/>"), xml);
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.device.CashDrawer\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"receipt-printer\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"device\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"Receipt printer (file/log)\""), xml);
        assertTrue(xml.contains("<property name=\"omnitill.stores\" type=\"String\" value=\"*\"/>"), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
    }

    @Test
    void metatypeDescribesTheConfiguration() throws IOException {
        String xml = resource("/OSGI-INF/metatype/" + TextReceiptPrinter.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.device.receiptprinter\""), xml);
        assertTrue(xml.contains("id=\"output\""), xml);
        assertTrue(xml.contains("id=\"directory\""), xml);
        assertTrue(xml.contains("id=\"omnitill.stores\""), xml);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ReceiptPrinterComponentDescriptorTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " was not generated; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
