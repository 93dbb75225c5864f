package org.omnitill.api.cart;

import java.time.Instant;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.TenderStatus;

/**
 * A payment towards a cart. {@code amount} is what it settles of the total, {@code tendered} what
 * the customer handed over, {@code change} what went back and {@code rounding} the cash rounding it
 * settled (tendered = amount + rounding + change). {@code cardBrand}, {@code maskedPan} and
 * {@code authorisationCode} are what may be kept of a card payment (never the card number);
 * {@code message} says why a tender failed or is pending.
 *
 * @since 1.1 ({@code cardBrand}, {@code maskedPan}, {@code authorisationCode}, {@code message})
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
        Instant createdAt,
        String cardBrand,
        String maskedPan,
        String authorisationCode,
        String message) {

    /** The 1.0 form, without card details. */
    public TenderView(String id, String method, TenderStatus status, Money amount, Money tendered, Money change,
            Money rounding, String reference, Instant createdAt) {
        this(id, method, status, amount, tendered, change, rounding, reference, createdAt, null, null, null, null);
    }
}
