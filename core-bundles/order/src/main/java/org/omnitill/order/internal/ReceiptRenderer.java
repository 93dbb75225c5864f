package org.omnitill.order.internal;

import java.time.ZoneId;
import java.util.Map;

import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.store.StoreView;

/**
 * Renders an order as receipt text for a 42-column printer ({@link ReceiptLayout}): lines with a
 * tax letter, totals, tenders and the tax breakdown per rate, as EU receipts must show it.
 *
 * <p>A line whose price was overridden shows {@code Price override 2.49 -> 1.99} under it; a
 * discounted line shows its amount before the discount and under it {@code Discount 10%} with the
 * negative amount in the amount column, so that the column adds up to the subtotal.
 */
final class ReceiptRenderer {

    private ReceiptRenderer() {
    }

    static String render(OrderView order, StoreView store, ZoneId zone) {
        return render(order, store, zone, null);
    }

    /** @param exemptionCertificate the customer's tax exemption certificate, printed when not null */
    static String render(OrderView order, StoreView store, ZoneId zone, String exemptionCertificate) {
        Map<String, Character> letters =
                ReceiptLayout.taxLetters(order.taxes().stream().map(TaxBreakdown::code).toList());
        ReceiptLayout out = new ReceiptLayout().storeHeader(store).rule();
        out.pairWhole("Order " + order.orderNumber(), ReceiptLayout.time(order.placedAt(), zone));
        out.pair(order.registerId() == null ? order.channel() : "Register " + order.registerId(),
                order.cashier() == null ? "" : "Cashier " + order.cashier());
        out.rule();
        for (LineView line : order.lines()) {
            out.line(line.name());
            String qty = ReceiptLayout.quantity(line.quantity().toPlainString(), line.unit(),
                    line.unitPrice().amount());
            out.pair("  " + qty,
                    amount(line.undiscountedTotal()) + " " + ReceiptLayout.letterOf(line.taxCode(), letters));
            if (line.priceOverridden()) {
                out.line("  Price override " + amount(line.regularUnitPrice()) + " -> " + amount(line.unitPrice()));
            }
            if (line.discount().isPositive()) {
                String label = line.discountPercent() == null ? "  Discount"
                        : "  Discount " + line.discountPercent().toPlainString() + "%";
                out.pair(label, amount(line.discount().negate()) + "  ");
            }
        }
        out.rule();
        if (!order.pricesIncludeTax()) {
            out.pair("Subtotal", amount(order.subtotal()));
            out.pair("Tax", amount(order.taxTotal()));
        }
        out.pair("TOTAL " + order.currency().getCurrencyCode(), amount(order.total()));
        if (!order.rounding().isZero()) {
            out.pair("Cash rounding", signed(order.rounding()));
            out.pair("To pay", amount(order.total().plus(order.rounding())));
        }
        for (TenderView tender : order.payments()) {
            out.pair(ReceiptLayout.capitalize(tender.method()), amount(tender.tendered()));
        }
        if (!order.changeGiven().isZero()) {
            out.pair("Change", amount(order.changeGiven()));
        }
        out.rule();
        if (exemptionCertificate != null) {
            // printed whole, never clipped: the certificate is what the exemption rests on
            out.wrapped("Tax exemption certificate", exemptionCertificate).rule();
        }
        if (!order.taxes().isEmpty()) {
            out.taxHeader();
            for (TaxBreakdown tax : order.taxes()) {
                out.taxRow(letters.getOrDefault(tax.code(), ' '), tax.rate(), amount(tax.taxableAmount()),
                        amount(tax.tax()), amount(tax.grossAmount()));
            }
            if (order.pricesIncludeTax()) {
                out.line("Prices include tax.");
            }
            out.rule();
        }
        out.center("Thank you for shopping with us");
        return out.toString();
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static String signed(Money money) {
        return (money.isNegative() ? "" : "+") + money.amount().toPlainString();
    }
}
