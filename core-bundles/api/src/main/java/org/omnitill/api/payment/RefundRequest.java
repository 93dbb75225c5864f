package org.omnitill.api.payment;

import org.omnitill.api.money.Money;

/**
 * Gives back part or all of a captured payment.
 *
 * @param refundId unique per refund and stable across retries: the provider's idempotency key
 * @param original the payment refunded
 * @param amount how much, at most what is left of the original
 * @param reason why, for the provider's records
 */
public record RefundRequest(String refundId, PaymentReference original, Money amount, String reason) {
}
