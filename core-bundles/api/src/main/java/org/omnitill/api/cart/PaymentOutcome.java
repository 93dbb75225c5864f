package org.omnitill.api.cart;

/** The tender a payment produced and the cart after it. */
public record PaymentOutcome(TenderView tender, CartView cart) {
}
