package org.omnitill.api.tax;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's tax rules for one or more jurisdictions. Register it as an OSGi service with the
 * {@link org.omnitill.api.plugin.PluginProperties} and the core uses it for every sale taxed at an
 * address it {@linkplain #covers(TaxAddress) covers}. When several cover one address, the highest
 * {@code service.ranking} wins.
 */
@ConsumerType
public interface TaxRule {

    /** Whether this rule knows the taxes due at the address. */
    boolean covers(TaxAddress address);

    /**
     * Taxes the lines. Must be free of side effects: the core may call it for every view of a cart.
     *
     * @throws org.omnitill.api.error.OmnitillException if a line's tax category is unknown here
     */
    TaxCalculation calculate(TaxRequest request);
}
