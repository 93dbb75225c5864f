package org.omnitill.api.order;

import java.time.Instant;
import java.util.Currency;

import org.omnitill.api.money.Money;

/**
 * An order as a list of orders shows it: without its lines, with what has been refunded of it so far
 * (the refund totals of its returns; zero when none).
 *
 * @since 1.2
 */
public record OrderSummary(
        String id,
        String orderNumber,
        String storeId,
        String channel,
        String registerId,
        String cashier,
        Instant placedAt,
        Currency currency,
        Money total,
        Money taxTotal,
        int lineCount,
        Money refunded) {
}
