package org.omnitill.order.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.store.StoreView;

/**
 * The text layout of the 42-column receipts (sales and returns): centred, ruled, clipped and
 * wrapped lines, left text with a right-aligned amount, the tax table and the tax letters that tie
 * lines to it. Lines never exceed {@link #WIDTH}; only {@link #wrapped} text is never clipped.
 */
final class ReceiptLayout {

    static final int WIDTH = 42;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String TAX_ROW = "%-12s%10s%10s%10s%n";
    private static final int TAX_LABEL = 12;

    private final StringBuilder out = new StringBuilder();

    /** The store's name and, when known, postal code and city, centred. */
    ReceiptLayout storeHeader(StoreView store) {
        center(store.name());
        if (store.city() != null) {
            center((store.postalCode() == null ? "" : store.postalCode() + " ") + store.city());
        }
        return this;
    }

    /** {@code text}, clipped to the width. */
    ReceiptLayout line(String text) {
        out.append(clip(text, WIDTH)).append('\n');
        return this;
    }

    /** A line of dashes across the width. */
    ReceiptLayout rule() {
        out.append("-".repeat(WIDTH)).append('\n');
        return this;
    }

    /** {@code text}, clipped to the width and centred (an odd space goes to the right). */
    ReceiptLayout center(String text) {
        String t = clip(text, WIDTH);
        out.append(" ".repeat((WIDTH - t.length()) / 2)).append(t).append('\n');
        return this;
    }

    /**
     * {@code left} flush left and {@code right} (an amount) flush right, at least one space apart;
     * the left text is clipped to make room, the right one never.
     */
    ReceiptLayout pair(String left, String right) {
        int room = WIDTH - right.length() - 1;
        String l = clip(left, Math.max(room, 0));
        out.append(l).append(" ".repeat(Math.max(1, WIDTH - l.length() - right.length()))).append(right).append('\n');
        return this;
    }

    /**
     * {@code left} and {@code right} on one line when both fit; otherwise {@code left} whole on its own line and
     * {@code right} under it, right-aligned: for references such as order numbers, which are scanned or typed
     * back from the receipt and so must never be clipped.
     */
    ReceiptLayout pairWhole(String left, String right) {
        if (left.length() + 1 + right.length() <= WIDTH) {
            return pair(left, right);
        }
        for (int i = 0; i < left.length(); i += WIDTH) {
            out.append(left, i, Math.min(left.length(), i + WIDTH)).append('\n');
        }
        return pair("", right);
    }

    /**
     * {@code label value} on one line when it fits; otherwise the label and under it the value
     * whole, indented two spaces and wrapped at the width: for text that must not be clipped.
     */
    ReceiptLayout wrapped(String label, String value) {
        String oneLine = label + " " + value;
        if (oneLine.length() <= WIDTH) {
            out.append(oneLine).append('\n');
            return this;
        }
        out.append(clip(label, WIDTH)).append('\n');
        for (int i = 0; i < value.length(); i += WIDTH - 2) {
            out.append("  ").append(value, i, Math.min(value.length(), i + WIDTH - 2)).append('\n');
        }
        return this;
    }

    /** The heading of the tax table: rate, net, tax and gross columns. */
    ReceiptLayout taxHeader() {
        out.append(String.format(TAX_ROW, "Tax", "Net", "Tax", "Gross"));
        return this;
    }

    /** A row of the tax table: the rate's letter and percentage, and its net, tax and gross amounts. */
    ReceiptLayout taxRow(char letter, BigDecimal rate, String net, String tax, String gross) {
        out.append(String.format(TAX_ROW, clip(letter + " " + rate.toPlainString() + "%", TAX_LABEL), net, tax, gross));
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The letters of a receipt's tax rates: A for the first code, B for the second, ... */
    static Map<String, Character> taxLetters(Iterable<String> codes) {
        Map<String, Character> letters = new HashMap<>();
        char next = 'A';
        for (String code : codes) {
            letters.put(code, next++);
        }
        return letters;
    }

    /** The letter of the rate a line was taxed at; a space when untaxed or taxed at several rates. */
    static String letterOf(String taxCode, Map<String, Character> letters) {
        Character letter = taxCode == null ? null : letters.get(taxCode);
        return letter == null ? " " : String.valueOf(letter);
    }

    /** {@code 2 x 2.99} for pieces, {@code 0.350 kg x 12.99/kg} for weighed or measured articles. */
    static String quantity(String quantity, UnitOfMeasure unit, BigDecimal unitPrice) {
        return unit == UnitOfMeasure.EACH
                ? quantity + " x " + unitPrice.toPlainString()
                : quantity + " " + unit.symbol() + " x " + unitPrice.toPlainString() + "/" + unit.symbol();
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width);
    }
}
