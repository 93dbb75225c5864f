package org.omnitill.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.error.OmnitillException;

/**
 * Request checks shared by the resources. Every failure is an {@link OmnitillException} of kind
 * INVALID (400) with a stable code, raised before a service is called.
 */
final class Requests {

    /** The most of anything one line may hold: more is a typing or scanning accident. */
    static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(10_000);
    /** Weights and lengths have three decimals at most; pieces none (the cart service checks the unit). */
    static final int MAX_QUANTITY_DECIMALS = 3;

    private Requests() {
    }

    /** Parses a required JSON body; an absent or {@code null} body is {@code missing_body}. */
    static <T> T body(ObjectMapper json, byte[] body, Class<T> type) {
        if (body == null || isBlank(body)) {
            throw OmnitillException.invalid("missing_body", "a JSON request body is required");
        }
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw ErrorMapping.malformedJson(e);
        } catch (IOException e) {
            // reading from a byte array cannot fail for I/O reasons
            throw new IllegalStateException(e);
        }
        if (value == null) {
            throw OmnitillException.invalid("missing_body", "a JSON request body is required");
        }
        return value;
    }

    /** A required text field, trimmed; null or blank is {@code missing_field}. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw OmnitillException.invalid("missing_field", field + " is required");
        }
        return value.trim();
    }

    /** An optional text field: trimmed, or null when absent or blank. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A quantity to sell: positive, at most {@value #MAX_QUANTITY_DECIMALS} decimals, at most 10,000. */
    static BigDecimal quantity(BigDecimal quantity) {
        if (quantity == null) {
            throw OmnitillException.invalid("invalid_quantity", "quantity is required");
        }
        if (quantity.signum() <= 0) {
            throw OmnitillException.invalid("invalid_quantity",
                    "quantity must be positive, not " + quantity.toPlainString());
        }
        if (quantity.compareTo(MAX_QUANTITY) > 0) {
            throw OmnitillException.invalid("invalid_quantity",
                    "quantity must not exceed " + MAX_QUANTITY.toPlainString());
        }
        BigDecimal normalized = quantity.stripTrailingZeros();
        if (normalized.scale() > MAX_QUANTITY_DECIMALS) {
            throw OmnitillException.invalid("invalid_quantity",
                    "quantity " + quantity.toPlainString() + " has more than " + MAX_QUANTITY_DECIMALS + " decimals");
        }
        return normalized.scale() < 0 ? normalized.setScale(0) : normalized;
    }

    /** A barcode as scanned or typed; a wrong length or check digit is {@code invalid_barcode}. */
    static Barcode barcode(String code) {
        try {
            return Barcode.parse(code);
        } catch (IllegalArgumentException e) {
            throw OmnitillException.invalid("invalid_barcode", e.getMessage());
        }
    }

    /** An integer query parameter within [min, max]; absent means {@code defaultValue}. */
    static int intParam(String raw, String name, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw OmnitillException.invalid("invalid_parameter", name + " must be a whole number, not '" + clip(raw) + "'");
        }
        if (value < min || value > max) {
            throw OmnitillException.invalid("invalid_parameter", name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** An optional ISO date query parameter ({@code 2026-12-05}); anything else is {@code invalid_date}. */
    static LocalDate date(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw OmnitillException.invalid("invalid_date", name + " must be a date like 2026-12-05, not '" + clip(raw) + "'");
        }
    }

    /**
     * An optional bound of a period, as a date (taken in {@code zone}) or an ISO instant: a date {@code from}
     * starts at its midnight, a date {@code to} ends at the next midnight, so that both dates are
     * inclusive; an instant is taken as it is. Anything else is {@code invalid_date}.
     */
    static Instant periodBound(String raw, String name, ZoneId zone, boolean end) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            LocalDate date = LocalDate.parse(text);
            return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw OmnitillException.invalid("invalid_date", name
                        + " must be a date like 2026-12-05 or an instant like 2026-12-05T09:30:00Z, not '" + clip(raw) + "'");
            }
        }
    }

    /** An optional boolean query parameter: {@code true} or {@code false} (any case); absent is false. */
    static boolean booleanParam(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw OmnitillException.invalid("invalid_parameter", name + " must be true or false, not '"
                    + clip(raw) + "'");
        };
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Echoes client input in messages only in a short form. */
    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
