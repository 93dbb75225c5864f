package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import org.omnitill.api.catalog.UnitOfMeasure;

/**
 * A returned quantity of one order line and what it refunded: {@code refund = net + tax}, all
 * positive. The sums over an order line's return lines are what has been returned and refunded of it.
 */
@Entity
@Table(name = "OT_ORDER_RETURN_LINE", indexes = @Index(name = "OT_ORDER_RETURN_LINE_ORDER_LINE", columnList = "order_line_id"))
public class OrderReturnLineEntity {
    @Id
    @Column(length = 36)
    public String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "return_id", nullable = false)
    public OrderReturnEntity orderReturn;
    @Column(name = "line_no", nullable = false)
    public int lineNo;
    @Column(name = "order_line_id", length = 36, nullable = false)
    public String orderLineId;
    @Column(name = "order_line_no", nullable = false)
    public int orderLineNo;
    @Column(length = 64, nullable = false)
    public String sku;
    @Column(nullable = false)
    public String name;
    @Column(precision = 19, scale = 3, nullable = false)
    public BigDecimal quantity;
    @Enumerated(EnumType.STRING)
    @Column(name = "unit_of_measure", length = 16, nullable = false)
    public UnitOfMeasure unit;
    @Column(name = "unit_price", precision = 19, scale = 4, nullable = false)
    public BigDecimal unitPrice;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal net;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal tax;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal refund;
    @Column(name = "tax_category", length = 32, nullable = false)
    public String taxCategory;
    @Column(name = "tax_code", length = 64)
    public String taxCode;
}
