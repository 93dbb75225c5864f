package org.omnitill.payment.stripe.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What one call to Stripe came to, after the retries.
 *
 * @param outcome how to read it
 * @param httpStatus the last HTTP status, or 0 when no answer came
 * @param body the JSON answer: the object for {@code OK}, {@code {"error": {...}}} otherwise; a missing
 *        node when there is none
 * @param problem for everything but {@code OK}: what went wrong, for people, with any API key scrubbed
 */
record StripeResponse(Outcome outcome, int httpStatus, JsonNode body, String problem) {

    enum Outcome {
        /** 2xx: the object asked for. */
        OK,
        /** 402 with a {@code card_error}: the card was declined; nothing was charged. */
        CARD_ERROR,
        /** Another 4xx: Stripe refused the request (bad parameters, bad key, nothing found); nothing happened. */
        REJECTED,
        /** No answer, a timeout, a 5xx, or still rate-limited: what Stripe did is not known. */
        UNKNOWN
    }

    StripeResponse {
        body = body == null ? MissingNode.getInstance() : body;
    }

    static StripeResponse unknown(int httpStatus, String problem) {
        return new StripeResponse(Outcome.UNKNOWN, httpStatus, null, problem);
    }

    boolean ok() {
        return outcome == Outcome.OK;
    }

    /** The {@code error} object of a failed call (Stripe API reference, "Errors"), or a missing node. */
    JsonNode error() {
        return body.path("error");
    }

    /** The error's {@code code}, e.g. {@code card_declined}, {@code charge_already_refunded}; or null. */
    String errorCode() {
        return StripeJson.text(error(), "code");
    }
}
