package org.omnitill.tax.ussalestax.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

/** Builders shared by the tests. */
final class SalesTaxFixtures {

    static final String JURISDICTION_HEADER = "state,level,code,name,rate_percent,effective_from\n";
    static final String ZIP_HEADER = "state,zip,city,jurisdictions\n";
    static final String TAXABILITY_HEADER = "state,category,scope,treatment,rate_percent,effective_from\n";

    /** Read once: the data is immutable. */
    static final SalesTaxData BUNDLED = SalesTaxData.bundled();

    private SalesTaxFixtures() {
    }

    static UsSalesTaxRule.Config config(String... states) {
        return new UsSalesTaxRule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return UsSalesTaxRule.Config.class;
            }

            @Override
            public String[] states() {
                return states;
            }
        };
    }

    static UsSalesTaxRule rule(String... states) {
        return new UsSalesTaxRule(BUNDLED, config(states));
    }

    /** Data from text, each file given without its header. */
    static SalesTaxData data(String jurisdictions, String zipCodes, String taxability) {
        try {
            return SalesTaxData.read(new StringReader(JURISDICTION_HEADER + jurisdictions),
                    new StringReader(ZIP_HEADER + zipCodes), new StringReader(TAXABILITY_HEADER + taxability));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TaxAddress address(String state, String zip, String city) {
        return new TaxAddress("US", state, zip, city);
    }

    static TaxableLine line(String id, String category, String amount) {
        return new TaxableLine(id, "sku-" + id, category, usd(amount));
    }

    /** A sale over the counter at a store at {@code store}, prices net. */
    static TaxRequest sale(TaxAddress store, String date, TaxableLine... lines) {
        return new TaxRequest(store, null, "register", LocalDate.parse(date), Money.currency("USD"), false,
                new ArrayList<>(List.of(lines)), null);
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** The line taxes of one line, in the order the rule returned them. */
    static List<LineTax> taxesOf(TaxCalculation result, String lineId) {
        return result.lineTaxes().stream().filter(tax -> tax.lineId().equals(lineId)).toList();
    }

    /** The sum of all line taxes of a calculation. */
    static Money total(TaxCalculation result) {
        return result.lineTaxes().stream().map(LineTax::tax).reduce(usd("0.00"), Money::plus);
    }
}
