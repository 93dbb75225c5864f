package org.omnitill.order.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.store.StoreView;

/**
 * Renders an order as receipt text for a 42-column printer: lines with a tax letter, totals,
 * tenders and the tax breakdown per rate, as EU receipts must show it.
 *
 * <p>A line whose price was overridden shows {@code Price override 2.49 -> 1.99} under it; a
 * discounted line shows its amount before the discount and under it {@code Discount 10%} with the
 * negative amount in the amount column, so that the column adds up to the subtotal.
 */
final class ReceiptRenderer {

    static final int WIDTH = 42;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReceiptRenderer() {
    }

    static String render(OrderView order, StoreView store, ZoneId zone) {
        return render(order, store, zone, null);
    }

    /** @param exemptionCertificate the customer's tax exemption certificate, printed when not null */
    static String render(OrderView order, StoreView store, ZoneId zone, String exemptionCertificate) {
        Map<String, Character> letters = new HashMap<>();
        char next = 'A';
        for (TaxBreakdown tax : order.taxes()) {
            letters.put(tax.code(), next++);
        }
        StringBuilder out = new StringBuilder();
        center(out, store.name());
        if (store.city() != null) {
            center(out, (store.postalCode() == null ? "" : store.postalCode() + " ") + store.city());
        }
        rule(out);
        pair(out, "Order " + order.orderNumber(), TIME.format(order.placedAt().atZone(zone)));
        pair(out, order.registerId() == null ? order.channel() : "Register " + order.registerId(),
                order.cashier() == null ? "" : "Cashier " + order.cashier());
        rule(out);
        for (LineView line : order.lines()) {
            out.append(clip(line.name(), WIDTH)).append('\n');
            String qty = line.unit() == UnitOfMeasure.EACH
                    ? line.quantity().toPlainString() + " x " + line.unitPrice().amount().toPlainString()
                    : line.quantity().toPlainString() + " " + line.unit().symbol() + " x "
                            + line.unitPrice().amount().toPlainString() + "/" + line.unit().symbol();
            String letter = letterOf(line, letters);
            pair(out, "  " + qty, line.undiscountedTotal().amount().toPlainString() + " " + letter);
            if (line.priceOverridden()) {
                out.append(clip("  Price override " + line.regularUnitPrice().amount().toPlainString() + " -> "
                        + line.unitPrice().amount().toPlainString(), WIDTH)).append('\n');
            }
            if (line.discount().isPositive()) {
                String label = line.discountPercent() == null ? "  Discount"
                        : "  Discount " + line.discountPercent().toPlainString() + "%";
                pair(out, label, line.discount().negate().amount().toPlainString() + "  ");
            }
        }
        rule(out);
        if (!order.pricesIncludeTax()) {
            pair(out, "Subtotal", amount(order.subtotal()));
            pair(out, "Tax", amount(order.taxTotal()));
        }
        pair(out, "TOTAL " + order.currency().getCurrencyCode(), amount(order.total()));
        if (!order.rounding().isZero()) {
            pair(out, "Cash rounding", signed(order.rounding()));
            pair(out, "To pay", amount(order.total().plus(order.rounding())));
        }
        for (TenderView tender : order.payments()) {
            pair(out, capitalize(tender.method()), amount(tender.tendered()));
        }
        if (!order.changeGiven().isZero()) {
            pair(out, "Change", amount(order.changeGiven()));
        }
        rule(out);
        if (exemptionCertificate != null) {
            String oneLine = "Tax exemption certificate " + exemptionCertificate;
            if (oneLine.length() <= WIDTH) {
                out.append(oneLine).append('\n');
            } else {
                // printed whole, never clipped: the certificate is what the exemption rests on
                out.append("Tax exemption certificate").append('\n');
                for (int i = 0; i < exemptionCertificate.length(); i += WIDTH - 2) {
                    out.append("  ").append(exemptionCertificate, i, Math.min(exemptionCertificate.length(), i + WIDTH - 2))
                            .append('\n');
                }
            }
            rule(out);
        }
        if (!order.taxes().isEmpty()) {
            out.append(String.format("%-12s%10s%10s%10s%n", "Tax", "Net", "Tax", "Gross"));
            for (TaxBreakdown tax : order.taxes()) {
                out.append(String.format("%-12s%10s%10s%10s%n",
                        clip(letters.get(tax.code()) + " " + tax.rate().toPlainString() + "%", 12),
                        amount(tax.taxableAmount()), amount(tax.tax()), amount(tax.grossAmount())));
            }
            if (order.pricesIncludeTax()) {
                out.append("Prices include tax.\n");
            }
            rule(out);
        }
        center(out, "Thank you for shopping with us");
        return out.toString();
    }

    /** The letter of the rate a line was taxed at; blank when untaxed or taxed at several rates. */
    private static String letterOf(LineView line, Map<String, Character> letters) {
        Character letter = line.taxCode() == null ? null : letters.get(line.taxCode());
        return letter == null ? " " : String.valueOf(letter);
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static String signed(Money money) {
        return (money.isNegative() ? "" : "+") + money.amount().toPlainString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width);
    }

    private static void rule(StringBuilder out) {
        out.append("-".repeat(WIDTH)).append('\n');
    }

    private static void center(StringBuilder out, String text) {
        String t = clip(text, WIDTH);
        out.append(" ".repeat((WIDTH - t.length()) / 2)).append(t).append('\n');
    }

    private static void pair(StringBuilder out, String left, String right) {
        int room = WIDTH - right.length() - 1;
        String l = clip(left, Math.max(room, 0));
        out.append(l).append(" ".repeat(Math.max(1, WIDTH - l.length() - right.length()))).append(right).append('\n');
    }
}
