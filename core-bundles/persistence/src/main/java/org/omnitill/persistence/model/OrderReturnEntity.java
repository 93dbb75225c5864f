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
 * A return of goods of a placed order, with the refund it gave. Written once and never updated,
 * like the order. {@code storeId} is where the goods came back, which need not be where they were
 * sold; {@code returnNumber} is unique per that store.
 */
@Entity
@Table(name = "OT_ORDER_RETURN",
        uniqueConstraints = {
                @UniqueConstraint(name = "OT_ORDER_RETURN_STORE_NUMBER", columnNames = {"store_id", "return_number"}),
                @UniqueConstraint(name = "OT_ORDER_RETURN_ORDER_SEQ", columnNames = {"order_id", "order_sequence"})},
        indexes = @Index(name = "OT_ORDER_RETURN_ORDER", columnList = "order_id"))
public class OrderReturnEntity {
    @Id
    @Column(length = 36)
    public String id;
    @Column(name = "return_number", length = 80, nullable = false)
    public String returnNumber;
    @Column(name = "store_id", length = 64, nullable = false)
    public String storeId;
    @Column(name = "order_id", length = 36, nullable = false)
    public String orderId;
    /** 1 for an order's first return, 2 for its second, ...: drawn under the order's row lock. */
    @Column(name = "order_sequence", nullable = false)
    public int orderSequence;
    @Column(name = "order_number", length = 64, nullable = false)
    public String orderNumber;
    @Column(length = 3, nullable = false)
    public String currency;
    @Column(nullable = false)
    public String reason;
    @Column(name = "processed_by", length = 64)
    public String processedBy;
    @Column(name = "approved_by", length = 64)
    public String approvedBy;
    @Column(name = "node_id", length = 64, nullable = false)
    public String nodeId;
    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant createdAt;
    /** What went back to the customer, tax included; positive. */
    @Column(name = "refund_total", precision = 19, scale = 4, nullable = false)
    public BigDecimal refundTotal;
    @Column(name = "tax_total", precision = 19, scale = 4, nullable = false)
    public BigDecimal taxTotal;
    @Lob
    @Column(name = "receipt_text", nullable = false)
    public String receiptText;

    @OneToMany(mappedBy = "orderReturn", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    public List<OrderReturnLineEntity> lines = new ArrayList<>();

    @OneToMany(mappedBy = "orderReturn", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<OrderReturnTaxEntity> taxes = new ArrayList<>();

    @OneToMany(mappedBy = "orderReturn", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<RefundEntity> refunds = new ArrayList<>();
}
