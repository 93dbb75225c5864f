package org.omnitill.rest.internal;

import java.util.Map;

/**
 * An error response before it becomes HTTP: the status, the stable {@code code} and the message
 * clients see, and any headers that belong to it (for example {@code Allow} on a 405).
 */
record ApiError(int status, String code, String message, Map<String, String> headers) {

    ApiError {
        headers = Map.copyOf(headers);
    }

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** The JSON body, {@code {"error":"…","message":"…"}}. */
    Body body() {
        return new Body(code, message);
    }

    record Body(String error, String message) {
    }
}
