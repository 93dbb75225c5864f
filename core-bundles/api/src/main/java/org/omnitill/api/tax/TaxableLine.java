package org.omnitill.api.tax;

import org.omnitill.api.money.Money;

/**
 * One cart or order line as a tax rule sees it. {@code amount} is the line total after discounts,
 * gross when the request says prices include tax, net otherwise.
 */
public record TaxableLine(String lineId, String sku, String taxCategory, Money amount) {
}
