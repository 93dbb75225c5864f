package org.omnitill.tax.canada.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.OmnitillException;

class TaxTableTest {

    private static final String RATE_HEADER = "jurisdiction,tax,rate_percent,effective_from,receipt_name\n";
    private static final String TAXABILITY_HEADER = "province,category,tax,treatment,effective_from\n";
    private static final String MINIMAL_RATES = "CA,GST,5,2020-01-01,GST\nCA-ON,HST,13,2020-01-01,HST\n"
            + "CA-BC,PST,7,2020-01-01,PST\n";
    private static final String MINIMAL_TAXABILITY = "*,standard,GST/HST,taxable,2020-01-01\n"
            + "BC,standard,PST,taxable,2020-01-01\n";

    private final TaxTable bundled = CanadaFixtures.TABLE;

    private static TaxTable table(String rates, String taxability) throws IOException {
        return TaxTable.read(new StringReader(RATE_HEADER + rates), "rates.csv",
                new StringReader(TAXABILITY_HEADER + taxability), "taxability.csv");
    }

    @Test
    void bundledDataKnowsTheCategoriesFromApril2013() {
        assertEquals(Set.of("standard", "basic-grocery", "books", "childrens-clothing", "exempt", "zero-rated"),
                bundled.categories());
        assertEquals(LocalDate.of(2013, 4, 1), bundled.firstDate());
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}% {4}")
    @CsvSource({
            "AB, GST, 2013-04-01, 5, GST",
            "ON, HST, 2025-06-01, 13, HST",
            "NS, HST, 2025-03-31, 15, HST",
            "NS, HST, 2025-04-01, 14, HST",
            "NB, HST, 2016-07-01, 15, HST",
            "NL, HST, 2016-06-30, 13, HST",
            "PE, HST, 2016-10-01, 15, HST",
            "BC, PST, 2013-04-01, 7, PST",
            "MB, PST, 2019-07-01, 7, RST",
            "MB, PST, 2015-01-01, 8, RST",
            "SK, PST, 2017-03-23, 6, PST",
            "QC, QST, 2024-01-01, 9.975, QST"
    })
    void rateInForceOnADate(String province, SalesTax tax, String date, String percent, String name) {
        RateRow rate = bundled.rateOn(province, tax, LocalDate.parse(date));
        assertEquals(0, new BigDecimal(percent).compareTo(rate.percent()), () -> "rate " + rate);
        assertEquals(name, rate.receiptName());
    }

    @Test
    void noRateBeforeTheDataOrForATaxAProvinceDoesNotLevy() {
        assertNull(bundled.rateOn(null, SalesTax.GST, LocalDate.of(2013, 3, 31)));
        assertNull(bundled.rateOn("ON", SalesTax.PST, LocalDate.of(2024, 1, 1)));
        assertNull(bundled.rateOn("AB", SalesTax.HST, LocalDate.of(2024, 1, 1)));
        assertTrue(bundled.leviesPst("SK", LocalDate.of(2024, 1, 1)));
        assertTrue(!bundled.leviesPst("QC", LocalDate.of(2024, 1, 1)));
    }

    /** The data is complete: every category can be taxed in every province on the first of every month. */
    @Test
    void everyCategoryIsTaxableEverywhereThroughoutTheData() {
        for (LocalDate date = bundled.firstDate(); date.getYear() < 2027; date = date.plusMonths(1)) {
            for (String province : Provinces.ALL) {
                for (String category : bundled.categories()) {
                    List<Levy> levies = bundled.taxes(province, category, date);
                    int expected = Set.of("BC", "MB", "SK", "QC").contains(province) ? 2 : 1;
                    assertEquals(expected, levies.size(), province + " " + category + " " + date);
                    assertTrue(levies.get(0).tax().isFederal());
                }
            }
        }
    }

    @Test
    void certificateExemptionExistsForTaxablePstOnly() {
        List<Levy> standard = bundled.taxes("BC", "standard", LocalDate.of(2024, 1, 1));
        assertNull(standard.get(0).certificateExempt());
        assertEquals("CA-BC-PST-CERTIFICATE", standard.get(1).certificateExempt().code());
        assertNull(bundled.taxes("BC", "books", LocalDate.of(2024, 1, 1)).get(1).certificateExempt());
        assertNull(bundled.taxes("QC", "standard", LocalDate.of(2024, 1, 1)).get(1).certificateExempt());
    }

    @Test
    void readsCommentsQuotesAndSpaces() throws IOException {
        TaxTable table = TaxTable.read(
                new StringReader("# rates\n" + RATE_HEADER + "\n# GST\n CA , GST , 5 , 2020-01-01 ,\"GST\"\n"),
                "rates.csv", new StringReader(TAXABILITY_HEADER + "*, standard ,GST/HST,taxable,2020-01-01\n"),
                "taxability.csv");
        assertEquals("CA-GST", table.taxes("AB", "standard", LocalDate.of(2020, 1, 1)).get(0).component().code());
    }

    @Test
    void aProvinceRowOverridesTheNationalRowFromItsFirstDateOn() throws IOException {
        TaxTable table = table(MINIMAL_RATES, MINIMAL_TAXABILITY + "*,books,GST/HST,taxable,2020-01-01\n"
                + "ON,books,GST/HST,provincial-part-rebated,2021-01-01\n");
        assertEquals("CA-ON-HST", table.taxes("ON", "books", LocalDate.of(2020, 12, 31)).get(0).component().code());
        assertEquals("CA-ON-HST-POS-REBATE", table.taxes("ON", "books", LocalDate.of(2021, 1, 1)).get(0).component().code());
        assertEquals("CA-GST", table.taxes("AB", "books", LocalDate.of(2021, 1, 1)).get(0).component().code());
    }

