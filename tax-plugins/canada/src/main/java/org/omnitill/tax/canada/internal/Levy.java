package org.omnitill.tax.canada.internal;

import org.omnitill.api.tax.TaxComponent;

/**
 * One tax a line of some category bears in some province on some date.
 *
 * @param component the component the line is taxed with (a 0% one when zero-rated or exempt)
 * @param certificateExempt for a taxable PST, the 0% component that replaces it when the customer
 *        shows the province's PST exemption number; null otherwise
 */
record Levy(SalesTax tax, TaxComponent component, TaxComponent certificateExempt) {
}
