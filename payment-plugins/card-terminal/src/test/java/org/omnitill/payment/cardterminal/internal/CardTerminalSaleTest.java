package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.cardterminal.internal.Fixtures.plugin;
import static org.omnitill.payment.cardterminal.internal.Fixtures.sale;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.CardDetails;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sales on the terminal simulator, over a real local socket, with the messages of the Adyen Terminal API
 * ("Make a payment": PaymentRequest / PaymentResponse in SaleToPOIRequest / SaleToPOIResponse).
 */
class CardTerminalSaleTest {

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
    void approvedSaleKeepsBrandMaskedPanTokenAndApprovalCodeOnly() {
        PaymentResult result = card.pay(sale("pay-approved", "10.99"));

        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals(Money.of("10.99", "EUR"), result.applied());
        assertEquals(Money.of("0.00", "EUR"), result.change());
        assertEquals(Money.of("0.00", "EUR"), result.rounding());
        assertNull(result.message());
        assertNotNull(result.reference());
        assertTrue(result.reference().startsWith("SIM"), result.reference());
        CardDetails details = result.card();
        assertEquals("visa", details.brand());
        assertEquals(TerminalSimulator.MASKED_PAN, details.maskedPan());
        assertTrue(details.maskedPan().replaceAll("[^0-9]", "").length() <= 10);
        assertEquals("H167852639363479", details.token(), "the card alias is the token");
        assertEquals("123456", details.authorisationCode());
        assertFalse(result.toString().contains(TerminalSimulator.TEST_PAN));
        assertEquals(1, simulator.charges());
    }

    @Test
    void withoutACardAliasTheTokenIsTheTerminalTransactionId() {
        simulator.withAlias(false);
        PaymentResult result = card.pay(sale("pay-no-alias", "5.00"));
        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals(result.reference(), result.card().token());
    }

    @Test
    void thePaymentRequestFollowsTheTerminalApi() {
        card.pay(sale("pay-format", "100.00"));

        List<TerminalSimulator.Received> payments = simulator.received("Payment");
        assertEquals(1, payments.size());
        JsonNode request = payments.get(0).body().path("SaleToPOIRequest");
        JsonNode header = request.path("MessageHeader");
        assertEquals("3.0", header.path("ProtocolVersion").asText());
        assertEquals("Service", header.path("MessageClass").asText());
        assertEquals("Payment", header.path("MessageCategory").asText());
        assertEquals("Request", header.path("MessageType").asText());
        assertEquals("omnitill-test", header.path("SaleID").asText());
        assertEquals(TerminalSimulator.DEFAULT_POI_ID, header.path("POIID").asText());
        assertEquals(ServiceIds.payment("pay-format"), header.path("ServiceID").asText());
        JsonNode payment = request.path("PaymentRequest");
        assertEquals("pay-format", payment.path("SaleData").path("SaleTransactionID").path("TransactionID").asText());
        assertFalse(payment.path("SaleData").path("SaleTransactionID").path("TimeStamp").asText().isEmpty());
        JsonNode amounts = payment.path("PaymentTransaction").path("AmountsReq");
        assertEquals("EUR", amounts.path("Currency").asText());
        // a JSON number with the currency's two minor digits, never a double's rounding
        assertTrue(amounts.path("RequestedAmount").isNumber());
        assertEquals("100.00", amounts.path("RequestedAmount").decimalValue().toPlainString());
        // the terminal was asked first whether it already had this payment
        assertEquals("TransactionStatus", simulator.received().get(0).category());
    }

    @Test
    void currencyWithoutMinorUnitsIsSentAsAWholeNumber() {
        Money yen = Money.of("1500", "JPY");
        card.pay(new PaymentRequest("pay-yen", "cart", "store", "JP", yen, yen, "R1", Map.of()));
        JsonNode amounts = simulator.received("Payment").get(0).body().path("SaleToPOIRequest")
                .path("PaymentRequest").path("PaymentTransaction").path("AmountsReq");
        assertEquals("1500", amounts.path("RequestedAmount").decimalValue().toPlainString());
        assertEquals("JPY", amounts.path("Currency").asText());
    }

    @Test
    void refusedCardIsAFailedResultWithTheRefusalReason() {
        PaymentResult result = card.pay(sale("pay-refused", "12.13"));

        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals("Refused", result.message());
        assertEquals(Money.of("0.00", "EUR"), result.applied());
        assertNull(result.card());
        assertEquals(0, simulator.charges());
    }

    @Test
    void repeatingAnApprovedPaymentReturnsItsOutcomeWithoutChargingAgain() {
        PaymentResult first = card.pay(sale("pay-twice", "20.00"));
        PaymentResult again = card.pay(sale("pay-twice", "20.00"));

        assertEquals(TenderStatus.CAPTURED, again.status());
        assertEquals(first.reference(), again.reference());
        assertEquals(first.card(), again.card());
        assertEquals(1, simulator.charges());
        assertEquals(1, simulator.received("Payment").size());
    }