    @Test
    void aCategoryWithoutARowForAProvincesTaxIsUnknownThereOnly() throws IOException {
        TaxTable table = table(MINIMAL_RATES, MINIMAL_TAXABILITY + "*,books,GST/HST,taxable,2020-01-01\n");
        assertEquals(1, table.taxes("ON", "books", LocalDate.of(2020, 6, 1)).size());
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> table.taxes("BC", "books", LocalDate.of(2020, 6, 1)));
        assertEquals("tax_category_unknown", e.code());
        assertTrue(e.getMessage().contains("PST") && e.getMessage().contains("BC"), e.getMessage());
    }

    @Test
    void aTreatmentStartingAfterTheSaleIsNotInForce() throws IOException {
        TaxTable table = table(MINIMAL_RATES, MINIMAL_TAXABILITY + "*,books,GST/HST,taxable,2021-01-01\n");
        assertEquals("tax_rate_not_in_force", assertThrows(OmnitillException.class,
                () -> table.taxes("AB", "books", LocalDate.of(2020, 6, 1))).code());
        assertEquals("tax_rate_not_in_force", assertThrows(OmnitillException.class,
                () -> table.taxes("AB", "standard", LocalDate.of(2019, 12, 31))).code());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "CA-XX,PST,7,2020-01-01,PST | line 5: 'CA-XX'",
            "ON,HST,13,2020-01-01,HST | line 5: 'ON' is neither",
            "CA,HST,13,2020-01-01,HST | line 5: HST belongs to a province",
            "CA-ON,GST,5,2020-01-01,GST | line 5: GST belongs to CA",
            "CA-ON,VAT,13,2020-01-01,VAT | line 5: 'VAT'",
            "CA-NB,HST,0,2020-01-01,HST | line 5: rate 0",
            "CA-NB,HST,thirteen,2020-01-01,HST | line 5: 'thirteen'",
            "CA-NB,HST,13,01.07.2016,HST | line 5: '01.07.2016'",
            "CA-NB,HST,13,2020-01-01,hst | line 5: receipt name 'hst'",
            "CA-NB,HST,13,2020-01-01 | line 5: expected 5 columns"
    })
    void malformedRateRowsAreRefusedWithTheLineNamed(String row, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table(MINIMAL_RATES + row + "\n", MINIMAL_TAXABILITY));
        String line = expected.substring(0, expected.indexOf(':'));
        assertTrue(e.getMessage().startsWith("rates.csv " + line)
                && e.getMessage().contains(expected.substring(expected.indexOf(':') + 2)), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "XX,standard,GST/HST,taxable,2020-01-01 | line 4: 'XX'",
            "ON,Books,GST/HST,taxable,2020-01-01 | line 4: 'Books'",
            "ON,books,HST,taxable,2020-01-01 | line 4: 'HST' is not one of",
            "ON,books,GST/HST,free,2020-01-01 | line 4: 'free'",
            "*,books,PST,exempt,2020-01-01 | line 4: PST rows must name their province",
            "*,books,GST/HST,provincial-part-rebated,2020-01-01 | line 4: provincial-part-rebated",
            "BC,books,PST,provincial-part-rebated,2020-01-01 | line 4: provincial-part-rebated",
            "BC,books,PST,zero-rated,2020-01-01 | line 4: the PST has no zero rate",
            "ON,books,GST/HST,taxable,2020-13-01 | line 4: '2020-13-01'"
    })
    void malformedTaxabilityRowsAreRefusedWithTheLineNamed(String row, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table(MINIMAL_RATES, MINIMAL_TAXABILITY + row + "\n"));
        String line = expected.substring(0, expected.indexOf(':'));
        assertTrue(e.getMessage().startsWith("taxability.csv " + line)
                && e.getMessage().contains(expected.substring(expected.indexOf(':') + 2)), e.getMessage());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "CA-ON,PST,8,2020-01-01,PST | | ON has both an HST and a provincial sales tax",
            "CA,GST,5,2020-01-01,GST | | a second CA GST rate from 2020-01-01",
            " | ON,standard,PST,taxable,2020-01-01 | ON levies no PST",
            " | BC,standard,QST,taxable,2020-01-01 | BC levies no QST",
            " | BC,books,GST/HST,provincial-part-rebated,2020-01-01 | BC has no HST",
            " | BC,standard,PST,exempt,2020-01-01 | a second PST treatment of standard in BC from 2020-01-01"
    })
    void inconsistentDataIsRefused(String rate, String taxability, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table(
                MINIMAL_RATES + (rate == null ? "" : rate + "\n"),
                MINIMAL_TAXABILITY + (taxability == null ? "" : taxability + "\n")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void wrongHeadersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaxTable.read(new StringReader("jurisdiction,tax,rate,from,name\n"), "rates.csv",
                        new StringReader(TAXABILITY_HEADER), "taxability.csv"));
        assertTrue(e.getMessage().startsWith("rates.csv: expected the columns"), e.getMessage());
        IllegalArgumentException noGst = assertThrows(IllegalArgumentException.class, () -> table("", ""));
        assertTrue(noGst.getMessage().contains("no GST"), noGst.getMessage());
    }
}
