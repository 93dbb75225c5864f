package org.omnitill.tax.canada.internal;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

/** Builders shared by the tests: a rule, lines in CAD, sales over the counter and shipped. */
final class CanadaFixtures {

    static final TaxTable TABLE = TaxTable.bundled();

    private CanadaFixtures() {
    }

    static CanadaSalesTaxRule.Config config(String provinces, String shipments) {
        return new CanadaSalesTaxRule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CanadaSalesTaxRule.Config.class;
            }

            @Override
            public String[] provinces() {
                return new String[] {provinces};
            }

            @Override
            public String[] provincialTaxOnShipmentsTo() {
                return new String[] {shipments};
            }
        };
    }

    /** Covers all provinces and charges provincial tax on every shipment. */
    static CanadaSalesTaxRule rule() {
        return new CanadaSalesTaxRule(TABLE, config("*", "*"));
    }

    static TaxableLine line(String id, String category, String amount) {
        return new TaxableLine(id, "sku-" + id, category, cad(amount));
    }

    static TaxAddress at(String province) {
        return new TaxAddress("CA", province, null, null);
    }

    /** A sale over the counter in {@code province}, prices net of tax, no certificate. */
    static TaxRequest sale(String province, String date, TaxableLine... lines) {
        return request(at(province), null, date, null, lines);
    }

    static TaxRequest request(TaxAddress origin, TaxAddress destination, String date, String certificate,
            TaxableLine... lines) {
        return new TaxRequest(origin, destination, destination == null ? "register" : "web", LocalDate.parse(date),
                Money.currency("CAD"), false, List.of(lines), certificate);
    }

    static Money cad(String amount) {
        return Money.of(amount, "CAD");
    }
}
