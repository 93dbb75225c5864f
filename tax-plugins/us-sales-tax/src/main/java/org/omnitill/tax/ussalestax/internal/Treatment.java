package org.omnitill.tax.ussalestax.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How a jurisdiction taxes a product category from {@code effectiveFrom} on.
 *
 * @param percent the category's own rate for {@link Kind#RATE}, else null
 */
record Treatment(Kind kind, BigDecimal percent, LocalDate effectiveFrom) {

    enum Kind {
        /** the jurisdiction's general rate applies */
        TAXABLE,
        /** not taxed by the jurisdiction */
        EXEMPT,
        /** taxed at {@link Treatment#percent()} instead of the general rate */
        RATE,
        /** depends on facts a line does not carry; refused */
        UNSUPPORTED
    }
}
