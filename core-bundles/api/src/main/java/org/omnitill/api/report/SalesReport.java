package org.omnitill.api.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sales of a period, per currency.
 *
 * @param storeId the store the report is limited to; null for every store
 * @param generatedAt when the figures were read
 */
public record SalesReport(LocalDate from, LocalDate to, String storeId, Instant generatedAt,
        List<CurrencySales> currencies) {

    public SalesReport {
        currencies = List.copyOf(currencies);
    }
}
