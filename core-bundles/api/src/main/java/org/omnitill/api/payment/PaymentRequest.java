package org.omnitill.api.payment;

import java.util.Map;

import org.omnitill.api.money.Money;

/**
 * A request to take a payment towards a cart.
 *
 * @param paymentId unique per attempt and stable across retries (the core derives it from the
 *        client's {@code Idempotency-Key}); gateways and terminals use it as their idempotency key
 *        and transaction id, so that a retry after a timeout never charges twice
 * @param country the store's country, for rules that depend on the jurisdiction (cash rounding)
 * @param due what is still owed on the cart, before any cash rounding
 * @param tendered what the customer hands over or asks to be charged
 * @param registerId the register the sale is made at (a terminal plugin maps it to its terminal), or null
 * @param data method-specific input from the client, e.g. {@code giftCardNumber} or a gateway's
 *        {@code paymentMethod} token; never a card number (the platform stays out of PCI scope)
 * @since 1.1 ({@code registerId}, {@code data})
 */
public record PaymentRequest(String paymentId, String cartId, String storeId, String country, Money due, Money tendered,
        String registerId, Map<String, String> data) {

    public PaymentRequest {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** The 1.0 form: no register and no method-specific data. */
    public PaymentRequest(String paymentId, String cartId, String storeId, String country, Money due, Money tendered) {
        this(paymentId, cartId, storeId, country, due, tendered, null, Map.of());
    }
}
