package org.omnitill.order.internal;

import java.util.Currency;

import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;
import org.omnitill.persistence.model.OrderEntity;

/** Maps stored orders to the API's view; the stored figures are shown as they are, never recomputed. */
final class OrderViews {

    private OrderViews() {
    }

    private static java.math.BigDecimal percent(java.math.BigDecimal rate) {
        java.math.BigDecimal r = rate.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    static OrderView view(OrderEntity o) {
        Currency currency = Money.currency(o.currency);
        return new OrderView(o.id, o.orderNumber, o.storeId, o.channel, o.registerId, o.cartId, o.cashier, o.placedAt,
                currency, o.pricesIncludeTax,
                o.lines.stream().map(l -> new LineView(l.id, l.lineNo, l.sku, l.name, l.barcode,
                        l.quantity.stripTrailingZeros(), l.unit, Money.of(l.unitPrice, currency),
                        Money.of(l.lineTotal, currency), l.taxCategory, l.taxCode, Money.of(l.tax, currency),
                        // orders placed before adjustments existed have none: null means "regular, no discount"
                        l.regularUnitPrice == null ? null : Money.of(l.regularUnitPrice, currency),
                        l.priceOverrideReason,
                        l.discountAmount == null ? null : Money.of(l.discountAmount, currency),
                        l.discountPercent == null ? null : percent(l.discountPercent), l.discountReason)).toList(),
                o.taxes.stream().map(t -> new TaxBreakdown(t.jurisdiction, t.code, t.name, percent(t.rate),
                        Money.of(t.taxableAmount, currency), Money.of(t.tax, currency),
                        Money.of(t.grossAmount, currency))).toList(),
                Money.of(o.subtotal, currency), Money.of(o.taxTotal, currency), Money.of(o.total, currency),
                Money.of(o.rounding, currency), Money.of(o.paid, currency), Money.of(o.changeGiven, currency),
                o.payments.stream().map(p -> new TenderView(p.id, p.method, p.status, Money.of(p.amount, currency),
                        Money.of(p.tendered, currency), Money.of(p.changeGiven, currency),
                        Money.of(p.rounding, currency), p.reference, p.createdAt, p.cardBrand, p.maskedPan,
                        p.authorisationCode, null)).toList());
    }
}
