package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

@Entity
@Table(name = "OT_ORDER_LINE")
public class OrderLineEntity extends SoldLineColumns {
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public OrderEntity order;
    @Column(name = "line_total", precision = 19, scale = 4, nullable = false)
    public BigDecimal lineTotal;
    @Column(name = "tax_code", length = 64)
    public String taxCode;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal tax;
    /** Where the goods leave from; lines of one order may be fulfilled from different locations. */
    @Column(name = "fulfilled_from", length = 64, nullable = false)
    public String fulfilledFrom;

}
