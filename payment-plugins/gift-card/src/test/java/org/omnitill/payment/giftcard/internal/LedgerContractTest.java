package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.giftcard.internal.Fixtures.eur;
import static org.omnitill.payment.giftcard.internal.Fixtures.payment;
import static org.omnitill.payment.giftcard.internal.Fixtures.reference;
import static org.omnitill.payment.giftcard.internal.Fixtures.refund;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;

/**
 * What the ledger promises, run against each database the platform supports ({@link H2LedgerTest},
 * {@link PostgresLedgerTest}): the arithmetic adds up, concurrent redemptions never overdraw, and a
 * repeated payment or refund moves money once. Each test works on cards of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerContractTest {

    GiftCardLedger ledger;
    GiftCardPayment giftCards;
    StoreCreditPayment storeCredit;

    /** The database under test, created once per class. */
    abstract DataSource dataSource();

    @BeforeAll
    void createLedger() {
        ledger = Fixtures.ledger(dataSource());
        giftCards = new GiftCardPayment(ledger);
        storeCredit = new StoreCreditPayment(ledger);
    }

    String card(String amount) {
        return ledger.issue(AccountKind.GIFT_CARD, eur(amount), null, "alice").account().number();
    }

    Money balance(String number) {
        return ledger.account(number).orElseThrow().balance();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void movementsAddUpToTheBalanceAndEachEntryRecordsTheBalanceAfterIt() {
        Movement issued = ledger.issue(AccountKind.GIFT_CARD, eur("100.00"), null, "alice");
        String number = issued.account().number();
        assertEquals(eur("100.00"), issued.entry().balanceAfter());

        ledger.topUp(number, eur("50.00"), id(), "alice");
        String paid = id();
        assertEquals(TenderStatus.CAPTURED, giftCards.pay(payment(paid, number, eur("30.00"))).status());
        assertEquals(TenderStatus.REFUNDED, giftCards.refund(refund(id(), paid, number, eur("10.00"))).status());
        String voided = id();
        assertEquals(TenderStatus.CAPTURED, giftCards.pay(payment(voided, number, eur("20.00"))).status());
        assertEquals(TenderStatus.VOIDED, giftCards.cancel(reference(voided, number, eur("20.00"))).status());
        ledger.adjust(number, eur("-5.00"), "damaged card replaced", id(), "bob");

        // 100 + 50 - 30 + 10 - 20 + 20 - 5
        assertEquals(eur("125.00"), balance(number));
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries(number, 100));
        Collections.reverse(entries);
        assertEquals(List.of(EntryKind.ISSUE, EntryKind.TOP_UP, EntryKind.REDEEM, EntryKind.REFUND_TO_CARD,
                EntryKind.REDEEM, EntryKind.VOID, EntryKind.ADJUST),
                entries.stream().map(LedgerEntry::kind).toList());
        Money running = Money.zero(issued.account().balance().currency());
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            running = running.plus(entry.amount());
            assertEquals(i + 1, entry.sequence(), "sequence");
            assertEquals(running, entry.balanceAfter(), () -> "balance after " + entry);
        }
        assertEquals(running, balance(number));
        assertEquals(eur("-30.00"), entries.get(2).amount(), "a redemption is negative");
        assertEquals(paid, entries.get(3).refersTo(), "a refund names the payment it gives back");
        assertEquals("damaged card replaced", entries.get(6).note());
        assertEquals("register/till-7", entries.get(2).createdBy());
        assertEquals("bob", entries.get(6).createdBy());
    }

    /** Twenty cashiers each take 10.00 from one card holding 100.00 at the same moment. */
    @Test
    void concurrentRedemptionsNeverOverdrawTheCard() throws Exception {
        String number = card("100.00");
        List<PaymentResult> results = concurrently(20, i -> giftCards.pay(payment(id(), number, eur("10.00"))));

        long captured = results.stream().filter(r -> r.status() == TenderStatus.CAPTURED).count();
        long failed = results.stream().filter(r -> r.status() == TenderStatus.FAILED).count();
        assertEquals(10, captured, () -> "captured; results " + results);
        assertEquals(10, failed, () -> "failed; results " + results);
        results.stream().filter(r -> r.status() == TenderStatus.FAILED)
                .forEach(r -> assertTrue(r.message().contains("holds only EUR 0.00"), r.message()));
        assertEquals(eur("0.00"), balance(number));
        List<LedgerEntry> entries = ledger.entries(number, 100);
        assertEquals(11, entries.size());
        assertTrue(entries.stream().noneMatch(e -> e.balanceAfter().isNegative()));
        assertEquals(10, entries.stream().map(LedgerEntry::balanceAfter).distinct().count() - 1,
                "every redemption saw the balance the one before left");
    }

    /** The core repeats one payment from several threads (a retry racing the first attempt). */
    @Test
    void concurrentRepeatsOfOnePaymentRedeemOnce() throws Exception {
        String number = card("100.00");
        String paymentId = id();
        List<PaymentResult> results = concurrently(10, i -> giftCards.pay(payment(paymentId, number, eur("10.00"))));

        assertTrue(results.stream().allMatch(r -> r.status() == TenderStatus.CAPTURED), () -> results.toString());
        Set<String> references = results.stream().map(PaymentResult::reference).collect(Collectors.toSet());
        assertEquals(1, references.size(), "every repeat reports the one redemption");
        assertEquals(eur("90.00"), balance(number));
        assertEquals(2, ledger.entries(number, 100).size());
    }

    @Test
    void aRepeatedRedemptionReturnsTheFirstOutcomeAndMovesNothing() {
        String number = card("50.00");
        String paymentId = id();
        PaymentResult first = giftCards.pay(payment(paymentId, number, eur("20.00")));
        PaymentResult again = giftCards.pay(payment(paymentId, number, eur("20.00")));

        assertEquals(TenderStatus.CAPTURED, first.status());
        assertEquals(first, again);
        assertEquals(eur("30.00"), balance(number));
    }

    @Test
    void aRepeatedRefundReturnsTheFirstOutcomeAndRefundsOnce() {
        String number = card("50.00");
        String paymentId = id();
        giftCards.pay(payment(paymentId, number, eur("40.00")));
        String refundId = id();
        RefundResult first = giftCards.refund(refund(refundId, paymentId, number, eur("15.00")));
        RefundResult again = giftCards.refund(refund(refundId, paymentId, number, eur("15.00")));

        assertEquals(TenderStatus.REFUNDED, first.status());
        assertEquals(first, again);
        assertEquals(eur("25.00"), balance(number));
        assertEquals(first, giftCards.refundStatus(refund(refundId, paymentId, number, eur("15.00"))));
    }

    @Test
    void refundsGoBackToTheCardButNeverExceedThePayment() {
        String number = card("50.00");
        String paymentId = id();
        giftCards.pay(payment(paymentId, number, eur("30.00")));

        assertEquals(TenderStatus.REFUNDED, giftCards.refund(refund(id(), paymentId, number, eur("20.00"))).status());
        RefundResult tooMuch = giftCards.refund(refund(id(), paymentId, number, eur("20.00")));
        assertEquals(TenderStatus.FAILED, tooMuch.status());
        assertTrue(tooMuch.message().contains("only EUR 10.00"), tooMuch.message());
        // the refund finds the card through the payment even when the reference carries no number
        assertEquals(TenderStatus.REFUNDED, giftCards.refund(refund(id(), paymentId, null, eur("10.00"))).status());
        assertEquals(eur("50.00"), balance(number));
    }

    @Test
    void anUnknownCardIsDeclined() {
        String unknown = new CardNumbers(new java.util.Random(7)).next(AccountKind.GIFT_CARD);
        PaymentResult result = giftCards.pay(payment(id(), unknown, eur("5.00")));

        assertEquals(TenderStatus.FAILED, result.status());
        assertTrue(result.message().startsWith("no gift card or store credit …"), result.message());
        assertEquals(eur("0.00"), result.applied());
        assertTrue(ledger.account(unknown).isEmpty());
    }

    @Test
    void askingAboutAPaymentThatNeverArrivedClosesItsId() {
        String number = card("50.00");
        String lost = id();
        PaymentResult status = giftCards.status(reference(lost, number, eur("10.00")));
        assertEquals(TenderStatus.FAILED, status.status());

        // the request that timed out for the core arrives late: it must not take money any more
        PaymentResult late = giftCards.pay(payment(lost, number, eur("10.00")));
        assertEquals(TenderStatus.FAILED, late.status());
        assertTrue(late.message().contains("cancelled"), late.message());
        assertEquals(eur("50.00"), balance(number));
        assertEquals(TenderStatus.FAILED, giftCards.status(reference(lost, number, eur("10.00"))).status());
    }

    @Test
    void balancesStayWithinTheConfiguredMaximum() {
        String number = card("500.00");
        OmnitillException topUp = assertThrows(OmnitillException.class,
                () -> ledger.topUp(number, eur("0.01"), id(), "alice"));
        assertEquals("balance_limit_exceeded", topUp.code());
        OmnitillException issue = assertThrows(OmnitillException.class,
                () -> ledger.issue(AccountKind.GIFT_CARD, eur("500.01"), null, "alice"));
        assertEquals("balance_limit_exceeded", issue.code());
        OmnitillException adjust = assertThrows(OmnitillException.class,
                () -> ledger.adjust(number, eur("-500.01"), "typo", id(), "alice"));
        assertEquals("adjustment_out_of_range", adjust.code());
        assertEquals(eur("500.00"), balance(number));
    }

    @Test
    void storeCreditIsSpentWithItsOwnMethodOnly() {
        Movement credit = ledger.issue(AccountKind.STORE_CREDIT, eur("12.50"), null, "alice");
        String number = credit.account().number();
        assertTrue(number.startsWith("SC-"), number);

        PaymentResult wrongMethod = giftCards.pay(payment(id(), number, eur("5.00")));
        assertEquals(TenderStatus.FAILED, wrongMethod.status());
        assertTrue(wrongMethod.message().contains("store-credit"), wrongMethod.message());

        assertEquals(TenderStatus.CAPTURED, storeCredit.pay(payment(id(), number, eur("12.50"))).status());
        assertEquals(eur("0.00"), balance(number));
    }

    @Test
    void theSchemaIsCreatedOnlyOnceAndASecondActivationSeesTheSameAccounts() {
        String number = card("10.00");
        GiftCardLedger again = Fixtures.ledger(dataSource());
        assertEquals(eur("10.00"), again.account(number).orElseThrow().balance());
    }

    @Test
    void anUnknownCardIsNotFoundByStaff() {
        String unknown = new CardNumbers(new java.util.Random(11)).next(AccountKind.STORE_CREDIT);
        OmnitillException e = assertThrows(OmnitillException.class, () -> ledger.entries(unknown, 10));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertFalse(e.getMessage().contains(unknown), "the message masks the number");
    }

    private static <T> List<T> concurrently(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<T> call = () -> {
                    ready.countDown();
                    go.await();
                    return task.run(n);
                };
                futures.add(pool.submit(call));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            assertNotNull(results);
            return results;
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        }
    }

    @FunctionalInterface
    interface Task<T> {
        T run(int i) throws Exception;
    }
}
