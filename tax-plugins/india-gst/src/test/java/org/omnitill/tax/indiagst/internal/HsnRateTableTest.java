package org.omnitill.tax.indiagst.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.OmnitillException;

class HsnRateTableTest {

    private final HsnRateTable bundled = HsnRateTable.bundled();

    private RateRow row(String category, String date) {
        return bundled.rowFor(CategoryCode.parse(category), LocalDate.parse(date));
    }

    @Test
    void bundledDataHasTheGenericCategories() {
        assertEquals(Set.of("standard", "reduced", "exempt", "zero"), bundled.genericCategories());
    }

    @ParameterizedTest(name = "{0} on {1}: {2}% + cess {3}, {4}")
    @CsvSource({
            "standard,       2017-07-01, 18, 0,  TAXABLE",
            "reduced,        2025-09-22, 5,  0,  TAXABLE",
            "exempt,         2020-01-01, 0,  0,  EXEMPT",
            "zero,           2020-01-01, 0,  0,  NIL",
            "hsn:0401,       2025-10-01, 0,  0,  EXEMPT",
            "hsn:0405,       2025-09-21, 12, 0,  TAXABLE",
            "hsn:0405,       2025-09-22, 5,  0,  TAXABLE",
            "hsn:220210,     2017-07-01, 28, 12, TAXABLE",
            "hsn:220210,     2025-09-21, 28, 12, TAXABLE",
            "hsn:220210,     2025-09-22, 40, 0,  TAXABLE",
            "hsn:851712,     2020-03-31, 12, 0,  TAXABLE",
            "hsn:851712,     2020-04-01, 18, 0,  TAXABLE",
            "hsn:8517,       2018-01-01, 18, 0,  TAXABLE",
            "hsn:7108,       2025-09-22, 3,  0,  TAXABLE",
            "hsn:6109@999,   2025-09-21, 5,  0,  TAXABLE",
            "hsn:6109@1001,  2025-09-21, 12, 0,  TAXABLE",
            "hsn:6109@1001,  2025-09-22, 5,  0,  TAXABLE",
            "hsn:6109@2501,  2025-09-22, 18, 0,  TAXABLE",
            "hsn:8415,       2025-09-21, 28, 0,  TAXABLE",
            "hsn:8415,       2025-09-22, 18, 0,  TAXABLE"
    })
    void slabInForce(String category, String date, String rate, String cess, GstSlab.Treatment treatment) {
        GstSlab slab = row(category, date).slab();
        assertEquals(new BigDecimal(rate), slab.rate());
        assertEquals(new BigDecimal(cess), slab.cess());
        assertEquals(treatment, slab.treatment());
    }

    @Test
    void theLongestPrefixInForceWins() {
        assertEquals("hsn:851712", row("hsn:85171211", "2019-01-01").category());
        assertEquals("hsn:8517", row("hsn:85176290", "2019-01-01").category());
        HsnRateTable table = GstFixtures.rates("hsn:85,18,,,2017-07-01,chapter\n"
                + "hsn:8517,12,,,2019-01-01,heading from a later date\n");
        // before the heading's first row the chapter applies; after it the heading
        assertEquals("hsn:85", table.rowFor(CategoryCode.parse("hsn:851712"), LocalDate.of(2018, 6, 1)).category());
        assertEquals("hsn:8517", table.rowFor(CategoryCode.parse("hsn:851712"), LocalDate.of(2019, 6, 1)).category());
    }

    @Test
    void rowsNameTheirSource() {
        assertTrue(row("hsn:220210", "2025-09-22").description().contains("[R9]"));
        assertTrue(row("hsn:851712", "2020-04-01").description().contains("[A3]"));
        assertNull(row("hsn:8471", "2024-01-01").maxUnitValue());
    }

    @Test
    void errorsAreUnprocessableWithStableCodes() {
        assertEquals("tax_category_unknown", assertThrows(OmnitillException.class, () -> row("hsn:9701", "2024-01-01")).code());
        assertEquals("tax_category_unknown", assertThrows(OmnitillException.class, () -> row("luxury", "2024-01-01")).code());
        OmnitillException early = assertThrows(OmnitillException.class, () -> row("hsn:8517", "2017-06-30"));
        assertEquals("tax_rate_not_in_force", early.code());
        assertTrue(early.getMessage().contains("2017-07-01"), early.getMessage());
        OmnitillException banded = assertThrows(OmnitillException.class, () -> row("hsn:6109", "2024-01-01"));
        assertEquals("tax_unit_value_required", banded.code());
        assertTrue(banded.getMessage().contains("hsn:6109@"), banded.getMessage());
    }

    @Test
    void readsCommentsQuotesBlankCessAndBands() {
        HsnRateTable table = GstFixtures.rates("# comment\n\nhsn:64, 5 , , 1000, 2017-07-01, \"footwear, low\"\n"
                + "hsn:64,18,,,2017-07-01,footwear\nstandard,18,,,2017-07-01,std\n");
        assertEquals(0, new BigDecimal(5).compareTo(
                table.rowFor(CategoryCode.parse("hsn:6403@1000"), LocalDate.of(2020, 1, 1)).slab().rate()));
        assertEquals("footwear, low", table.rowFor(CategoryCode.parse("hsn:6403@1"), LocalDate.of(2020, 1, 1)).description());
        assertEquals(Set.of("standard"), table.genericCategories());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "hsn:85,18,,,2017-07-01,a\\nhsn:85,12,,,2017-07-01,b | line 3: a second row for hsn:85",
            "HSN:85,18,,,2017-07-01,a | line 2: 'HSN:85'",
            "hsn:8,18,,,2017-07-01,a | line 2: 'hsn:8'",
            "Standard,18,,,2017-07-01,a | line 2: 'Standard'",
            "hsn:85,18%,,,2017-07-01,a | line 2: rate_percent '18%'",
            "hsn:85,100,,,2017-07-01,a | line 2: rate_percent 100",
            "hsn:85,-1,,,2017-07-01,a | line 2: rate_percent -1",
            "standard,0,,,2017-07-01,a | line 2: rate 0 is out of range",
            "exempt,5,,,2017-07-01,a | line 2: rate 5 is out of range",
            "hsn:85,0,12,,2017-07-01,a | line 2: cess on an untaxed category",
            "standard,18,,1000,2017-07-01,a | line 2: only HSN rows",
            "hsn:85,18,,0,2017-07-01,a | line 2: max_unit_value must be positive",
            "hsn:85,18,,,01.07.2017,a | line 2: '01.07.2017'",
            "hsn:85,18,,,2017-07-01, | line 2: the description is empty",
            "hsn:85,18,,,2017-07-01 | line 2: expected 6 columns",
            "hsn:61,5,,1000,2017-07-01,a | test.csv: hsn:61 from 2017-07-01 has 0 rows without max_unit_value"
    })
    void malformedDataIsRefusedNamingTheLine(String rows, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GstFixtures.rates(rows.replace("\\n", "\n") + "\n"));
        String where = expected.substring(0, expected.indexOf(':'));
        String what = expected.substring(expected.indexOf(':') + 2);
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void wrongHeaderIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HsnRateTable.read(new StringReader("hsn,rate,from\n"), "test.csv"));
        assertTrue(e.getMessage().contains("columns"), e.getMessage());
    }
}
