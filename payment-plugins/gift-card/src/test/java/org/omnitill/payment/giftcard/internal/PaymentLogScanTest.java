package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.giftcard.internal.Fixtures.eur;
import static org.omnitill.payment.giftcard.internal.Fixtures.payment;
import static org.omnitill.payment.giftcard.internal.Fixtures.reference;
import static org.omnitill.payment.giftcard.internal.Fixtures.refund;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.testkit.RecordedLogs;

/**
 * Card numbers are bearer value: a whole sale, its declines, refunds and voids, and a database error
 * that quotes a number, all logged down to debug (the test kit's SLF4J binding records every level), leave
 * no full number in the log, only the last four digits.
 */
class PaymentLogScanTest {

    @Test
    void noFullCardNumberIsEverLogged() {
        DataSource database = TestDatabases.h2();
        GiftCardLedger ledger = new GiftCardLedger(database, BalanceLimits.defaults(), new CardNumbers(new Random(42)),
                Clock.systemUTC());
        GiftCardPayment giftCards = new GiftCardPayment(ledger);
        StoreCreditPayment storeCredit = new StoreCreditPayment(ledger);
        GiftCardResource rest = new GiftCardResource(ledger);
        List<String> numbers = new ArrayList<>();

        String card = issue(rest, "gift-card", "60.00");
        numbers.add(card);
        numbers.add(issue(rest, "gift-card", "5.00"));
        numbers.add(issue(rest, "gift-card", "7.00"));
        String credit = issue(rest, "store-credit", "15.00");
        numbers.add(credit);
        rest.topUp(card, new GiftCardResource.TopUpRequest(new BigDecimal("10.00"), null), "k1", Fixtures.user("alice"));

        String sale = UUID.randomUUID().toString();
        assertEquals(TenderStatus.CAPTURED, giftCards.pay(payment(sale, card, eur("50.00"))).status());
        assertEquals(TenderStatus.FAILED, giftCards.pay(payment(UUID.randomUUID().toString(), card, eur("99.00"))).status());
        assertEquals(TenderStatus.FAILED, giftCards.pay(payment(UUID.randomUUID().toString(), credit, eur("1.00"))).status());
        assertEquals(TenderStatus.REFUNDED, giftCards.refund(refund("r1", sale, card, eur("5.00"))).status());
        assertEquals(TenderStatus.CAPTURED, storeCredit.pay(payment("p2", credit, eur("15.00"))).status());
        assertEquals(TenderStatus.VOIDED, storeCredit.cancel(reference("p2", credit, eur("15.00"))).status());
        assertEquals(TenderStatus.FAILED, giftCards.status(reference("never", card, eur("1.00"))).status());
        rest.adjust(card, new GiftCardResource.AdjustmentRequest(new BigDecimal("-1.00"), "goodwill"), null,
                Fixtures.user("bob"));
        rest.setStatus(card, new GiftCardResource.StatusChange("blocked"), Fixtures.user("bob"));
        assertEquals(TenderStatus.FAILED, giftCards.pay(payment(UUID.randomUUID().toString(), card, eur("1.00"))).status());

        // a second ledger drawing the same numbers clashes with the first three gift cards: the database's own error message,
        // which quotes the duplicate key, is logged
        GiftCardLedger twin = new GiftCardLedger(database, BalanceLimits.defaults(), new CardNumbers(new Random(42)),
                Clock.systemUTC());
        OmnitillException clash = assertThrows(OmnitillException.class,
                () -> twin.issue(AccountKind.GIFT_CARD, eur("1.00"), null, "alice"));
        assertEquals("gift_card_ledger_unavailable", clash.code());

        // everything logged in the test JVM so far, this test's lines included
        String log = RecordedLogs.all();
        for (String number : numbers) {
            String digits = number.replace("SC-", "");
            assertFalse(log.contains(digits), () -> "the log holds the card number " + number);
            assertFalse(log.contains(digits.substring(0, 12)), () -> "the log holds most of the card number " + number);
            assertTrue(log.contains("…" + digits.substring(12)), () -> "the log names " + number + " by its last four");
        }
        assertTrue(log.contains("SQLSTATE 23505"), "the database's refusal was logged");
        assertTrue(log.contains("redeemed EUR 50.00 for payment " + sale), "debug lines were logged");
    }

    private static String issue(GiftCardResource rest, String kind, String amount) {
        return rest.issueCard(new GiftCardResource.IssueRequest(kind, new BigDecimal(amount), "EUR"), null,
                Fixtures.user("alice")).card().number();
    }
}
