package org.omnitill.api.payment;

import java.util.Objects;

import org.omnitill.api.money.Money;

/**
 * What a payment method did.
 *
 * @param applied what the tender settles of the amount due (never more than due)
 * @param change what goes back to the customer (cash only)
 * @param rounding the cash rounding difference the tender settled on top of {@code applied}, e.g.
 *        +0.02 when CHF 12.33 is paid in cash as 12.35; zero otherwise
 * @param reference the provider's reference (authorisation code, receipt number), or null
 * @param message why it was declined or is pending, for the cashier; null when approved
 */
public record PaymentResult(TenderStatus status, Money applied, Money change, Money rounding, String reference,
        String message) {

    public PaymentResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(rounding, "rounding");
    }

    public static PaymentResult captured(Money applied, Money change, Money rounding, String reference) {
        return new PaymentResult(TenderStatus.CAPTURED, applied, change, rounding, reference, null);
    }

    public static PaymentResult declined(Money zero, String message) {
        return new PaymentResult(TenderStatus.FAILED, zero, zero, zero, null, message);
    }
}
