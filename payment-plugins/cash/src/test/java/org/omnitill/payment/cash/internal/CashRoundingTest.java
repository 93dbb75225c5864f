package org.omnitill.payment.cash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.api.money.Money;

class CashRoundingTest {

    @Test
    void defaultsCoverTheCurrenciesWithoutSmallCoins() {
        CashRounding rounding = CashRounding.defaults();
        assertEquals(Optional.of(new BigDecimal("0.05")), rounding.incrementFor("CH", Money.currency("CHF")));
        assertEquals(Optional.of(new BigDecimal("0.50")), rounding.incrementFor("DK", Money.currency("DKK")));
        assertEquals(Optional.of(new BigDecimal("1.00")), rounding.incrementFor("SE", Money.currency("SEK")));
        assertEquals(Optional.of(new BigDecimal("1.00")), rounding.incrementFor("NO", Money.currency("NOK")));
        assertEquals(Optional.of(new BigDecimal("0.05")), rounding.incrementFor("CA", Money.currency("CAD")));
        assertEquals(Optional.of(new BigDecimal("0.05")), rounding.incrementFor("AU", Money.currency("AUD")));
        assertEquals(Optional.of(new BigDecimal("0.10")), rounding.incrementFor("NZ", Money.currency("NZD")));
        for (String country : new String[] {"NL", "BE", "FI", "IE", "IT", "SK"}) {
            assertEquals(Optional.of(new BigDecimal("0.05")), rounding.incrementFor(country, Money.currency("EUR")),
                    country);
        }
        for (String country : new String[] {"DE", "AT", "FR", "ES", "PT", "LU"}) {
            assertEquals(Optional.empty(), rounding.incrementFor(country, Money.currency("EUR")), country);
        }
        assertEquals(Optional.empty(), rounding.incrementFor("US", Money.currency("USD")));
        assertEquals(Optional.empty(), rounding.incrementFor("GB", Money.currency("GBP")));
    }

    @Test
    void acceptsOneStringOrSeparateEntriesWithSpaces() {
        CashRounding oneString = CashRounding.parse(new String[] {" CHF:0.05 , SEK:1 "}, new String[] {"nl:eur:0.05"});
        CashRounding separate = CashRounding.parse(new String[] {"CHF:0.05", "SEK:1"}, new String[] {"NL:EUR:0.05", ""});
        for (CashRounding rounding : new CashRounding[] {oneString, separate}) {
            assertEquals(Optional.of(new BigDecimal("0.05")), rounding.incrementFor(null, Money.currency("CHF")));
            assertEquals(Optional.of(new BigDecimal("1")), rounding.incrementFor("SE", Money.currency("SEK")));
            assertEquals(Optional.of(new BigDecimal("0.05")), rounding.incrementFor("NL", Money.currency("EUR")));
        }
        assertEquals(Money.of("150.00", "SEK"), oneString.cashAmount(Money.of("149.50", "SEK"), "SE"));
    }

    @Test
    void emptyConfigurationMeansExactCash() {
        CashRounding rounding = CashRounding.parse(null, new String[0]);
        assertEquals(Money.of("12.33", "CHF"), rounding.cashAmount(Money.of("12.33", "CHF"), "CH"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHF", "CHF:", "CHF:0.05:1", "XYZ:0.05", "CHF:abc", "CHF:0", "CHF:-0.05", "EUR:0.005",
            "JPY:0.5"})
    void malformedCurrencyEntriesAreRefusedWithTheEntryNamed(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CashRounding.parse(new String[] {entry}, new String[0]));
        assertTrue(e.getMessage().contains(entry.isEmpty() ? "" : entry.split(":")[0]), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL:0.05", "NLD:EUR:0.05", "N1:EUR:0.05", "NL:EUR:x"})
    void malformedCountryEntriesAreRefused(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CashRounding.parse(new String[0], new String[] {entry}));
        assertTrue(e.getMessage().contains(entry), e.getMessage());
    }

    @Test
    void wholeUnitIncrementsWorkForCurrenciesWithoutMinorUnits() {
        CashRounding rounding = CashRounding.parse(new String[] {"JPY:5"}, new String[0]);
        assertEquals(Money.of("1235", "JPY"), rounding.cashAmount(Money.of("1233", "JPY"), "JP"));
    }
}
