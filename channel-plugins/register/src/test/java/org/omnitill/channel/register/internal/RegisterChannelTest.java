package org.omnitill.channel.register.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.omnitill.api.channel.ChannelType;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;

class RegisterChannelTest {

    private final RegisterChannel channel = new RegisterChannel();

    private static StoreView location(LocationType type) {
        return new StoreView("loc-1", "Zürich Bahnhofstrasse", type, "CH", null, "8001", "Zürich",
                Currency.getInstance("CHF"), true);
    }

    @Test
    void isAStoreChannel() {
        assertEquals(ChannelType.STORE, channel.type());
    }

    @Test
    void sellsInStores() {
        assertTrue(channel.sellsAt(location(LocationType.STORE)));
    }

    @Test
    void doesNotSellFromWarehouses() {
        assertFalse(channel.sellsAt(location(LocationType.WAREHOUSE)));
    }

    @Test
    void doesNotSellWhereTheLocationIsUnknown() {
        assertFalse(channel.sellsAt(null));
        assertFalse(channel.sellsAt(location(null)));
    }

    /** The DS descriptor bnd generated from the annotations carries the plugin metadata the core lists. */
    @Test
    void componentDescriptorPublishesThePluginProperties() throws IOException {
        String xml = descriptor();
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.channel.SalesChannel\"/>"), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"register\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"channel\""), xml);
        assertTrue(xml.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"In-store register\""), xml);
    }

    private static String descriptor() throws IOException {
        String path = "/OSGI-INF/" + RegisterChannel.class.getName() + ".xml";
        try (InputStream in = RegisterChannelTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " was not generated; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
