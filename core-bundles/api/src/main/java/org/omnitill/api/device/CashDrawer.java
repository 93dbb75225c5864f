package org.omnitill.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A cash drawer, usually wired to the receipt printer's drawer port. Register as an OSGi service with
 * the {@link org.omnitill.api.plugin.PluginProperties} and, to serve only some stores, the property
 * {@link org.omnitill.api.plugin.PluginProperties#STORES}. The core opens it for a no-sale (with a
 * supervisor's approval); cash sales open it through the same service.
 */
@ConsumerType
public interface CashDrawer {

    /** Pulses the drawer of the register open; throws if the drawer cannot be reached. */
    void open(String storeId, String registerId) throws DeviceException;
}
