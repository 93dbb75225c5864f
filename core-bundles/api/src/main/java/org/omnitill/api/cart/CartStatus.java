package org.omnitill.api.cart;

/** An open cart can change; a checked-out cart is frozen and has become an order. */
public enum CartStatus {
    OPEN, CHECKED_OUT
}
