package org.omnitill.rest.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An error answer: status, a stable code, a message for people, extra headers, and the permission concerned if any. */
record ApiError(int status, String code, String message, Map<String, String> headers, String permission) {

    ApiError {
        headers = Map.copyOf(headers);
    }

    ApiError(int status, String code, String message, Map<String, String> headers) {
        this(status, code, message, headers, null);
    }

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** The JSON body, {@code {"error":"…","message":"…"}}, plus {@code "permission"} on a 403. */
    Body body() {
        return new Body(code, message, permission);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String error, String message, String permission) {
    }
}
