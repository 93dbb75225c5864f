package org.omnitill.payment.giftcard.internal;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.omnitill.api.error.OmnitillException;

/**
 * Account numbers: 16 digits, the last a check digit by the Luhn formula (ISO/IEC 7812-1, Annex B),
 * so that a mistyped digit or two swapped neighbours are caught before the ledger is asked. Gift card
 * numbers start with 9 (ISO/IEC 7812 major industry identifier 9, national assignment, which no card
 * network issues under); store credit numbers carry the prefix {@code SC-} in front of the digits.
 *
 * <p>The numbers are bearer value: whoever knows one can spend it. They are drawn from a
 * {@link java.security.SecureRandom} (14 random digits), shown in full to staff and on the card,
 * and written to logs only {@linkplain #mask masked}.
 */
final class CardNumbers {

    static final int DIGITS = 16;
    private static final int RANDOM_DIGITS = DIGITS - 2;
    private static final char GIFT_CARD_LEAD = '9';
    private static final int MAX_INPUT_LENGTH = 64;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("[0-9]{" + DIGITS + "}");
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9]{12,}");

    private final Random random;

    /** @param random a {@link java.security.SecureRandom} in production */
    CardNumbers(Random random) {
        this.random = random;
    }

    /** A fresh number for an account of this kind; the ledger retries on the (unlikely) clash with an existing one. */
    String next(AccountKind kind) {
        StringBuilder payload = new StringBuilder(DIGITS).append(GIFT_CARD_LEAD);
        for (int i = 0; i < RANDOM_DIGITS; i++) {
            payload.append((char) ('0' + random.nextInt(10)));
        }
        return kind.numberPrefix() + payload + checkDigit(payload);
    }

    /**
     * The number as stored, from what a cashier typed or a scanner read: spaces and dashes between
     * digit groups are dropped, {@code sc} is read as {@code SC-}.
     *
     * @throws OmnitillException {@code card_number_required} or {@code invalid_card_number} (INVALID)
     */
    static String normalise(String input) {
        if (input == null || input.isBlank()) {
            throw OmnitillException.invalid("card_number_required", "a gift card or store credit number is required");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw invalidNumber();
        }
        String compact = SEPARATORS.matcher(input).replaceAll("").toUpperCase(Locale.ROOT);
        String prefix = "";
        String storeCredit = AccountKind.STORE_CREDIT.numberPrefix();
        String bareStoreCredit = storeCredit.replace("-", "");
        if (compact.startsWith(bareStoreCredit)) {
            prefix = storeCredit;
            compact = compact.substring(bareStoreCredit.length());
        }
        if (!SIXTEEN_DIGITS.matcher(compact).matches() || !hasValidCheckDigit(compact)) {
            throw invalidNumber();
        }
        return prefix + compact;
    }

    /** E.g. {@code …4242} or {@code SC-…4242}: the last four digits only. */
    static String mask(String number) {
        if (number == null) {
            return "(none)";
        }
        String prefix = number.startsWith(AccountKind.STORE_CREDIT.numberPrefix())
                ? AccountKind.STORE_CREDIT.numberPrefix() : "";
        String digits = number.substring(prefix.length());
        return prefix + "…" + (digits.length() > 4 ? digits.substring(digits.length() - 4) : "");
    }

    /**
     * The text with every run of twelve or more digits cut to its last four, e.g. a database's error
     * message that quotes the key it tripped over, before it goes to a log.
     */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        return LONG_DIGIT_RUN.matcher(text).replaceAll(
                m -> Matcher.quoteReplacement("…" + m.group().substring(m.group().length() - 4)));
    }

    /** What may be kept of the number with a payment: twelve stars and the last four digits. */
    static String maskedForReceipt(String number) {
        String prefix = AccountKind.ofNumber(number).numberPrefix();
        return prefix + "*".repeat(DIGITS - 4) + number.substring(number.length() - 4);
    }

    /** Luhn (ISO/IEC 7812-1 Annex B): from the right, every second digit doubled, digits summed, total ≡ 0 mod 10. */
    static boolean hasValidCheckDigit(CharSequence digits) {
        return luhnSum(digits, false) % 10 == 0;
    }

    /** The digit that, appended to {@code payload}, makes a Luhn-valid number. */
    static char checkDigit(CharSequence payload) {
        int sum = luhnSum(payload, true);
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static int luhnSum(CharSequence digits, boolean doubleRightmost) {
        int sum = 0;
        boolean doubled = doubleRightmost;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }

    private static OmnitillException invalidNumber() {
        return OmnitillException.invalid("invalid_card_number",
                "not a valid gift card or store credit number (16 digits ending in a check digit); "
                        + "check what was typed");
    }
}
