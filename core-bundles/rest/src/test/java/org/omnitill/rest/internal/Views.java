package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import org.omnitill.api.cart.CartStatus;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.PaymentOutcome;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.payment.TenderStatus;

/** API views for tests. */
final class Views {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");

    private Views() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LineView line() {
        return new LineView("l1", 1, "SKU-1", "Coffee 500 g", "4006381333931", new BigDecimal("2.500"),
                UnitOfMeasure.KILOGRAM, eur("12.30"), eur("30.75"), "reduced", "DE-VAT-REDUCED", eur("2.01"));
    }

    static CartView cart(String id) {
        return new CartView(id, "berlin-1", "register", null, CartStatus.OPEN, EUR, true, List.of(line()),
                List.of(new TaxBreakdown("DE", "DE-VAT-REDUCED", "MwSt 7%", new BigDecimal("7"), eur("28.74"),
                        eur("2.01"), eur("30.75"))),
                true, eur("30.75"), eur("2.01"), eur("30.75"), eur("0.00"), eur("0.00"), eur("30.75"), eur("0.00"),
                List.of(), null, T0, T0);
    }

    static TenderView tender() {
        return new TenderView("t1", "cash", TenderStatus.CAPTURED, eur("30.75"), eur("40.00"), eur("9.25"),
                eur("0.00"), null, T0);
    }

    static PaymentOutcome payment(String cartId) {
        return new PaymentOutcome(tender(), cart(cartId));
    }

    static OrderView order(String id, String cartId, String cashier) {
        return new OrderView(id, "B1-000001", "berlin-1", "register", null, cartId, cashier, T0, EUR, true,
                List.of(line()), List.of(), eur("30.75"), eur("2.01"), eur("30.75"), eur("0.00"), eur("30.75"),
                eur("0.00"), List.of(tender()));
    }
}
