package org.omnitill.api.payment;

import org.omnitill.api.money.Money;

/**
 * A request to take a payment towards a cart.
 *
 * @param paymentId unique per attempt and stable across retries; gateways use it as their idempotency key
 * @param country the store's country, for rules that depend on the jurisdiction (cash rounding)
 * @param due what is still owed on the cart, before any cash rounding
 * @param tendered what the customer hands over or asks to be charged
 */
public record PaymentRequest(String paymentId, String cartId, String storeId, String country, Money due, Money tendered) {
}
