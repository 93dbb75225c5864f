package org.omnitill.api.channel;

import org.omnitill.api.store.StoreView;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A channel through which sales start. Register as an OSGi service with the
 * {@link org.omnitill.api.plugin.PluginProperties}; the plugin id is the channel id a cart names.
 * Carts can be opened only on channels that are installed.
 */
@ConsumerType
public interface SalesChannel {

    ChannelType type();

    /** Whether carts of this channel may sell from the location (a register sells in stores, not warehouses). */
    boolean sellsAt(StoreView location);
}
