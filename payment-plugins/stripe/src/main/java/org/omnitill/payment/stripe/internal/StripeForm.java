package org.omnitill.payment.stripe.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Parameters in Stripe's encoding (API reference, "Introduction": form-encoded request bodies): nested
 * keys in brackets, {@code metadata[cart_id]=c1}, lists as {@code expand[]=latest_charge}. Used for POST
 * bodies and GET query strings alike. Keeps the order parameters were added in.
 */
final class StripeForm {

    private final List<String[]> pairs = new ArrayList<>();

    /** Adds a parameter; a null value is left out, as Stripe reads an absent parameter as "not set". */
    StripeForm add(String key, Object value) {
        if (value != null) {
            pairs.add(new String[] {key, String.valueOf(value)});
        }
        return this;
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    /**
     * {@code application/x-www-form-urlencoded}, except that brackets in keys stay literal (Stripe reads
     * both; the official libraries keep them literal for readable logs).
     */
    String encode() {
        StringJoiner body = new StringJoiner("&");
        for (String[] pair : pairs) {
            String key = encode(pair[0]).replace("%5B", "[").replace("%5D", "]");
            body.add(key + "=" + encode(pair[1]));
        }
        return body.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
