package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnitill.api.error.OmnitillException;
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
    /** Baskets are dated up to here; the data's scheduled changes lie before. */
    private static final LocalDate LAST = LocalDate.of(2027, 12, 31);

    private final RateTable table = RateTable.bundled();
    private final EuVatTaxRule vat = new EuVatTaxRule(table, VatFixtures.config("*"));

    record Basket(String country, LocalDate date, boolean inclusive, List<TaxableLine> lines) {
        TaxRequest request() {
            return new TaxRequest(TaxAddress.country(country), null, "register", date, Money.currency("EUR"), inclusive,
                    lines, null);
        }
    }

    /** A basket in any member state, dated from the state's first standard rate, of categories in force then. */
    @Provide
    Arbitrary<Basket> baskets() {
        return Arbitraries.of(List.copyOf(table.countries())).flatMap(country -> {
            LocalDate first = table.history(country, "standard").firstKey();
            return Arbitraries.longs().between(0, ChronoUnit.DAYS.between(first, LAST)).map(first::plusDays)
                    .flatMap(date -> Combinators.combine(Arbitraries.of(true, false),
                            lines(categoriesInForce(country, date)).list().ofMinSize(1).ofMaxSize(25))
                            .as((inclusive, lines) -> new Basket(country, date, inclusive, lines)));
        });
    }

    private List<String> categoriesInForce(String country, LocalDate date) {
        return table.categories(country).stream()
                .filter(category -> table.history(country, category).floorKey(date) != null).sorted().toList();
    }

    private static Arbitrary<TaxableLine> lines(List<String> categories) {
        Arbitrary<Long> cents = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 2_000),
                Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.longs().between(-50_000, -1));
        return Combinators.combine(Arbitraries.of(categories), cents, Arbitraries.strings().alpha().ofLength(6))
                .as((category, amount, id) -> new TaxableLine(id, "sku", category,
                        Money.ofMinor(amount, Money.currency("EUR"))));
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

    /**
     * Shipped orders between member states and to or from outside the EU: whatever the pair and
     * channel, each line is taxed by the state the place-of-supply rules name, with that state as
     * the component's jurisdiction; an export carries the 0% export component of the store's state.
     */
    @Property(tries = 300)
    void shippedOrdersAreTaxedWhereTheRulesSay(
            @ForAll("origins") String origin,
            @ForAll("destinations") String destination,
            @ForAll("channels") String channel,
            @ForAll boolean ossRegistered,
            @ForAll boolean belowThreshold,
            @ForAll("days") LocalDate date) {
        EuVatTaxRule rule = new EuVatTaxRule(table, VatFixtures.config(ossRegistered, belowThreshold, "*"));
        TaxRequest request = new TaxRequest(TaxAddress.country(origin), TaxAddress.country(destination), channel, date,
                Money.currency("EUR"), true, List.of(VatFixtures.line("1", "standard", "100.00"),
                        VatFixtures.line("2", "exempt", "3.00")), null);
        String to = MemberStates.normalize(destination); // EL is Greece, GR
        boolean originInEu = MemberStates.ALL.contains(origin);
        boolean destinationInEu = MemberStates.ALL.contains(to);
        boolean counter = "register".equals(channel);

        String expected;
        boolean export = false;
        if (counter || origin.equals(to)) {
            expected = origin;
        } else if (!destinationInEu) {
            expected = origin;
            export = true;
        } else if (originInEu && belowThreshold && !ossRegistered) {
            expected = origin;
        } else {
            expected = to;
        }
        if (!MemberStates.ALL.contains(expected)) {
            assertEquals("tax_jurisdiction_not_covered",
                    assertThrows(OmnitillException.class, () -> rule.calculate(request)).code());
            return;
        }
        for (LineTax tax : rule.calculate(request).lineTaxes()) {
            assertEquals(expected, tax.component().jurisdiction());
            if (export) {
                assertEquals(expected + "-VAT-EXPORT", tax.component().code());
                assertTrue(tax.tax().isZero());
            } else {
                assertEquals(table.rateOn(expected, tax.lineId().equals("1") ? "standard" : "exempt", date).component(),
                        tax.component());
            }
        }
    }

    @Provide
    Arbitrary<String> origins() {
        return Arbitraries.oneOf(Arbitraries.of(List.copyOf(MemberStates.ALL)), Arbitraries.of("CH", "US", "NO"));
    }

    @Provide
    Arbitrary<String> destinations() {
        return Arbitraries.oneOf(Arbitraries.of(List.copyOf(MemberStates.ALL)), Arbitraries.of("CH", "US", "GB", "EL"));
    }

    @Provide
    Arbitrary<String> channels() {
        return Arbitraries.of("register", "web", "marketplace");
    }

    @Provide
    Arbitrary<LocalDate> days() {
        LocalDate first = LocalDate.of(2021, 7, 1);
        return Arbitraries.longs().between(0, ChronoUnit.DAYS.between(first, LAST)).map(first::plusDays);
    }
}
