package org.omnitill.rest.internal;

import java.time.Duration;
import java.util.Map;

import org.omnitill.api.security.Permission;

/**
 * A request refused for who sent it rather than what it asked: 401 (no or bad credentials), 403 (not
 * allowed, or an approval missing or not good enough), 429 (locked out after failed sign-ins).
 * Mapped to the usual JSON error body, with the permission concerned when there is one.
 */
final class SecurityRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    private SecurityRefusal(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }

    static SecurityRefusal unauthorized(String code, String message) {
        return new SecurityRefusal(new ApiError(401, code, message,
                Map.of("WWW-Authenticate", "Basic realm=\"" + AuthenticationFilter.HTTP_REALM + "\", Bearer realm=\""
                        + AuthenticationFilter.HTTP_REALM + "\"")));
    }

    static SecurityRefusal forbidden(Permission permission, String message) {
        return new SecurityRefusal(new ApiError(403, "forbidden", message, Map.of(), permission.code()));
    }

    /** The act needs a supervisor's approval that the request did not carry, or that was not good enough. */
    static SecurityRefusal approvalRequired(String code, Permission permission, String message) {
        return new SecurityRefusal(new ApiError(403, code, message, Map.of(), permission.code()));
    }

    /** An endpoint that declares no permission is closed to everyone. */
    static SecurityRefusal closed() {
        return new SecurityRefusal(new ApiError(403, "forbidden", "this endpoint declares no permission and is closed"));
    }

    static SecurityRefusal lockedOut(Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return new SecurityRefusal(new ApiError(429, "login_locked",
                "too many failed sign-ins for this user; try again in " + seconds + " s",
                Map.of("Retry-After", Long.toString(seconds))));
    }
}
