package org.omnitill.api.inventory;

import java.math.BigDecimal;

/** Stock of one article at one location: what is there, and what of it is free to sell. */
public record StockLevel(String sku, String locationId, BigDecimal onHand, BigDecimal reserved, BigDecimal available) {
}
