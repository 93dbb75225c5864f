package org.omnitill.payment.cardterminal.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.omnitill.api.money.Money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the Terminal API requests this plugin sends (Adyen Terminal API reference, version 1, which
 * follows the nexo Sale to POI protocol 3.0): {@code PaymentRequest}, {@code TransactionStatusRequest},
 * {@code AbortRequest} and {@code ReversalRequest}, each inside a {@code SaleToPOIRequest} with its
 * {@code MessageHeader}.
 */
final class NexoMessages {

    static final String PAYMENT = "Payment";
    static final String REVERSAL = "Reversal";
    static final String TRANSACTION_STATUS = "TransactionStatus";
    static final String ABORT = "Abort";

    private final ObjectMapper json;
    private final Clock clock;
    private final String saleId;

    NexoMessages(ObjectMapper json, Clock clock, String saleId) {
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.saleId = Objects.requireNonNull(saleId, "saleId");
    }

    /** A sale: {@code RequestedAmount} is a decimal with the currency's minor digits (EUR 10.99, JPY 1099). */
    ObjectNode payment(Terminal terminal, String serviceId, String paymentId, Money amount) {
        ObjectNode message = json.createObjectNode();
        ObjectNode request = envelope(message, terminal, PAYMENT, serviceId).putObject("PaymentRequest");
        saleTransaction(request.putObject("SaleData"), paymentId);
        ObjectNode amounts = request.putObject("PaymentTransaction").putObject("AmountsReq");
        amounts.put("Currency", amount.currencyCode());
        amounts.put("RequestedAmount", amount.amount());
        return message;
    }

    /** Asks for the outcome of an earlier request of {@code category} (Payment or Reversal) by its ServiceID. */
    ObjectNode transactionStatus(Terminal terminal, String category, String serviceIdOfOriginal) {
        ObjectNode message = json.createObjectNode();
        ObjectNode request = envelope(message, terminal, TRANSACTION_STATUS, ServiceIds.oneOff('S'))
                .putObject("TransactionStatusRequest");
        reference(request, terminal, category, serviceIdOfOriginal);
        return message;
    }

    /** Asks the terminal to stop a payment that is still waiting for the card. */
    ObjectNode abort(Terminal terminal, String serviceIdOfPayment) {
        ObjectNode message = json.createObjectNode();
        ObjectNode request = envelope(message, terminal, ABORT, ServiceIds.oneOff('A')).putObject("AbortRequest");
        request.put("AbortReason", "MerchantAbort");
        reference(request, terminal, PAYMENT, serviceIdOfPayment);
        return message;
    }

    /**
     * Reverses a completed payment, wholly ({@code reversedAmount} null: nexo takes the authorised amount)
     * or in part (a referenced partial refund: {@code ReversedAmount} plus the currency in
     * {@code SaleToAcquirerData}, as Adyen's "Referenced refund" asks).
     *
     * @param originalPoiTransaction the {@code POITransactionID} ({@code TransactionID} and {@code TimeStamp})
     *        of the payment
     * @param saleTransactionId our id of the reversal (the refund id), as its {@code SaleTransactionID}
     */
    ObjectNode reversal(Terminal terminal, String serviceId, String saleTransactionId, JsonNode originalPoiTransaction,
            Money reversedAmount) {
        ObjectNode message = json.createObjectNode();
        ObjectNode request = envelope(message, terminal, REVERSAL, serviceId).putObject("ReversalRequest");
        request.putObject("OriginalPOITransaction").set("POITransactionID", originalPoiTransaction.deepCopy());
        request.put("ReversalReason", "MerchantCancel");
        ObjectNode saleData = request.putObject("SaleData");
        saleTransaction(saleData, saleTransactionId);
        if (reversedAmount != null) {
            request.put("ReversedAmount", reversedAmount.amount());
            saleData.put("SaleToAcquirerData", "currency=" + reversedAmount.currencyCode());
        }
        return message;
    }

    /** A {@code POITransactionID} known only by its id: stamped now, for a terminal that no longer has the original. */
    ObjectNode poiTransactionId(String transactionId) {
        ObjectNode id = json.createObjectNode();
        id.put("TransactionID", transactionId);
        id.put("TimeStamp", now());
        return id;
    }

    private ObjectNode envelope(ObjectNode message, Terminal terminal, String category, String serviceId) {
        ObjectNode request = message.putObject("SaleToPOIRequest");
        ObjectNode header = request.putObject("MessageHeader");
        header.put("ProtocolVersion", "3.0");
        header.put("MessageClass", "Service");
        header.put("MessageCategory", category);
        header.put("MessageType", "Request");
        header.put("SaleID", saleId);
        header.put("ServiceID", serviceId);
        header.put("POIID", terminal.poiId());
        return request;
    }

    private void reference(ObjectNode request, Terminal terminal, String category, String serviceId) {
        ObjectNode reference = request.putObject("MessageReference");
        reference.put("MessageCategory", category);
        reference.put("SaleID", saleId);
        reference.put("ServiceID", serviceId);
        reference.put("POIID", terminal.poiId());
    }

    private void saleTransaction(ObjectNode saleData, String transactionId) {
        ObjectNode id = saleData.putObject("SaleTransactionID");
        id.put("TransactionID", transactionId);
        id.put("TimeStamp", now());
    }

    private String now() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }
}
