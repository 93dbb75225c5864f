package org.omnitill.api.inventory;

import java.math.BigDecimal;

/**
 * Stock of one article at one location, with the article's name, as a stock list shows it.
 * {@code available} is what is free to sell: on hand less reserved, never below zero.
 *
 * @since 1.1
 */
public record LocationStock(String sku, String name, String locationId, BigDecimal onHand, BigDecimal reserved,
        BigDecimal available) {
}
