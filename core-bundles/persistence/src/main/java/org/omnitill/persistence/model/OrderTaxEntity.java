package org.omnitill.persistence.model;

import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** The tax of one rate on an order, as sold. */
@Entity
@Table(name = "OT_ORDER_TAX")
public class OrderTaxEntity extends TaxLineColumns {
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public OrderEntity order;
}
