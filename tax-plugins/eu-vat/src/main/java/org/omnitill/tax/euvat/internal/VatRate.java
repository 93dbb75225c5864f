package org.omnitill.tax.euvat.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.omnitill.api.tax.TaxComponent;

/**
 * One VAT rate of one country and category, in force from {@code effectiveFrom} until the next
 * rate of the same country and category.
 *
 * @param percent the rate in percent, e.g. {@code 19} or {@code 5.5}
 * @param label how the rate is printed on a receipt, e.g. {@code MwSt 19%}
 */
record VatRate(String country, String category, BigDecimal percent, LocalDate effectiveFrom, String label) {

    /** A stable code per country and category, e.g. {@code DE-VAT-STANDARD}, {@code AT-VAT-REDUCED-2}. */
    String code() {
        return country + "-VAT-" + category.toUpperCase(Locale.ROOT);
    }

    TaxComponent component() {
        return new TaxComponent(country, code(), label, percent);
    }
}
