package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
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

/** Invariants of every VAT calculation, for random baskets, dates and pricing modes. */
class EuVatTaxRulePropertiesTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<String, List<String>> CATEGORIES = Map.of(
            "DE", List.of("standard", "reduced", "exempt"),
            "AT", List.of("standard", "reduced", "reduced-2", "exempt"),
            "NL", List.of("standard", "reduced", "exempt"),
            "FR", List.of("standard", "reduced", "reduced-2", "super-reduced", "exempt"));

    private final RateTable table = RateTable.bundled();
    private final EuVatTaxRule vat = new EuVatTaxRule(table, VatFixtures.config("*"));

    record Basket(String country, LocalDate date, boolean inclusive, List<TaxableLine> lines) {
        TaxRequest request() {
            return new TaxRequest(TaxAddress.country(country), null, "register", date, Money.currency("EUR"), inclusive,
                    lines, null);
        }
    }

    @Provide
    Arbitrary<Basket> baskets() {
        return Arbitraries.of("DE", "AT", "NL", "FR").flatMap(country -> {
            Arbitrary<LocalDate> dates = Arbitraries.longs().between(0, 3650)
                    .map(days -> LocalDate.of(2016, 1, 1).plusDays(days));
            Arbitrary<Long> cents = Arbitraries.oneOf(
                    Arbitraries.longs().between(1, 2_000),
                    Arbitraries.longs().between(1, 1_000_000),
                    Arbitraries.longs().between(-50_000, -1));
            Arbitrary<TaxableLine> line = Combinators
                    .combine(Arbitraries.of(CATEGORIES.get(country)), cents, Arbitraries.strings().alpha().ofLength(6))
                    .as((category, amount, id) -> new TaxableLine(id, "sku", category,
                            Money.ofMinor(amount, Money.currency("EUR"))));
            return Combinators.combine(dates, Arbitraries.of(true, false), line.list().ofMinSize(1).ofMaxSize(25))
                    .as((date, inclusive, lines) -> new Basket(country, date, inclusive, lines));
        });
    }

    @Property(tries = 500)
    void lineTaxesOfEachRateAddUpToTheDocumentTax(@ForAll("baskets") Basket basket) {
        TaxCalculation result = vat.calculate(basket.request());
        Map<TaxComponent, BigDecimal> base = new LinkedHashMap<>();
        Map<TaxComponent, BigDecimal> lineTaxSum = new LinkedHashMap<>();
        for (int i = 0; i < basket.lines().size(); i++) {
            LineTax tax = result.lineTaxes().get(i);
            base.merge(tax.component(), basket.lines().get(i).amount().amount(), BigDecimal::add);
            lineTaxSum.merge(tax.component(), tax.tax().amount(), BigDecimal::add);
        }
        for (TaxComponent component : base.keySet()) {
            BigDecimal divisor = basket.inclusive() ? HUNDRED.add(component.rate()) : HUNDRED;
            BigDecimal documentTax = base.get(component).multiply(component.rate()).divide(divisor, 2, RoundingMode.HALF_UP);
            assertEquals(0, documentTax.compareTo(lineTaxSum.get(component)),
                    () -> component.code() + ": line taxes " + lineTaxSum.get(component) + ", document " + documentTax);
        }
    }

    @Property(tries = 500)
    void everyLineIsGrossEqualsNetPlusTaxAndWithinACentOfItsExactTax(@ForAll("baskets") Basket basket) {
        TaxCalculation result = vat.calculate(basket.request());
        assertEquals(basket.lines().size(), result.lineTaxes().size());
        for (int i = 0; i < basket.lines().size(); i++) {
            TaxableLine line = basket.lines().get(i);
            LineTax tax = result.lineTaxes().get(i);
            assertEquals(line.lineId(), tax.lineId());
            Money gross = basket.inclusive() ? line.amount() : line.amount().plus(tax.tax());
            Money net = basket.inclusive() ? line.amount().minus(tax.tax()) : line.amount();
            assertEquals(net, tax.taxableAmount());
            assertEquals(gross, tax.taxableAmount().plus(tax.tax()));

            BigDecimal rate = tax.component().rate();
            BigDecimal exact = line.amount().amount().multiply(rate)
                    .divide(basket.inclusive() ? HUNDRED.add(rate) : HUNDRED, 10, RoundingMode.HALF_EVEN);
            assertTrue(exact.subtract(tax.tax().amount()).abs().compareTo(new BigDecimal("0.01")) < 0,
                    () -> line.lineId() + ": tax " + tax.tax() + ", exact " + exact);
        }
    }

    @Property(tries = 200)
    void theRateIsTheOneInForceOnTheSaleDate(@ForAll("baskets") Basket basket) {
        TaxCalculation result = vat.calculate(basket.request());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < basket.lines().size(); i++) {
            VatRate expected = table.rateOn(basket.country(), basket.lines().get(i).taxCategory(), basket.date());
            assertEquals(expected.component(), result.lineTaxes().get(i).component());
            codes.add(expected.code());
        }
        assertTrue(codes.stream().allMatch(code -> code.startsWith(basket.country() + "-VAT-")));
    }
}
