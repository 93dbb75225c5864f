package org.omnitill.order.internal;

import java.time.ZoneId;
import java.util.Map;

import org.omnitill.api.money.Money;
import org.omnitill.api.order.RefundView;
import org.omnitill.api.order.ReturnLineView;
import org.omnitill.api.order.ReturnView;
import org.omnitill.api.store.StoreView;
import org.omnitill.persistence.model.OrderEntity;

/**
 * Renders a return as receipt text for a 42-column printer ({@link ReceiptLayout}), in the style of
 * the sales receipt: the store it was processed at, the return and original order numbers, the
 * returned lines and totals as negative amounts with the tax letters of the original receipt, the
 * refund per tender, the tax refunded per rate, and who processed and approved it.
 */
final class ReturnReceiptRenderer {

    private ReturnReceiptRenderer() {
    }

    static String render(ReturnView ret, OrderEntity order, StoreView store, ZoneId zone) {
        // the letters of the original receipt: A for the order's first rate, B for its second, ...
        Map<String, Character> letters = ReceiptLayout.taxLetters(order.taxes.stream().map(t -> t.code).toList());
        ReceiptLayout out = new ReceiptLayout().storeHeader(store).center("RETURN").rule();
        out.pairWhole("Return " + ret.number(), ReceiptLayout.time(ret.createdAt(), zone));
        out.pairWhole("Order " + order.orderNumber, ReceiptLayout.time(order.placedAt, zone));
        if (!order.storeId.equals(ret.storeId())) {
            out.pair("Sold at", order.storeId);
        }
        if (ret.processedBy() != null) {
            out.pair("Processed by", ret.processedBy());
        }
        if (ret.approvedBy() != null) {
            out.pair("Approved by", ret.approvedBy());
        }
        out.line("Reason: " + ret.reason());
        out.rule();
        Money subtotal = ret.refundTotal().minus(ret.taxTotal());
        for (ReturnLineView line : ret.lines()) {
            out.line(line.name());
            String qty = ReceiptLayout.quantity("-" + line.quantity().toPlainString(), line.unit(),
                    line.unitPrice().amount());
            Money amount = order.pricesIncludeTax ? line.refund() : line.net();
            out.pair("  " + qty, negative(amount) + " " + ReceiptLayout.letterOf(line.taxCode(), letters));
        }
        out.rule();
        if (!order.pricesIncludeTax) {
            out.pair("Subtotal", negative(subtotal));
            out.pair("Tax", negative(ret.taxTotal()));
        }
        out.pair("REFUND " + ret.refundTotal().currencyCode(), negative(ret.refundTotal()));
        for (RefundView refund : ret.refunds()) {
            out.pair(ReceiptLayout.capitalize(refund.method()), negative(refund.amount()));
        }
        out.rule();
        if (!ret.taxes().isEmpty()) {
            out.taxHeader();
            ret.taxes().forEach(tax -> out.taxRow(letters.getOrDefault(tax.code(), ' '), tax.rate(),
                    negative(tax.taxableAmount()), negative(tax.tax()), negative(tax.grossAmount())));
            if (order.pricesIncludeTax) {
                out.line("Prices include tax.");
            }
            out.rule();
        }
        out.center("Please keep this receipt");
        return out.toString();
    }

    private static String negative(Money money) {
        return money.negate().amount().toPlainString();
    }
}
