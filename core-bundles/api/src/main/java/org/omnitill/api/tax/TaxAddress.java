package org.omnitill.api.tax;

/** Where a sale is taxed: the store's address, or for shipped orders the destination. */
public record TaxAddress(String country, String region, String postalCode, String city) {

    public static TaxAddress country(String country) {
        return new TaxAddress(country, null, null, null);
    }
}
