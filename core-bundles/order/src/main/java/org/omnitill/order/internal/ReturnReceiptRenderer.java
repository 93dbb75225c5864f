package org.omnitill.order.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.RefundView;
import org.omnitill.api.order.ReturnLineView;
import org.omnitill.api.order.ReturnView;
import org.omnitill.api.store.StoreView;
import org.omnitill.persistence.model.OrderEntity;
import org.omnitill.persistence.model.OrderTaxEntity;

/**
 * Renders a return as receipt text for a 42-column printer, in the style of the sales receipt: the
 * store it was processed at, the return and original order numbers, the returned lines and totals as
 * negative amounts with the tax letters of the original receipt, the refund per tender, the tax
 * refunded per rate, and who processed and approved it.
 */
final class ReturnReceiptRenderer {

    static final int WIDTH = ReceiptRenderer.WIDTH;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReturnReceiptRenderer() {
    }

    static String render(ReturnView ret, OrderEntity order, StoreView store, ZoneId zone) {
        // the letters of the original receipt: A for the order's first rate, B for its second, ...
        Map<String, Character> letters = new HashMap<>();
        char next = 'A';
        for (OrderTaxEntity tax : order.taxes) {
            letters.put(tax.code, next++);
        }
        StringBuilder out = new StringBuilder();
        center(out, store.name());
        if (store.city() != null) {
            center(out, (store.postalCode() == null ? "" : store.postalCode() + " ") + store.city());
        }
        center(out, "RETURN");
        rule(out);
        pair(out, "Return " + ret.number(), TIME.format(ret.createdAt().atZone(zone)));
        pair(out, "Order " + order.orderNumber, TIME.format(order.placedAt.atZone(zone)));
        if (!order.storeId.equals(ret.storeId())) {
            pair(out, "Sold at", order.storeId);
        }
        if (ret.processedBy() != null) {
            pair(out, "Processed by", ret.processedBy());
        }
        if (ret.approvedBy() != null) {
            pair(out, "Approved by", ret.approvedBy());
        }
        out.append(clip("Reason: " + ret.reason(), WIDTH)).append('\n');
        rule(out);
        Money subtotal = ret.refundTotal().minus(ret.taxTotal());
        for (ReturnLineView line : ret.lines()) {
            out.append(clip(line.name(), WIDTH)).append('\n');
            String qty = "-" + line.quantity().toPlainString();
            qty = line.unit() == UnitOfMeasure.EACH
                    ? qty + " x " + line.unitPrice().amount().toPlainString()
                    : qty + " " + line.unit().symbol() + " x " + line.unitPrice().amount().toPlainString() + "/"
                            + line.unit().symbol();
            Character letter = line.taxCode() == null ? null : letters.get(line.taxCode());
            Money amount = order.pricesIncludeTax ? line.refund() : line.net();
            pair(out, "  " + qty, negative(amount) + " " + (letter == null ? " " : String.valueOf(letter)));
        }
        rule(out);
        if (!order.pricesIncludeTax) {
            pair(out, "Subtotal", negative(subtotal));
            pair(out, "Tax", negative(ret.taxTotal()));
        }
        pair(out, "REFUND " + ret.refundTotal().currencyCode(), negative(ret.refundTotal()));
        for (RefundView refund : ret.refunds()) {
            pair(out, capitalize(refund.method()), negative(refund.amount()));
        }
        rule(out);
        if (!ret.taxes().isEmpty()) {
            out.append(String.format("%-12s%10s%10s%10s%n", "Tax", "Net", "Tax", "Gross"));
            ret.taxes().forEach(tax -> out.append(String.format("%-12s%10s%10s%10s%n",
                    clip(letters.getOrDefault(tax.code(), ' ') + " " + tax.rate().toPlainString() + "%", 12),
                    negative(tax.taxableAmount()), negative(tax.tax()), negative(tax.grossAmount()))));
            if (order.pricesIncludeTax) {
                out.append("Prices include tax.\n");
            }
            rule(out);
        }
        center(out, "Please keep this receipt");
        return out.toString();
    }

    private static String negative(Money money) {
        return money.negate().amount().toPlainString();
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
