package org.omnitill.api.order;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.money.Money;

/**
 * A placed order: immutable, with the lines, taxes and tenders it was sold with (taxes are stored,
 * never recomputed). {@code orderNumber} is unique per store.
 */
public record OrderView(
        String id,
        String orderNumber,
        String storeId,
        String channel,
        String registerId,
        String cartId,
        String cashier,
        Instant placedAt,
        Currency currency,
        boolean pricesIncludeTax,
        List<LineView> lines,
        List<TaxBreakdown> taxes,
        Money subtotal,
        Money taxTotal,
        Money total,
        Money rounding,
        Money paid,
        Money changeGiven,
        List<TenderView> payments) {

    public OrderView {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        payments = List.copyOf(payments);
    }
}
