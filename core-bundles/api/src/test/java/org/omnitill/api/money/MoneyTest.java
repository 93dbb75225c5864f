package org.omnitill.api.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency CHF = Currency.getInstance("CHF");

    @Test
    void holdsAmountsAtTheCurrencysMinorUnit() {
        assertEquals("12.30", Money.of("12.3", "EUR").amount().toPlainString());
        assertEquals("500", Money.of("500", "JPY").amount().toPlainString());
        assertEquals("1.250", Money.of("1.25", "BHD").amount().toPlainString());
        assertEquals(1230, Money.of("12.30", "EUR").minorUnits());
    }

    @Test
    void refusesAmountsThatWouldNeedRounding() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("12.345", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.5", "JPY"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("abc", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "EURO"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "XXX"));
    }

    @Test
    void refusesArithmeticAcrossCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "EUR").plus(Money.of("1.00", "CHF")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "EUR").compareTo(Money.of("1.00", "USD")));
    }

    @Test
    void multipliesWithExplicitRounding() {
        // 18.90 EUR/kg * 0.347 kg = 6.5583
        assertEquals(Money.of("6.56", "EUR"), Money.of("18.90", "EUR").times(new BigDecimal("0.347"), RoundingMode.HALF_UP));
        assertEquals(Money.of("0.01", "EUR"), Money.of("0.01", "EUR").times(new BigDecimal("0.5"), RoundingMode.HALF_UP));
        assertEquals(Money.of("0.00", "EUR"), Money.of("0.01", "EUR").times(new BigDecimal("0.5"), RoundingMode.HALF_EVEN));
    }

    @Test
    void cashRoundingToFiveRappen() {
        BigDecimal five = new BigDecimal("0.05");
        assertEquals(Money.of("12.35", "CHF"), Money.of("12.33", "CHF").roundToIncrement(five, RoundingMode.HALF_UP));
        assertEquals(Money.of("12.30", "CHF"), Money.of("12.32", "CHF").roundToIncrement(five, RoundingMode.HALF_UP));
        // a half increment rounds up: 12.325 BHD (three decimals) to 12.350
        assertEquals(Money.of("12.35", "BHD"), Money.of("12.325", "BHD").roundToIncrement(five, RoundingMode.HALF_UP));
        assertEquals(Money.of("13.00", "SEK"), Money.of("12.50", "SEK").roundToIncrement(BigDecimal.ONE, RoundingMode.HALF_UP));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "CHF").roundToIncrement(BigDecimal.ZERO, RoundingMode.HALF_UP));
    }

    @Test
    void equalityIgnoresHowTheAmountWasWritten() {
        assertEquals(Money.of("1.5", "EUR"), Money.of("1.50", "EUR"));
        assertTrue(Money.of("2.00", "EUR").isGreaterThan(Money.of("1.99", "EUR")));
        assertEquals("EUR 1.50", Money.of("1.5", "EUR").toString());
    }

    @Property
    void roundingToAnIncrementMovesByAtMostHalfOfIt(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long cents) {
        Money money = Money.ofMinor(cents, CHF);
        Money rounded = money.roundToIncrement(new BigDecimal("0.05"), RoundingMode.HALF_UP);
        BigDecimal diff = rounded.amount().subtract(money.amount()).abs();
        assertTrue(diff.compareTo(new BigDecimal("0.025")) <= 0);
        assertEquals(0, rounded.minorUnits() % 5);
    }

    @Property
    void additionIsExact(@ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long a,
            @ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long b) {
        assertEquals(a + b, Money.ofMinor(a, EUR).plus(Money.ofMinor(b, EUR)).minorUnits());
        assertEquals(a - b, Money.ofMinor(a, EUR).minus(Money.ofMinor(b, EUR)).minorUnits());
    }
}
