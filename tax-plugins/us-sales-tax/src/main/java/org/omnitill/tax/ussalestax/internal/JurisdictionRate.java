package org.omnitill.tax.ussalestax.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.omnitill.api.tax.TaxComponent;

/**
 * The general rate of one jurisdiction from {@code effectiveFrom} until its next rate, with the
 * component it puts on receipts (precomputed: calculations only look it up).
 *
 * @param jurisdiction the jurisdiction code, e.g. {@code US-TX-AUSTIN}
 * @param name how the jurisdiction is printed, before the rate, e.g. {@code Austin city}
 * @param percent the rate in percent; 0 when the jurisdiction levies nothing
 */
record JurisdictionRate(String jurisdiction, Level level, String name, BigDecimal percent, LocalDate effectiveFrom,
        TaxComponent component) {

    JurisdictionRate(String jurisdiction, Level level, String name, BigDecimal percent, LocalDate effectiveFrom) {
        this(jurisdiction, level, name, percent, effectiveFrom,
                new TaxComponent(jurisdiction, jurisdiction + "-SALES", label(name, percent), percent));
    }

    boolean levied() {
        return percent.signum() != 0;
    }

    /**
     * The component of a category taxed at its own rate here, e.g. code {@code US-IL-SALES-GROCERY},
     * name {@code Illinois state 1%}.
     */
    TaxComponent component(String category, BigDecimal categoryPercent) {
        return new TaxComponent(jurisdiction, jurisdiction + "-SALES-" + category.toUpperCase(Locale.ROOT),
                label(name, categoryPercent), categoryPercent);
    }

    /** {@code Texas state 6.25%}, {@code MCTD 0.375%}, {@code RTD 1%}. */
    static String label(String name, BigDecimal percent) {
        return name + " " + percent.stripTrailingZeros().toPlainString() + "%";
    }
}
