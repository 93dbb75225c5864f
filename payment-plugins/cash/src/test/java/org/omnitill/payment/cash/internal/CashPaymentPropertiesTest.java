package org.omnitill.payment.cash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of every cash payment, for random dues and tenders in rounding and non-rounding markets. */
class CashPaymentPropertiesTest {

    private final CashRounding rounding = CashRounding.defaults();
    private final CashPayment cash = new CashPayment(rounding);

    record Market(String country, String currency) {
    }

    record Case(Market market, long dueMinor, long tenderedMinor) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Market> markets = Arbitraries.of(
                new Market("CH", "CHF"), new Market("NL", "EUR"), new Market("DE", "EUR"), new Market("SE", "SEK"),
                new Market("DK", "DKK"), new Market("NZ", "NZD"), new Market("CA", "CAD"), new Market(null, "NOK"));
        Arbitrary<Long> dues = Arbitraries.longs().between(1, 1_000_000).edgeCases(c -> c.includeOnly(1L, 2L, 3L));
        Arbitrary<Long> tenders = Arbitraries.longs().between(1, 2_000_000);
        return Combinators.combine(markets, dues, tenders).as(Case::new);
    }

    @Property(tries = 2000)
    void tenderedIsAppliedPlusRoundingPlusChange(@ForAll("cases") Case c) {
        PaymentResult result = pay(c);
        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals(tendered(c), result.applied().plus(result.rounding()).plus(result.change()));
    }

    @Property(tries = 2000)
    void roundingIsAtMostHalfTheIncrement(@ForAll("cases") Case c) {
        PaymentResult result = pay(c);
        BigDecimal increment = rounding.incrementFor(c.market().country(), due(c).currency()).orElse(BigDecimal.ZERO);
        BigDecimal half = increment.divide(BigDecimal.valueOf(2), 3, RoundingMode.UNNECESSARY);
        assertTrue(result.rounding().amount().abs().compareTo(half) <= 0,
                () -> "rounding " + result.rounding() + " exceeds half of " + increment);
    }

    @Property(tries = 2000)
    void neverAppliesMoreThanDueNorGivesNegativeChange(@ForAll("cases") Case c) {
        PaymentResult result = pay(c);
        assertFalse(result.applied().isGreaterThan(due(c)), () -> "applied " + result.applied());
        assertTrue(result.applied().isPositive());
        assertFalse(result.change().isNegative(), () -> "change " + result.change());
        if (result.change().isPositive()) {
            // Change is only given once the due is settled, and then the cash total is a whole number of coins.
            assertEquals(due(c), result.applied());
            Money cashTotal = result.applied().plus(result.rounding());
            BigDecimal increment = rounding.incrementFor(c.market().country(), due(c).currency())
                    .orElse(BigDecimal.ONE.movePointLeft(2));
            assertEquals(0, cashTotal.amount().remainder(increment).signum(), () -> "cash total " + cashTotal);
        }
    }

    private PaymentResult pay(Case c) {
        return cash.pay(new PaymentRequest("p", "c", "s", c.market().country(), due(c), tendered(c)));
    }

    private static Money due(Case c) {
        return Money.ofMinor(c.dueMinor(), Money.currency(c.market().currency()));
    }

    private static Money tendered(Case c) {
        return Money.ofMinor(c.tenderedMinor(), Money.currency(c.market().currency()));
    }
}
