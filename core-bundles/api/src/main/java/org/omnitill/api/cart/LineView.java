package org.omnitill.api.cart;

import java.math.BigDecimal;

import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;

/**
 * A line of a cart or order. {@code lineTotal} is unit price times quantity, rounded to the minor
 * unit; it is gross when the sale's prices include tax. {@code tax} is the tax the line carries and
 * {@code taxCode} the code of the rate it was taxed at (null when untaxed or taxed at several rates).
 */
public record LineView(
        String id,
        int lineNo,
        String sku,
        String name,
        String barcode,
        BigDecimal quantity,
        UnitOfMeasure unit,
        Money unitPrice,
        Money lineTotal,
        String taxCategory,
        String taxCode,
        Money tax) {
}
