package org.omnitill.order.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.order.RefundView;
import org.omnitill.api.order.ReturnLineView;
import org.omnitill.api.order.ReturnView;
import org.omnitill.persistence.model.OrderEntity;
import org.omnitill.persistence.model.OrderReturnEntity;

/** Maps stored returns to the API's view, with the stored figures as they are. */
final class ReturnViews {

    private ReturnViews() {
    }

    static ReturnView view(OrderReturnEntity r) {
        Currency currency = Money.currency(r.currency);
        return new ReturnView(r.id, r.returnNumber, r.orderId, r.orderNumber, r.storeId,
                r.lines.stream().map(l -> new ReturnLineView(l.id, l.orderLineId, l.orderLineNo, l.sku, l.name,
                        l.taxCategory, plain(l.quantity), l.unit, Money.of(l.unitPrice, currency),
                        Money.of(l.net, currency), Money.of(l.tax, currency), Money.of(l.refund, currency), l.taxCode))
                        .toList(),
                Money.of(r.refundTotal, currency), Money.of(r.taxTotal, currency),
                r.taxes.stream().map(t -> new TaxBreakdown(t.jurisdiction, t.code, t.name, plain(t.rate),
                        Money.of(t.taxableAmount, currency), Money.of(t.tax, currency),
                        Money.of(t.grossAmount, currency))).toList(),
                r.refunds.stream().map(f -> new RefundView(f.id, f.method, f.status, Money.of(f.amount, currency),
                        f.orderPaymentId, f.reference, f.note, f.createdAt)).toList(),
                r.processedBy, r.approvedBy, r.reason, r.createdAt, r.receiptText);
    }

    /**
     * The return as the document a {@link org.omnitill.api.device.Receipt} carries: device API 1.0
     * receipts are order-shaped, so a return goes to printers as an order view of the return
     * document itself: its id and number, the return store, negative quantities and amounts, and
     * its refunds as {@code REFUNDED} tenders of negative amounts. Printers file it under the
     * return number, never over the original order's receipt.
     */
    static OrderView asReceiptDocument(ReturnView r, OrderEntity order) {
        Currency currency = Money.currency(order.currency);
        Money zero = Money.zero(currency);
        List<LineView> lines = new ArrayList<>();
        Money subtotal = zero;
        for (ReturnLineView l : r.lines()) {
            Money amount = order.pricesIncludeTax ? l.refund() : l.net();
            subtotal = subtotal.plus(amount);
            lines.add(new LineView(l.id(), l.orderLineNo(), l.sku(), l.name(), null, l.quantity().negate(), l.unit(),
                    l.unitPrice(), amount.negate(), l.taxCategory(), l.taxCode(), l.tax().negate()));
        }
        List<TaxBreakdown> taxes = r.taxes().stream().map(t -> new TaxBreakdown(t.jurisdiction(), t.code(), t.name(),
                t.rate(), t.taxableAmount().negate(), t.tax().negate(), t.grossAmount().negate())).toList();
        List<TenderView> payments = r.refunds().stream().map(f -> new TenderView(f.id(), f.method(), f.status(),
                f.amount().negate(), f.amount().negate(), zero, zero, f.reference(), f.createdAt())).toList();
        return new OrderView(r.id(), r.number(), r.storeId(), order.channel, null, order.cartId, r.processedBy(),
                r.createdAt(), currency, order.pricesIncludeTax, lines, taxes, subtotal.negate(), r.taxTotal().negate(),
                r.refundTotal().negate(), zero, r.refundTotal().negate(), zero, payments);
    }

    /** 2 rather than 2.000 for pieces and 20 rather than 20.0000 for a rate. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
