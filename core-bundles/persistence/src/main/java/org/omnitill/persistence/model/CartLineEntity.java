package org.omnitill.persistence.model;

import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A cart line with the name, price and tax category the article had when it was added. */
@Entity
@Table(name = "OT_CART_LINE")
public class CartLineEntity extends SoldLineColumns {
    @ManyToOne(optional = false)
    @JoinColumn(name = "cart_id", nullable = false)
    public CartEntity cart;

}
