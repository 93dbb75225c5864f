package org.omnitill.api.report;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sales figures for a period of days. Provided by the core.
 *
 * <p>An order belongs to the day (and hour) it was placed on in its store's time zone, so a day is
 * each store's own business day. Amounts are never added up across currencies: the report has one
 * {@link CurrencySales} block per currency, ordered by currency code, for every currency that had
 * sales or refunds in the period and every currency of the stores in scope.
 */
@ProviderType
public interface SalesReportService {

    /** The longest period a report covers, in days (a leap year). */
    int MAX_DAYS = 366;

    /**
     * The sales of the period {@code from} to {@code to} (both inclusive) at one store, or at every
     * location when {@code storeId} is null. A null date means today: the store's date when a store is
     * given, else the date in UTC.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code invalid_date_range} ({@code to} is before
     *         {@code from}, or the period is longer than {@link #MAX_DAYS} days) (invalid);
     *         {@code store_not_found} (not found)
     */
    SalesReport sales(LocalDate from, LocalDate to, String storeId);
}