    @Test
    void repeatingADeclinedPaymentIsDeclinedAgainWithoutAskingTheCard() {
        card.pay(sale("pay-refused-twice", "7.13"));
        PaymentResult again = card.pay(sale("pay-refused-twice", "7.13"));
        assertEquals(TenderStatus.FAILED, again.status());
        assertEquals("Refused", again.message());
        assertEquals(1, simulator.received("Payment").size());
    }

    @Test
    void eachRegisterPaysOnItsOwnTerminal() throws IOException {
        try (TerminalSimulator other = Fixtures.simulator("P400Plus-275008565", null)) {
            CardTerminalPayment twoTerminals = new CardTerminalPayment(Fixtures.settings(
                    Map.of("R2", Fixtures.terminal(other), "*", Fixtures.terminal(simulator)), Fixtures.PATIENT, ""),
                    Clock.systemUTC());
            Money amount = Money.of("3.00", "EUR");
            twoTerminals.pay(new PaymentRequest("pay-r2", "c", "s", "NL", amount, amount, "R2", Map.of()));
            twoTerminals.pay(new PaymentRequest("pay-r9", "c", "s", "NL", amount, amount, "R9", Map.of()));
            assertEquals(1, other.charges());
            assertEquals(1, simulator.charges());
        }
    }

    @Test
    void aRegisterWithoutTerminalIsDeclinedWithoutContactingAnything() {
        CardTerminalPayment onlyR2 = new CardTerminalPayment(Fixtures.settings(
                Map.of("R2", Fixtures.terminal(simulator)), Fixtures.PATIENT, ""), Clock.systemUTC());
        PaymentResult result = onlyR2.pay(sale("pay-nowhere", "3.00"));
        assertEquals(TenderStatus.FAILED, result.status());
        assertTrue(result.message().contains("no card terminal is configured for register R1"), result.message());
        assertTrue(simulator.received().isEmpty());
    }

    @Test
    void anUnreachableTerminalDeclinesAFreshPayment() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/nexo");
        }
        CardTerminalPayment nowhere = new CardTerminalPayment(Fixtures.settings(
                Map.of("*", new Terminal("V400m-1", closedPort)), Fixtures.PATIENT, ""), Clock.systemUTC());
        PaymentResult result = nowhere.pay(sale("pay-unreachable", "3.00"));
        assertEquals(TenderStatus.FAILED, result.status());
        assertTrue(result.message().contains("not reachable"), result.message());
    }

    @Test
    void aMessageTheTerminalRejectsIsDeclinedWithItsReason() {
        CardTerminalPayment wrongPoiId = new CardTerminalPayment(Fixtures.settings(
                Map.of("*", new Terminal("V400m-999", simulator.url())), Fixtures.PATIENT, ""),
                Clock.systemUTC());
        PaymentResult result = wrongPoiId.pay(sale("pay-rejected", "3.00"));
        assertEquals(TenderStatus.FAILED, result.status());
        assertTrue(result.message().contains("rejected the request: POIID V400m-999 is not this terminal"),
                result.message());
        assertEquals(0, simulator.charges());
    }

    @Test
    void theApiKeyGoesInTheHeaderAndNowhereElse() {
        CardTerminalPayment cloud = new CardTerminalPayment(Fixtures.settings(
                Map.of("*", Fixtures.terminal(simulator)), Fixtures.PATIENT, "AQE-secret-key"), Clock.systemUTC());
        cloud.pay(sale("pay-key", "3.00"));
        for (TerminalSimulator.Received request : simulator.received()) {
            assertEquals(List.of("AQE-secret-key"), request.headers().get("X-api-key"));
            assertFalse(request.body().toString().contains("AQE-secret-key"));
        }
        assertFalse(Fixtures.settings(Map.of(), Fixtures.PATIENT, "AQE-secret-key").toString()
                .contains("AQE-secret-key"));
    }

    @Test
    void badInputIsRefusedBeforeTheTerminal() {
        Money eur = Money.of("5.00", "EUR");
        OmnitillException mismatch = assertThrows(OmnitillException.class, () -> card.pay(new PaymentRequest(
                "p", "c", "s", "NL", eur, Money.of("5.00", "USD"), "R1", Map.of())));
        assertEquals("tender_currency_mismatch", mismatch.code());
        OmnitillException zero = assertThrows(OmnitillException.class, () -> card.pay(new PaymentRequest(
                "p", "c", "s", "NL", eur, Money.of("0.00", "EUR"), "R1", Map.of())));
        assertEquals("tender_not_positive", zero.code());
        assertTrue(simulator.received().isEmpty());
    }
}
