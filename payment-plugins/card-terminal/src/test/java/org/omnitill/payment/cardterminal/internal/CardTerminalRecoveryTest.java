package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.cardterminal.internal.Fixtures.plugin;
import static org.omnitill.payment.cardterminal.internal.Fixtures.reference;
import static org.omnitill.payment.cardterminal.internal.Fixtures.sale;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator.Behaviour;

/**
 * What happens when the answer does not come back (Adyen, "Verify transaction status": after a timeout or
 * a broken connection, ask with a TransactionStatusRequest instead of paying again). The payment is
 * PENDING, since the customer may have paid; {@code status} resolves it; repeating the payment never
 * charges twice.
 */
class CardTerminalRecoveryTest {

    private TerminalSimulator simulator;
    private CardTerminalPayment card;

    @BeforeEach
    void start() throws IOException {
        simulator = Fixtures.simulator();
        card = plugin(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aReadTimeoutIsPendingAndStatusFindsTheCapturedPaymentOnceTheCustomerHasPaid() throws Exception {
        // The customer takes longer than the read timeout to tap the card.
        CardTerminalPayment impatient = plugin(simulator, Duration.ofMillis(300));
        simulator.next("Payment", Behaviour.HOLD);
        PaymentRequest request = sale("pay-slow", "25.50");

        PaymentResult first = impatient.pay(request);
        assertEquals(TenderStatus.PENDING, first.status());
        assertEquals(Money.of("0.00", "EUR"), first.applied());
        assertNotNull(first.message());

        PaymentResult stillRunning = impatient.status(reference(request, first));
        assertEquals(TenderStatus.PENDING, stillRunning.status());
        assertTrue(stillRunning.message().contains("in progress"), stillRunning.message());

        simulator.release();
        simulator.awaitOutcome(ServiceIds.payment("pay-slow"));

        PaymentResult resolved = impatient.status(reference(request, first));
        assertEquals(TenderStatus.CAPTURED, resolved.status());
        assertEquals(Money.of("25.50", "EUR"), resolved.applied());
        assertEquals(TerminalSimulator.MASKED_PAN, resolved.card().maskedPan());
        assertNotNull(resolved.reference());

        PaymentResult retried = impatient.pay(request);
        assertEquals(TenderStatus.CAPTURED, retried.status());
        assertEquals(resolved.reference(), retried.reference());
        assertEquals(1, simulator.charges());
        assertEquals(1, simulator.received("Payment").size());
    }

    @Test
    void aRetryWhileTheCustomerIsStillAtTheTerminalStaysPendingAndSendsNothing() throws Exception {
        CardTerminalPayment impatient = plugin(simulator, Duration.ofMillis(300));
        simulator.next("Payment", Behaviour.HOLD);
        PaymentRequest request = sale("pay-retry-early", "8.00");
        assertEquals(TenderStatus.PENDING, impatient.pay(request).status());

        PaymentResult retried = impatient.pay(request);
        assertEquals(TenderStatus.PENDING, retried.status());
        assertEquals(1, simulator.received("Payment").size());

        simulator.release();
        simulator.awaitOutcome(ServiceIds.payment("pay-retry-early"));
        assertEquals(TenderStatus.CAPTURED, impatient.pay(request).status());
        assertEquals(1, simulator.charges());
    }

    @Test
    void aConnectionDroppedBeforeTheTerminalGotThePaymentResolvesToFailedAndARetryChargesOnce() {
        simulator.next("Payment", Behaviour.DROP_BEFORE);
        PaymentRequest request = sale("pay-dropped-early", "14.00");

        PaymentResult first = card.pay(request);
        assertEquals(TenderStatus.PENDING, first.status());

        PaymentResult status = card.status(reference(request, first));
        assertEquals(TenderStatus.FAILED, status.status());
        assertEquals("not received by the terminal", status.message());
        assertEquals(0, simulator.charges());

        PaymentResult retried = card.pay(request);
        assertEquals(TenderStatus.CAPTURED, retried.status());
        assertEquals(1, simulator.charges());
    }

    @Test
    void aConnectionDroppedAfterTheTerminalChargedResolvesToCapturedAndIsNeverChargedTwice() {
        simulator.next("Payment", Behaviour.DROP_AFTER);
        PaymentRequest request = sale("pay-dropped-late", "14.00");

        PaymentResult first = card.pay(request);
        assertEquals(TenderStatus.PENDING, first.status());
        assertEquals(1, simulator.charges(), "the customer has paid");

        PaymentResult status = card.status(reference(request, first));
        assertEquals(TenderStatus.CAPTURED, status.status());
        assertEquals("visa", status.card().brand());

        PaymentResult retried = card.pay(request);
        assertEquals(TenderStatus.CAPTURED, retried.status());
        assertEquals(status.reference(), retried.reference());
        assertEquals(1, simulator.charges());
        assertEquals(1, simulator.received("Payment").size());
    }

    @Test
    void anUnreadableAnswerIsPendingUntilStatusFindsTheOutcome() {
        simulator.next("Payment", Behaviour.GARBLED);
        PaymentRequest request = sale("pay-garbled", "9.99");

        PaymentResult first = card.pay(request);
        assertEquals(TenderStatus.PENDING, first.status());
        assertTrue(first.message().contains("unreadable answer"), first.message());

        assertEquals(TenderStatus.CAPTURED, card.status(reference(request, first)).status());
        assertEquals(1, simulator.charges());
    }

    @Test
    void aPartialApprovalIsNeverCountedAsTheFullAmountAndCanBeVoided() {
        simulator.next("Payment", Behaviour.PARTIAL);
        PaymentRequest request = sale("pay-partial", "30.00");

        PaymentResult result = card.pay(request);
        assertEquals(TenderStatus.PENDING, result.status());
        assertTrue(result.message().contains("approved EUR 15.00 instead of EUR 30.00"), result.message());

        PaymentResult voided = card.cancel(reference(request, result));
        assertEquals(TenderStatus.VOIDED, voided.status());
        assertEquals(0, new java.math.BigDecimal("15.00").compareTo(simulator.reversedOf(result.reference())));
    }

    @Test
    void statusOfAPaymentTheTerminalNeverSawIsFailed() {
        PaymentRequest request = sale("pay-never-sent", "4.00");
        PaymentResult status = card.status(reference(request, null));
        assertEquals(TenderStatus.FAILED, status.status());
        assertEquals("not received by the terminal", status.message());
    }

    @Test
    void statusWhileTheTerminalIsAwayStaysPending() {
        PaymentRequest request = sale("pay-away", "4.00");
        card.pay(request);
        simulator.close();
        PaymentResult status = card.status(reference(request, null));
        assertEquals(TenderStatus.PENDING, status.status());
        assertTrue(status.message().contains("not reachable"), status.message());
    }

    @Test
    void aPaymentSentEarlierIsPendingNotFailedWhenTheTerminalCannotBeAskedOnARetry() {
        simulator.next("Payment", Behaviour.DROP_AFTER);
        PaymentRequest request = sale("pay-then-away", "4.00");
        assertEquals(TenderStatus.PENDING, card.pay(request).status());
        simulator.close();
        // The customer may have paid: the unreachable terminal must not turn this into "declined".
        assertEquals(TenderStatus.PENDING, card.pay(request).status());
    }
}
