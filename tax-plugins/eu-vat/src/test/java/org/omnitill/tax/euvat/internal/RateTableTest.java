package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;

class RateTableTest {

    private static final String HEADER = "country,category,rate_percent,effective_from,label\n";

    private final RateTable bundled = RateTable.bundled();

    @Test
    void bundledDataCoversTheMemberStates() {
        assertEquals(MemberStates.ALL, bundled.countries());
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}% ({4})")
    @CsvSource({
            "DE, standard, 2007-01-01, 19, MwSt 19%",
            "DE, standard, 2020-06-30, 19, MwSt 19%",
            "DE, standard, 2020-07-01, 16, MwSt 16%",
            "DE, standard, 2020-12-31, 16, MwSt 16%",
            "DE, standard, 2021-01-01, 19, MwSt 19%",
            "DE, reduced, 2020-06-30, 7, MwSt 7%",
            "DE, reduced, 2020-07-01, 5, MwSt 5%",
            "DE, reduced, 2021-01-01, 7, MwSt 7%",
            "DE, zero, 2023-01-01, 0, MwSt 0%",
            "DE, exempt, 2015-03-01, 0, steuerfrei",
            "AT, standard, 2024-01-01, 20, USt 20%",
            "AT, reduced, 2024-01-01, 10, USt 10%",
            "AT, reduced-2, 2016-01-01, 13, USt 13%",
            "NL, standard, 2012-10-01, 21, BTW 21%",
            "NL, reduced, 2018-12-31, 6, BTW 6%",
            "NL, reduced, 2019-01-01, 9, BTW 9%",
            "NL, zero, 2024-06-01, 0, BTW 0%",
            "FR, standard, 2014-01-01, 20, TVA 20%",
            "FR, reduced, 2025-01-01, 5.5, 'TVA 5,5%'",
            "FR, reduced-2, 2025-01-01, 10, TVA 10%",
            "FR, super-reduced, 2025-01-01, 2.1, 'TVA 2,1%'",
            "FR, exempt, 2025-01-01, 0, exonéré de TVA"
    })
    void rateInForceOnADate(String country, String category, String date, String percent, String label) {
        VatRate rate = bundled.rateOn(country, category, LocalDate.parse(date));
        assertEquals(0, new BigDecimal(percent).compareTo(rate.percent()), () -> "rate " + rate);
        assertEquals(label, rate.label());
    }

    @Test
    void codesNameCountryAndCategory() {
        assertEquals("DE-VAT-STANDARD", bundled.rateOn("DE", "standard", LocalDate.of(2024, 1, 1)).code());
        assertEquals("AT-VAT-REDUCED-2", bundled.rateOn("AT", "reduced-2", LocalDate.of(2024, 1, 1)).code());
        assertEquals("FR-VAT-SUPER-REDUCED", bundled.rateOn("FR", "super-reduced", LocalDate.of(2024, 1, 1)).code());
        assertEquals("NL-VAT-EXEMPT", bundled.rateOn("NL", "exempt", LocalDate.of(2024, 1, 1)).code());
    }

    @Test
    void unknownCategoryIsUnprocessable() {
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> bundled.rateOn("AT", "super-reduced", LocalDate.of(2024, 1, 1)));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertEquals("tax_category_unknown", e.code());
        assertTrue(e.getMessage().contains("super-reduced") && e.getMessage().contains("AT"), e.getMessage());
        assertEquals("tax_category_unknown",
                assertThrows(OmnitillException.class, () -> bundled.rateOn("DE", null, LocalDate.of(2024, 1, 1))).code());
    }

    @Test
    void dateBeforeTheFirstRateIsUnprocessable() {
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> bundled.rateOn("DE", "standard", LocalDate.of(2006, 12, 31)));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertEquals("tax_rate_not_in_force", e.code());
        assertTrue(e.getMessage().contains("2007-01-01"), e.getMessage());
        // Germany's zero rate exists only from 2023.
        assertEquals("tax_rate_not_in_force",
                assertThrows(OmnitillException.class, () -> bundled.rateOn("DE", "zero", LocalDate.of(2022, 12, 31)))
                        .code());
    }

    @Test
    void unknownCountryIsUnprocessable() {
        assertEquals("tax_jurisdiction_unknown",
                assertThrows(OmnitillException.class, () -> bundled.rateOn("US", "standard", LocalDate.of(2024, 1, 1)))
                        .code());
    }

    @Test
    void readsCommentsQuotesAndSpaces() throws IOException {
        RateTable table = RateTable.read(new StringReader("# a comment\n" + HEADER
                + "\n# another\nBE, standard , 21, 1996-01-01, \"BTW 21%\"\nBE,reduced,6,1996-01-01,\"TVA 6,0%\"\n"),
                "test.csv");
        assertEquals(Set.of("BE"), table.countries());
        assertEquals("TVA 6,0%", table.rateOn("BE", "reduced", LocalDate.of(2000, 1, 1)).label());
        assertEquals(0, BigDecimal.valueOf(21).compareTo(table.rateOn("BE", "standard", LocalDate.of(2000, 1, 1)).percent()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "DE,standard,19,2007-01-01,MwSt 19%\\nDE,standard,19,2007-01-01,again | line 3: a second DE-VAT-STANDARD",
            "de,standard,19,2007-01-01,MwSt 19% | line 2: 'de'",
            "DE,Standard,19,2007-01-01,MwSt 19% | line 2: 'Standard'",
            "DE,standard,19%,2007-01-01,MwSt 19% | line 2: '19%'",
            "DE,standard,0,2007-01-01,MwSt 0% | line 2: rate 0",
            "DE,standard,100,2007-01-01,MwSt 100% | line 2: rate 100",
            "DE,exempt,7,2007-01-01,frei | line 2: rate 7",
            "DE,standard,19,01.01.2007,MwSt 19% | line 2: '01.01.2007'",
            "DE,standard,19,2007-01-01, | line 2: the label is empty",
            "DE,standard,19,2007-01-01 | line 2: expected 5 columns"
    })
    void malformedRowsAreRefusedWithTheLineNamed(String rows, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateTable.read(new StringReader(HEADER + rows.replace("\\n", "\n") + "\n"), "test.csv"));
        assertTrue(e.getMessage().startsWith("test.csv " + expected.substring(0, expected.indexOf(':')))
                && e.getMessage().contains(expected.substring(expected.indexOf(':') + 2)), e.getMessage());
    }

    @Test
    void wrongHeaderIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateTable.read(new StringReader("country,category,rate,from,label\n"), "test.csv"));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }
}
