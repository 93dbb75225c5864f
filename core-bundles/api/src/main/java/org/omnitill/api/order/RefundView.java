package org.omnitill.api.order;

import java.time.Instant;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.TenderStatus;

/**
 * Money going back to the customer against one of the order's original tenders, as a positive
 * amount. {@code note} says how the refund was carried out, e.g. that it was only recorded and
 * the payment provider has not been asked to pay it back.
 *
 * @param originalTenderId the id of the order's tender this refund goes back to
 */
public record RefundView(
        String id,
        String method,
        TenderStatus status,
        Money amount,
        String originalTenderId,
        String reference,
        String note,
        Instant createdAt) {
}
