package org.omnitill.payment.stripe.internal;

import static org.omnitill.payment.stripe.internal.StripeJson.id;
import static org.omnitill.payment.stripe.internal.StripeJson.scrub;
import static org.omnitill.payment.stripe.internal.StripeJson.text;

import java.util.regex.Pattern;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.CardDetails;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Stripe's objects into the SPI's results. The shapes are those of the API reference: "The
 * PaymentIntent object" (status lifecycle in "How PaymentIntents work"), "The Charge object"
 * ({@code payment_method_details.card}), "The Refund object" and "Errors".
 */
final class StripeResults {

    private static final Pattern LAST_FOUR = Pattern.compile("\\d{4}");

    private StripeResults() {
    }

    /**
     * A PaymentIntent, ideally with {@code latest_charge} expanded:
     * <ul>
     * <li>{@code succeeded}: CAPTURED, with the card's brand, last four digits, PaymentMethod id and
     * authorisation code; VOIDED instead when its charge has since been refunded in full</li>
     * <li>{@code requires_capture}: AUTHORIZED</li>
     * <li>{@code requires_action} (3-D Secure), {@code processing}, {@code requires_confirmation}: PENDING,
     * the client completes the action and the core asks again with {@code status}</li>
     * <li>{@code requires_payment_method}: FAILED with the decline from {@code last_payment_error}</li>
     * <li>{@code canceled}: VOIDED</li>
     * </ul>
     */
    static PaymentResult fromIntent(JsonNode intent) {
        String id = text(intent, "id");
        String status = text(intent, "status");
        String currency = text(intent, "currency");
        Money zero = Money.zero(Money.currency(currency));
        JsonNode charge = intent.path("latest_charge");
        switch (status == null ? "" : status) {
            case "succeeded":
                if (charge.path("refunded").asBoolean(false)) {
                    return result(TenderStatus.VOIDED, zero, id, "refunded in full at Stripe");
                }
                return PaymentResult.capturedByCard(amount(intent, "amount_received", currency), id, card(intent));
            case "requires_capture":
                return new PaymentResult(TenderStatus.AUTHORIZED, amount(intent, "amount_capturable", currency), zero,
                        zero, id, "authorised; to be captured at Stripe", card(intent));
            case "requires_action":
                return PaymentResult.pending(zero, id, "customer action required: " + nextAction(intent));
            case "processing":
                return PaymentResult.pending(zero, id, "Stripe is still processing the payment");
            case "requires_confirmation":
                return PaymentResult.pending(zero, id, "the payment intent awaits confirmation");
            case "requires_payment_method":
                JsonNode error = intent.path("last_payment_error");
                return result(TenderStatus.FAILED, zero, id, error.isObject() ? declineMessage(error)
                        : "the payment method was not accepted; the customer has to pay again");
            case "canceled":
                String reason = text(intent, "cancellation_reason");
                return result(TenderStatus.VOIDED, zero, id, "canceled at Stripe" + (reason == null ? "" : " (" + reason + ")"));
            default:
                return PaymentResult.pending(zero, id, "Stripe reports the unexpected status '" + status + "'");
        }
    }

    /** A declined card (402 {@code card_error}): FAILED, with the PaymentIntent's id when the error names it. */
    static PaymentResult declined(StripeResponse response, Money zero) {
        JsonNode error = response.error();
        return result(TenderStatus.FAILED, zero, id(error, "payment_intent"), declineMessage(error));
    }

    static PaymentResult result(TenderStatus status, Money zero, String reference, String message) {
        return new PaymentResult(status, zero, zero, zero, reference, message, null);
    }

    /** E.g. {@code Your card has insufficient funds. (decline_code: insufficient_funds)}. */
    static String declineMessage(JsonNode error) {
        String message = scrub(text(error, "message"));
        String declineCode = text(error, "decline_code");
        String code = text(error, "code");
        String detail = declineCode != null ? "decline_code: " + declineCode : code != null ? "code: " + code : null;
        return (message == null ? "declined by Stripe" : message) + (detail == null ? "" : " (" + detail + ")");
    }

    /**
     * What may be kept of the card: brand, {@code ******1234} (Stripe gives the last four digits only),
     * the PaymentMethod id as the token, and the issuer's authorisation code when the charge has one.
     */
    static CardDetails card(JsonNode intent) {
        JsonNode charge = intent.path("latest_charge");
        String token = id(charge, "payment_method");
        if (token == null) {
            token = id(intent, "payment_method");
        }
        JsonNode card = charge.path("payment_method_details").path("card");
        if (!card.isObject()) {
            return token == null ? null : new CardDetails(null, null, token, null);
        }
        String last4 = text(card, "last4");
        String masked = last4 != null && LAST_FOUR.matcher(last4).matches() ? "******" + last4 : null;
        String authorisation = text(card, "authorization_code");
        if (authorisation == null) {
            authorisation = text(charge, "authorization_code");
        }
        return new CardDetails(text(card, "brand"), masked, token, authorisation);
    }

    /** {@code use_stripe_sdk}, or {@code redirect_to_url <url>} when the customer is to be sent somewhere. */
    private static String nextAction(JsonNode intent) {
        JsonNode action = intent.path("next_action");
        String type = text(action, "type");
        if (type == null) {
            return "unknown next action";
        }
        String url = text(action.path("redirect_to_url"), "url");
        return url == null ? type : type + " " + url;
    }

    /** {@code field} (e.g. {@code amount_received}), or {@code amount} when that is missing or zero. */
    private static Money amount(JsonNode intent, String field, String currency) {
        long value = intent.path(field).asLong(0);
        return StripeAmounts.fromStripe(value > 0 ? value : intent.path("amount").asLong(), currency);
    }

    /**
     * A Refund: {@code succeeded} is REFUNDED, {@code pending} and {@code requires_action} are PENDING,
     * {@code failed} and {@code canceled} are FAILED with the {@code failure_reason}.
     */
    static RefundResult fromRefund(JsonNode refund) {
        String id = text(refund, "id");
        String status = text(refund, "status");
        Money amount = StripeAmounts.fromStripe(refund.path("amount").asLong(), text(refund, "currency"));
        switch (status == null ? "" : status) {
            case "succeeded":
                return RefundResult.refunded(amount, id);
            case "failed":
            case "canceled":
                String reason = text(refund, "failure_reason");
                return new RefundResult(TenderStatus.FAILED, amount, id,
                        "refund " + status + " at Stripe" + (reason == null ? "" : ": " + reason));
            case "requires_action":
                return new RefundResult(TenderStatus.PENDING, amount, id, "refund waits for customer action at Stripe");
            default:
                return new RefundResult(TenderStatus.PENDING, amount, id, "refund " + status + " at Stripe");
        }
    }
}
