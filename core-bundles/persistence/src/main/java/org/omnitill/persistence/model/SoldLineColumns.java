package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

import org.omnitill.api.catalog.UnitOfMeasure;

/** The columns a cart line and the order line copied from it share: the article, quantity, price and its adjustments. */
@MappedSuperclass
public abstract class SoldLineColumns {
    @Id
    @Column(length = 36)
    public String id;
    @Column(name = "line_no", nullable = false)
    public int lineNo;
    @Column(length = 64, nullable = false)
    public String sku;
    @Column(nullable = false)
    public String name;
    @Column(length = 14)
    public String barcode;
    @Column(precision = 19, scale = 3, nullable = false)
    public BigDecimal quantity;
    @Enumerated(EnumType.STRING)
    @Column(name = "unit_of_measure", length = 16, nullable = false)
    public UnitOfMeasure unit;
    @Column(name = "unit_price", precision = 19, scale = 4, nullable = false)
    public BigDecimal unitPrice;
    @Column(name = "tax_category", length = 32, nullable = false)
    public String taxCategory;
    // Manager adjustments. Nullable so that create-or-extend-tables can add them to existing rows:
    // null regular price means "sold at the regular price", null discount means none.
    /** The catalog price the article was added at; {@code unitPrice} differs when it was overridden. */
    @Column(name = "regular_unit_price", precision = 19, scale = 4)
    public BigDecimal regularUnitPrice;
    @Column(name = "price_override_reason")
    public String priceOverrideReason;
    /** The money the discount takes off unit price times quantity. */
    @Column(name = "discount_amount", precision = 19, scale = 4)
    public BigDecimal discountAmount;
    /** The percent the discount was given as; null for an amount discount. */
    @Column(name = "discount_percent", precision = 5, scale = 2)
    public BigDecimal discountPercent;
    @Column(name = "discount_reason")
    public String discountReason;
}
