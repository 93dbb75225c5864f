package org.omnitill.rest.internal;

import java.util.Optional;

/**
 * The {@code Omnitill-Approval} request header by which a supervisor approves an act in the same
 * request: {@code Basic base64(user:password)} or {@code PIN base64(user:pin)}.
 */
final class ApprovalHeader {

    static final String NAME = "Omnitill-Approval";

    private ApprovalHeader() {
    }

    /** A parsed approval; {@link #toString()} never shows the secret. */
    record Parsed(String username, String secret, boolean pin) {
        @Override
        public String toString() {
            return "Approval[username=" + username + ", pin=" + pin + ", secret=***]";
        }
    }

    static Optional<Parsed> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        boolean pin;
        if (scheme.equalsIgnoreCase("PIN")) {
            pin = true;
        } else if (scheme.equalsIgnoreCase("Basic")) {
            pin = false;
        } else {
            return Optional.empty();
        }
        return AuthenticationFilter.decodeUserAndSecret(value.substring(space + 1).trim())
                .map(c -> new Parsed(c.username(), c.password(), pin));
    }
}
