package org.omnitill.persistence.model;

import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A tender as it stood when the order was placed; its id is the tender's. */
@Entity
@Table(name = "OT_ORDER_PAYMENT")
public class OrderPaymentEntity extends PaymentColumns {
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public OrderEntity order;
}
