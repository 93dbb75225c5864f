package org.omnitill.api.order;

import java.time.Instant;
import java.util.List;

import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.money.Money;

/**
 * A processed return: immutable, like the order it returns goods of. Amounts are positive amounts
 * refunded. {@code number} is unique per store ({@code storeId}: where the goods came back, not
 * necessarily where they were sold). {@code taxes} is the tax refunded per rate, taken from the
 * taxes stored with the order (never recomputed with today's rules); {@code refunds} what went
 * back per original tender. {@code receipt} is the return receipt text as rendered when the return
 * was processed.
 */
public record ReturnView(
        String id,
        String number,
        String orderId,
        String orderNumber,
        String storeId,
        List<ReturnLineView> lines,
        Money refundTotal,
        Money taxTotal,
        List<TaxBreakdown> taxes,
        List<RefundView> refunds,
        String processedBy,
        String approvedBy,
        String reason,
        Instant createdAt,
        String receipt) {

    public ReturnView {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        refunds = List.copyOf(refunds);
    }
}
