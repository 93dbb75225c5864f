package org.omnitill.tax.indiagst.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.omnitill.api.error.OmnitillException;

/**
 * A product's tax category as this rule reads it: {@code hsn:<code>} (spaces and dots in the code
 * are ignored, e.g. {@code hsn:8517 12 00}), optionally with the sale value of one piece after an
 * {@code @} for goods whose rate depends on it ({@code hsn:6109@799}), or a generic code such as
 * {@code standard}.
 *
 * @param hsnDigits the HSN code's digits, or null for a generic code
 * @param generic the lower-case generic code, or null for an HSN code
 * @param unitValue the sale value of one piece in INR excluding GST, or null if not given
 */
record CategoryCode(String hsnDigits, String generic, BigDecimal unitValue) {

    static final String HSN = "hsn:";
    private static final int MIN_DIGITS = 2;
    private static final int MAX_DIGITS = 8;

    /**
     * @throws OmnitillException {@code tax_category_unknown} if blank, {@code tax_category_invalid}
     *         if an HSN code or sale value is malformed
     */
    static CategoryCode parse(String category) {
        if (category == null || category.isBlank()) {
            throw OmnitillException.unprocessable("tax_category_unknown", "The line has no tax category; India GST "
                    + "needs hsn:<HSN code> or one of standard, reduced, exempt, zero");
        }
        String code = category.trim().toLowerCase(Locale.ROOT);
        if (!code.startsWith(HSN)) {
            return new CategoryCode(null, code, null);
        }
        int at = code.indexOf('@');
        String hsn = at < 0 ? code.substring(HSN.length()) : code.substring(HSN.length(), at);
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        for (int i = 0; i < hsn.length(); i++) {
            char c = hsn.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '.') {
                throw invalid(category, "the HSN code may hold only digits, spaces and dots");
            }
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw invalid(category, "an HSN code has 2 to 8 digits");
        }
        return new CategoryCode(digits.toString(), null, at < 0 ? null : unitValue(category, code.substring(at + 1)));
    }

    private static BigDecimal unitValue(String category, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(category, "the sale value per piece after '@' must be a decimal amount in INR");
        }
        if (value.signum() < 0) {
            throw invalid(category, "the sale value per piece cannot be negative");
        }
        return value;
    }

    private static OmnitillException invalid(String category, String problem) {
        return OmnitillException.unprocessable("tax_category_invalid",
                "Tax category '" + category + "' is malformed: " + problem + " (e.g. hsn:8517, hsn:6109@799)");
    }

    /** For messages: {@code hsn:6109} or the generic code. */
    String display() {
        return hsnDigits != null ? HSN + hsnDigits : generic;
    }
}
