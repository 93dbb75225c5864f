package org.omnitill.api.cart;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.TaxAddress;

/**
 * A cart as priced now. {@code subtotal} adds up the line totals; {@code total} is what the
 * customer owes (equal to the subtotal where prices include tax, subtotal plus tax elsewhere);
 * {@code due} is what is still to pay. {@code taxAvailable} is false when no tax rule covers the
 * store, or the rule the store is configured with is not installed: the cart then shows no tax and
 * cannot be paid or checked out.
 *
 * <p>{@code taxExemptionCertificate} is the customer's exemption certificate (null when none) and
 * {@code shipTo} the address the goods are shipped to (null for a sale over the counter); both go to
 * the tax rule, which taxes a shipped cart at its destination. {@code taxRuleId} is the plugin id of
 * the tax rule that taxes the cart; when {@code taxAvailable} is false and it is not null, it names
 * the rule the store is configured with that is not installed.
 *
 * @since 1.1 ({@code taxExemptionCertificate}, {@code shipTo}, {@code taxRuleId}; the 1.0
 *        constructor still works and leaves them null)
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
        Instant updatedAt,
        String taxExemptionCertificate,
        TaxAddress shipTo,
        String taxRuleId) {

    public CartView {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        payments = List.copyOf(payments);
    }

    /** A cart without exemption or ship-to, as in version 1.0 of this record. */
    public CartView(String id, String storeId, String channel, String registerId, CartStatus status,
            Currency currency, boolean pricesIncludeTax, List<LineView> lines, List<TaxBreakdown> taxes,
            boolean taxAvailable, Money subtotal, Money taxTotal, Money total, Money rounding, Money paid, Money due,
            Money changeGiven, List<TenderView> payments, String orderId, Instant createdAt, Instant updatedAt) {
        this(id, storeId, channel, registerId, status, currency, pricesIncludeTax, lines, taxes, taxAvailable, subtotal,
                taxTotal, total, rounding, paid, due, changeGiven, payments, orderId, createdAt, updatedAt, null, null,
                null);
    }
}
