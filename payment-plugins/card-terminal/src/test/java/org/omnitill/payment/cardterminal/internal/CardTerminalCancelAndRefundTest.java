package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.cardterminal.internal.Fixtures.plugin;
import static org.omnitill.payment.cardterminal.internal.Fixtures.reference;
import static org.omnitill.payment.cardterminal.internal.Fixtures.refund;
import static org.omnitill.payment.cardterminal.internal.Fixtures.sale;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator.Behaviour;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cancelling a payment before checkout (AbortRequest while it runs, ReversalRequest once it is done) and
 * refunding it (Adyen, "Referenced refund": ReversalRequest, with ReversedAmount for a partial refund).
 */
class CardTerminalCancelAndRefundTest {

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

    private PaymentReference paid(String paymentId, String euros) {
        PaymentRequest request = sale(paymentId, euros);
        PaymentResult result = card.pay(request);
        assertEquals(TenderStatus.CAPTURED, result.status());
        return reference(request, result);
    }

    @Test
    void cancellingACompletedPaymentReversesItInFullOnce() {
        PaymentReference payment = paid("pay-void", "18.40");

        PaymentResult voided = card.cancel(payment);
        assertEquals(TenderStatus.VOIDED, voided.status());
        assertEquals(Money.of("0.00", "EUR"), voided.applied());
        assertNotNull(voided.reference());
        assertEquals(0, new BigDecimal("18.40").compareTo(simulator.reversedOf(payment.reference())));

        JsonNode reversal = simulator.received("Reversal").get(0).body().path("SaleToPOIRequest");
        assertEquals(ServiceIds.voidOf("pay-void"), reversal.path("MessageHeader").path("ServiceID").asText());
        JsonNode body = reversal.path("ReversalRequest");
        assertEquals("MerchantCancel", body.path("ReversalReason").asText());
        assertEquals(payment.reference(),
                body.path("OriginalPOITransaction").path("POITransactionID").path("TransactionID").asText());
        assertFalse(body.has("ReversedAmount"), "a full reversal leaves ReversedAmount out");

        assertEquals(TenderStatus.VOIDED, card.cancel(payment).status());
        assertEquals(1, simulator.reversals());
    }

    @Test
    void cancellingAPaymentStillWaitingForTheCardAbortsIt() throws Exception {
        CardTerminalPayment impatient = plugin(simulator, Duration.ofMillis(300));
        simulator.next("Payment", Behaviour.HOLD);
        PaymentRequest request = sale("pay-abort", "12.00");
        PaymentResult pending = impatient.pay(request);
        assertEquals(TenderStatus.PENDING, pending.status());

        PaymentResult voided = impatient.cancel(reference(request, pending));
        assertEquals(TenderStatus.VOIDED, voided.status());
        JsonNode abort = simulator.received("Abort").get(0).body().path("SaleToPOIRequest").path("AbortRequest");
        assertEquals(ServiceIds.payment("pay-abort"), abort.path("MessageReference").path("ServiceID").asText());
        assertEquals("Payment", abort.path("MessageReference").path("MessageCategory").asText());

        PaymentResult status = impatient.status(reference(request, pending));
        assertEquals(TenderStatus.FAILED, status.status());
        assertEquals(0, simulator.charges());
        assertEquals(0, simulator.reversals());
    }

    @Test
    void cancellingAPaymentTheTerminalNeverGotOrDeclinedVoidsWithoutAReversal() {
        assertEquals(TenderStatus.VOIDED, card.cancel(reference(sale("pay-never", "3.00"), null)).status());
        PaymentRequest declined = sale("pay-declined", "3.13");
        assertEquals(TenderStatus.VOIDED, card.cancel(reference(declined, card.pay(declined))).status());
        assertTrue(simulator.received("Reversal").isEmpty());
    }

