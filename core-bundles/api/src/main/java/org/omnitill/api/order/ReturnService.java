package org.omnitill.api.order;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Returns and refunds of placed orders, at any store in the order's currency. Provided by the core.
 *
 * <p>What a return refunds per line is the customer's proportional share of what they paid for that
 * order line, tax included: returning a whole order refunds exactly its total, and partial returns
 * over time never refund a line more than was paid for it (the return that takes the last of a
 * line refunds what is left of it, to the cent). The tax refunded is attributed to the rates stored
 * with the order. Order-level cash rounding is not refunded: refunds are exact amounts.
 *
 * <p>Refunds go back to the order's original tenders in proportion to what each paid. Cash refunds
 * are paid out at the counter. For any other method the refund is <em>recorded</em> against that
 * method but the payment provider is not asked to pay it back: payment plugins can only take
 * payments so far ({@link org.omnitill.api.payment.PaymentMethod}); provider-side refunds are the
 * work of a later API version (issue 5). The {@link RefundView#note()} says which happened.
 */
@ProviderType
public interface ReturnService {

    /**
     * Takes goods of an order back: checks the whole request first, then in one transaction puts
     * the goods back into stock at the return store, records the refund per rate and per tender,
     * draws the store's next return number, stores the return receipt and an outbox event. Either
     * all of that happens or nothing does. Concurrent returns of the same order are serialised, so
     * together they can never return more than was sold.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code order_not_found}, {@code line_not_found},
     *         {@code store_not_found} (not found); {@code return_lines_required}, {@code invalid_quantity}
     *         (not positive, or more decimals than the unit allows), {@code reason_required},
     *         {@code reason_too_long}, {@code invalid_staff_id} (invalid); {@code currency_mismatch}
     *         (unprocessable: the return store keeps another currency than the order);
     *         {@code return_exceeds_sold} (conflict: with what earlier returns took back, more than was sold)
     */
    ReturnView returnLines(String orderId, ReturnRequest request);

    /**
     * The returns of an order, oldest first.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code order_not_found}
     */
    List<ReturnView> returnsOf(String orderId);

    /** @throws org.omnitill.api.error.OmnitillException {@code return_not_found} */
    ReturnView returnById(String returnId);

    /**
     * Pays a refund that its original payment method could not make ({@code FAILED}) in cash instead,
     * with a supervisor's approval: the failed refund stays on record, a cash refund of the same amount
     * is added.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code return_not_found}, {@code refund_not_found}
     *         (not found), {@code refund_not_failed} (conflict)
     */
    ReturnView refundInCash(String returnId, String refundId, String processedBy, String approvedBy);
}
