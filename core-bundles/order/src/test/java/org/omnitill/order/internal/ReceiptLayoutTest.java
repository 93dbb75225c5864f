package org.omnitill.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;

class ReceiptLayoutTest {

    private static final int W = ReceiptLayout.WIDTH;

    private static List<String> rows(ReceiptLayout layout) {
        String text = layout.toString();
        assertTrue(text.endsWith("\n"), text);
        return List.of(text.split("\n"));
    }

    @Test
    void theWidthIsFortyTwoColumns() {
        assertEquals(42, W);
        assertEquals(List.of("-".repeat(42)), rows(new ReceiptLayout().rule()));
    }

    @Test
    void anOrderNumberIsNeverClippedEvenBesideATimeItDoesNotFit() {
        String time = "2026-12-05 19:28";
        assertEquals(List.of("Order berlin-mitte-000001 " + " ".repeat(W - 26 - time.length()) + time),
                rows(new ReceiptLayout().pairWhole("Order berlin-mitte-000001", time)));
        assertEquals(List.of("Order toronto-queen-west-000123", " ".repeat(W - time.length()) + time),
                rows(new ReceiptLayout().pairWhole("Order toronto-queen-west-000123", time)));
        String longStore = "Order " + "s".repeat(40) + "-000007";
        assertEquals(List.of(longStore.substring(0, W), longStore.substring(W), " ".repeat(W - time.length()) + time),
                rows(new ReceiptLayout().pairWhole(longStore, time)));
    }

    @Test
    void aPairPutsTheAmountFlushRightAndClipsOnlyTheLeftText() {
        assertEquals(List.of("Total" + " ".repeat(W - 5 - 5) + "12.99"),
                rows(new ReceiptLayout().pair("Total", "12.99")));
        String longName = "x".repeat(60);
        String row = rows(new ReceiptLayout().pair(longName, "1234.56 A")).get(0);
        assertEquals(W, row.length());
        assertEquals("x".repeat(W - 10) + " 1234.56 A", row);
        // an empty right side still leaves the row at the width
        assertEquals("Register R1" + " ".repeat(W - 11), rows(new ReceiptLayout().pair("Register R1", "")).get(0));
        // a right side wider than the row is never clipped: the amount is what counts
        String wide = "9".repeat(W + 3);
        assertEquals(" " + wide, rows(new ReceiptLayout().pair("Total", wide)).get(0));
    }

    @Test
    void linesAreClippedAndCentredWithinTheWidth() {
        assertEquals(List.of("y".repeat(W)), rows(new ReceiptLayout().line("y".repeat(W + 5))));
        assertEquals(List.of(" ".repeat(18) + "RETURN"), rows(new ReceiptLayout().center("RETURN")));
        assertEquals(List.of(" ".repeat(17) + "RETURNS"), rows(new ReceiptLayout().center("RETURNS")));
        assertEquals(List.of("z".repeat(W)), rows(new ReceiptLayout().center("z".repeat(W + 1))));
    }

    @Test
    void wrappedTextStaysOnOneLineWhenItFitsAndIsNeverClippedWhenItDoesNot() {
        assertEquals(List.of("Tax exemption certificate EX-1"),
                rows(new ReceiptLayout().wrapped("Tax exemption certificate", "EX-1")));
        String value = "CERT-" + "0123456789".repeat(9);
        List<String> rows = rows(new ReceiptLayout().wrapped("Tax exemption certificate", value));
        assertEquals("Tax exemption certificate", rows.get(0));
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.length() <= W), rows.toString());
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(r -> r.startsWith("  ")), rows.toString());
        assertEquals(value, String.join("", rows.subList(1, rows.size())).replace("  ", ""));
        assertEquals(W, rows.get(1).length());
    }

    @Test
    void theTaxTableHasALabelColumnAndThreeRightAlignedAmounts() {
        List<String> rows = rows(new ReceiptLayout().taxHeader()
                .taxRow('A', new BigDecimal("20"), "10.00", "2.00", "12.00")
                .taxRow('B', new BigDecimal("5.50000000"), "-1.00", "-0.06", "-1.06"));
        assertEquals("Tax" + " ".repeat(9) + String.format("%10s%10s%10s", "Net", "Tax", "Gross"), rows.get(0));
        assertEquals("A 20%       " + "     10.00      2.00     12.00", rows.get(1));
        assertEquals("B 5.50000000" + "     -1.00", rows.get(2).substring(0, 22), "the label is clipped to its column");
        assertTrue(rows.stream().allMatch(r -> r.length() == W), rows.toString());
    }

    @Test
    void aStoreHeaderCentresNameAndPlace() {
        StoreView store = new StoreView("s", "Corner Shop", LocationType.STORE, "XX", null, "1234", "Town",
                Currency.getInstance("EUR"), true);
        assertEquals(List.of(" ".repeat(15) + "Corner Shop", " ".repeat(16) + "1234 Town"),
                rows(new ReceiptLayout().storeHeader(store)));
        StoreView noPlace = new StoreView("s", "Shop", LocationType.STORE, "XX", null, "1234", null,
                Currency.getInstance("EUR"), true);
        assertEquals(List.of(" ".repeat(19) + "Shop"), rows(new ReceiptLayout().storeHeader(noPlace)));
        StoreView noCode = new StoreView("s", "Shop", LocationType.STORE, "XX", null, null, "Town",
                Currency.getInstance("EUR"), true);
        assertEquals(" ".repeat(19) + "Town", rows(new ReceiptLayout().storeHeader(noCode)).get(1));
    }

    @Test
    void taxLettersFollowTheOrderOfTheRates() {
        Map<String, Character> letters = ReceiptLayout.taxLetters(List.of("VAT20", "VAT5"));
        assertEquals(Map.of("VAT20", 'A', "VAT5", 'B'), letters);
        assertEquals("A", ReceiptLayout.letterOf("VAT20", letters));
        assertEquals(" ", ReceiptLayout.letterOf(null, letters), "untaxed or at several rates");
        assertEquals(" ", ReceiptLayout.letterOf("OTHER", letters));
    }

    @Test
    void quantitiesShowTheUnitUnlessCountedInPieces() {
        assertEquals("2 x 2.99", ReceiptLayout.quantity("2", UnitOfMeasure.EACH, new BigDecimal("2.99")));
        assertEquals("-0.350 kg x 12.99/kg",
                ReceiptLayout.quantity("-0.350", UnitOfMeasure.KILOGRAM, new BigDecimal("12.99")));
    }

    @Test
    void smallTextHelpers() {
        assertEquals("Card", ReceiptLayout.capitalize("card"));
        assertEquals("", ReceiptLayout.capitalize(""));
        assertEquals("abc", ReceiptLayout.clip("abcdef", 3));
        assertEquals("ab", ReceiptLayout.clip("ab", 3));
        Instant at = Instant.parse("2026-12-04T10:15:00Z");
        assertEquals("2026-12-04 11:15", ReceiptLayout.time(at, ZoneId.of("Europe/Paris")));
        assertEquals("2026-12-04 10:15", ReceiptLayout.time(at, ZoneOffset.UTC));
    }
}
