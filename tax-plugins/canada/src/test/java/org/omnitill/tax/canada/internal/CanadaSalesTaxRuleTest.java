package org.omnitill.tax.canada.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.tax.canada.internal.CanadaFixtures.at;
import static org.omnitill.tax.canada.internal.CanadaFixtures.cad;
import static org.omnitill.tax.canada.internal.CanadaFixtures.line;
import static org.omnitill.tax.canada.internal.CanadaFixtures.request;
import static org.omnitill.tax.canada.internal.CanadaFixtures.rule;
import static org.omnitill.tax.canada.internal.CanadaFixtures.sale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

class CanadaSalesTaxRuleTest {

    private final CanadaSalesTaxRule canada = rule();

    /** The taxes of one line, in the order the rule lists them (GST or HST first). */
    private static List<LineTax> of(TaxCalculation result, String lineId) {
        return result.lineTaxes().stream().filter(t -> t.lineId().equals(lineId)).toList();
    }

    /**
     * @param code the component code; its jurisdiction is {@code CA} for the GST, else the
     *        {@code CA-XX} it starts with
     */
    private static void assertTax(LineTax actual, String code, String name, String rate, String net, String tax) {
        TaxComponent component = actual.component();
        assertEquals(code, component.code(), () -> "component of line " + actual.lineId());
        assertEquals(code.startsWith("CA-GST") ? "CA" : code.substring(0, 5), component.jurisdiction());
        assertEquals(name, component.name());
        assertEquals(0, new BigDecimal(rate).compareTo(component.rate()), () -> "rate " + component.rate());
        assertEquals(cad(net), actual.taxableAmount(), () -> "net of line " + actual.lineId());
        assertEquals(cad(tax), actual.tax(), () -> code + " tax of line " + actual.lineId());
    }

    private static OmnitillException refused(Runnable call) {
        return assertThrows(OmnitillException.class, call::run);
    }

    // ------------------------------------------------------------------------- golden vectors

    /**
     * Revenu Québec, "Calculating the Taxes" (revenuquebec.ca, Businesses > Consumption taxes > GST/HST
     * and QST > Collecting GST and QST): "You sell a taxable good for $100": GST ($100 x 5%) $5.00,
     * QST ($100 x 9.975%) $9.98, total $114.98 — the QST on the price excluding the GST since
     * January 1, 2013.
     */
    @Test
    void revenuQuebecGstAndQstOnASale() {
        TaxCalculation result = canada.calculate(sale("QC", "2024-05-02", line("1", "standard", "100.00")));
        assertEquals(2, result.lineTaxes().size());
        assertTax(result.lineTaxes().get(0), "CA-GST", "GST 5%", "5", "100.00", "5.00");
        assertTax(result.lineTaxes().get(1), "CA-QC-QST", "QST 9.975%", "9.975", "100.00", "9.98");
    }

    /**
     * Revenu Québec, "Calculating the Taxes": only fractions of $0.005 or more count as a whole cent,
     * and with several goods the taxes may be computed on the total price before rounding. Three
     * goods of $0.10: GST 0.30 x 5% = 0.015 -> 0.02 (not 3 x 0.01), QST 0.30 x 9.975% = 0.029925 ->
     * 0.03; the cents go to the lines by largest remainder (ties to the earlier line).
     */
    @Test
    void revenuQuebecRoundsTheTotalOfSeveralGoods() {
        TaxCalculation result = canada.calculate(sale("QC", "2024-05-02",
                line("a", "standard", "0.10"), line("b", "standard", "0.10"), line("c", "standard", "0.10")));
        assertTax(of(result, "a").get(0), "CA-GST", "GST 5%", "5", "0.10", "0.01");
        assertTax(of(result, "b").get(0), "CA-GST", "GST 5%", "5", "0.10", "0.01");
        assertTax(of(result, "c").get(0), "CA-GST", "GST 5%", "5", "0.10", "0.00");
        for (String id : List.of("a", "b", "c")) {
            assertTax(of(result, id).get(1), "CA-QC-QST", "QST 9.975%", "9.975", "0.10", "0.01");
        }
    }

