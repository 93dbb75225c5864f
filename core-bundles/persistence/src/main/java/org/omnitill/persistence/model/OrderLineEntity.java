package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import org.omnitill.api.catalog.UnitOfMeasure;

@Entity
@Table(name = "OT_ORDER_LINE")
public class OrderLineEntity {
    @Id
    @Column(length = 36)
    public String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public OrderEntity order;
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
    @Column(name = "line_total", precision = 19, scale = 4, nullable = false)
    public BigDecimal lineTotal;
    @Column(name = "tax_category", length = 32, nullable = false)
    public String taxCategory;
    @Column(name = "tax_code", length = 64)
    public String taxCode;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal tax;
    /** Where the goods leave from; lines of one order may be fulfilled from different locations. */
    @Column(name = "fulfilled_from", length = 64, nullable = false)
    public String fulfilledFrom;

    // What the cart line was adjusted by (nullable for orders placed before these columns existed).
    /** The catalog price; differs from {@code unitPrice} when the price was overridden. */
    @Column(name = "regular_unit_price", precision = 19, scale = 4)
    public BigDecimal regularUnitPrice;
    @Column(name = "price_override_reason")
    public String priceOverrideReason;
    /** The money taken off {@code unitPrice} times {@code quantity}; {@code lineTotal} is after it. */
    @Column(name = "discount_amount", precision = 19, scale = 4)
    public BigDecimal discountAmount;
    @Column(name = "discount_percent", precision = 5, scale = 2)
    public BigDecimal discountPercent;
    @Column(name = "discount_reason")
    public String discountReason;
}
