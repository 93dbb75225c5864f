package org.omnitill.tax.ussalestax.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.address;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.line;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.rule;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.sale;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.taxesOf;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.total;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.usd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;
import org.junit.jupiter.api.function.Executable;

class UsSalesTaxRuleTest {

    private static final TaxAddress AUSTIN = address("TX", "78701", "Austin");
    private static final TaxAddress HOUSTON = address("TX", "77002", "Houston");
    private static final TaxAddress YAKIMA = address("WA", "98902", "Yakima");
    private static final TaxAddress MANHATTAN = address("NY", "10118", "New York");
    private static final TaxAddress LOS_ANGELES = address("CA", "90012", "Los Angeles");
    private static final TaxAddress DENVER = address("CO", "80202", "Denver");
    private static final TaxAddress PORTLAND = address("OR", "97204", "Portland");

    private final UsSalesTaxRule tax = rule("*");

    /**
     * Asserts a line's taxes, in order. Each expected entry is {@code code|name|tax}; the rate is the
     * number in the name, the jurisdiction the code up to {@code -SALES}, the taxable amount the line's.
     */
    private static void assertTaxes(TaxCalculation result, TaxableLine line, String... expected) {
        List<LineTax> taxes = taxesOf(result, line.lineId());
        assertEquals(expected.length, taxes.size(), () -> line.lineId() + ": " + taxes);
        for (int i = 0; i < expected.length; i++) {
            String[] parts = expected[i].split("\\|");
            LineTax actual = taxes.get(i);
            TaxComponent component = actual.component();
            assertEquals(parts[0], component.code(), line.lineId());
            assertEquals(parts[0].substring(0, parts[0].indexOf("-SALES")), component.jurisdiction());
            assertEquals(parts[1], component.name());
            String rate = parts[1].substring(parts[1].lastIndexOf(' ') + 1, parts[1].length() - 1);
            assertEquals(0, new BigDecimal(rate).compareTo(component.rate()), () -> "rate of " + component);
            assertEquals(line.amount(), actual.taxableAmount(), "taxable amount of " + line.lineId());
            assertEquals(usd(parts[2]), actual.tax(), () -> component.code() + " on " + line.lineId());
        }
    }

    private static void assertFails(String code, ErrorKind kind, Executable call) {
        OmnitillException e = assertThrows(OmnitillException.class, call);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(kind, e.kind(), e::getMessage);
    }

    // ---------------------------------------------------------------- golden vectors: Texas

    /**
     * Texas Comptroller of Public Accounts, "Texas Sales and Use Tax Frequently Asked Questions -
     * Sales Tax Collection", question "Is it ok to round the tax amount?": a taxable item sold for
     * $250 at 8.25 percent: $20.625, rounded up to $20.63. Here in Austin (6.25% state, 1% city, 1%
     * Capital Metro).
     */
    @Test
    void texasComptrollerRoundingExample() {
        TaxableLine item = line("1", "standard", "250.00");
        TaxCalculation result = tax.calculate(sale(AUSTIN, "2025-06-02", item));
        assertTaxes(result, item,
                "US-TX-SALES|Texas state 6.25%|15.63",
                "US-TX-AUSTIN-SALES|Austin city 1%|2.50",
                "US-TX-CAPMETRO-SALES|Capital Metro transit 1%|2.50");
        assertEquals(usd("20.63"), total(result));
    }

    /**
     * Same FAQ, "How much sales tax do I collect from my customers?": three T-shirts for $10, $25
     * and $50 on one invoice are taxed on their total of $85 (the FAQ stops there; 85 x 8.25% =
     * 7.0125, so $7.01). Per line the state's $5.31 is shared by largest remainder: 0.625 -> 0.63,
     * 1.5625 -> 1.56, 3.125 -> 3.12 (of the two .5 remainders the earlier line gets the cent).
     */
    @Test
    void texasComptrollerInvoiceExample() {
        TaxableLine small = line("s", "clothing", "10.00");
        TaxableLine medium = line("m", "clothing", "25.00");
        TaxableLine large = line("l", "clothing", "50.00");
        TaxCalculation result = tax.calculate(sale(AUSTIN, "2025-06-02", small, medium, large));
        assertEquals(usd("7.01"), total(result));
        assertTaxes(result, small, "US-TX-SALES|Texas state 6.25%|0.63", "US-TX-AUSTIN-SALES|Austin city 1%|0.10",
                "US-TX-CAPMETRO-SALES|Capital Metro transit 1%|0.10");
        assertTaxes(result, medium, "US-TX-SALES|Texas state 6.25%|1.56", "US-TX-AUSTIN-SALES|Austin city 1%|0.25",
                "US-TX-CAPMETRO-SALES|Capital Metro transit 1%|0.25");
        assertTaxes(result, large, "US-TX-SALES|Texas state 6.25%|3.12", "US-TX-AUSTIN-SALES|Austin city 1%|0.50",
                "US-TX-CAPMETRO-SALES|Capital Metro transit 1%|0.50");
    }

