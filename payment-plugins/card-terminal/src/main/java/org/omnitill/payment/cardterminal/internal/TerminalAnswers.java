package org.omnitill.payment.cardterminal.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.omnitill.api.payment.CardDetails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the Terminal API responses this plugin receives: {@code PaymentResponse}, {@code ReversalResponse}
 * and {@code TransactionStatusResponse} (Adyen Terminal API reference; Adyen, "Verify transaction status"
 * and "Handle responses"). Only what may be kept is taken out: never the receipt, never card data beyond
 * brand and masked PAN.
 */
final class TerminalAnswers {

    private TerminalAnswers() {
    }

    /**
     * {@code Response}: {@code Result} is {@code Success}, {@code Partial} or {@code Failure};
     * {@code ErrorCondition} says why it failed (e.g. {@code Refusal}, {@code Aborted}, {@code Busy},
     * {@code InProgress}, {@code NotFound}).
     */
    record Outcome(String result, String errorCondition, Map<String, String> additional) {

        Outcome {
            additional = Map.copyOf(additional);
        }

        boolean success() {
            return "Success".equals(result);
        }

        /** Approved for less than was asked ({@code Partial}): money was taken, but not what the cart needs. */
        boolean partial() {
            return "Partial".equals(result);
        }

        /** Why it failed, for the cashier: the refusal reason, else the terminal's message, else the error condition. */
        String reason() {
            for (String key : new String[] {"refusalReason", "message"}) {
                String value = additional.get(key);
                if (value != null && !value.isBlank()) {
                    return CardDataGuard.text(value);
                }
            }
            return errorCondition == null || errorCondition.isBlank() ? "declined by the terminal"
                    : CardDataGuard.text(errorCondition);
        }
    }

    /** A {@code PaymentResponse}, reduced to what the plugin keeps. */
    record Sale(Outcome outcome, String saleTransactionId, JsonNode poiTransactionId, BigDecimal authorizedAmount,
            String currency, CardDetails card) {

        /** {@code POIData.POITransactionID.TransactionID}: the reference of the payment. */
        String reference() {
            String id = poiTransactionId.path("TransactionID").asText(null);
            return id == null || id.isBlank() ? null : id;
        }
    }

    /** Where a looked-up transaction stands. */
    enum State {
        /** Done; {@link Lookup#body()} is its response ({@code PaymentResponse} or {@code ReversalResponse}). */
        FOUND,
        /** The terminal is still working on it (waiting for the card, or online). */
        IN_PROGRESS,
        /** The terminal never received it. */
        NOT_FOUND,
        /** The terminal could not be asked: unreachable, or it refused the status request itself. */
        NOT_ASKED,
        /** No usable answer. */
        UNKNOWN
    }

    /** The answer to a {@code TransactionStatusRequest}. */
    record Lookup(State state, JsonNode body, String message) {

        static Lookup of(State state, String message) {
            return new Lookup(state, null, message);
        }
    }

    static Outcome outcome(JsonNode body, ObjectMapper json) {
        JsonNode response = body.path("Response");
        return new Outcome(response.path("Result").asText(""), response.path("ErrorCondition").asText(null),
                AdditionalResponse.parse(response.path("AdditionalResponse").asText(null), json));
    }

    static Sale sale(JsonNode paymentResponse, ObjectMapper json) {
        Outcome outcome = outcome(paymentResponse, json);
        JsonNode poiTransactionId = paymentResponse.path("POIData").path("POITransactionID");
        JsonNode result = paymentResponse.path("PaymentResult");
        JsonNode amounts = result.path("AmountsResp");
        BigDecimal authorized = amounts.path("AuthorizedAmount").isNumber()
                ? amounts.path("AuthorizedAmount").decimalValue() : null;
        CardDetails card = null;
        if (outcome.success() || outcome.partial()) {
            JsonNode cardData = result.path("PaymentInstrumentData").path("CardData");
            String reference = poiTransactionId.path("TransactionID").asText(null);
            String alias = outcome.additional().get("alias");
            card = new CardDetails(text(cardData.path("PaymentBrand")),
                    CardDataGuard.maskedPan(cardData.path("MaskedPan").asText(null)),
                    alias != null && !alias.isBlank() ? alias : reference,
                    text(result.path("PaymentAcquirerData").path("ApprovalCode")));
        }
        return new Sale(outcome, paymentResponse.path("SaleData").path("SaleTransactionID").path("TransactionID")
                .asText(null), poiTransactionId, authorized, amounts.path("Currency").asText(null), card);
    }

    /**
     * Reads a {@code TransactionStatusResponse}: {@code Success} carries the original answer in
     * {@code RepeatedMessageResponse.RepeatedResponseMessageBody}; {@code Failure} with
     * {@code InProgress} or {@code NotFound} says the transaction is running or unknown. An original
     * answer to another ServiceID than asked for is not taken.
     */
    static Lookup lookup(JsonNode answer, String category, String serviceId, ObjectMapper json) {
        JsonNode status = answer.path("TransactionStatusResponse");
        Outcome outcome = outcome(status, json);
        if (outcome.success()) {
            JsonNode repeated = status.path("RepeatedMessageResponse");
            String repeatedServiceId = repeated.path("MessageHeader").path("ServiceID").asText(serviceId);
            JsonNode body = repeated.path("RepeatedResponseMessageBody").path(category + "Response");
            if (!body.isObject() || !repeatedServiceId.equals(serviceId)) {
                return Lookup.of(State.UNKNOWN, "the terminal's status answer does not hold the " + category);
            }
            return new Lookup(State.FOUND, body, null);
        }
        if ("InProgress".equals(outcome.errorCondition())) {
            return Lookup.of(State.IN_PROGRESS, "in progress on the terminal");
        }
        if ("NotFound".equals(outcome.errorCondition())) {
            return Lookup.of(State.NOT_FOUND, "not received by the terminal");
        }
        return Lookup.of(State.UNKNOWN, "the terminal cannot say: " + outcome.reason());
    }

    private static String text(JsonNode node) {
        String text = node.asText(null);
        return text == null || text.isBlank() ? null : CardDataGuard.text(text);
    }
}
