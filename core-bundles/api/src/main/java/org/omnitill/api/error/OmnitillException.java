package org.omnitill.api.error;

import java.util.Objects;

/**
 * A failure the caller can act on. The {@link #code()} is stable and machine-readable
 * (for example {@code out_of_stock}); the message is for people.
 */
public class OmnitillException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String code;

    public OmnitillException(ErrorKind kind, String code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public OmnitillException(ErrorKind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static OmnitillException invalid(String code, String message) {
        return new OmnitillException(ErrorKind.INVALID, code, message);
    }

    public static OmnitillException notFound(String code, String message) {
        return new OmnitillException(ErrorKind.NOT_FOUND, code, message);
    }

    public static OmnitillException conflict(String code, String message) {
        return new OmnitillException(ErrorKind.CONFLICT, code, message);
    }

    public static OmnitillException unprocessable(String code, String message) {
        return new OmnitillException(ErrorKind.UNPROCESSABLE, code, message);
    }

    public static OmnitillException unavailable(String code, String message) {
        return new OmnitillException(ErrorKind.UNAVAILABLE, code, message);
    }
}
