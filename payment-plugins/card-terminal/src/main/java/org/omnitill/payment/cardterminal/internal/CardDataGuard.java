package org.omnitill.payment.cardterminal.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps card numbers out of what this plugin hands on. A terminal answers with a masked PAN, but the
 * plugin does not rely on it: a "masked" PAN that shows more than the first six and last four digits is
 * masked again, and any text taken from an answer (a refusal reason, a rejection message) has digit
 * runs that could be a card number masked before it reaches a result or a log.
 */
final class CardDataGuard {

    /** 13 to 19 digits, optionally grouped by spaces or dashes: what a PAN can look like in free text. */
    private static final Pattern CARD_NUMBER = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
    private static final int MAX_TEXT = 200;

    private CardDataGuard() {
    }

    /**
     * A masked PAN that shows at most the first six and last four digits: the terminal's own value when it
     * already does, else rebuilt from it as {@code 123456******1234}; null when there is none.
     */
    static String maskedPan(String fromTerminal) {
        if (fromTerminal == null || fromTerminal.isBlank()) {
            return null;
        }
        String digits = fromTerminal.replaceAll("[^0-9]", "");
        if (digits.length() <= 10) {
            return fromTerminal.trim();
        }
        return digits.substring(0, 6) + "******" + digits.substring(digits.length() - 4);
    }

    /** Text from a terminal made fit for a message or a log: card-number-like runs masked, length capped. */
    static String text(String fromTerminal) {
        if (fromTerminal == null) {
            return null;
        }
        Matcher m = CARD_NUMBER.matcher(fromTerminal);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(maskedPan(m.group())));
        }
        m.appendTail(out);
        String text = out.toString().strip();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
