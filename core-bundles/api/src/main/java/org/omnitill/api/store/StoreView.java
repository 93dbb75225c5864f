package org.omnitill.api.store;

import java.util.Currency;

/**
 * A store or warehouse. {@code country} is ISO 3166-1 alpha-2, {@code region} a subdivision code
 * where tax needs it (a US state, a Canadian province), {@code pricesIncludeTax} whether shelf
 * prices are gross, as EU consumer prices must be.
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
        boolean pricesIncludeTax) {
}
