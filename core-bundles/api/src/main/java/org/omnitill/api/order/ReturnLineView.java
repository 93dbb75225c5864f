package org.omnitill.api.order;

import java.math.BigDecimal;

import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;

/**
 * A line of a return. Amounts are what is refunded, as positive amounts: {@code refund} is the
 * customer's share of what they paid for the order line, tax included; {@code tax} is the tax in it
 * and {@code net} the rest ({@code refund = net + tax}). {@code taxCode} is the code of the rate the
 * order line was taxed at (null when untaxed or taxed at several rates). {@code orderLineNo} is the
 * number of the order line on the order.
 */
public record ReturnLineView(
        String id,
        String orderLineId,
        int orderLineNo,
        String sku,
        String name,
        String taxCategory,
        BigDecimal quantity,
        UnitOfMeasure unit,
        Money unitPrice,
        Money net,
        Money tax,
        Money refund,
        String taxCode) {
}
