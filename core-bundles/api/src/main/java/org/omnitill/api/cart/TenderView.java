package org.omnitill.api.cart;

import java.time.Instant;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.TenderStatus;

/**
 * A payment towards a cart. {@code amount} is what it settles of the total, {@code tendered} what
 * the customer handed over, {@code change} what went back and {@code rounding} the cash rounding it
 * settled (tendered = amount + rounding + change).
 */
public record TenderView(
        String id,
        String method,
        TenderStatus status,
        Money amount,
        Money tendered,
        Money change,
        Money rounding,
        String reference,
        Instant createdAt) {
}
