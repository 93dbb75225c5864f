package org.omnitill.api.payment;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to pay (cash, a card terminal, a gateway, a gift card). Register as an OSGi service with
 * the {@link org.omnitill.api.plugin.PluginProperties}; the plugin id is the method name clients
 * pay with, e.g. {@code cash}.
 *
 * <p>Every call must be idempotent on its id ({@link PaymentRequest#paymentId()},
 * {@link RefundRequest#refundId()}): the core repeats a call after a timeout or a crash, and the
 * customer must never be charged or refunded twice. A decline is a result, not an exception; an
 * exception means the outcome is unknown, and the core treats the tender as pending.
 */
@ConsumerType
public interface PaymentMethod {

    /** Takes the payment. */
    PaymentResult pay(PaymentRequest request);

    /** Whether the customer can hand over more than is due and get change (cash). */
    default boolean givesChange() {
        return false;
    }

    /**
     * Whether {@link #pay} decides at once inside this process, with nothing outside it to ask, wait for
     * or undo (cash). The core then asks inside the transaction that checks the cart and records the
     * payment settled, instead of recording it pending, asking outside any transaction and settling it
     * in a second one. Must stay false for anything that talks to a terminal, a gateway or a store of its
     * own: those calls may be slow and their outcome may be unknown after a crash.
     *
     * @since 1.2
     */
    default boolean settlesInProcess() {
        return false;
    }

    /**
     * Where a payment whose outcome was not known stands now ({@code PENDING} after a timeout or a
     * crash): the core asks on restart and before it lets the cart go on.
     *
     * @since 1.1
     */
    default PaymentResult status(PaymentReference payment) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot look up payments");
    }

    /**
     * Cancels a payment of a cart that is not checked out yet (the customer changed their mind, or a
     * pending payment turned out to have gone through after all). Returns {@code VOIDED} or
     * {@code FAILED}.
     *
     * @since 1.1
     */
    default PaymentResult cancel(PaymentReference payment) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot cancel payments");
    }

    /** Refunds part or all of a captured payment. @since 1.1 */
    default RefundResult refund(RefundRequest request) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot refund");
    }

    /** Where a refund whose outcome was not known stands now. @since 1.1 */
    default RefundResult refundStatus(RefundRequest request) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot look up refunds");
    }
}
