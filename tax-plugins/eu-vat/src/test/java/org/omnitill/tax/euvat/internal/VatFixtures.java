package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

/** Builders shared by the tests. */
final class VatFixtures {

    private VatFixtures() {
    }

    /** The default OSS settings (registered, above the threshold) for the countries. */
    static EuVatTaxRule.Config config(String... countries) {
        return config(true, false, countries);
    }

    static EuVatTaxRule.Config config(boolean ossRegistered, boolean belowThreshold, String... countries) {
        return new EuVatTaxRule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EuVatTaxRule.Config.class;
            }

            @Override
            public String[] countries() {
                return countries;
            }

            @Override
            public boolean ossRegistered() {
                return ossRegistered;
            }

            @Override
            public boolean distanceSalesBelowThreshold() {
                return belowThreshold;
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

    /** An order from a store in {@code origin} shipped to {@code destination}, sold on {@code channel}. */
    static TaxRequest shipped(String origin, String destination, String channel, String date, boolean inclusive,
            TaxableLine... lines) {
        return new TaxRequest(TaxAddress.country(origin), TaxAddress.country(destination), channel,
                LocalDate.parse(date), Money.currency("EUR"), inclusive, new ArrayList<>(List.of(lines)), null);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Asserts one line's component (code, taxing state, printed name, rate) and its net and tax in {@code currency}. */
    static void assertTax(LineTax actual, String code, String jurisdiction, String name, String rate, String net,
            String tax, String currency) {
        TaxComponent component = actual.component();
        assertEquals(code, component.code(), "code of " + actual.lineId());
        assertEquals(jurisdiction, component.jurisdiction(), "jurisdiction of " + actual.lineId());
        assertEquals(name, component.name(), "name of " + actual.lineId());
        assertEquals(0, new BigDecimal(rate).compareTo(component.rate()), () -> "rate of " + component);
        assertEquals(Money.of(net, currency), actual.taxableAmount(), "net of " + actual.lineId());
        assertEquals(Money.of(tax, currency), actual.tax(), "tax of " + actual.lineId());
    }

    /** {@link #assertTax(LineTax, String, String, String, String, String, String, String)} in euros. */
    static void assertTax(LineTax actual, String code, String jurisdiction, String name, String rate, String net,
            String tax) {
        assertTax(actual, code, jurisdiction, name, rate, net, tax, "EUR");
    }
}