    /**
     * Canada Revenue Agency, "Charge and collect the tax – Which rate to charge" (canada.ca): "your
     * store in Vancouver, B.C. delivers a mattress to your customer in Toronto, Ontario. You charge 13%
     * HST on the sale because the place of supply is Ontario." No GST and no B.C. PST. The price is
     * ours: 899.00 x 13% = 116.87.
     */
    @Test
    void craPlaceOfSupplyShippedFromVancouverToToronto() {
        TaxRequest shipped = request(new TaxAddress("CA", "BC", "V6B 1A1", "Vancouver"),
                new TaxAddress("CA", "ON", "M5V 2T6", "Toronto"), "2024-05-02", null, line("mattress", "standard", "899.00"));
        TaxCalculation result = canada.calculate(shipped);
        assertEquals(1, result.lineTaxes().size());
        assertTax(result.lineTaxes().get(0), "CA-ON-HST", "HST 13%", "13", "899.00", "116.87");
    }

    /**
     * CRA GST/HST Info Sheet GI-065, "Point-of-Sale Rebate on Books", invoicing example: price of
     * book $40.00, HST, less the rebate of the provincial part, total amount due $42.00 — only the 5%
     * federal part is paid. Shown, as GI-065 allows, as HST at the net rate of 5%.
     */
    @Test
    void craBookRebateInvoiceExample() {
        TaxCalculation result = canada.calculate(sale("ON", "2024-05-02", line("book", "books", "40.00")));
        assertTax(result.lineTaxes().get(0), "CA-ON-HST-POS-REBATE", "HST 5% (provincial part rebated)", "5",
                "40.00", "2.00");
    }

    /**
     * CRA "Which rate to charge": "If provincial sales tax (PST) is charged in the place of supply,
     * calculate the GST on the price without the PST"; Manitoba Finance Bulletin No. 030: the RST "is
     * calculated on the selling price, before the Goods and Services Tax (GST) is applied". So $100
     * bears GST 5.00 and PST/RST 7.00, neither on the other.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"BC, CA-BC-PST, PST 7%", "MB, CA-MB-RST, RST 7%"})
    void gstAndPstAreBothOnTheNetPrice(String province, String code, String name) {
        List<LineTax> taxes = canada.calculate(sale(province, "2024-05-02", line("1", "standard", "100.00"))).lineTaxes();
        assertEquals(2, taxes.size());
        assertTax(taxes.get(0), "CA-GST", "GST 5%", "5", "100.00", "5.00");
        assertTax(taxes.get(1), code, name, "7", "100.00", "7.00");
    }

    /**
     * Nova Scotia's HST fell from 15% to 14% on April 1, 2025 (SOR/2025-77, s. 33.6: provincial part
     * 9%; Nova Scotia Finance and Treasury Board, "Transitional Rules for the April 1, 2025 Nova
     * Scotia HST Rate Decrease": payable before April 1, 15%; after, 14%). The book rebate still
     * leaves the 5% federal part.
     */
    @Test
    void novaScotiaHstDecreaseOnApril1st2025() {
        assertTax(canada.calculate(sale("NS", "2025-03-31", line("1", "standard", "100.00"))).lineTaxes().get(0),
                "CA-NS-HST", "HST 15%", "15", "100.00", "15.00");
        assertTax(canada.calculate(sale("NS", "2025-04-01", line("1", "standard", "100.00"))).lineTaxes().get(0),
                "CA-NS-HST", "HST 14%", "14", "100.00", "14.00");
        assertTax(canada.calculate(sale("NS", "2025-04-01", line("1", "books", "100.00"))).lineTaxes().get(0),
                "CA-NS-HST-POS-REBATE", "HST 5% (provincial part rebated)", "5", "100.00", "5.00");
    }

