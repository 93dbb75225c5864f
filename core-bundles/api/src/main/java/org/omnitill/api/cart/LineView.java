package org.omnitill.api.cart;

import java.math.BigDecimal;

import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;

/**
 * A line of a cart or order. {@code lineTotal} is unit price times quantity, rounded to the minor
 * unit, less the line's {@code discount}; it is gross when the sale's prices include tax and it is
 * what the line is taxed on. {@code tax} is the tax the line carries and {@code taxCode} the code of
 * the rate it was taxed at (null when untaxed or taxed at several rates).
 *
 * <p>Manager adjustments: {@code regularUnitPrice} is the catalog price the article was added at;
 * when the price was overridden, {@code unitPrice} differs from it and {@code priceOverrideReason}
 * says why (else null). {@code discount} is the money taken off the line (zero when none),
 * {@code discountPercent} the percent it was given as (null for an amount or no discount) and
 * {@code discountReason} why (null when none).
 *
 * @since 1.1 (the adjustment components; the 1.0 constructor still works and means "not adjusted")
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
        Money tax,
        Money regularUnitPrice,
        String priceOverrideReason,
        Money discount,
        BigDecimal discountPercent,
        String discountReason) {

    /** A missing regular price means the line was sold at it; a missing discount means none. */
    public LineView {
        if (regularUnitPrice == null) {
            regularUnitPrice = unitPrice;
        }
        if (discount == null) {
            Money any = lineTotal != null ? lineTotal : unitPrice;
            discount = any == null ? null : Money.zero(any.currency());
        }
    }

    /** A line without adjustments, as in version 1.0 of this record. */
    public LineView(String id, int lineNo, String sku, String name, String barcode, BigDecimal quantity,
            UnitOfMeasure unit, Money unitPrice, Money lineTotal, String taxCategory, String taxCode, Money tax) {
        this(id, lineNo, sku, name, barcode, quantity, unit, unitPrice, lineTotal, taxCategory, taxCode, tax, null,
                null, null, null, null);
    }

    /** Whether the unit price was overridden away from the catalog price. */
    public boolean priceOverridden() {
        return unitPrice != null && regularUnitPrice != null && unitPrice.compareTo(regularUnitPrice) != 0;
    }

    /** Unit price times quantity before the discount: what a {@link LineDiscount} is a share of. */
    public Money undiscountedTotal() {
        return lineTotal.plus(discount);
    }
}
