package org.omnitill.api.payment;

import java.util.Objects;

import org.omnitill.api.money.Money;

/**
 * What a refund did: {@code REFUNDED}, {@code PENDING} (ask again with {@link PaymentMethod#refundStatus})
 * or {@code FAILED} (the original cannot be refunded; the core then offers cash or store credit with a
 * supervisor's approval).
 */
public record RefundResult(TenderStatus status, Money amount, String reference, String message) {

    public RefundResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
    }

    public static RefundResult refunded(Money amount, String reference) {
        return new RefundResult(TenderStatus.REFUNDED, amount, reference, null);
    }

    public static RefundResult failed(Money amount, String message) {
        return new RefundResult(TenderStatus.FAILED, amount, null, message);
    }
}
