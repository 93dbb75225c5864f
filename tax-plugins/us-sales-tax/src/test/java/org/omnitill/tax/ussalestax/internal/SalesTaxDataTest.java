package org.omnitill.tax.ussalestax.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.BUNDLED;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.address;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.data;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.line;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.sale;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.taxesOf;
import static org.omnitill.tax.ussalestax.internal.SalesTaxFixtures.usd;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;

class SalesTaxDataTest {

    private static final List<String> CATEGORIES = List.of("standard", "grocery", "clothing", "prescription-drugs", "exempt");

    // ---------------------------------------------------------------- the bundled data

    @Test
    void bundledDataCoversTheCheckedStates() {
        assertEquals(Set.of("CA", "CO", "NY", "OR", "TX", "WA"), BUNDLED.states());
        for (String state : BUNDLED.states()) {
            assertEquals(Set.copyOf(CATEGORIES), BUNDLED.state(state).categories().keySet(), state);
        }
    }

    @ParameterizedTest(name = "{0} on {1}: {2}% ({3})")
    @CsvSource({
            "US-WA, 2025-07-01, 6.5, Washington state",
            "US-WA-YAKIMA, 2025-12-31, 1.8, Yakima local",
            "US-TX, 2020-01-01, 6.25, Texas state",
            "US-TX-CAPMETRO, 2025-01-01, 1, Capital Metro transit",
            "US-NY, 2009-08-01, 4, New York State",
            "US-NY-NYC, 2025-01-01, 4.5, New York City",
            "US-NY-MCTD, 2025-01-01, 0.375, MCTD",
            "US-CA, 2017-10-01, 7.25, California",
            "US-CA-LA-MEASUREH, 2025-03-31, 0.25, LA County Measure H",
            "US-CA-LA-MEASUREH, 2025-04-01, 0, LA County Measure H",
            "US-CA-LA-MEASUREA, 2025-03-31, 0, LA County Measure A",
            "US-CA-LA-MEASUREA, 2025-04-01, 0.5, LA County Measure A",
            "US-CO-DENVER, 2025-01-01, 4.81, Denver",
            "US-CO-SCFD, 2025-01-01, 0.1, SCFD",
            "US-OR, 2025-01-01, 0, Oregon"
    })
    void bundledRateInForceOnADate(String code, String date, String percent, String name) {
        JurisdictionRate rate = jurisdiction(code).rateOn(LocalDate.parse(date));
        assertEquals(0, new BigDecimal(percent).compareTo(rate.percent()), () -> "rate " + rate);
        assertEquals(name, rate.name());
    }

