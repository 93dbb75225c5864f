package org.omnitill.channel.register.internal;

import org.omnitill.api.channel.ChannelType;
import org.omnitill.api.channel.SalesChannel;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;
import org.osgi.service.component.annotations.Component;

/**
 * The in-store register: a till in a store. Carts on this channel can only be opened at locations
 * that sell to customers, never at a warehouse.
 */
@Component(service = SalesChannel.class, property = {
        PluginProperties.ID + "=" + RegisterChannel.ID,
        PluginProperties.FAMILY + "=" + PluginFamily.CHANNEL,
        PluginProperties.NAME + "=In-store register" })
public class RegisterChannel implements SalesChannel {

    /** The channel id carts name. */
    static final String ID = "register";

    @Override
    public ChannelType type() {
        return ChannelType.STORE;
    }

    @Override
    public boolean sellsAt(StoreView location) {
        return location != null && location.type() == LocationType.STORE;
    }
}