    // -------------------------------------------------------------- dated changes of rates

    @ParameterizedTest(name = "{0} on {1}: {3}")
    @CsvSource({
            "NB, 2016-06-30, CA-NB-HST, HST 13%, 13",
            "NB, 2016-07-01, CA-NB-HST, HST 15%, 15",
            "NL, 2016-06-30, CA-NL-HST, HST 13%, 13",
            "NL, 2016-07-01, CA-NL-HST, HST 15%, 15",
            "PE, 2013-04-01, CA-PE-HST, HST 14%, 14",
            "PE, 2016-09-30, CA-PE-HST, HST 14%, 14",
            "PE, 2016-10-01, CA-PE-HST, HST 15%, 15",
            "ON, 2013-04-01, CA-ON-HST, HST 13%, 13",
            "MB, 2013-06-30, CA-MB-RST, RST 7%, 7",
            "MB, 2013-07-01, CA-MB-RST, RST 8%, 8",
            "MB, 2019-06-30, CA-MB-RST, RST 8%, 8",
            "MB, 2019-07-01, CA-MB-RST, RST 7%, 7",
            "SK, 2017-03-22, CA-SK-PST, PST 5%, 5",
            "SK, 2017-03-23, CA-SK-PST, PST 6%, 6",
            "QC, 2013-04-01, CA-QC-QST, QST 9.975%, 9.975"
    })
    void theRateInForceOnTheSaleDateApplies(String province, String date, String code, String name, String rate) {
        List<LineTax> taxes = canada.calculate(sale(province, date, line("1", "standard", "200.00"))).lineTaxes();
        LineTax last = taxes.get(taxes.size() - 1);
        String tax = new BigDecimal("200.00").multiply(new BigDecimal(rate)).movePointLeft(2)
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        assertTax(last, code, name, rate, "200.00", tax);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AB", "YT", "NT", "NU"})
    void provincesWithoutASalesTaxOfTheirOwnLevyTheGstOnly(String province) {
        List<LineTax> taxes = canada.calculate(sale(province, "2024-05-02", line("1", "standard", "19.99"))).lineTaxes();
        assertEquals(1, taxes.size());
        assertTax(taxes.get(0), "CA-GST", "GST 5%", "5", "19.99", "1.00");
    }

    // ----------------------------------------------------------------------------- categories

    @Test
    void basicGroceriesAreZeroRatedAndFreeOfProvincialTax() {
        assertTax(canada.calculate(sale("ON", "2024-05-02", line("1", "basic-grocery", "4.29"))).lineTaxes().get(0),
                "CA-ON-HST-ZERO-RATED", "HST 0% (zero-rated)", "0", "4.29", "0.00");
        List<LineTax> qc = canada.calculate(sale("QC", "2024-05-02", line("1", "basic-grocery", "4.29"))).lineTaxes();
        assertTax(qc.get(0), "CA-GST-ZERO-RATED", "GST 0% (zero-rated)", "0", "4.29", "0.00");
        assertTax(qc.get(1), "CA-QC-QST-ZERO-RATED", "QST 0% (zero-rated)", "0", "4.29", "0.00");
        List<LineTax> mb = canada.calculate(sale("MB", "2024-05-02", line("1", "basic-grocery", "4.29"))).lineTaxes();
        assertTax(mb.get(0), "CA-GST-ZERO-RATED", "GST 0% (zero-rated)", "0", "4.29", "0.00");
        assertTax(mb.get(1), "CA-MB-RST-EXEMPT", "RST exempt", "0", "4.29", "0.00");
    }

    @Test
    void booksAcrossTheProvinces() {
        // Quebec zero-rates printed books for the QST but the GST applies (Revenu Québec, "Printed Books").
        List<LineTax> qc = canada.calculate(sale("QC", "2024-05-02", line("1", "books", "25.00"))).lineTaxes();
        assertTax(qc.get(0), "CA-GST", "GST 5%", "5", "25.00", "1.25");
        assertTax(qc.get(1), "CA-QC-QST-ZERO-RATED", "QST 0% (zero-rated)", "0", "25.00", "0.00");
        // B.C. exempts books from the PST (gov.bc.ca, "PST exemptions").
        List<LineTax> bc = canada.calculate(sale("BC", "2024-05-02", line("1", "books", "25.00"))).lineTaxes();
        assertTax(bc.get(0), "CA-GST", "GST 5%", "5", "25.00", "1.25");
        assertTax(bc.get(1), "CA-BC-PST-EXEMPT", "PST exempt", "0", "25.00", "0.00");
        // Every HST province rebates the provincial part on books (GI-065).
        for (String province : List.of("ON", "NS", "NB", "NL", "PE")) {
            assertTax(canada.calculate(sale(province, "2024-05-02", line("1", "books", "25.00"))).lineTaxes().get(0),
                    "CA-" + province + "-HST-POS-REBATE", "HST 5% (provincial part rebated)", "5", "25.00", "1.25");
        }
    }

    /**
     * Newfoundland and Labrador discontinued its point-of-sale book rebate on January 1, 2017 and
     * reinstated it on January 1, 2018 (NL Department of Finance, "Reinstatement of the General HST
     * Point-of-Sale Book Rebate in Newfoundland and Labrador").
     */
    @Test
    void newfoundlandBookRebateGapIn2017() {
        assertEquals("CA-NL-HST-POS-REBATE", taxOn("NL", "2016-12-31", "books").component().code());
        assertTax(taxOn("NL", "2017-01-01", "books"), "CA-NL-HST", "HST 15%", "15", "10.00", "1.50");
        assertTax(taxOn("NL", "2017-12-31", "books"), "CA-NL-HST", "HST 15%", "15", "10.00", "1.50");
        assertTax(taxOn("NL", "2018-01-01", "books"), "CA-NL-HST-POS-REBATE", "HST 5% (provincial part rebated)", "5",
                "10.00", "0.50");
    }

    /** CRA GI-063: Ontario, Nova Scotia and P.E.I. rebate the provincial part on children's clothing; N.B. and N.L. do not. */
    @Test
    void childrensClothingInTheHstProvinces() {
        for (String province : List.of("ON", "NS", "PE")) {
            assertEquals("CA-" + province + "-HST-POS-REBATE",
                    taxOn(province, "2024-05-02", "childrens-clothing").component().code());
        }
        assertTax(taxOn("NB", "2024-05-02", "childrens-clothing"), "CA-NB-HST", "HST 15%", "15", "10.00", "1.50");
        assertTax(taxOn("NL", "2024-05-02", "childrens-clothing"), "CA-NL-HST", "HST 15%", "15", "10.00", "1.50");
    }

    /**
     * Saskatchewan ended its PST exemption for children's clothing on April 1, 2017 (information notice
     * IN 2017-06); Quebec never had one for the QST; B.C. and Manitoba exempt it.
     */
    @Test
    void childrensClothingAndTheProvincialTaxes() {
        assertTax(canada.calculate(sale("SK", "2017-03-31", line("1", "childrens-clothing", "10.00"))).lineTaxes()
                .get(1), "CA-SK-PST-EXEMPT", "PST exempt", "0", "10.00", "0.00");
        assertTax(canada.calculate(sale("SK", "2017-04-01", line("1", "childrens-clothing", "10.00"))).lineTaxes()
                .get(1), "CA-SK-PST", "PST 6%", "6", "10.00", "0.60");
        assertTax(canada.calculate(sale("QC", "2024-05-02", line("1", "childrens-clothing", "10.00"))).lineTaxes()
                .get(1), "CA-QC-QST", "QST 9.975%", "9.975", "10.00", "1.00");
        assertTax(canada.calculate(sale("BC", "2024-05-02", line("1", "childrens-clothing", "10.00"))).lineTaxes()
                .get(1), "CA-BC-PST-EXEMPT", "PST exempt", "0", "10.00", "0.00");
        assertTax(canada.calculate(sale("MB", "2024-05-02", line("1", "childrens-clothing", "10.00"))).lineTaxes()
                .get(1), "CA-MB-RST-EXEMPT", "RST exempt", "0", "10.00", "0.00");
    }

    /**
     * The GST/HST holiday (Tax Break for All Canadians Act, 2024) zero-rated printed books and
     * children's clothing from December 14, 2024 to February 15, 2025, the whole HST included, while
     * the provincial sales taxes stayed as they were.
     */
    @Test
    void gstHstHolidayZeroRatesBooksAndChildrensClothing() {
        assertEquals("CA-ON-HST-POS-REBATE", taxOn("ON", "2024-12-13", "books").component().code());
        assertTax(taxOn("ON", "2024-12-14", "books"), "CA-ON-HST-ZERO-RATED", "HST 0% (zero-rated)", "0", "10.00", "0.00");
        assertTax(taxOn("NB", "2025-02-15", "childrens-clothing"), "CA-NB-HST-ZERO-RATED", "HST 0% (zero-rated)", "0",
                "10.00", "0.00");
        assertEquals("CA-ON-HST-POS-REBATE", taxOn("ON", "2025-02-16", "books").component().code());
        assertEquals("CA-NB-HST", taxOn("NB", "2025-02-16", "childrens-clothing").component().code());
        assertTax(taxOn("AB", "2025-01-10", "childrens-clothing"), "CA-GST-ZERO-RATED", "GST 0% (zero-rated)", "0",
                "10.00", "0.00");
        assertTax(taxOn("AB", "2025-02-16", "books"), "CA-GST", "GST 5%", "5", "10.00", "0.50");

        List<LineTax> qc = canada.calculate(sale("QC", "2025-01-10", line("1", "childrens-clothing", "10.00"))).lineTaxes();
        assertTax(qc.get(0), "CA-GST-ZERO-RATED", "GST 0% (zero-rated)", "0", "10.00", "0.00");
        assertTax(qc.get(1), "CA-QC-QST", "QST 9.975%", "9.975", "10.00", "1.00");
    }

    @Test
    void exemptAndZeroRatedLinesHaveZeroComponentsOfTheirOwn() {
        List<LineTax> exempt = canada.calculate(sale("BC", "2024-05-02", line("1", "exempt", "80.00"))).lineTaxes();
        assertTax(exempt.get(0), "CA-GST-EXEMPT", "GST exempt", "0", "80.00", "0.00");
        assertTax(exempt.get(1), "CA-BC-PST-EXEMPT", "PST exempt", "0", "80.00", "0.00");
        List<LineTax> zero = canada.calculate(sale("QC", "2024-05-02", line("1", "zero-rated", "80.00"))).lineTaxes();
        assertTax(zero.get(0), "CA-GST-ZERO-RATED", "GST 0% (zero-rated)", "0", "80.00", "0.00");
        assertTax(zero.get(1), "CA-QC-QST-ZERO-RATED", "QST 0% (zero-rated)", "0", "80.00", "0.00");
        assertTax(canada.calculate(sale("ON", "2024-05-02", line("1", "exempt", "80.00"))).lineTaxes().get(0),
                "CA-ON-HST-EXEMPT", "HST exempt", "0", "80.00", "0.00");
    }

    // ----------------------------------------------------------------------- a whole basket

    /**
     * Each component rounds once for the document: the two lines at the rebated 5% (12.50 and 24.99)
     * bear 37.49 x 5% = 1.8745 -> 1.87 together, shared 0.62 / 1.25 by largest remainder (rounding
     * each line alone would give 0.63 + 1.25 = 1.88).
     */
    @Test
    void ontarioBasketListsEveryLineAndRoundsEachComponentOnce() {
        TaxCalculation result = canada.calculate(sale("ON", "2024-05-02", line("mug", "standard", "19.99"),
                line("novel", "books", "12.50"), line("bread", "basic-grocery", "4.29"),
                line("mittens", "childrens-clothing", "24.99")));
        assertEquals(List.of("mug", "novel", "bread", "mittens"),
                result.lineTaxes().stream().map(LineTax::lineId).toList());
        assertTax(of(result, "mug").get(0), "CA-ON-HST", "HST 13%", "13", "19.99", "2.60");
        assertTax(of(result, "novel").get(0), "CA-ON-HST-POS-REBATE", "HST 5% (provincial part rebated)", "5",
                "12.50", "0.62");
        assertTax(of(result, "bread").get(0), "CA-ON-HST-ZERO-RATED", "HST 0% (zero-rated)", "0", "4.29", "0.00");
        assertTax(of(result, "mittens").get(0), "CA-ON-HST-POS-REBATE", "HST 5% (provincial part rebated)", "5",
                "24.99", "1.25");
    }

    @Test
    void everyLineListsItsFederalTaxBeforeItsProvincialTax() {
        TaxCalculation result = canada.calculate(sale("BC", "2024-05-02", line("lamp", "standard", "45.00"),
                line("apples", "basic-grocery", "3.50")));
        assertEquals(List.of("CA-GST", "CA-BC-PST", "CA-GST-ZERO-RATED", "CA-BC-PST-EXEMPT"),
                result.lineTaxes().stream().map(t -> t.component().code()).toList());
        assertEquals(List.of("lamp", "lamp", "apples", "apples"), result.lineTaxes().stream().map(LineTax::lineId).toList());
    }

    @Test
    void aReturnLineCarriesItsOwnNegativeTax() {
        TaxCalculation result = canada.calculate(sale("BC", "2024-05-02", line("sold", "standard", "100.00"),
                line("returned", "standard", "-100.00")));
        assertTax(of(result, "sold").get(0), "CA-GST", "GST 5%", "5", "100.00", "5.00");
        assertTax(of(result, "sold").get(1), "CA-BC-PST", "PST 7%", "7", "100.00", "7.00");
        assertTax(of(result, "returned").get(0), "CA-GST", "GST 5%", "5", "-100.00", "-5.00");
        assertTax(of(result, "returned").get(1), "CA-BC-PST", "PST 7%", "7", "-100.00", "-7.00");
    }

    @Test
    void emptyBasketHasNoTaxes() {
        assertTrue(canada.calculate(sale("QC", "2024-05-02")).lineTaxes().isEmpty());
    }

    @Test
    void categoryAndRegionCodesAreReadLeniently() {
        TaxRequest request = request(new TaxAddress("ca", " ca-on ", null, null), null, "2024-05-02", null,
                line("1", " Standard ", "1.00"));
        assertTax(canada.calculate(request).lineTaxes().get(0), "CA-ON-HST", "HST 13%", "13", "1.00", "0.13");
    }

    // ------------------------------------------------------------------ exemption certificates

    @Test
    void aPstExemptionNumberExemptsTaxableLinesFromThatProvincesPstOnly() {
        TaxCalculation result = canada.calculate(request(at("BC"), null, "2024-05-02", "PST-BC:PST-1234-5678",
                line("tools", "standard", "100.00"), line("apples", "basic-grocery", "10.00")));
        assertTax(of(result, "tools").get(0), "CA-GST", "GST 5%", "5", "100.00", "5.00");
        assertTax(of(result, "tools").get(1), "CA-BC-PST-CERTIFICATE", "PST exempt (exemption certificate)", "0",
                "100.00", "0.00");
        assertTax(of(result, "apples").get(1), "CA-BC-PST-EXEMPT", "PST exempt", "0", "10.00", "0.00");

        TaxCalculation manitoba = canada.calculate(request(at("MB"), null, "2024-05-02", " pst-mb : 123456-7 ",
                line("1", "standard", "100.00")));
        assertTax(manitoba.lineTaxes().get(1), "CA-MB-RST-CERTIFICATE", "RST exempt (exemption certificate)", "0",
                "100.00", "0.00");
    }

    @Test
    void aBlankCertificateIsNoCertificate() {
        TaxCalculation result = canada.calculate(request(at("BC"), null, "2024-05-02", "  ", line("1", "standard", "10.00")));
        assertEquals("CA-BC-PST", result.lineTaxes().get(1).component().code());
    }

    @Test
    void aPstNumberOfAnotherProvinceOrWithoutPstIsNotApplicable() {
        for (String[] sale : new String[][] {{"MB", "PST-BC:1234"}, {"ON", "PST-ON:1234"}, {"AB", "PST-AB:1"}}) {
            OmnitillException e = refused(() -> canada.calculate(
                    request(at(sale[0]), null, "2024-05-02", sale[1], line("1", "standard", "10.00"))));
            assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
            assertEquals("tax_exemption_not_applicable", e.code(), e.getMessage());
        }
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0123456789", "QST:1234567890TQ0001", "GST:123456789RT0001", "PST-BC:", "PST-B:1"})
    void otherCertificatesAreNotSupported(String certificate) {
        OmnitillException e = refused(() -> canada.calculate(
                request(at("BC"), null, "2024-05-02", certificate, line("1", "standard", "10.00"))));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertEquals("tax_exemption_not_supported", e.code());
        if (!certificate.startsWith("PST")) {
            assertFalse(e.getMessage().contains(certificate), "the certificate is not echoed");
        }
    }

    // -------------------------------------------------------------------------- shipments

    @Test
    void shipmentsBearTheDestinationsTaxesAndProvincialTaxOnlyWhereConfigured() {
        TaxRequest torontoToVancouver = request(new TaxAddress("CA", "ON", "M5V 2T6", "Toronto"),
                new TaxAddress("CA", "BC", "V6B 1A1", "Vancouver"), "2024-05-02", null, line("1", "standard", "100.00"));
        List<LineTax> all = canada.calculate(torontoToVancouver).lineTaxes();
        assertEquals(List.of("CA-GST", "CA-BC-PST"), all.stream().map(t -> t.component().code()).toList());

        CanadaSalesTaxRule notRegistered = new CanadaSalesTaxRule(CanadaFixtures.TABLE, CanadaFixtures.config("*", ""));
        List<LineTax> gstOnly = notRegistered.calculate(torontoToVancouver).lineTaxes();
        assertEquals(1, gstOnly.size());
        assertTax(gstOnly.get(0), "CA-GST", "GST 5%", "5", "100.00", "5.00");

        // Within the province, and over the counter, the PST is always charged.
        TaxRequest withinBc = request(new TaxAddress("CA", "BC", null, "Victoria"),
                new TaxAddress("CA", "BC", null, "Kelowna"), "2024-05-02", null, line("1", "standard", "100.00"));
        assertEquals(2, notRegistered.calculate(withinBc).lineTaxes().size());
        assertEquals(2, notRegistered.calculate(sale("BC", "2024-05-02", line("1", "standard", "1.00"))).lineTaxes().size());

        CanadaSalesTaxRule quebecOnly = new CanadaSalesTaxRule(CanadaFixtures.TABLE, CanadaFixtures.config("*", "qc"));
        assertEquals(1, quebecOnly.calculate(torontoToVancouver).lineTaxes().size());
    }

    // ----------------------------------------------------------------------------- errors

    @Test
    void pricesIncludingTaxAreRefused() {
        TaxRequest inclusive = new TaxRequest(at("ON"), null, "register", LocalDate.of(2024, 5, 2),
                Money.currency("CAD"), true, List.of(line("1", "standard", "11.30")), null);
        OmnitillException e = refused(() -> canada.calculate(inclusive));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertEquals("tax_inclusive_prices_not_supported", e.code());
    }

    @Test
    void unknownCategoryIsUnprocessable() {
        OmnitillException e = refused(() -> canada.calculate(
                sale("ON", "2024-05-02", line("1", "standard", "1.00"), line("2", "reduced", "1.00"))));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertEquals("tax_category_unknown", e.code());
        assertTrue(e.getMessage().contains("reduced") && e.getMessage().contains("basic-grocery"), e.getMessage());
        assertEquals("tax_category_unknown",
                refused(() -> canada.calculate(sale("ON", "2024-05-02", line("1", null, "1.00")))).code());
    }

    @Test
    void saleBeforeTheDataIsUnprocessable() {
        OmnitillException e = refused(() -> canada.calculate(sale("AB", "2013-03-31", line("1", "standard", "1.00"))));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertEquals("tax_rate_not_in_force", e.code());
        assertTrue(e.getMessage().contains("2013-04-01"), e.getMessage());
    }

    @Test
    void lineInAnotherCurrencyIsRefused() {
        TaxRequest request = new TaxRequest(at("ON"), null, "register", LocalDate.of(2024, 5, 2), Money.currency("CAD"),
                false, List.of(new TaxableLine("1", "sku", "standard", Money.of("1.00", "USD"))), null);
        assertEquals("tax_currency_mismatch", refused(() -> canada.calculate(request)).code());
    }

    @Test
    void incompleteRequestIsInvalid() {
        TaxRequest undated = new TaxRequest(at("ON"), null, "register", null, Money.currency("CAD"), false,
                List.of(line("1", "standard", "1.00")), null);
        OmnitillException e = refused(() -> canada.calculate(undated));
        assertEquals(ErrorKind.INVALID, e.kind());
        assertEquals("tax_request_incomplete", e.code());
    }

    @Test
    void addressesOutsideTheCoveredProvincesAreNotCovered() {
        for (TaxAddress address : new TaxAddress[] {TaxAddress.country("CA"), new TaxAddress("US", "WA", null, null),
                new TaxAddress("CA", "XX", null, null), new TaxAddress(null, "ON", null, null)}) {
            assertFalse(canada.covers(address), address::toString);
            OmnitillException e = refused(() -> canada.calculate(
                    request(address, null, "2024-05-02", null, line("1", "standard", "1.00"))));
            assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
            assertEquals("tax_jurisdiction_not_covered", e.code());
        }
        assertFalse(canada.covers(null));
    }

    // ----------------------------------------------------------------------- configuration

    @Test
    void coversAllThirteenProvincesAndTerritoriesByDefault() {
        assertEquals(Provinces.ALL, canada.coveredProvinces());
        for (String province : Provinces.ALL) {
            assertTrue(canada.covers(at(province)), province);
        }
    }

    @Test
    void configuredProvincesLimitCoverage() {
        CanadaSalesTaxRule limited = new CanadaSalesTaxRule(CanadaFixtures.TABLE,
                CanadaFixtures.config("ON, qc, XX", "*"));
        assertEquals(Set.of("ON", "QC"), limited.coveredProvinces());
        assertTrue(limited.covers(at("QC")));
        assertFalse(limited.covers(at("BC")));
        assertEquals("tax_jurisdiction_not_covered",
                refused(() -> limited.calculate(sale("BC", "2024-05-02", line("1", "standard", "1.00")))).code());

        limited.modified(CanadaFixtures.config("CA-BC", "*"));
        assertEquals(Set.of("BC"), limited.coveredProvinces());
        limited.modified(CanadaFixtures.config("*", "*"));
        assertEquals(13, limited.coveredProvinces().size());
    }

    private LineTax taxOn(String province, String date, String category) {
        return canada.calculate(sale(province, date, line("1", category, "10.00"))).lineTaxes().get(0);
    }
}
