package org.omnitill.api.order;

import org.omnitill.api.catalog.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Checkout and placed orders. Provided by the core.
 *
 * <p>An order is named by its id or, since 1.2, by its order number as printed on the receipt (e.g.
 * {@code berlin-mitte-000001}): every method that takes an {@code orderId} accepts either.
 */
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

    /** @throws org.omnitill.api.error.OmnitillException {@code order_not_found} */
    OrderView order(String orderId);

    /**
     * The receipt text stored with the order when it was placed.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code order_not_found}
     */
    String receipt(String orderId);

    /**
     * The id of the order named by its id or its order number, for the services that take ids only.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code order_not_found}
     * @since 1.2
     */
    String orderIdOf(String idOrNumber);

    /**
     * Orders matching the query, newest first (then by order number, descending), with the total count.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code invalid_parameter} (offset below 0, limit
     *         below 1), {@code invalid_date_range} (the period ends before it starts)
     * @since 1.2
     */
    Page<OrderSummary> search(OrderQuery query);
}
