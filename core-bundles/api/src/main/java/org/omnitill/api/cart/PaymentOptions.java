package org.omnitill.api.cart;

import java.util.Map;

/**
 * How a payment is made beyond its method and amount.
 *
 * @param paymentKey the client's idempotency key for this payment (REST's {@code Idempotency-Key}):
 *        the core derives the payment id the provider sees from it, so a retry after a timeout finds
 *        the first attempt instead of charging again; null for a one-off attempt
 * @param data method-specific input passed to the plugin, e.g. {@code giftCardNumber}, a gateway's
 *        {@code paymentMethod} token; never a card number
 */
public record PaymentOptions(String paymentKey, Map<String, String> data) {

    public static final PaymentOptions NONE = new PaymentOptions(null, Map.of());

    public PaymentOptions {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
