package org.omnitill.payment.stripe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Stripe answers recorded in the shape of the API reference's examples (src/test/resources/stripe), with
 * {@code ${name}} placeholders filled in per test.
 */
final class Fixtures {

    static final String INTENT_ID = "pi_3PmJqV2eZvKYlo2C1s0dG7yQ";
    static final String PAYMENT_METHOD_ID = "pm_1PmJqU2eZvKYlo2CkJ4sX9aT";
    static final String THREE_DS_INTENT_ID = "pi_3PmKa12eZvKYlo2C0n3DsAct";
    static final String DECLINED_INTENT_ID = "pi_3PmKd02eZvKYlo2C0DecL1n3";

    private Fixtures() {
    }

    /** A fixture with its placeholders replaced: name, value, name, value... */
    static String json(String name, String... placeholders) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < placeholders.length; i += 2) {
            values.put(placeholders[i], placeholders[i + 1]);
        }
        String text = read(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException(name + " still has placeholders: " + text);
        }
        return text;
    }

    /** A succeeded PaymentIntent with its charge expanded. */
    static String succeeded(String paymentId, long amount, String currency) {
        return json("payment_intent_succeeded.json", "id", INTENT_ID, "paymentId", paymentId,
                "amount", Long.toString(amount), "currency", currency, "authorizationCode", "123456",
                "refunded", "false");
    }

    static String refund(String refundReference, String refundId, long amount, String status, String failureReason) {
        return json("refund.json", "refundReference", refundReference, "refundId", refundId,
                "amount", Long.toString(amount), "currency", "eur", "status", status,
                "failureReason", failureReason == null ? "null" : "\"" + failureReason + "\"");
    }

    /** A list ({@code object=list}) or search result ({@code object=search_result}) of the given objects. */
    static String list(String object, String url, String... data) {
        return json("list.json", "object", object, "url", url, "data", String.join(",", data));
    }

    private static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/stripe/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
