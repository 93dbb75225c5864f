package org.omnitill.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A receipt printer. Register as an OSGi service with the
 * {@link org.omnitill.api.plugin.PluginProperties} and, to serve only some stores, the property
 * {@link org.omnitill.api.plugin.PluginProperties#STORES}. The core prints every order's receipt
 * after the order is committed; a printer failure never undoes a sale.
 */
@ConsumerType
public interface ReceiptPrinter {

    void print(Receipt receipt) throws DeviceException;
}
