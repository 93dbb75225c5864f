package org.omnitill.api.catalog;

import java.util.Objects;

/**
 * A GS1 article number as printed under a barcode: EAN-13, UPC-A or EAN-8, with its check digit
 * verified. UPC-A and EAN-13 name the same article when their GTIN-14 forms agree, so lookups
 * compare {@link #gtin14()}.
 */
public final class Barcode {

    /** The symbologies we accept, by the number of digits they carry. */
    public enum Symbology {
        EAN_8(8), UPC_A(12), EAN_13(13);

        private final int length;

        Symbology(int length) {
            this.length = length;
        }

        public int length() {
            return length;
        }
    }

    private final String digits;
    private final Symbology symbology;

    private Barcode(String digits, Symbology symbology) {
        this.digits = digits;
        this.symbology = symbology;
    }

    /**
     * Parses a scanned or typed code.
     *
     * @throws IllegalArgumentException if it is not 8, 12 or 13 digits or its check digit is wrong
     */
    public static Barcode parse(String code) {
        Objects.requireNonNull(code, "code");
        String digits = code.trim();
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("barcode '" + code + "' must contain digits only");
        }
        Symbology symbology = switch (digits.length()) {
            case 8 -> Symbology.EAN_8;
            case 12 -> Symbology.UPC_A;
            case 13 -> Symbology.EAN_13;
            default -> throw new IllegalArgumentException(
                    "barcode '" + code + "' has " + digits.length() + " digits; EAN-13, UPC-A or EAN-8 expected");
        };
        int expected = checkDigit(digits.substring(0, digits.length() - 1));
        int actual = digits.charAt(digits.length() - 1) - '0';
        if (expected != actual) {
            throw new IllegalArgumentException(
                    "barcode '" + code + "' has check digit " + actual + ", expected " + expected);
        }
        return new Barcode(digits, symbology);
    }

    public static boolean isValid(String code) {
        try {
            parse(code);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /**
     * The GS1 mod-10 check digit for the data digits (all digits but the check digit): weights
     * 3 and 1 alternate from the rightmost data digit.
     */
    public static int checkDigit(String dataDigits) {
        int sum = 0;
        int weight = 3;
        for (int i = dataDigits.length() - 1; i >= 0; i--) {
            int d = dataDigits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit in '" + dataDigits + "'");
            }
            sum += d * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** The digits as scanned. */
    public String digits() {
        return digits;
    }

    public Symbology symbology() {
        return symbology;
    }

    /** The code padded to 14 digits, the form in which equal articles compare equal. */
    public String gtin14() {
        return "0".repeat(14 - digits.length()) + digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Barcode b && gtin14().equals(b.gtin14());
    }

    @Override
    public int hashCode() {
        return gtin14().hashCode();
    }

    @Override
    public String toString() {
        return digits;
    }
}
