package org.omnitill.api.catalog;

import org.omnitill.api.money.Money;

/** The shelf price of an article in one store, in that store's currency. */
public record PriceView(String storeId, Money price) {
}