    /**
     * Texas Comptroller, Tax Policy News, May 2012 ("proper calculation of sales and use tax"): an
     * item sold for $20 at 6.25% state and 2% local tax: state $1.25 plus local $0.40 = $1.65. Houston's
     * 2% local tax is 1% city and 1% METRO.
     */
    @Test
    void texasTaxPolicyNewsExample() {
        TaxableLine item = line("1", "standard", "20.00");
        TaxCalculation result = tax.calculate(sale(HOUSTON, "2024-11-29", item));
        assertTaxes(result, item,
                "US-TX-SALES|Texas state 6.25%|1.25",
                "US-TX-HOUSTON-SALES|Houston city 1%|0.20",
                "US-TX-HOUSTON-METRO-SALES|Houston METRO transit 1%|0.20");
        assertEquals(usd("1.65"), total(result));
    }

    /**
     * Texas Tax Code 322.103(b) and 323.201(b): "the amount of the total tax is computed by multiplying
     * the combined applicable tax rates by the amount of the sales price", half a cent or more
     * collected as a cent (151.053). $0.60 x 8.25% = 4.95 cents, so 5 cents - rounding the three taxes
     * one by one (3.75, 0.6, 0.6) would collect 6. The 5 cents go to the largest exact shares.
     */
    @Test
    void texasRoundsTheCombinedTaxNotEachJurisdiction() {
        TaxableLine item = line("1", "standard", "0.60");
        TaxCalculation result = tax.calculate(sale(AUSTIN, "2025-06-02", item));
        assertEquals(usd("0.05"), total(result));
        assertTaxes(result, item,
                "US-TX-SALES|Texas state 6.25%|0.04",
                "US-TX-AUSTIN-SALES|Austin city 1%|0.01",
                "US-TX-CAPMETRO-SALES|Capital Metro transit 1%|0.00");
    }

    // ---------------------------------------------------------------- golden vectors: other states

    /**
     * Washington DOR, "Local sales & use tax rate table", Q4 2025: Yakima (City), location code 3913,
     * local .0180 + state .0650 = .0830. $10.00 -> $0.65 + $0.18. RCW 82.08.054 applies the rounding
     * to the aggregated state and local taxes: $0.30 x 8.3% = 2.49 cents -> 2 cents (rounded one by
     * one, 1.95 -> 2 and 0.54 -> 1 would make 3). Food is exempt (RCW 82.08.0293): no line tax.
     */
    @Test
    void washingtonYakima() {
        TaxableLine item = line("1", "standard", "10.00");
        TaxableLine food = line("2", "grocery", "4.99");
        TaxCalculation result = tax.calculate(sale(YAKIMA, "2025-10-15", item, food));
        assertTaxes(result, item, "US-WA-SALES|Washington state 6.5%|0.65", "US-WA-YAKIMA-SALES|Yakima local 1.8%|0.18");
        assertTaxes(result, food);

        TaxableLine small = line("3", "standard", "0.30");
        TaxCalculation rounded = tax.calculate(sale(YAKIMA, "2025-10-15", small));
        assertTaxes(rounded, small, "US-WA-SALES|Washington state 6.5%|0.02", "US-WA-YAKIMA-SALES|Yakima local 1.8%|0.00");
    }

