package org.omnitill.api.cart;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import org.omnitill.api.money.Money;

/**
 * A cart as priced now. {@code subtotal} adds up the line totals; {@code total} is what the
 * customer owes (equal to the subtotal where prices include tax, subtotal plus tax elsewhere);
 * {@code due} is what is still to pay. {@code taxAvailable} is false when no tax rule covers the
 * store: the cart then shows no tax and cannot be checked out.
 */
public record CartView(
        String id,
        String storeId,
        String channel,
        String registerId,
        CartStatus status,
        Currency currency,
        boolean pricesIncludeTax,
        List<LineView> lines,
        List<TaxBreakdown> taxes,
        boolean taxAvailable,
        Money subtotal,
        Money taxTotal,
        Money total,
        Money rounding,
        Money paid,
        Money due,
        Money changeGiven,
        List<TenderView> payments,
        String orderId,
        Instant createdAt,
        Instant updatedAt) {

    public CartView {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        payments = List.copyOf(payments);
    }
}
