package org.omnitill.api.cart;

import java.math.BigDecimal;

/** What to add to a cart: an article by SKU or by barcode (exactly one of them), and how much. */
public record LineInput(String sku, String barcode, BigDecimal quantity) {
}