    /**
     * NYS Department of Taxation and Finance, Publication 718: New York City 8 7/8% (state 4%, city
     * 4.5%, MCTD 0.375%). $100.00 -> $8.875 -> $8.88; the half cent goes to the MCTD share, the only
     * one with a remainder. Food for home consumption is exempt (Tax Law 1115(a)(1)).
     */
    @Test
    void newYorkCity() {
        TaxableLine item = line("1", "standard", "100.00");
        TaxableLine food = line("2", "grocery", "12.00");
        TaxCalculation result = tax.calculate(sale(MANHATTAN, "2025-03-03", item, food));
        assertTaxes(result, item, "US-NY-SALES|New York State 4%|4.00", "US-NY-NYC-SALES|New York City 4.5%|4.50",
                "US-NY-MCTD-SALES|MCTD 0.375%|0.38");
        assertTaxes(result, food);
        assertEquals(usd("8.88"), total(result));
    }

    /**
     * CDTFA: Los Angeles 9.5% (7.25% statewide, Propositions A and C, Measures R and M at 0.5%,
     * Measure H at 0.25%) until 31 March 2025; from 1 April 2025 Measure A (0.5%) replaces Measure H:
     * 9.75%.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "2025-03-31; 9.50; US-CA-LA-MEASUREH-SALES|LA County Measure H 0.25%|0.25",
            "2025-04-01; 9.75; US-CA-LA-MEASUREA-SALES|LA County Measure A 0.5%|0.50"
    })
    void losAngelesMeasureAReplacesMeasureH(String date, String totalTax, String homelessnessTax) {
        TaxableLine item = line("1", "standard", "100.00");
        TaxCalculation result = tax.calculate(sale(LOS_ANGELES, date, item));
        assertTaxes(result, item,
                "US-CA-SALES|California 7.25%|7.25",
                "US-CA-LA-PROPA-SALES|LA County Prop A 0.5%|0.50",
                "US-CA-LA-PROPC-SALES|LA County Prop C 0.5%|0.50",
                "US-CA-LA-MEASURER-SALES|LA County Measure R 0.5%|0.50",
                "US-CA-LA-MEASUREM-SALES|LA County Measure M 0.5%|0.50",
                homelessnessTax);
        assertEquals(usd(totalTax), total(result));
    }

    /**
     * A $0.99 item in Los Angeles at 9.75%: 9.6525 cents -> 10 cents. Rounded one component at a
     * time (7.18 -> 7, five times 0.495 -> 0) it would be 7 cents; the three cents beyond the state's
     * 7 go to the districts with the largest remainders, the earlier ones on ties.
     */
    @Test
    void losAngelesSmallItemIsRoundedAtTheCombinedRate() {
        TaxableLine item = line("1", "standard", "0.99");
        TaxCalculation result = tax.calculate(sale(LOS_ANGELES, "2025-06-01", item));
        assertEquals(usd("0.10"), total(result));
        assertEquals(List.of("0.07", "0.01", "0.01", "0.01", "0.00", "0.00"),
                taxesOf(result, "1").stream().map(t -> t.tax().amount().toPlainString()).toList());
    }

    /**
     * Colorado DOR, DR 1002 "Colorado Sales/Use Tax Rates" (January 2025): state 2.9%, RTD 1.0%,
     * Scientific and Cultural Facilities District 0.1%, City and County of Denver 4.81%: 8.81%.
     */
    @Test
    void denver() {
        TaxableLine item = line("1", "standard", "100.00");
        TaxableLine food = line("2", "grocery", "100.00");
        TaxableLine medicine = line("3", "prescription-drugs", "100.00");
        TaxCalculation result = tax.calculate(sale(DENVER, "2025-01-15", item, food, medicine));
        assertTaxes(result, item, "US-CO-SALES|Colorado state 2.9%|2.90", "US-CO-DENVER-SALES|Denver 4.81%|4.81",
                "US-CO-RTD-SALES|RTD 1%|1.00", "US-CO-SCFD-SALES|SCFD 0.1%|0.10");
        assertTaxes(result, food);
        assertTaxes(result, medicine);
    }

