package org.omnitill.tax.euvat.internal;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

/** Builders shared by the tests. */
final class VatFixtures {

    private VatFixtures() {
    }

    static EuVatTaxRule.Config config(String... countries) {
        return new EuVatTaxRule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EuVatTaxRule.Config.class;
            }

            @Override
            public String[] countries() {
                return countries;
            }
        };
    }

    static EuVatTaxRule rule(String... countries) {
        return new EuVatTaxRule(RateTable.bundled(), config(countries));
    }

    static TaxableLine line(String id, String category, String amount) {
        return new TaxableLine(id, "sku-" + id, category, Money.of(amount, "EUR"));
    }

    /** A sale over the counter in {@code country}. */
    static TaxRequest sale(String country, String date, boolean inclusive, TaxableLine... lines) {
        return new TaxRequest(TaxAddress.country(country), null, "register", LocalDate.parse(date),
                Money.currency("EUR"), inclusive, new ArrayList<>(List.of(lines)), null);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
