package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.giftcard.internal.Fixtures.eur;
import static org.omnitill.payment.giftcard.internal.Fixtures.payment;
import static org.omnitill.payment.giftcard.internal.Fixtures.reference;
import static org.omnitill.payment.giftcard.internal.Fixtures.refund;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.payment.giftcard.internal.FlakyDataSource.Mode;

/** The payment SPI (org.omnitill.api.payment 1.1) on top of the ledger, with H2 and a database that fails on demand. */
class GiftCardPaymentTest {

    private final FlakyDataSource database = new FlakyDataSource(TestDatabases.h2());
    private final GiftCardLedger ledger = Fixtures.ledger(database);
    private final GiftCardPayment giftCards = new GiftCardPayment(ledger);
    private final StoreCreditPayment storeCredit = new StoreCreditPayment(ledger);

    private String card(String amount) {
        return ledger.issue(AccountKind.GIFT_CARD, eur(amount), null, "alice").account().number();
    }

    private Money balance(String number) {
        return ledger.account(number).orElseThrow().balance();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aPaymentTakesExactlyTheTenderAndKeepsOnlyTheLastFourDigits() {
        String number = card("80.00");
        PaymentResult result = giftCards.pay(payment(id(), number, eur("25.40")));

        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals(eur("25.40"), result.applied());
        assertEquals(eur("0.00"), result.change());
        assertEquals(eur("0.00"), result.rounding());
        assertNotNull(result.reference());
        assertNull(result.message());
        assertEquals("gift-card", result.card().brand());
        assertEquals("************" + number.substring(12), result.card().maskedPan());
        assertNull(result.card().token());
        assertEquals(eur("54.60"), balance(number));
        assertFalse(giftCards.givesChange());
        assertFalse(storeCredit.givesChange());
    }

    @Test
    void notEnoughOnTheCardFailsWithTheBalanceSoTheCashierCanSplit() {
        String number = card("15.00");
        PaymentResult result = giftCards.pay(payment(id(), number, eur("20.00")));

        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals(eur("0.00"), result.applied());
        assertTrue(result.message().contains("holds only EUR 15.00"), result.message());
        assertEquals(TenderStatus.CAPTURED, giftCards.pay(payment(id(), number, eur("15.00"))).status());
    }

    @Test
    void aBlockedCardIsDeclinedUntilItIsUnblocked() {
        String number = card("30.00");
        ledger.setStatus(number, AccountStatus.BLOCKED, "bob");
        PaymentResult blocked = giftCards.pay(payment(id(), number, eur("5.00")));
        assertEquals(TenderStatus.FAILED, blocked.status());
        assertTrue(blocked.message().endsWith("is blocked"), blocked.message());

        ledger.setStatus(number, AccountStatus.ACTIVE, "bob");
        assertEquals(TenderStatus.CAPTURED, giftCards.pay(payment(id(), number, eur("5.00"))).status());
    }

    @Test
    void aCardInAnotherCurrencyIsDeclined() {
        String number = card("30.00");
        PaymentResult result = giftCards.pay(payment(id(), number, Money.of("5.00", "USD")));
        assertEquals(TenderStatus.FAILED, result.status());
        assertTrue(result.message().contains("holds EUR, not USD"), result.message());
        assertEquals(Money.of("0.00", "USD"), result.applied());
    }

    @Test
    void aMistypedNumberIsDeclinedByItsCheckDigit() {
        String number = card("30.00");
        char last = number.charAt(number.length() - 1);
        String typo = number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        PaymentResult result = giftCards.pay(payment(id(), typo, eur("5.00")));
        assertEquals(TenderStatus.FAILED, result.status());
        assertTrue(result.message().contains("check digit"), result.message());
    }

    @Test
    void theNumberMayComeAsAccountNumberAndWithSpaces() {
        Movement credit = ledger.issue(AccountKind.STORE_CREDIT, eur("20.00"), null, "alice");
        String typed = "sc " + credit.account().number().substring(3).replaceAll("(.{4})", "$1 ").strip();
        PaymentRequest request = new PaymentRequest(id(), "cart-1", "store-1", "DE", eur("50.00"), eur("20.00"),
                null, Map.of(LedgerPaymentMethod.ACCOUNT_KEY, typed));
        PaymentResult result = storeCredit.pay(request);
        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals("store-credit", result.card().brand());
        assertEquals("store/store-1", ledger.entries(credit.account().number(), 1).get(0).createdBy());
    }

    @Test
    void requestsThePluginCannotReadAreRefusedAsBadInput() {
        String number = card("30.00");
        PaymentRequest noNumber = new PaymentRequest(id(), "c", "s", "DE", eur("10.00"), eur("5.00"), null, Map.of());
        assertEquals("card_number_required", assertThrows(OmnitillException.class, () -> giftCards.pay(noNumber)).code());

        PaymentRequest overpaid = new PaymentRequest(id(), "c", "s", "DE", eur("10.00"), eur("10.01"), null,
                Map.of(LedgerPaymentMethod.NUMBER_KEY, number));
        OmnitillException over = assertThrows(OmnitillException.class, () -> giftCards.pay(overpaid));
        assertEquals("overpayment", over.code());

        PaymentRequest mixed = new PaymentRequest(id(), "c", "s", "DE", eur("10.00"), Money.of("5.00", "USD"), null,
                Map.of(LedgerPaymentMethod.NUMBER_KEY, number));
        assertEquals(ErrorKind.INVALID, assertThrows(OmnitillException.class, () -> giftCards.pay(mixed)).kind());
        assertEquals(eur("30.00"), balance(number));
    }

    @Test
    void cancelPutsTheRedemptionBackOnceAndThePaymentCannotBeRefundedAfterwards() {
        String number = card("40.00");
        String paymentId = id();
        giftCards.pay(payment(paymentId, number, eur("25.00")));

        PaymentResult voided = giftCards.cancel(reference(paymentId, number, eur("25.00")));
        PaymentResult again = giftCards.cancel(reference(paymentId, number, eur("25.00")));
        assertEquals(TenderStatus.VOIDED, voided.status());
        assertEquals(voided.reference(), again.reference());
        assertEquals(eur("40.00"), balance(number));
        assertEquals(TenderStatus.VOIDED, giftCards.status(reference(paymentId, number, eur("25.00"))).status());

        RefundResult refund = giftCards.refund(refund(id(), paymentId, number, eur("5.00")));
        assertEquals(TenderStatus.FAILED, refund.status());
        assertEquals(eur("40.00"), balance(number));
    }

    @Test
    void cancellingAPaymentThatNeverArrivedClosesItsId() {
        String number = card("40.00");
        String paymentId = id();
        assertEquals(TenderStatus.VOIDED, giftCards.cancel(reference(paymentId, number, eur("10.00"))).status());
        assertEquals(TenderStatus.FAILED, giftCards.pay(payment(paymentId, number, eur("10.00"))).status());
        assertEquals(eur("40.00"), balance(number));
    }

    @Test
    void aRefundToABlockedCardFailsSoTheCoreOffersAnotherWay() {
        String number = card("40.00");
        String paymentId = id();
        giftCards.pay(payment(paymentId, number, eur("10.00")));
        ledger.setStatus(number, AccountStatus.BLOCKED, "bob");

        RefundResult result = giftCards.refund(refund(id(), paymentId, number, eur("10.00")));
        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals(eur("30.00"), balance(number));
    }

    @Test
    void askingAboutARefundThatNeverArrivedClosesItsId() {
        String number = card("40.00");
        String paymentId = id();
        giftCards.pay(payment(paymentId, number, eur("10.00")));
        String refundId = id();

        assertEquals(TenderStatus.FAILED, giftCards.refundStatus(refund(refundId, paymentId, number, eur("10.00"))).status());
        RefundResult late = giftCards.refund(refund(refundId, paymentId, number, eur("10.00")));
        assertEquals(TenderStatus.FAILED, late.status());
        assertEquals(eur("30.00"), balance(number));
    }

    @Test
    void aDatabaseThatIsDownLeavesThePaymentPendingAndStatusResolvesItOnceItIsBack() {
        String number = card("40.00");
        String paymentId = id();
        database.mode(Mode.DOWN);
        PaymentResult pending = giftCards.pay(payment(paymentId, number, eur("10.00")));
        assertEquals(TenderStatus.PENDING, pending.status());
        assertEquals(TenderStatus.PENDING, giftCards.status(reference(paymentId, number, eur("10.00"))).status());
        assertEquals(TenderStatus.PENDING,
                giftCards.refund(refund(id(), paymentId, number, eur("10.00"))).status());
        OmnitillException cancel = assertThrows(OmnitillException.class,
                () -> giftCards.cancel(reference(paymentId, number, eur("10.00"))));
        assertEquals(ErrorKind.UNAVAILABLE, cancel.kind());

        database.mode(Mode.WORKING);
        assertEquals(TenderStatus.FAILED, giftCards.status(reference(paymentId, number, eur("10.00"))).status());
        assertEquals(eur("40.00"), balance(number));
    }

    @Test
    void aCommitWhoseReplyWasLostIsFoundByStatus() {
        String number = card("40.00");
        String paymentId = id();
        database.mode(Mode.LOSE_NEXT_COMMIT_REPLY);
        assertEquals(TenderStatus.PENDING, giftCards.pay(payment(paymentId, number, eur("10.00"))).status());

        PaymentResult status = giftCards.status(reference(paymentId, number, eur("10.00")));
        assertEquals(TenderStatus.CAPTURED, status.status());
        assertEquals(eur("10.00"), status.applied());
        assertEquals(eur("30.00"), balance(number));
        // the core's retry with the same id gets the same outcome
        assertEquals(status, giftCards.pay(payment(paymentId, number, eur("10.00"))));
    }

    @Test
    void aCommitThatFailedLeavesNothingAndStatusSaysSo() {
        String number = card("40.00");
        String paymentId = id();
        database.mode(Mode.FAIL_NEXT_COMMIT);
        assertEquals(TenderStatus.PENDING, giftCards.pay(payment(paymentId, number, eur("10.00"))).status());

        assertEquals(TenderStatus.FAILED, giftCards.status(reference(paymentId, number, eur("10.00"))).status());
        assertEquals(eur("40.00"), balance(number));
    }

    @Test
    void aLedgerActivatedWhileTheDatabaseIsDownCreatesItsTablesOnFirstUse() {
        FlakyDataSource late = new FlakyDataSource(TestDatabases.h2());
        late.mode(Mode.DOWN);
        GiftCardLedger early = Fixtures.ledger(late);
        OmnitillException down = assertThrows(OmnitillException.class,
                () -> early.issue(AccountKind.GIFT_CARD, eur("10.00"), null, "alice"));
        assertEquals(ErrorKind.UNAVAILABLE, down.kind());

        late.mode(Mode.WORKING);
        String number = early.issue(AccountKind.GIFT_CARD, eur("10.00"), null, "alice").account().number();
        assertEquals(TenderStatus.CAPTURED, new GiftCardPayment(early).pay(payment(id(), number, eur("4.00"))).status());
    }

    @Test
    void nothingOwedIsDeclined() {
        String number = card("40.00");
        PaymentRequest request = new PaymentRequest(id(), "c", "s", "DE", eur("0.00"), eur("5.00"), null,
                Map.of(LedgerPaymentMethod.NUMBER_KEY, number));
        assertEquals(TenderStatus.FAILED, giftCards.pay(request).status());
        assertEquals(eur("40.00"), balance(number));
    }
}
