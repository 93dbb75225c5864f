package org.omnitill.api.order;

import org.osgi.annotation.versioning.ProviderType;

/** Checkout and placed orders. Provided by the core. */
@ProviderType
public interface OrderService {

    /**
     * Turns a fully paid cart into an order, in one transaction with the stock it takes: either the
     * order exists and stock is down, or nothing changed.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code out_of_stock} (conflict), {@code cart_not_paid},
     *         {@code tax_rule_unavailable} (unprocessable), {@code cart_closed} (conflict)
     */
    OrderView checkout(String cartId, String cashier);

    OrderView order(String orderId);

    /** The receipt text stored with the order when it was placed. */
    String receipt(String orderId);
}
