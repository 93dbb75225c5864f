package org.omnitill.tax.canada.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
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

/** Invariants of every calculation, for random baskets in random provinces on random dates. */
class CanadaSalesTaxRulePropertiesTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final TaxTable table = CanadaFixtures.TABLE;
    private final CanadaSalesTaxRule canada = CanadaFixtures.rule();

    record Basket(String province, LocalDate date, List<TaxableLine> lines) {
        TaxRequest request() {
            return new TaxRequest(CanadaFixtures.at(province), null, "register", date, Money.currency("CAD"), false,
                    lines, null);
        }
    }

    @Provide
    Arbitrary<Basket> baskets() {
        Arbitrary<String> provinces = Arbitraries.of(new TreeSet<>(Provinces.ALL));
        // 2013-04-01 to the end of 2026: every rate change and the GST/HST holiday are inside.
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(0, 5022).map(days -> LocalDate.of(2013, 4, 1).plusDays(days));
        Arbitrary<Long> cents = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 2_000),
                Arbitraries.longs().between(1, 5_000_000),
                Arbitraries.longs().between(-100_000, -1));
        Arbitrary<TaxableLine> line = Combinators
                .combine(Arbitraries.of(new ArrayList<>(table.categories())), cents, Arbitraries.strings().alpha().ofLength(8))
                .as((category, amount, id) -> new TaxableLine(id, "sku", category, Money.ofMinor(amount, Money.currency("CAD"))));
        return Combinators.combine(provinces, dates, line.list().ofMinSize(1).ofMaxSize(25)).as(Basket::new);
    }

    @Property(tries = 500)
    void lineTaxesOfEachComponentAddUpToItsDocumentTaxRoundedHalfUp(@ForAll("baskets") Basket basket) {
        Map<TaxComponent, List<LineTax>> byComponent = canada.calculate(basket.request()).lineTaxes().stream()
                .collect(Collectors.groupingBy(LineTax::component));
        byComponent.forEach((component, taxes) -> {
            BigDecimal net = taxes.stream().map(t -> t.taxableAmount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal sumOfLines = taxes.stream().map(t -> t.tax().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal document = net.multiply(component.rate()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            assertEquals(0, document.compareTo(sumOfLines),
                    () -> component.code() + " over " + taxes.size() + " lines: " + sumOfLines + ", document " + document);
        });
    }

    @Property(tries = 500)
    void everyLineBearsEachTaxOfItsProvinceOnItsNetWithinACent(@ForAll("baskets") Basket basket) {
        TaxCalculation result = canada.calculate(basket.request());
        int taxesPerLine = table.taxes(basket.province(), "standard", basket.date()).size();
        assertEquals(basket.lines().size() * taxesPerLine, result.lineTaxes().size());
        for (int i = 0; i < basket.lines().size(); i++) {
            TaxableLine line = basket.lines().get(i);
            List<LineTax> taxes = result.lineTaxes().subList(i * taxesPerLine, (i + 1) * taxesPerLine);
            for (LineTax tax : taxes) {
                assertEquals(line.lineId(), tax.lineId());
                assertEquals(line.amount(), tax.taxableAmount(), "every tax is on the net price");
                BigDecimal exact = line.amount().amount().multiply(tax.component().rate()).divide(HUNDRED);
                assertTrue(exact.subtract(tax.tax().amount()).abs().compareTo(CENT) < 0,
                        () -> line.lineId() + ": " + tax.component().code() + " " + tax.tax() + ", exact " + exact);
            }
            String first = taxes.get(0).component().code();
            assertTrue(first.startsWith("CA-GST") || first.startsWith("CA-" + basket.province() + "-HST"),
                    () -> "the federal tax comes first: " + first);
        }
    }

    @Property(tries = 300)
    void aComponentsRateIsZeroTheRateInForceOrTheGstRateForARebate(@ForAll("baskets") Basket basket) {
        TaxCalculation result = canada.calculate(basket.request());
        BigDecimal gst = table.rateOn(null, SalesTax.GST, basket.date()).percent();
        for (LineTax tax : result.lineTaxes()) {
            TaxComponent component = tax.component();
            String code = component.code();
            if (code.endsWith("-ZERO-RATED") || code.endsWith("-EXEMPT")) {
                assertEquals(0, component.rate().signum(), code);
            } else if (code.endsWith("-POS-REBATE")) {
                assertEquals(0, gst.compareTo(component.rate()), code);
            } else {
                SalesTax kind = SalesTax.valueOf(code.equals("CA-GST") ? "GST"
                        : code.endsWith("-RST") ? "PST" : code.substring(code.lastIndexOf('-') + 1));
                assertEquals(0, table.rateOn(basket.province(), kind, basket.date()).percent().compareTo(component.rate()),
                        code);
            }
        }
    }
}
