package org.omnitill.tax.indiagst.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of every GST calculation, for random baskets, States, dates and pricing modes. */
class IndiaGstPropertiesTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<String> STATES = List.of("KA", "MH", "DL", "TN", "UP", "CH", "LA", "DH", "JK");
    private static final Set<String> UTGST_STATES = Set.of("CH", "LA", "DH", "AN", "LD");
    private static final List<String> CATEGORIES = List.of("standard", "reduced", "exempt", "zero", "hsn:0401",
            "hsn:0405", "hsn:1006", "hsn:4901", "hsn:8517", "hsn:851712", "hsn:220210", "hsn:8415", "hsn:7113",
            "hsn:8471", "hsn:6109@799", "hsn:6109@1500", "hsn:62052000@3000");

    private final HsnRateTable table = HsnRateTable.bundled();
    private final IndiaGstTaxRule gst = new IndiaGstTaxRule(table, StateTable.bundled(), GstFixtures.config(true, "*"));

    record Basket(String origin, String destination, LocalDate date, boolean inclusive, List<TaxableLine> lines) {
        TaxRequest request() {
            return new TaxRequest(GstFixtures.in(origin), destination == null ? null : GstFixtures.in(destination),
                    "register", date, Money.currency("INR"), inclusive, lines, null);
        }

        String placeOfSupply() {
            return destination != null ? destination : origin;
        }

        boolean intraState() {
            return placeOfSupply().equals(origin);
        }
    }

    @Provide
    Arbitrary<Basket> baskets() {
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(0, 3800).map(d -> LocalDate.of(2017, 7, 1).plusDays(d));
        Arbitrary<Long> paise = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 2_000),
                Arbitraries.longs().between(1, 10_000_000),
                Arbitraries.longs().between(-50_000, -1));
        Arbitrary<TaxableLine> line = Combinators.combine(Arbitraries.of(CATEGORIES), paise)
                .as((category, amount) -> new TaxableLine("", "sku", category, Money.ofMinor(amount, Money.currency("INR"))));
        Arbitrary<String> destination = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(STATES));
        return Combinators.combine(Arbitraries.of(STATES), destination, dates, Arbitraries.of(true, false),
                line.list().ofMinSize(1).ofMaxSize(25))
                .as((origin, to, date, inclusive, lines) -> new Basket(origin, to, date, inclusive, numbered(lines)));
    }

    /** Gives the lines the ids L0, L1, ... */
    private static List<TaxableLine> numbered(List<TaxableLine> lines) {
        List<TaxableLine> numbered = new ArrayList<>(lines.size());
        for (TaxableLine line : lines) {
            numbered.add(new TaxableLine("L" + numbered.size(), line.sku(), line.taxCategory(), line.amount()));
        }
        return numbered;
    }

    private static Map<String, List<LineTax>> byLine(TaxCalculation result) {
        Map<String, List<LineTax>> byLine = new LinkedHashMap<>();
        for (LineTax t : result.lineTaxes()) {
            byLine.computeIfAbsent(t.lineId(), id -> new ArrayList<>()).add(t);
        }
        return byLine;
    }

    /** Per component: the line taxes add up to its rate of the document's taxable value, rounded half-up. */
    @Property(tries = 500)
    void eachComponentIsItsRateOfTheDocumentsTaxableValue(@ForAll("baskets") Basket basket) {
        TaxCalculation result = gst.calculate(basket.request());
        Map<String, BigDecimal> taxable = new HashMap<>();
        Map<String, BigDecimal> tax = new HashMap<>();
        Map<String, BigDecimal> rate = new HashMap<>();
        for (LineTax t : result.lineTaxes()) {
            taxable.merge(t.component().code(), t.taxableAmount().amount(), BigDecimal::add);
            tax.merge(t.component().code(), t.tax().amount(), BigDecimal::add);
            rate.put(t.component().code(), t.component().rate());
        }
        for (String code : tax.keySet()) {
            BigDecimal expected = taxable.get(code).multiply(rate.get(code)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            assertEquals(0, expected.compareTo(tax.get(code)), () -> code + ": line taxes " + tax.get(code)
                    + ", document " + expected);
        }
    }

    /**
     * What the invoice shows: within a State CGST and SGST/UTGST are equal on every line and so on the
     * document; the total tax is the sum of the components; with net prices nothing else moves, and with
     * MRP the gap between the MRP and taxable value + taxes (the round-off) stays below a paisa per
     * rounding made.
     */
    @Property(tries = 500)
    void cgstAndSgstAgreeAndTheInvoiceAddsUp(@ForAll("baskets") Basket basket) {
        Map<String, List<LineTax>> byLine = byLine(gst.calculate(basket.request()));
        assertEquals(basket.lines().size(), byLine.size(), "every line is answered, in order");
        long gross = 0;
        long taxableTotal = 0;
        long taxTotal = 0;
        Set<BigDecimal> loads = new HashSet<>();
        Set<String> components = new HashSet<>();
        for (TaxableLine line : basket.lines()) {
            List<LineTax> taxes = byLine.get(line.lineId());
            Money base = taxes.get(0).taxableAmount();
            BigDecimal load = BigDecimal.ZERO;
            for (LineTax t : taxes) {
                assertEquals(base, t.taxableAmount(), "one taxable value per line");
                taxTotal += t.tax().minorUnits();
                load = load.add(t.component().rate());
                components.add(t.component().code());
            }
            if (!basket.inclusive()) {
                assertEquals(line.amount(), base);
            }
            loads.add(load);
            gross += basket.inclusive() ? line.amount().minorUnits() : 0;
            taxableTotal += base.minorUnits();
            checkSplit(basket, taxes);
        }
        if (basket.inclusive()) {
            long roundOff = Math.abs(gross - taxableTotal - taxTotal);
            assertTrue(2 * roundOff <= loads.size() + components.size(),
                    () -> "round-off " + roundOff + " paise for " + loads.size() + " loads and " + components.size() + " components");
        }
    }

    private static void checkSplit(Basket basket, List<LineTax> taxes) {
        LineTax first = taxes.get(0);
        if (first.component().rate().signum() == 0) {
            assertEquals(1, taxes.size());
            return;
        }
        if (basket.intraState()) {
            String pos = basket.placeOfSupply();
            LineTax local = taxes.get(1);
            assertTrue(first.component().code().startsWith("IN-CGST-"), first.component().code());
            assertEquals("IN-" + pos, local.component().jurisdiction());
            String localTax = UTGST_STATES.contains(pos) ? "UTGST" : "SGST";
            assertTrue(local.component().code().startsWith("IN-" + pos + "-" + localTax + "-"), local.component().code());
            assertEquals(0, first.component().rate().compareTo(local.component().rate()));
            assertEquals(first.tax(), local.tax(), "CGST and " + localTax + " of a line");
            assertTrue(taxes.size() == 2 || taxes.get(2).component().code().startsWith("IN-CESS-"));
        } else {
            assertTrue(first.component().code().startsWith("IN-IGST-"), first.component().code());
            assertEquals("IN", first.component().jurisdiction());
            assertTrue(taxes.size() == 1 || taxes.get(1).component().code().startsWith("IN-CESS-"));
        }
    }

    /** Each line's tax is less than a paisa from its rate of the line's taxable value. */
    @Property(tries = 300)
    void everyLineTaxIsWithinAPaisaOfItsExactShare(@ForAll("baskets") Basket basket) {
        for (LineTax t : gst.calculate(basket.request()).lineTaxes()) {
            BigDecimal exact = t.taxableAmount().amount().multiply(t.component().rate()).divide(HUNDRED);
            assertTrue(exact.subtract(t.tax().amount()).abs().compareTo(new BigDecimal("0.01")) < 0,
                    () -> t + " is more than a paisa from " + exact);
        }
    }

    /** The rates applied are the ones the data has in force on the sale date. */
    @Property(tries = 200)
    void theRatesAreTheOnesInForceOnTheSaleDate(@ForAll("baskets") Basket basket) {
        Map<String, List<LineTax>> byLine = byLine(gst.calculate(basket.request()));
        for (TaxableLine line : basket.lines()) {
            GstSlab slab = table.rowFor(CategoryCode.parse(line.taxCategory()), basket.date()).slab();
            BigDecimal gstRate = BigDecimal.ZERO;
            BigDecimal cessRate = BigDecimal.ZERO;
            for (LineTax t : byLine.get(line.lineId())) {
                if (t.component().code().startsWith("IN-CESS-")) {
                    cessRate = cessRate.add(t.component().rate());
                } else {
                    gstRate = gstRate.add(t.component().rate());
                }
            }
            assertEquals(0, slab.rate().compareTo(gstRate), () -> line.taxCategory() + " on " + basket.date());
            assertEquals(0, slab.cess().compareTo(cessRate), () -> line.taxCategory() + " on " + basket.date());
        }
    }
}
