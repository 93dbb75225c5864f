package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.api.money.Money;

class BalanceLimitsTest {

    @Test
    void defaultsCapTheCommonCurrencies() {
        BalanceLimits limits = BalanceLimits.defaults();
        assertEquals(Optional.of(Money.of("500.00", "EUR")), limits.maximum(Money.currency("EUR")));
        assertEquals(Optional.of(Money.of("500.00", "USD")), limits.maximum(Money.currency("USD")));
        assertEquals(Optional.of(Money.of("5000.00", "SEK")), limits.maximum(Money.currency("SEK")));
        assertEquals(Optional.empty(), limits.maximum(Money.currency("JPY")));
    }

    @Test
    void readsOneStringOrSeveralEntries() {
        BalanceLimits one = BalanceLimits.parse(new String[] {" EUR:250 , jpy:30000 "});
        BalanceLimits several = BalanceLimits.parse(new String[] {"EUR:250.00", "", "JPY:30000"});
        for (BalanceLimits limits : new BalanceLimits[] {one, several}) {
            assertEquals(Optional.of(Money.of("250.00", "EUR")), limits.maximum(Money.currency("EUR")));
            assertEquals(Optional.of(Money.of("30000", "JPY")), limits.maximum(Money.currency("JPY")));
        }
        assertEquals(Optional.empty(), BalanceLimits.parse(null).maximum(Money.currency("EUR")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "EUR:", "EUR:1:2", "XYZ:100", "EUR:abc", "EUR:0", "EUR:-1", "EUR:10.001",
            "JPY:0.5", "EUR:100,EUR:200"})
    void malformedEntriesAreRefusedWithTheEntryNamed(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BalanceLimits.parse(new String[] {entry}));
        assertTrue(e.getMessage().contains("maxBalance"), e.getMessage());
    }

    @Test
    void reconfigurationChangesTheLimitForTheNextIssue() {
        GiftCardLedger ledger = new GiftCardLedger(TestDatabases.h2(), Fixtures.config("EUR:100.00"));
        assertEquals("balance_limit_exceeded", assertThrows(org.omnitill.api.error.OmnitillException.class,
                () -> ledger.issue(AccountKind.GIFT_CARD, Money.of("150.00", "EUR"), null, "alice")).code());
        ledger.modified(Fixtures.config("EUR:200.00"));
        assertEquals(Money.of("150.00", "EUR"),
                ledger.issue(AccountKind.GIFT_CARD, Money.of("150.00", "EUR"), null, "alice").account().balance());
    }
}
