package org.omnitill.payment.stripe.internal;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readers for Stripe's JSON objects, and the scrubbing of text before it reaches a log or a person. */
final class StripeJson {

    /** Stripe's secret, restricted and publishable keys, masked or not (its 401 message echoes a masked key). */
    private static final Pattern API_KEY = Pattern.compile("\\b(sk|rk|pk)_(test|live)_[A-Za-z0-9*]+");
    /** Anything that could be a card number: 12 to 19 digits, possibly in groups. */
    private static final Pattern CARD_NUMBER = Pattern.compile("\\b\\d(?:[ -]?\\d){11,18}\\b");

    private StripeJson() {
    }

    /** A text field, or null when absent, JSON null or empty. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /**
     * The id of a field that Stripe writes as an id or, when expanded, as the object itself
     * ({@code latest_charge}, {@code payment_method}, {@code payment_intent}).
     */
    static String id(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isObject() ? text(value, "id") : text(node, field);
    }

    /** Removes API keys and anything that looks like a card number from text meant for logs or people. */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String withoutKeys = API_KEY.matcher(text).replaceAll("[api key]");
        return CARD_NUMBER.matcher(withoutKeys).replaceAll("[card number]");
    }

    /** Whether text holds something that looks like a card number. */
    static boolean containsCardNumber(String text) {
        return text != null && CARD_NUMBER.matcher(text).find();
    }
}
