package org.omnitill.channel.register.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.omnitill.api.channel.ChannelType;
import org.omnitill.api.channel.SalesChannel;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;
import org.omnitill.testkit.ComponentDescriptors;

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
    void componentDescriptorPublishesThePluginProperties() {
        ComponentDescriptors.assertPluginDescribesItself(RegisterChannel.class, PluginFamily.CHANNEL, "register",
                "In-store register")
                .assertProvides(SalesChannel.class);
    }
}
