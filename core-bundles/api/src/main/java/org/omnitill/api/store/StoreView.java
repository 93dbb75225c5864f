package org.omnitill.api.store;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * A store or warehouse. {@code country} is ISO 3166-1 alpha-2, {@code region} a subdivision code
 * where tax needs it (a US state, a Canadian province), {@code pricesIncludeTax} whether shelf
 * prices are gross, as EU consumer prices must be.
 *
 * @param timeZone the IANA time zone the location keeps its business day in (e.g. {@code Europe/Berlin}):
 *        reports count an order to the store's local date. Null or blank is read as {@value #DEFAULT_TIME_ZONE}.
 * @since 1.1 ({@code timeZone}; the 1.0 constructor still works and means UTC)
 */
public record StoreView(
        String id,
        String name,
        LocationType type,
        String country,
        String region,
        String postalCode,
        String city,
        Currency currency,
        boolean pricesIncludeTax,
        String timeZone) {

    /** The zone of a location that has none configured. */
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public StoreView {
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone.strip();
    }

    /** A location in UTC, as in version 1.0 of this record. */
    public StoreView(String id, String name, LocationType type, String country, String region, String postalCode,
            String city, Currency currency, boolean pricesIncludeTax) {
        this(id, name, type, country, region, postalCode, city, currency, pricesIncludeTax, null);
    }

    /** The {@link #timeZone()} as a zone; UTC if the stored id is not one Java knows. */
    public ZoneId zoneId() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
