package org.omnitill.payment.cardterminal.internal;

import java.util.Objects;

/**
 * A Terminal API exchange that gave no usable answer. The {@link Kind} says what that means for money:
 * only {@link Kind#NO_ANSWER} leaves open whether the terminal acted on the request.
 */
final class TerminalException extends Exception {
    private static final long serialVersionUID = 1L;

    enum Kind {
        /** No connection could be made (refused, connect timeout, TLS handshake failed): nothing was sent. */
        UNREACHABLE,
        /** The request went out but no readable answer came back (read timeout, connection reset). */
        NO_ANSWER,
        /** The terminal refused the message itself (HTTP 4xx, nexo EventNotification "Reject"): not processed. */
        REJECTED
    }

    private final Kind kind;

    TerminalException(Kind kind, String message) {
        // No stack trace: these are expected outside failures, logged at debug/info without one.
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    Kind kind() {
        return kind;
    }
}
