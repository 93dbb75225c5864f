package org.omnitill.api.payment;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to pay (cash, a card terminal, a gateway, a gift card). Register as an OSGi service with
 * the {@link org.omnitill.api.plugin.PluginProperties}; the plugin id is the method name clients
 * pay with, e.g. {@code cash}.
 */
@ConsumerType
public interface PaymentMethod {

    /**
     * Takes the payment. A decline is a result, not an exception. Called inside the cart's
     * transaction: a method that talks to a provider must make the call idempotent on
     * {@link PaymentRequest#paymentId()}.
     */
    PaymentResult pay(PaymentRequest request);

    /** Whether the customer can hand over more than is due and get change (cash). */
    default boolean givesChange() {
        return false;
    }
}
