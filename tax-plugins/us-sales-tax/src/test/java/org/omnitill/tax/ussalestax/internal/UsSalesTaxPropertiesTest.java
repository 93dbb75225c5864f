package org.omnitill.tax.ussalestax.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.address;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.total;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the rounding and of every calculation, for random baskets, places and dates. */
class UsSalesTaxPropertiesTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ONE_CENT = BigDecimal.ONE;
    private static final List<TaxAddress> PLACES = List.of(
            address("TX", "78701", null), address("TX", "77002", "Houston"), address("WA", "98902", "Yakima"),
            address("NY", "10001", null), address("CA", "90012", null), address("CO", "80202", "Denver"),
            address("OR", "97204", "Portland"));

    private final UsSalesTaxRule rule = SalesTaxFixtures.rule("*");

    // ---------------------------------------------------------------- the rounding itself

    record Document(long[][] amounts, BigDecimal[] percents) {
    }

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<Long> cents = Arbitraries.oneOf(Arbitraries.longs().between(1, 500), Arbitraries.longs().between(1, 2_000_000),
                Arbitraries.longs().between(-100_000, -1));
        Arbitrary<long[]> lines = cents.list().ofMinSize(1).ofMaxSize(12)
                .map(list -> list.stream().mapToLong(Long::longValue).toArray());
        // rates such as 6.25, 0.375, 0.1616 (four decimals) and up to 15%
        Arbitrary<BigDecimal> percents = Arbitraries.longs().between(1, 150_000).map(n -> BigDecimal.valueOf(n, 4));
        return Combinators.combine(lines, percents).as((amounts, percent) -> Map.entry(amounts, percent))
                .list().ofMinSize(1).ofMaxSize(8)
                .map(components -> new Document(components.stream().map(Map.Entry::getKey).toArray(long[][]::new),
                        components.stream().map(Map.Entry::getValue).toArray(BigDecimal[]::new)));
    }

    @Property(tries = 1000)
    void theDocumentTaxIsTheCombinedTaxRoundedHalfUpOnce(@ForAll("documents") Document document) {
        long[][] taxes = DocumentRounding.taxes(document.amounts(), document.percents());
        BigDecimal exact = BigDecimal.ZERO;
        long sum = 0;
        for (int c = 0; c < taxes.length; c++) {
            assertEquals(document.amounts()[c].length, taxes[c].length);
            for (int i = 0; i < taxes[c].length; i++) {
                exact = exact.add(exact(document.amounts()[c][i], document.percents()[c]));
                sum += taxes[c][i];
            }
        }
        assertEquals(exact.setScale(0, RoundingMode.HALF_UP).longValueExact(), sum, "exact " + exact);
    }

    @Property(tries = 1000)
    void everyLineAndEveryComponentIsLessThanACentFromItsExactTax(@ForAll("documents") Document document) {
        long[][] taxes = DocumentRounding.taxes(document.amounts(), document.percents());
        for (int c = 0; c < taxes.length; c++) {
            BigDecimal componentExact = BigDecimal.ZERO;
            long componentTax = 0;
            for (int i = 0; i < taxes[c].length; i++) {
                BigDecimal exact = exact(document.amounts()[c][i], document.percents()[c]);
                assertTrue(exact.subtract(BigDecimal.valueOf(taxes[c][i])).abs().compareTo(ONE_CENT) < 0,
                        "line " + i + " of component " + c + ": " + taxes[c][i] + " for exact " + exact);
                componentExact = componentExact.add(exact);
                componentTax += taxes[c][i];
            }
            assertTrue(componentExact.subtract(BigDecimal.valueOf(componentTax)).abs().compareTo(ONE_CENT) < 0,
                    "component " + c + ": " + componentTax + " for exact " + componentExact);
        }
    }

    /** In cents. */
    private static BigDecimal exact(long amount, BigDecimal percent) {
        return BigDecimal.valueOf(amount).multiply(percent).divide(HUNDRED);
    }

    // ---------------------------------------------------------------- calculations

    record Basket(TaxAddress place, LocalDate date, List<TaxableLine> lines) {
        TaxRequest request(String certificate) {
            return new TaxRequest(place, null, "register", date, Money.currency("USD"), false, lines, certificate);
        }
    }

    @Provide
    Arbitrary<Basket> baskets() {
        return Arbitraries.of(PLACES).flatMap(place -> {
            List<String> categories = new ArrayList<>(List.of("standard", "grocery", "prescription-drugs", "exempt"));
            if (!place.region().equals("NY")) {
                categories.add("clothing");
            }
            Arbitrary<LocalDate> dates = Arbitraries.longs().between(0, 900).map(days -> LocalDate.of(2025, 7, 1).plusDays(days));
            Arbitrary<Long> cents = Arbitraries.oneOf(Arbitraries.longs().between(1, 300), Arbitraries.longs().between(1, 500_000),
                    Arbitraries.longs().between(-20_000, -1));
            Arbitrary<TaxableLine> line = Combinators
                    .combine(Arbitraries.of(categories), cents, Arbitraries.strings().alpha().ofLength(8))
                    .as((category, amount, id) -> new TaxableLine(id, "sku", category, Money.ofMinor(amount, Money.currency("USD"))));
            return Combinators.combine(dates, line.list().ofMinSize(1).ofMaxSize(20).uniqueElements(TaxableLine::lineId))
                    .as((date, lines) -> new Basket(place, date, lines));
        });
    }

    @Property(tries = 400)
    void lineTaxesOfEachComponentStayWithinACentOfTheComponentsExactTax(@ForAll("baskets") Basket basket) {
        TaxCalculation result = rule.calculate(basket.request(null));
        Map<TaxComponent, BigDecimal> exact = new LinkedHashMap<>();
        Map<TaxComponent, BigDecimal> charged = new LinkedHashMap<>();
        BigDecimal exactTotal = BigDecimal.ZERO;
        for (LineTax tax : result.lineTaxes()) {
            TaxableLine line = basket.lines().stream().filter(l -> l.lineId().equals(tax.lineId())).findFirst().orElseThrow();
            assertEquals(line.amount(), tax.taxableAmount());
            BigDecimal lineExact = exact(line.amount().minorUnits(), tax.component().rate());
            exact.merge(tax.component(), lineExact, BigDecimal::add);
            charged.merge(tax.component(), tax.tax().amount().movePointRight(2), BigDecimal::add);
            exactTotal = exactTotal.add(lineExact);
        }
        for (TaxComponent component : exact.keySet()) {
            assertTrue(exact.get(component).subtract(charged.get(component)).abs().compareTo(ONE_CENT) < 0,
                    component.code() + ": " + charged.get(component) + " cents for exact " + exact.get(component));
        }
        assertEquals(exactTotal.setScale(0, RoundingMode.HALF_UP), total(result).amount().movePointRight(2).setScale(0));
    }

    @Property(tries = 200)
    void theDocumentTotalDoesNotDependOnTheOrderOfTheLines(@ForAll("baskets") Basket basket) {
        List<TaxableLine> reversed = new ArrayList<>(basket.lines());
        Collections.reverse(reversed);
        Basket other = new Basket(basket.place(), basket.date(), reversed);
        assertEquals(total(rule.calculate(basket.request(null))), total(rule.calculate(other.request(null))));
    }

    @Property(tries = 200)
    void anExemptCustomerPaysNothingOnAnyLine(@ForAll("baskets") Basket basket) {
        TaxCalculation result = rule.calculate(basket.request("CERT-1"));
        assertEquals(basket.lines().stream().map(TaxableLine::lineId).toList(),
                result.lineTaxes().stream().map(LineTax::lineId).toList());
        for (LineTax tax : result.lineTaxes()) {
            assertTrue(tax.tax().isZero());
            assertEquals(0, tax.component().rate().signum());
            assertTrue(tax.component().code().endsWith("-EXEMPT-CERTIFICATE"), tax.component().code());
        }
    }
}
