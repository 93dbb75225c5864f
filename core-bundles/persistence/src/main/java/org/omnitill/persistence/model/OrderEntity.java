package org.omnitill.persistence.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A placed order. Written once at checkout and never updated: its lines, taxes and payments are
 * copies, so later price or tax changes cannot alter what was sold.
 */
@Entity
@Table(name = "OT_ORDER", uniqueConstraints = {
        @UniqueConstraint(name = "OT_ORDER_STORE_NUMBER", columnNames = {"store_id", "order_number"}),
        @UniqueConstraint(name = "OT_ORDER_CART", columnNames = {"cart_id"})},
        // order lists (newest first) and reports read orders by the time they were placed
        indexes = @Index(name = "OT_ORDER_PLACED_AT", columnList = "placed_at"))
public class OrderEntity {
    @Id
    @Column(length = 36)
    public String id;
    @Column(name = "order_number", length = 64, nullable = false)
    public String orderNumber;
    @Column(name = "store_id", length = 64, nullable = false)
    public String storeId;
    @Column(length = 64, nullable = false)
    public String channel;
    @Column(name = "register_id", length = 64)
    public String registerId;
    @Column(name = "cart_id", length = 36, nullable = false)
    public String cartId;
    @Column(length = 64)
    public String cashier;
    @Column(name = "node_id", length = 64, nullable = false)
    public String nodeId;
    @Column(name = "placed_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant placedAt;
    @Column(length = 3, nullable = false)
    public String currency;
    @Column(name = "prices_include_tax", nullable = false)
    public boolean pricesIncludeTax;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal subtotal;
    @Column(name = "tax_total", precision = 19, scale = 4, nullable = false)
    public BigDecimal taxTotal;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal total;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal rounding;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal paid;
    @Column(name = "change_given", precision = 19, scale = 4, nullable = false)
    public BigDecimal changeGiven;
    @Lob
    @Column(name = "receipt_text", nullable = false)
    public String receiptText;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    public List<OrderLineEntity> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<OrderTaxEntity> taxes = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("createdAt")
    public List<OrderPaymentEntity> payments = new ArrayList<>();
}
