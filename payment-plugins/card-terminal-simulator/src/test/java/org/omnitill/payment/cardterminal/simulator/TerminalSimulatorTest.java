package org.omnitill.payment.cardterminal.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator.Behaviour;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator.Transaction;
import org.omnitill.testkit.RecordedLogs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The simulator answers the nexo / Terminal API messages a sale to POI client sends it. */
class TerminalSimulatorTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final String SALE_ID = "omnitill-test";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TerminalSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        RecordedLogs.clear();
        simulator = new TerminalSimulator().start(0, "127.0.0.1");
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void listensOnTheGivenHostAndSaysItIsNoRealTerminal() {
        assertTrue(simulator.isRunning());
        assertTrue(simulator.port() > 0);
        assertEquals(URI.create("http://127.0.0.1:" + simulator.port() + "/nexo"), simulator.url());
        assertEquals(TerminalSimulator.DEFAULT_POI_ID, simulator.poiId());
        String expected = "WARN " + TerminalSimulator.class.getName() + " terminal SIMULATOR listening on "
                + simulator.url() + ", not a real terminal";
        assertTrue(RecordedLogs.lines().stream().anyMatch(l -> l.startsWith(expected)),
                String.join("\n", RecordedLogs.lines()));
        assertThrows(IllegalStateException.class, () -> simulator.start(0, "127.0.0.1"));
    }

    @Test
    void answersAPaymentRequestWithTheMaskedCardAndTheAuthorizedAmount() throws Exception {
        JsonNode response = post(payment("P000000001", "10.90", "EUR")).path("SaleToPOIResponse");

        assertEquals("Response", response.path("MessageHeader").path("MessageType").asText());
        assertEquals("P000000001", response.path("MessageHeader").path("ServiceID").asText());
        JsonNode body = response.path("PaymentResponse");
        assertEquals("Success", body.path("Response").path("Result").asText());
        assertEquals(TerminalSimulator.MASKED_PAN, body.path("PaymentResult").path("PaymentInstrumentData")
                .path("CardData").path("MaskedPan").asText());
        assertEquals("10.90", body.path("PaymentResult").path("AmountsResp").path("AuthorizedAmount").decimalValue()
                .toPlainString());
        assertEquals("123456", body.path("PaymentResult").path("PaymentAcquirerData").path("ApprovalCode").asText());
        assertTrue(body.path("Response").path("AdditionalResponse").asText().contains("alias="));
        String poiTransactionId = body.path("POIData").path("POITransactionID").path("TransactionID").asText();
        assertFalse(poiTransactionId.isEmpty());

        assertEquals(1, simulator.charges());
        assertEquals(1, simulator.received("Payment").size());
        assertEquals("P000000001", simulator.received().get(0).serviceId());
        List<Transaction> transactions = simulator.transactions();
        assertEquals(1, transactions.size());
        Transaction payment = transactions.get(0);
        assertEquals("Payment", payment.category());
        assertEquals("Success", payment.result());
        assertTrue(payment.completed());
        assertEquals(poiTransactionId, payment.poiTransactionId());
        assertEquals("EUR", payment.currency());
        assertEquals(0, new BigDecimal("10.90").compareTo(payment.authorized()));
    }

    @Test
    void refusesAmountsEndingIn13() throws Exception {
        JsonNode body = post(payment("P000000002", "20.13", "EUR")).path("SaleToPOIResponse").path("PaymentResponse");
        assertEquals("Failure", body.path("Response").path("Result").asText());
        assertEquals("Refusal", body.path("Response").path("ErrorCondition").asText());
        assertTrue(body.path("Response").path("AdditionalResponse").asText().startsWith("refusalReason=Refused"));
        assertEquals(0, simulator.charges());
        assertEquals("Failure", simulator.transactions().get(0).result());
    }

    @Test
    void transactionStatusRepeatsTheRememberedOutcomeOrSaysNotFound() throws Exception {
        post(payment("P000000003", "5.00", "EUR"));

        JsonNode found = post(status("S000000001", "Payment", "P000000003")).path("SaleToPOIResponse")
                .path("TransactionStatusResponse");
        assertEquals("Success", found.path("Response").path("Result").asText());
        JsonNode repeated = found.path("RepeatedMessageResponse");
        assertEquals("P000000003", repeated.path("MessageHeader").path("ServiceID").asText());
        assertEquals("Success", repeated.path("RepeatedResponseMessageBody").path("PaymentResponse").path("Response")
                .path("Result").asText());

        JsonNode missing = post(status("S000000002", "Payment", "P000000999")).path("SaleToPOIResponse")
                .path("TransactionStatusResponse");
        assertEquals("Failure", missing.path("Response").path("Result").asText());
        assertEquals("NotFound", missing.path("Response").path("ErrorCondition").asText());
        assertEquals(1, simulator.charges(), "a status request charges nothing");
    }

    @Test
    void aHeldPaymentIsInProgressUntilReleased() throws Exception {
        simulator.next("Payment", Behaviour.HOLD);
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(request(payment("P000000004", "7.00", "EUR")),
                HttpResponse.BodyHandlers.ofString());
        JsonNode inProgress = null;
        for (int i = 0; i < 200; i++) {
            inProgress = post(status("S000000003", "Payment", "P000000004")).path("SaleToPOIResponse")
                    .path("TransactionStatusResponse").path("Response");
            if ("InProgress".equals(inProgress.path("ErrorCondition").asText())) {
                break;
            }
            Thread.sleep(25);
        }
        assertEquals("InProgress", inProgress.path("ErrorCondition").asText());
        assertFalse(simulator.transactions().get(0).completed());

        simulator.release();
        simulator.awaitOutcome("P000000004");
        assertEquals("Success", JSON.readTree(held.get().body()).path("SaleToPOIResponse").path("PaymentResponse")
                .path("Response").path("Result").asText());
        assertEquals(1, simulator.charges());
    }

    @Test
    void booksReversalsAndRefusesMoreThanIsLeft() throws Exception {
        JsonNode paid = post(payment("P000000005", "30.00", "EUR")).path("SaleToPOIResponse").path("PaymentResponse")
                .path("POIData").path("POITransactionID");
        String reference = paid.path("TransactionID").asText();

        JsonNode partial = post(reversal("R000000001", paid, new BigDecimal("12.50"), "EUR"))
                .path("SaleToPOIResponse").path("ReversalResponse");
        assertEquals("Success", partial.path("Response").path("Result").asText());
        assertEquals(reference, partial.path("OriginalPOITransaction").path("POITransactionID").path("TransactionID")
                .asText());
        assertEquals(0, new BigDecimal("12.50").compareTo(simulator.reversedOf(reference)));

        JsonNode tooMuch = post(reversal("R000000002", paid, new BigDecimal("20.00"), "EUR"))
                .path("SaleToPOIResponse").path("ReversalResponse");
        assertEquals("Failure", tooMuch.path("Response").path("Result").asText());

        JsonNode rest = post(reversal("R000000003", paid, null, null)).path("SaleToPOIResponse").path("ReversalResponse");
        assertEquals("Failure", rest.path("Response").path("Result").asText(),
                "a full reversal after a partial one is more than is left");
        JsonNode remainder = post(reversal("R000000004", paid, new BigDecimal("17.50"), "EUR"))
                .path("SaleToPOIResponse").path("ReversalResponse");
        assertEquals("Success", remainder.path("Response").path("Result").asText());

        assertEquals(2, simulator.reversals());
        assertEquals(0, new BigDecimal("30.00").compareTo(simulator.reversedOf(reference)));
        JsonNode reversalStatus = post(status("S000000004", "Reversal", "R000000001")).path("SaleToPOIResponse")
                .path("TransactionStatusResponse");
        assertEquals("Success", reversalStatus.path("Response").path("Result").asText());
    }

    @Test
    void rejectsMessagesForAnotherTerminalOrWithoutAHeader() throws Exception {
        ObjectNode other = payment("P000000006", "1.00", "EUR");
        ((ObjectNode) other.path("SaleToPOIRequest").path("MessageHeader")).put("POIID", "P400Plus-1");
        JsonNode reject = post(other).path("SaleToPOIRequest").path("EventNotification");
        assertEquals("Reject", reject.path("EventToNotify").asText());
        assertTrue(reject.path("EventDetails").asText().contains("is+not+this+terminal"), reject.toString());

        ObjectNode headless = JSON.createObjectNode();
        headless.putObject("SaleToPOIRequest").putObject("PaymentRequest");
        assertEquals("Reject", post(headless).path("SaleToPOIRequest").path("EventNotification")
                .path("EventToNotify").asText());
        assertEquals(0, simulator.charges());
        assertTrue(simulator.transactions().isEmpty());
    }

    @Test
    void misbehavesOnceWhenAskedTo() throws Exception {
        simulator.next("Payment", Behaviour.DROP_BEFORE);
        assertThrows(IOException.class, () -> post(payment("P000000007", "2.00", "EUR")));
        assertTrue(simulator.transactions().isEmpty(), "dropped before processing: never seen");

        simulator.next("Payment", Behaviour.GARBLED);
        HttpResponse<String> garbled = http.send(request(payment("P000000008", "2.00", "EUR")),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(garbled.body().startsWith("<html>"));
        assertEquals(1, simulator.charges(), "processed, then answered badly");

        simulator.next("Payment", Behaviour.PARTIAL);
        JsonNode partial = post(payment("P000000009", "9.00", "EUR")).path("SaleToPOIResponse").path("PaymentResponse");
        assertEquals("Partial", partial.path("Response").path("Result").asText());
        assertEquals("4.50", partial.path("PaymentResult").path("AmountsResp").path("AuthorizedAmount").decimalValue()
                .toPlainString());

        JsonNode normal = post(payment("P000000010", "2.00", "EUR")).path("SaleToPOIResponse").path("PaymentResponse");
        assertEquals("Success", normal.path("Response").path("Result").asText());
    }

    @Test
    void resetForgetsEverythingAndStopKeepsTheAddress() throws Exception {
        post(payment("P000000011", "3.00", "EUR"));
        simulator.next("Payment", Behaviour.GARBLED);
        simulator.reset();
        assertEquals(0, simulator.charges());
        assertTrue(simulator.transactions().isEmpty());
        assertTrue(simulator.received().isEmpty());
        assertEquals("Success", post(payment("P000000012", "3.00", "EUR")).path("SaleToPOIResponse")
                .path("PaymentResponse").path("Response").path("Result").asText(), "the knob was forgotten too");

        URI url = simulator.url();
        simulator.stop();
        simulator.stop();
        assertFalse(simulator.isRunning());
        assertEquals(url, simulator.url());
        assertThrows(ConnectException.class, () -> post(payment("P000000013", "3.00", "EUR")));
        assertThrows(IllegalStateException.class, () -> new TerminalSimulator().url());
    }

    @Test
    void neverLogsTheTestCardNumber() throws Exception {
        post(payment("P000000014", "1.00", "EUR"));
        post(payment("P000000015", "1.13", "EUR"));
        simulator.next("Payment", Behaviour.GARBLED);
        http.send(request(payment("P000000016", "1.00", "EUR")), HttpResponse.BodyHandlers.ofString());
        simulator.stop();
        List<String> lines = RecordedLogs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG")), String.join("\n", lines));
        for (String line : lines) {
            assertFalse(line.contains(TerminalSimulator.TEST_PAN), line);
        }
    }

    // ------------------------------------------------------------------ messages

    private static ObjectNode message(String category, String serviceId) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode header = root.putObject("SaleToPOIRequest").putObject("MessageHeader");
        header.put("ProtocolVersion", "3.0");
        header.put("MessageClass", "Service");
        header.put("MessageCategory", category);
        header.put("MessageType", "Request");
        header.put("SaleID", SALE_ID);
        header.put("ServiceID", serviceId);
        header.put("POIID", TerminalSimulator.DEFAULT_POI_ID);
        return root;
    }

    private static ObjectNode payment(String serviceId, String amount, String currency) {
        ObjectNode root = message("Payment", serviceId);
        ObjectNode request = ((ObjectNode) root.path("SaleToPOIRequest")).putObject("PaymentRequest");
        ObjectNode sale = request.putObject("SaleData").putObject("SaleTransactionID");
        sale.put("TransactionID", "pay-" + serviceId);
        sale.put("TimeStamp", Instant.now().toString());
        ObjectNode amounts = request.putObject("PaymentTransaction").putObject("AmountsReq");
        amounts.put("Currency", currency);
        amounts.put("RequestedAmount", new BigDecimal(amount));
        return root;
    }

    private static ObjectNode status(String serviceId, String category, String ofServiceId) {
        ObjectNode root = message("TransactionStatus", serviceId);
        ObjectNode reference = ((ObjectNode) root.path("SaleToPOIRequest")).putObject("TransactionStatusRequest")
                .putObject("MessageReference");
        reference.put("MessageCategory", category);
        reference.put("SaleID", SALE_ID);
        reference.put("ServiceID", ofServiceId);
        return root;
    }

    private static ObjectNode reversal(String serviceId, JsonNode original, BigDecimal amount, String currency) {
        ObjectNode root = message("Reversal", serviceId);
        ObjectNode request = ((ObjectNode) root.path("SaleToPOIRequest")).putObject("ReversalRequest");
        request.putObject("OriginalPOITransaction").set("POITransactionID", original.deepCopy());
        request.put("ReversalReason", "MerchantCancel");
        if (amount != null) {
            request.put("ReversedAmount", amount);
            request.putObject("SaleData").put("SaleToAcquirerData", "currency=" + currency);
        }
        return root;
    }

    private HttpRequest request(JsonNode body) throws IOException {
        return HttpRequest.newBuilder(simulator.url()).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    private JsonNode post(JsonNode body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(body), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }
}