    @Test
    void oregonHasNoSalesTax() {
        TaxableLine item = line("1", "standard", "999.99");
        assertTrue(tax.covers(PORTLAND));
        assertTrue(tax.calculate(sale(PORTLAND, "2025-05-05", item, line("2", "grocery", "3.00"))).lineTaxes().isEmpty());
        // any address in the state, even without ZIP code or city
        assertTrue(tax.calculate(sale(address("OR", null, null), "2025-05-05", item)).lineTaxes().isEmpty());
        assertFails("tax_category_unknown", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(PORTLAND, "2025-05-05", line("1", "reduced", "1.00"))));
    }

    // ---------------------------------------------------------------- categories

    @Test
    void groceryAndPrescriptionDrugsAreExemptWhereTheStatesExemptThem() {
        for (TaxAddress place : List.of(AUSTIN, YAKIMA, MANHATTAN, LOS_ANGELES, DENVER)) {
            TaxCalculation result = tax.calculate(sale(place, "2025-10-01", line("food", "grocery", "20.00"),
                    line("rx", "prescription-drugs", "35.00"), line("other", "exempt", "5.00")));
            assertTrue(result.lineTaxes().isEmpty(), () -> place + ": " + result.lineTaxes());
        }
    }

    @Test
    void clothingIsTaxedLikeStandardOutsideNewYork() {
        for (TaxAddress place : List.of(AUSTIN, YAKIMA, LOS_ANGELES, DENVER)) {
            TaxCalculation clothing = tax.calculate(sale(place, "2025-10-01", line("1", "clothing", "49.99")));
            TaxCalculation standard = tax.calculate(sale(place, "2025-10-01", line("1", "standard", "49.99")));
            assertEquals(standard, clothing, place::toString);
        }
    }

    /** New York's clothing exemption depends on the price per item (under $110), which a line lacks. */
    @Test
    void newYorkClothingIsRefusedNotGuessed() {
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> tax.calculate(sale(MANHATTAN, "2025-03-03", line("1", "standard", "5.00"), line("2", "clothing", "60.00"))));
        assertEquals("tax_category_unsupported", e.code());
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertTrue(e.getMessage().contains("clothing") && e.getMessage().contains("NY"), e.getMessage());
    }

    @Test
    void unknownOrMissingCategoryIsRefused() {
        assertFails("tax_category_unknown", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(AUSTIN, "2025-06-02", line("1", "standard", "1.00"), line("2", "reduced", "1.00"))));
        assertFails("tax_category_unknown", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(AUSTIN, "2025-06-02", line("1", null, "1.00"))));
    }

    @Test
    void categoryCodesAreReadCaseInsensitively() {
        TaxableLine item = line("1", " Standard ", "10.00");
        assertTaxes(tax.calculate(sale(YAKIMA, "2025-10-15", item)), item,
                "US-WA-SALES|Washington state 6.5%|0.65", "US-WA-YAKIMA-SALES|Yakima local 1.8%|0.18");
    }

    // ---------------------------------------------------------------- exemption certificates

    @Test
    void exemptCustomerGetsAZeroTaxNamingTheCertificateOnEveryLine() {
        TaxableLine item = line("1", "standard", "250.00");
        TaxableLine food = line("2", "grocery", "3.00");
        TaxRequest request = new TaxRequest(AUSTIN, null, "register", LocalDate.of(2025, 6, 2), Money.currency("USD"),
                false, List.of(item, food), " TX-123 ");
        TaxCalculation result = tax.calculate(request);
        assertEquals(2, result.lineTaxes().size());
        for (TaxableLine line : List.of(item, food)) {
            LineTax exempt = taxesOf(result, line.lineId()).get(0);
            assertEquals(new TaxComponent("US-TX", "US-TX-EXEMPT-CERTIFICATE", "Exempt (cert TX-123)", BigDecimal.ZERO),
                    exempt.component());
            assertEquals(line.amount(), exempt.taxableAmount());
            assertEquals(usd("0.00"), exempt.tax());
        }
        // even categories New York cannot tax line by line
        TaxRequest clothing = new TaxRequest(MANHATTAN, null, "register", LocalDate.of(2025, 6, 2),
                Money.currency("USD"), false, List.of(line("1", "clothing", "60.00")), "NY-ST-119 42");
        assertEquals("Exempt (cert NY-ST-119 42)", tax.calculate(clothing).lineTaxes().get(0).component().name());
    }

    @Test
    void blankCertificateIsNoExemption() {
        TaxRequest request = new TaxRequest(AUSTIN, null, "register", LocalDate.of(2025, 6, 2), Money.currency("USD"),
                false, List.of(line("1", "standard", "250.00")), "  ");
        assertEquals(usd("20.63"), total(tax.calculate(request)));
    }

    // ---------------------------------------------------------------- addresses

    @Test
    void shippedOrdersAreTaxedAtTheShipToAddress() {
        TaxableLine item = line("1", "standard", "100.00");
        TaxRequest shipped = new TaxRequest(PORTLAND, address("NY", "11201", "Brooklyn"), "web",
                LocalDate.of(2025, 3, 3), Money.currency("USD"), false, List.of(item), null);
        assertEquals(usd("8.88"), total(tax.calculate(shipped)));
        TaxRequest toOregon = new TaxRequest(MANHATTAN, PORTLAND, "web", LocalDate.of(2025, 3, 3),
                Money.currency("USD"), false, List.of(item), null);
        assertTrue(tax.calculate(toOregon).lineTaxes().isEmpty());
    }

    @Test
    void unknownZipCodeInACoveredStateIsRefusedNotTaxedAtTheStateRateOnly() {
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> tax.calculate(sale(address("WA", "98101", "Seattle"), "2025-10-15", line("1", "standard", "1.00"))));
        assertEquals("tax_address_not_covered", e.code());
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertTrue(e.getMessage().contains("98101"), e.getMessage());
    }

    @Test
    void zipCodeSplitByCityNeedsAKnownCity() {
        TaxableLine item = line("1", "standard", "10.00");
        assertEquals(usd("0.83"), total(tax.calculate(sale(address("WA", "98901", " yakima "), "2025-10-15", item))));
        assertFails("tax_address_ambiguous", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(address("WA", "98901", null), "2025-10-15", item)));
        assertFails("tax_address_not_covered", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(address("WA", "98901", "Terrace Heights"), "2025-10-15", item)));
    }

    @Test
    void addressWithoutZipCodeIsFoundByCityWhereTheDataAllows() {
        TaxableLine item = line("1", "standard", "100.00");
        assertEquals(usd("8.88"), total(tax.calculate(sale(address("NY", "", "new  york"), "2025-03-03", item))));
        assertFails("tax_address_not_covered", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(address("NY", null, "Buffalo"), "2025-03-03", item)));
        assertFails("tax_address_not_covered", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(address("TX", null, "Austin"), "2025-03-03", item)));
        assertFails("tax_address_incomplete", ErrorKind.INVALID,
                () -> tax.calculate(sale(address("NY", null, " "), "2025-03-03", item)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10001-2062, 8.88", "100012062, 8.88", "' 10001 ', 8.88"})
    void zipPlusFourIsAccepted(String zip, String expected) {
        assertEquals(usd(expected),
                total(tax.calculate(sale(address("NY", zip, null), "2025-03-03", line("1", "standard", "100.00")))));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"1000", "10001-20", "SW1A 1AA", "1OOO1"})
    void malformedZipCodeIsInvalid(String zip) {
        assertFails("tax_postal_code_invalid", ErrorKind.INVALID,
                () -> tax.calculate(sale(address("NY", zip, "New York"), "2025-03-03", line("1", "standard", "1.00"))));
    }

    @Test
    void regionMayBeTheIsoSubdivisionCode() {
        TaxAddress iso = new TaxAddress("us", "US-ny", "10001", null);
        assertTrue(tax.covers(iso));
        assertEquals(usd("8.88"), total(tax.calculate(sale(iso, "2025-03-03", line("1", "standard", "100.00")))));
    }

    // ---------------------------------------------------------------- dates, prices, currency

    @Test
    void saleBeforeTheDataStartsIsRefused() {
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> tax.calculate(sale(AUSTIN, "2019-12-31", line("1", "standard", "1.00"))));
        assertEquals("tax_rate_not_in_force", e.code());
        assertTrue(e.getMessage().contains("2020-01-01"), e.getMessage());
    }

    @Test
    void pricesIncludingTaxAreRefused() {
        // The Comptroller's FAQ does allow a "tax included" price (e.g. $20 in Austin = $18.48 + $1.52),
        // but US shelf prices exclude tax and this rule only computes tax on top.
        TaxRequest inclusive = new TaxRequest(AUSTIN, null, "register", LocalDate.of(2025, 6, 2),
                Money.currency("USD"), true, List.of(line("1", "standard", "20.00")), null);
        OmnitillException e = assertThrows(OmnitillException.class, () -> tax.calculate(inclusive));
        assertEquals("tax_inclusive_prices_unsupported", e.code());
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
    }

    @Test
    void otherCurrenciesAreRefused() {
        TaxRequest euros = new TaxRequest(AUSTIN, null, "register", LocalDate.of(2025, 6, 2), Money.currency("EUR"),
                false, List.of(new TaxableLine("1", "sku", "standard", Money.of("1.00", "EUR"))), null);
        assertFails("tax_currency_mismatch", ErrorKind.INVALID, () -> tax.calculate(euros));
        TaxRequest mixed = new TaxRequest(AUSTIN, null, "register", LocalDate.of(2025, 6, 2), Money.currency("USD"),
                false, List.of(new TaxableLine("1", "sku", "standard", Money.of("1.00", "CAD"))), null);
        assertFails("tax_currency_mismatch", ErrorKind.INVALID, () -> tax.calculate(mixed));
    }

    @Test
    void aReturnLineCarriesItsOwnTax() {
        TaxableLine sold = line("sold", "standard", "250.00");
        TaxableLine returned = line("returned", "standard", "-250.00");
        TaxCalculation result = tax.calculate(sale(AUSTIN, "2025-06-02", sold, returned));
        assertEquals(usd("0.00"), total(result));
        assertEquals(List.of(usd("15.63"), usd("2.50"), usd("2.50")),
                taxesOf(result, "sold").stream().map(LineTax::tax).toList());
        assertEquals(List.of(usd("-15.63"), usd("-2.50"), usd("-2.50")),
                taxesOf(result, "returned").stream().map(LineTax::tax).toList());
    }

    @Test
    void lineTaxesComeLineByLineInReceiptOrder() {
        TaxCalculation result = tax.calculate(sale(DENVER, "2025-01-15", line("a", "standard", "1.00"),
                line("b", "grocery", "1.00"), line("c", "clothing", "1.00")));
        assertEquals(List.of("a", "a", "a", "a", "c", "c", "c", "c"),
                result.lineTaxes().stream().map(LineTax::lineId).toList());
        assertEquals(List.of("US-CO", "US-CO-DENVER", "US-CO-RTD", "US-CO-SCFD"),
                taxesOf(result, "c").stream().map(t -> t.component().jurisdiction()).toList());
    }

    @Test
    void emptyBasketHasNoTaxes() {
        assertTrue(tax.calculate(sale(AUSTIN, "2025-06-02")).lineTaxes().isEmpty());
    }

    // ---------------------------------------------------------------- coverage and configuration

    @Test
    void coversEveryStateInTheDataByDefault() {
        for (String state : new String[] {"WA", "TX", "NY", "CA", "CO", "OR", "tx", "US-CA"}) {
            assertTrue(tax.covers(address(state, null, null)), state);
        }
        assertFalse(tax.covers(address("IL", "60601", "Chicago")));
        assertFalse(tax.covers(new TaxAddress("CA", "ON", "M5V 2T6", "Toronto")));
        assertFalse(tax.covers(new TaxAddress("US", null, "10001", null)));
        assertFalse(tax.covers(new TaxAddress(null, "NY", "10001", null)));
        assertFalse(tax.covers(null));
    }

    @Test
    void configuredStatesLimitCoverage() {
        UsSalesTaxRule limited = rule("TX, ny", "XX");
        assertEquals(Set.of("NY", "TX"), Set.copyOf(limited.coveredStates()));
        assertTrue(limited.covers(AUSTIN));
        assertFalse(limited.covers(YAKIMA));
        assertFails("tax_jurisdiction_not_covered", ErrorKind.UNPROCESSABLE,
                () -> limited.calculate(sale(YAKIMA, "2025-10-15", line("1", "standard", "1.00"))));

        limited.modified(SalesTaxFixtures.config("WA"));
        assertTrue(limited.covers(YAKIMA));
        assertFalse(limited.covers(AUSTIN));

        limited.modified(SalesTaxFixtures.config("*"));
        assertEquals(Set.of("CA", "CO", "NY", "OR", "TX", "WA"), Set.copyOf(limited.coveredStates()));
    }

    @Test
    void uncoveredAddressIsRefused() {
        assertFails("tax_jurisdiction_not_covered", ErrorKind.UNPROCESSABLE,
                () -> tax.calculate(sale(new TaxAddress("DE", "BE", "10115", "Berlin"), "2025-06-02",
                        line("1", "standard", "1.00"))));
    }
}