    @Test
    void fullRefund() {
        PaymentReference payment = paid("pay-full-refund", "42.00");

        RefundResult refunded = card.refund(refund("refund-full", payment, "42.00"));
        assertEquals(TenderStatus.REFUNDED, refunded.status());
        assertEquals(Money.of("42.00", "EUR"), refunded.amount());
        assertNotNull(refunded.reference());
        assertEquals(0, new BigDecimal("42.00").compareTo(simulator.reversedOf(payment.reference())));

        JsonNode reversal = simulator.received("Reversal").get(0).body().path("SaleToPOIRequest");
        assertEquals(ServiceIds.refund("refund-full"), reversal.path("MessageHeader").path("ServiceID").asText());
        JsonNode body = reversal.path("ReversalRequest");
        assertEquals("refund-full", body.path("SaleData").path("SaleTransactionID").path("TransactionID").asText());
        assertFalse(body.has("ReversedAmount"));
        assertFalse(body.path("OriginalPOITransaction").path("POITransactionID").path("TimeStamp").asText().isEmpty());
    }

    @Test
    void partialRefundsSendTheReversedAmountAndItsCurrency() {
        PaymentReference payment = paid("pay-partial-refunds", "10.00");

        assertEquals(TenderStatus.REFUNDED, card.refund(refund("refund-p1", payment, "4.00")).status());
        assertEquals(TenderStatus.REFUNDED, card.refund(refund("refund-p2", payment, "3.50")).status());

        assertEquals(0, new BigDecimal("7.50").compareTo(simulator.reversedOf(payment.reference())));
        JsonNode first = simulator.received("Reversal").get(0).body().path("SaleToPOIRequest").path("ReversalRequest");
        assertEquals("4.00", first.path("ReversedAmount").decimalValue().toPlainString());
        assertEquals("currency=EUR", first.path("SaleData").path("SaleToAcquirerData").asText());
    }

    @Test
    void aRepeatedRefundRefundsOnce() {
        PaymentReference payment = paid("pay-refund-twice", "10.00");

        RefundResult first = card.refund(refund("refund-once", payment, "6.00"));
        RefundResult again = card.refund(refund("refund-once", payment, "6.00"));

        assertEquals(TenderStatus.REFUNDED, first.status());
        assertEquals(TenderStatus.REFUNDED, again.status());
        assertEquals(first.reference(), again.reference());
        assertEquals(1, simulator.reversals());
        assertEquals(1, simulator.received("Reversal").size());
    }

    @Test
    void aRefundWhoseAnswerWasLostIsPendingThenFoundAndNeverSentTwice() {
        PaymentReference payment = paid("pay-refund-lost", "10.00");
        simulator.next("Reversal", Behaviour.DROP_AFTER);

        RefundResult lost = card.refund(refund("refund-lost", payment, "5.00"));
        assertEquals(TenderStatus.PENDING, lost.status());

        assertEquals(TenderStatus.REFUNDED, card.refundStatus(refund("refund-lost", payment, "5.00")).status());
        assertEquals(TenderStatus.REFUNDED, card.refund(refund("refund-lost", payment, "5.00")).status());
        assertEquals(1, simulator.reversals());
        assertEquals(1, simulator.received("Reversal").size());
        assertEquals(0, new BigDecimal("5.00").compareTo(simulator.reversedOf(payment.reference())));
    }

    @Test
    void refundingMoreThanWasCapturedFails() {
        PaymentReference payment = paid("pay-over-refund", "10.00");

        assertEquals(TenderStatus.REFUNDED, card.refund(refund("refund-six", payment, "6.00")).status());
        RefundResult tooMuch = card.refund(refund("refund-six-more", payment, "6.00"));
        assertEquals(TenderStatus.FAILED, tooMuch.status());
        assertEquals("Refund amount exceeds what is left of the payment", tooMuch.message());

        RefundResult aboveThePayment = card.refund(refund("refund-eleven", payment, "11.00"));
        assertEquals(TenderStatus.FAILED, aboveThePayment.status());
        assertEquals(0, new BigDecimal("6.00").compareTo(simulator.reversedOf(payment.reference())));
        assertEquals(2, simulator.received("Reversal").size(), "the 11.00 refund never reached the terminal");
    }

    @Test
    void refundStatusOfARefundTheTerminalNeverGotIsFailed() {
        PaymentReference payment = paid("pay-refund-unknown", "10.00");
        RefundResult status = card.refundStatus(refund("refund-never", payment, "1.00"));
        assertEquals(TenderStatus.FAILED, status.status());
        assertEquals("not received by the terminal", status.message());
    }
}
