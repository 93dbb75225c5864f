package org.omnitill.persistence.model;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import org.omnitill.api.payment.TenderStatus;

/**
 * Money a return gave back against one of the order's tenders ({@code orderPaymentId}), positive.
 * The sums per tender are what has been refunded of it.
 */
@Entity
@Table(name = "OT_REFUND", indexes = @Index(name = "OT_REFUND_ORDER", columnList = "order_id"))
public class RefundEntity {
    @Id
    @Column(length = 36)
    public String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "return_id", nullable = false)
    public OrderReturnEntity orderReturn;
    @Column(nullable = false)
    public int position;
    @Column(name = "order_id", length = 36, nullable = false)
    public String orderId;
    @Column(name = "order_payment_id", length = 36, nullable = false)
    public String orderPaymentId;
    @Column(length = 64, nullable = false)
    public String method;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    public TenderStatus status;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal amount;
    @Column(name = "provider_reference")
    public String reference;
    @Column(length = 512)
    public String note;
    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant createdAt;
}
