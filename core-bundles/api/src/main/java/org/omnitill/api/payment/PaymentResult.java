package org.omnitill.api.payment;

import java.util.Objects;

import org.omnitill.api.money.Money;

/**
 * What a payment method did.
 *
 * @param status {@code CAPTURED} when the money is taken, {@code AUTHORIZED} when it is only
 *        reserved, {@code PENDING} when the outcome is not known yet (a terminal timed out): the core
 *        asks again with {@link PaymentMethod#status}; {@code FAILED} when declined
 * @param applied what the tender settles of the amount due (never more than due)
 * @param change what goes back to the customer (cash only)
 * @param rounding the cash rounding difference the tender settled on top of {@code applied}, e.g.
 *        +0.02 when CHF 12.33 is paid in cash as 12.35; zero otherwise
 * @param reference the provider's reference (PSP reference, terminal transaction id), or null
 * @param message why it was declined or is pending, for the cashier; null when approved
 * @param card what may be kept of the card, or null for other methods
 * @since 1.1 ({@code card})
 */
public record PaymentResult(TenderStatus status, Money applied, Money change, Money rounding, String reference,
        String message, CardDetails card) {

    public PaymentResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(rounding, "rounding");
    }

    /** The 1.0 form, without card details. */
    public PaymentResult(TenderStatus status, Money applied, Money change, Money rounding, String reference,
            String message) {
        this(status, applied, change, rounding, reference, message, null);
    }

    public static PaymentResult captured(Money applied, Money change, Money rounding, String reference) {
        return new PaymentResult(TenderStatus.CAPTURED, applied, change, rounding, reference, null, null);
    }

    /** A card payment taken in full, with what may be kept of the card. */
    public static PaymentResult capturedByCard(Money applied, String reference, CardDetails card) {
        Money zero = Money.zero(applied.currency());
        return new PaymentResult(TenderStatus.CAPTURED, applied, zero, zero, reference, null, card);
    }

    public static PaymentResult declined(Money zero, String message) {
        return new PaymentResult(TenderStatus.FAILED, zero, zero, zero, null, message, null);
    }

    /** The outcome is not known yet; the core will ask {@link PaymentMethod#status}. */
    public static PaymentResult pending(Money zero, String reference, String message) {
        return new PaymentResult(TenderStatus.PENDING, zero, zero, zero, reference, message, null);
    }
}
