package org.omnitill.api.tax;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Everything a tax rule needs to tax a sale.
 *
 * @param origin where the sale happens (the store)
 * @param destination where the goods go for shipped orders; null for a sale over the counter
 * @param channel the sales channel id, e.g. {@code register}
 * @param saleDate the date whose rates apply
 * @param pricesIncludeTax whether line amounts are gross
 * @param exemptionCertificate the customer's tax exemption certificate, or null
 */
public record TaxRequest(
        TaxAddress origin,
        TaxAddress destination,
        String channel,
        LocalDate saleDate,
        Currency currency,
        boolean pricesIncludeTax,
        List<TaxableLine> lines,
        String exemptionCertificate) {

    public TaxRequest {
        lines = List.copyOf(lines);
    }

    /** The address that decides the rates: the destination if shipped, else the origin. */
    public TaxAddress taxedAt() {
        return destination != null ? destination : origin;
    }
}