    /** The combined rates the publications quote for each place (see jurisdictions.csv). */
    @ParameterizedTest(name = "{0} {1} on {3}: {4}%")
    @CsvSource({
            "WA, 98902, Yakima, 2025-10-01, 8.3",
            "TX, 78701, , 2025-10-01, 8.25",
            "TX, 77002, , 2025-10-01, 8.25",
            "NY, 10001, , 2025-10-01, 8.875",
            "NY, , Brooklyn, 2025-10-01, 8.875",
            "CA, 90012, , 2025-03-31, 9.5",
            "CA, 90012, , 2025-04-01, 9.75",
            "CO, 80202, , 2025-10-01, 8.81",
            "OR, 97204, Portland, 2025-10-01, 0"
    })
    void combinedRatesOfTheBundledPlaces(String state, String zip, String city, String date, String combined) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Jurisdiction jurisdiction : BUNDLED.state(state).directory().jurisdictionsAt(address(state, zip, city))) {
            sum = sum.add(jurisdiction.rateOn(LocalDate.parse(date)).percent());
        }
        assertEquals(0, new BigDecimal(combined).compareTo(sum), () -> state + " " + zip + ": " + combined);
    }

    /**
     * Every address row of the data, with every category, from the day its state's data starts to
     * the last day it was checked for: each jurisdiction's rate and taxability resolve (New York
     * clothing is the one deliberate refusal).
     */
    @Test
    void everyBundledAddressAndCategoryResolves() {
        int checked = 0;
        for (String code : BUNDLED.states()) {
            SalesTaxData.State state = BUNDLED.state(code);
            LocalDate start = state.jurisdiction().rates().firstKey();
            for (LocalDirectory.Entry entry : state.directory().entries()) {
                for (LocalDate date : List.of(start, LocalDate.of(2025, 12, 31))) {
                    for (Jurisdiction jurisdiction : entry.jurisdictions()) {
                        assertNotNull(jurisdiction.rateOn(date));
                        for (String category : CATEGORIES) {
                            Treatment treatment = state.category(category).treatment(jurisdiction.code(),
                                    jurisdiction.level(), date);
                            boolean refused = treatment.kind() == Treatment.Kind.UNSUPPORTED;
                            assertEquals(code.equals("NY") && category.equals("clothing"), refused,
                                    () -> code + " " + category + " at " + jurisdiction.code());
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void localJurisdictionsComeInReceiptOrderAfterTheState() {
        List<String> codes = BUNDLED.state("CO").directory().jurisdictionsAt(address("CO", "80202", null)).stream()
                .map(Jurisdiction::code).toList();
        assertEquals(List.of("US-CO", "US-CO-DENVER", "US-CO-RTD", "US-CO-SCFD"), codes);
    }

    // ---------------------------------------------------------------- behaviour the data drives

    /**
     * A fixture shaped like Illinois (general rate 6.25%; groceries at a 1% state rate and a 1.25%
     * rate of the regional transit district, exempt from county and city home-rule taxes; the state
     * rate repealed for groceries from 2026). Illustrative figures for the data format, not bundled data.
     */
    private static final SalesTaxData ILLINOIS_SHAPED = data("""
            IL,state,US-IL,Illinois state,6.25,2024-01-01
            IL,county,US-IL-COOK,Cook County,1.75,2024-01-01
            IL,city,US-IL-CHICAGO,Chicago,1.25,2024-01-01
            IL,district,US-IL-RTA,RTA,1,2024-01-01
            """, """
            IL,60601,,US-IL-COOK US-IL-CHICAGO US-IL-RTA
            """, """
            IL,standard,*,taxable,,2024-01-01
            IL,grocery,*,exempt,,2024-01-01
            IL,grocery,state,rate,1,2024-01-01
            IL,grocery,state,exempt,,2026-01-01
            IL,grocery,US-IL-RTA,rate,1.25,2024-01-01
            """);

    @Test
    void categoryRatesAndExemptionsComeFromTheDataPerLevelAndJurisdiction() {
        UsSalesTaxRule rule = new UsSalesTaxRule(ILLINOIS_SHAPED, SalesTaxFixtures.config("*"));
        TaxAddress chicago = address("IL", "60601", "Chicago");
        TaxCalculation result = rule.calculate(sale(chicago, "2025-06-30",
                line("tv", "standard", "100.00"), line("milk", "grocery", "100.00")));

        assertEquals(List.of("US-IL-SALES 6.25 6.25", "US-IL-COOK-SALES 1.75 1.75", "US-IL-CHICAGO-SALES 1.25 1.25",
                "US-IL-RTA-SALES 1 1.00"), describe(taxesOf(result, "tv")));
        assertEquals(List.of("US-IL-SALES-GROCERY 1 1.00", "US-IL-RTA-SALES-GROCERY 1.25 1.25"),
                describe(taxesOf(result, "milk")));
        assertEquals("Illinois state 1%", taxesOf(result, "milk").get(0).component().name());
        assertEquals("RTA 1.25%", taxesOf(result, "milk").get(1).component().name());

        // The dated rule for the state level switches on 2026-01-01; the RTA's own rule stays.
        TaxCalculation later = rule.calculate(sale(chicago, "2026-01-01", line("milk", "grocery", "100.00")));
        assertEquals(List.of("US-IL-RTA-SALES-GROCERY 1.25 1.25"), describe(later.lineTaxes()));
    }

    @Test
    void ruleBeforeTheTaxabilityDataIsNotInForce() {
        SalesTaxData late = data("WA,state,US-WA,Washington state,6.5,2025-01-01\n", "WA,*,,\n",
                "WA,standard,*,taxable,,2025-07-01\n");
        UsSalesTaxRule rule = new UsSalesTaxRule(late, SalesTaxFixtures.config("WA"));
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> rule.calculate(sale(address("WA", "98001", null), "2025-06-30", line("1", "standard", "1.00"))));
        assertEquals("tax_rate_not_in_force", e.code());
        assertEquals(usd("0.07"), SalesTaxFixtures.total(
                rule.calculate(sale(address("WA", "98001", null), "2025-07-01", line("1", "standard", "1.00")))));
    }

    @Test
    void zipCodeSharedByTwoCitiesIsSplitByCity() {
        SalesTaxData split = data("""
                TX,state,US-TX,Texas state,6.25,2020-01-01
                TX,city,US-TX-ALPHA,Alpha city,2,2020-01-01
                TX,city,US-TX-BETA,Beta city,1.5,2020-01-01
                """, """
                TX,78999,Alpha,US-TX-ALPHA
                TX,78999,Beta,US-TX-BETA
                TX,,Beta,US-TX-BETA
                """, "TX,standard,*,taxable,,2020-01-01\n");
        LocalDirectory directory = split.state("TX").directory();
        assertEquals("US-TX-BETA", directory.jurisdictionsAt(address("TX", "78999", "BETA")).get(1).code());
        assertEquals("US-TX-ALPHA", directory.jurisdictionsAt(address("TX", "78999-0001", "alpha")).get(1).code());
        assertEquals("US-TX-BETA", directory.jurisdictionsAt(address("TX", null, "Beta")).get(1).code());
        assertEquals("tax_address_ambiguous", assertThrows(OmnitillException.class,
                () -> directory.jurisdictionsAt(address("TX", "78999", null))).code());
        assertEquals("tax_address_not_covered", assertThrows(OmnitillException.class,
                () -> directory.jurisdictionsAt(address("TX", "78999", "Gamma"))).code());
        assertEquals("tax_address_not_covered", assertThrows(OmnitillException.class,
                () -> directory.jurisdictionsAt(address("TX", null, "Alpha"))).code());
    }

    private static List<String> describe(List<LineTax> taxes) {
        List<String> described = new ArrayList<>();
        for (LineTax tax : taxes) {
            described.add(tax.component().code() + " " + tax.component().rate().stripTrailingZeros().toPlainString() + " "
                    + tax.tax().amount().toPlainString());
        }
        return described;
    }

    private static Jurisdiction jurisdiction(String code) {
        String state = code.substring(3, 5);
        for (LocalDirectory.Entry entry : BUNDLED.state(state).directory().entries()) {
            for (Jurisdiction jurisdiction : entry.jurisdictions()) {
                if (jurisdiction.code().equals(code)) {
                    return jurisdiction;
                }
            }
        }
        throw new AssertionError(code + " is not used by any address");
    }

    // ---------------------------------------------------------------- malformed data

    private static final String JURISDICTIONS = """
            WA,state,US-WA,Washington state,6.5,2025-07-01
            WA,city,US-WA-YAKIMA,Yakima local,1.8,2025-07-01
            """;
    private static final String ZIP_CODES = "WA,98902,Yakima,US-WA-YAKIMA\n";
    private static final String TAXABILITY = "WA,standard,*,taxable,,2025-07-01\n";

    @Test
    void theMinimalFixtureIsValid() {
        assertEquals(Set.of("WA"), data(JURISDICTIONS, ZIP_CODES, TAXABILITY).states());
    }

    /** Each case replaces one file of the valid fixture; the error names file, line and problem. */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "J | wa,state,US-WA,Washington state,6.5,2025-07-01 | jurisdictions.csv line 2: state 'wa'",
            "J | WA,town,US-WA,Washington state,6.5,2025-07-01 | jurisdictions.csv line 2: level 'town'",
            "J | WA,state,US-WA,Washington state,6.5,2025-07-01\\nWA,city,US-TX-AUSTIN,Austin,1,2025-07-01 | jurisdictions.csv line 3: code US-TX-AUSTIN does not fit",
            "J | WA,state,US-WA-STATE,Washington state,6.5,2025-07-01 | jurisdictions.csv line 2: code US-WA-STATE does not fit",
            "J | WA,city,US-WA,Washington,6.5,2025-07-01 | jurisdictions.csv line 2: code US-WA does not fit",
            "J | WA,state,us-wa,Washington state,6.5,2025-07-01 | jurisdictions.csv line 2: code 'us-wa'",
            "J | WA,state,US-WA,Washington state,-1,2025-07-01 | jurisdictions.csv line 2: rate -1 is out of range",
            "J | WA,state,US-WA,Washington state,100,2025-07-01 | jurisdictions.csv line 2: rate 100 is out of range",
            "J | WA,state,US-WA,Washington state,6.5%,2025-07-01 | jurisdictions.csv line 2: '6.5%' is not a decimal",
            "J | WA,state,US-WA,Washington state,6.5,07/01/2025 | jurisdictions.csv line 2: '07/01/2025' is not an ISO date",
            "J | WA,state,US-WA,,6.5,2025-07-01 | jurisdictions.csv line 2: the name is empty",
            "J | WA,state,US-WA,Washington state,6.5 | jurisdictions.csv line 2: 5 columns where 6 are expected",
            "J | WA,state,US-WA,A,6.5,2025-07-01\\nWA,state,US-WA,B,6.6,2025-07-01 | jurisdictions.csv line 3: a second US-WA rate",
            "J | WA,state,US-WA,A,6.5,2025-07-01\\nWA,city,US-WA-X,X,1,2025-07-01\\nWA,county,US-WA-X,X,1,2026-01-01 | jurisdictions.csv line 4: US-WA-X was a city before",
            "J | WA,city,US-WA-YAKIMA,Yakima local,1.8,2025-07-01 | jurisdictions.csv: US-WA-YAKIMA belongs to a state without a state-level row",
            "Z | WA,98902,Yakima,US-WA-SEATTLE | zip-codes.csv line 2: 'US-WA-SEATTLE' is not a local jurisdiction",
            "Z | WA,98902,Yakima,US-WA | zip-codes.csv line 2: 'US-WA' is not a local jurisdiction",
            "Z | WA,98902,Yakima,US-WA-YAKIMA US-WA-YAKIMA | zip-codes.csv line 2: US-WA-YAKIMA is listed twice",
            "Z | WA,9890,Yakima,US-WA-YAKIMA | zip-codes.csv line 2: zip '9890'",
            "Z | WA,*,Yakima,US-WA-YAKIMA | zip-codes.csv line 2: the state-wide row * takes no city",
            "Z | WA,,,US-WA-YAKIMA | zip-codes.csv line 2: a row needs a ZIP code or a city",
            "Z | WA,98902,Yakima,US-WA-YAKIMA\\nWA,98902,YAKIMA,US-WA-YAKIMA | zip-codes.csv line 3: a second row for WA 98902",
            "Z | WA,98902,Yakima,US-WA-YAKIMA\\nWA,*,, | zip-codes.csv: WA has the state-wide row * and other rows",
            "Z | TX,78701,,| zip-codes.csv line 2: state TX has no row US-TX",
            "Z | | zip-codes.csv: no row for WA",
            "T | WA,Standard,*,taxable,,2025-07-01 | taxability.csv line 2: category 'Standard'",
            "T | WA,standard,town,taxable,,2025-07-01 | taxability.csv line 2: scope 'town'",
            "T | WA,standard,US-TX,taxable,,2025-07-01 | taxability.csv line 2: scope 'US-TX'",
            "T | WA,standard,*,zero,,2025-07-01 | taxability.csv line 2: treatment 'zero'",
            "T | WA,standard,*,Taxable,,2025-07-01 | taxability.csv line 2: treatment 'Taxable'",
            "T | WA,grocery,*,rate,,2025-07-01 | taxability.csv line 2: '' is not a decimal",
            "T | WA,grocery,*,rate,0,2025-07-01 | taxability.csv line 2: rate 0 is out of range",
            "T | WA,grocery,*,exempt,1,2025-07-01 | taxability.csv line 2: only treatment rate takes a rate_percent",
            "T | WA,standard,*,taxable,,2025-07-01\\nWA,standard,*,exempt,,2025-07-01 | taxability.csv line 3: a second WA rule for standard at *",
            "T | | taxability.csv: no rule for WA"
    })
    void malformedDataIsRefusedWithTheLineNamed(String file, String rows, String expected) {
        String text = rows == null ? "" : rows.replace("\\n", "\n") + "\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data(
                file.equals("J") ? text : JURISDICTIONS, file.equals("Z") ? text : ZIP_CODES,
                file.equals("T") ? text : TAXABILITY));
        int colon = expected.indexOf(':');
        assertTrue(e.getMessage().startsWith(expected.substring(0, colon + 1))
                && e.getMessage().contains(expected.substring(colon + 2)), e.getMessage());
    }

    @Test
    void wrongHeaderIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SalesTaxData.read(
                new StringReader("state,level,code,name,rate,from\n"), new StringReader(""), new StringReader("")));
        assertTrue(e.getMessage().startsWith("jurisdictions.csv: the header must be"), e.getMessage());
    }
}
