package org.omnitill.payment.giftcard.internal;

import java.lang.annotation.Annotation;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;
import javax.ws.rs.core.SecurityContext;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.RefundRequest;

/** Small builders the tests share. */
final class Fixtures {

    private Fixtures() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static GiftCardLedger.Config config(String... maxBalance) {
        return new GiftCardLedger.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return GiftCardLedger.Config.class;
            }

            @Override
            public String[] maxBalance() {
                return maxBalance;
            }
        };
    }

    static GiftCardLedger ledger(DataSource dataSource) {
        return new GiftCardLedger(dataSource, BalanceLimits.defaults(), new CardNumbers(new Random()),
                Clock.systemUTC());
    }

    /** A payment of {@code amount} towards a due of 1,000 with the card in {@code giftCardNumber}. */
    static PaymentRequest payment(String paymentId, String number, Money amount) {
        Money due = Money.of("1000.00", amount.currencyCode());
        return new PaymentRequest(paymentId, "cart-1", "store-1", "DE", due, amount, "till-7",
                Map.of(LedgerPaymentMethod.NUMBER_KEY, number));
    }

    static PaymentReference reference(String paymentId, String number, Money amount) {
        return new PaymentReference(paymentId, "store-1", "till-7", null, amount,
                number == null ? Map.of() : Map.of(LedgerPaymentMethod.NUMBER_KEY, number));
    }

    static RefundRequest refund(String refundId, String paymentId, String number, Money amount) {
        return new RefundRequest(refundId, reference(paymentId, number, amount), amount, "returned");
    }

    static SecurityContext user(String name) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
