package org.omnitill.tax.indiagst.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

/** Builders shared by the tests. */
final class GstFixtures {

    static final String RATE_HEADER = "category,rate_percent,cess_percent,max_unit_value,effective_from,description\n";

    private GstFixtures() {
    }

    static IndiaGstTaxRule.Config config(boolean zeroRate, String... states) {
        return new IndiaGstTaxRule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IndiaGstTaxRule.Config.class;
            }

            @Override
            public String[] states() {
                return states;
            }

            @Override
            public boolean zeroRateCertifiedSupplies() {
                return zeroRate;
            }
        };
    }

    /** The rule over the bundled data, zero-rating certified supplies. */
    static IndiaGstTaxRule rule(String... states) {
        return new IndiaGstTaxRule(HsnRateTable.bundled(), StateTable.bundled(), config(true, states));
    }

    /** The rule over rate rows given in the test (the bundled States). */
    static IndiaGstTaxRule ruleWithRates(String rows) {
        return new IndiaGstTaxRule(rates(rows), StateTable.bundled(), config(true, "*"));
    }

    static HsnRateTable rates(String rows) {
        try {
            return HsnRateTable.read(new StringReader(RATE_HEADER + rows), "test.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TaxableLine line(String id, String category, String amount) {
        return new TaxableLine(id, "sku-" + id, category, inr(amount));
    }

    static TaxAddress in(String region) {
        return new TaxAddress("IN", region, null, null);
    }

    /** A sale over the counter of a store in {@code state}. */
    static TaxRequest counter(String state, String date, boolean inclusive, TaxableLine... lines) {
        return request(in(state), null, date, inclusive, null, lines);
    }

    /** An order of a store in {@code state} shipped to {@code destination}. */
    static TaxRequest shipped(String state, String destination, String date, boolean inclusive, TaxableLine... lines) {
        return request(in(state), in(destination), date, inclusive, null, lines);
    }

    static TaxRequest request(TaxAddress origin, TaxAddress destination, String date, boolean inclusive,
            String certificate, TaxableLine... lines) {
        return new TaxRequest(origin, destination, destination == null ? "register" : "web", LocalDate.parse(date),
                Money.currency("INR"), inclusive, List.of(lines), certificate);
    }

    static Money inr(String amount) {
        return Money.of(amount, "INR");
    }

    /** The taxes of one line, in the order the rule gave them. */
    static List<LineTax> taxesOf(TaxCalculation calculation, String lineId) {
        return calculation.lineTaxes().stream().filter(t -> t.lineId().equals(lineId)).toList();
    }
}
