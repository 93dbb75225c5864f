package org.omnitill.persistence.model;

import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** The tax of one rate a return refunded, attributed from the order's stored taxes; amounts positive. */
@Entity
@Table(name = "OT_ORDER_RETURN_TAX")
public class OrderReturnTaxEntity extends TaxLineColumns {
    @ManyToOne(optional = false)
    @JoinColumn(name = "return_id", nullable = false)
    public OrderReturnEntity orderReturn;
}
