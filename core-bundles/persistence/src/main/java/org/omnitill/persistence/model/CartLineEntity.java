package org.omnitill.persistence.model;

import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/**
 * A cart line with the name, price and tax category the article had when it was added. Indexed by
 * cart: every request on a cart loads its lines, and without the index that is a scan of every line
 * ever sold.
 */
@Entity
@Table(name = "OT_CART_LINE", indexes = @Index(name = "OT_CART_LINE_CART", columnList = "cart_id"))
public class CartLineEntity extends SoldLineColumns {
    @ManyToOne(optional = false)
    @JoinColumn(name = "cart_id", nullable = false)
    public CartEntity cart;

}
