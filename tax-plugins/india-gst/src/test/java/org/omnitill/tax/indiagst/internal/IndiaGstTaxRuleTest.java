package org.omnitill.tax.indiagst.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.tax.indiagst.internal.GstFixtures.counter;
import static org.omnitill.tax.indiagst.internal.GstFixtures.in;
import static org.omnitill.tax.indiagst.internal.GstFixtures.inr;
import static org.omnitill.tax.indiagst.internal.GstFixtures.line;
import static org.omnitill.tax.indiagst.internal.GstFixtures.request;
import static org.omnitill.tax.indiagst.internal.GstFixtures.rule;
import static org.omnitill.tax.indiagst.internal.GstFixtures.shipped;
import static org.omnitill.tax.indiagst.internal.GstFixtures.taxesOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

class IndiaGstTaxRuleTest {

    private final IndiaGstTaxRule gst = rule("*");

    private static void assertTax(LineTax actual, String lineId, String code, String jurisdiction, String name,
            String rate, String taxable, String tax) {
        assertEquals(lineId, actual.lineId());
        assertEquals(code, actual.component().code());
        assertEquals(jurisdiction, actual.component().jurisdiction(), "jurisdiction of " + code);
        assertEquals(name, actual.component().name());
        assertEquals(0, new BigDecimal(rate).compareTo(actual.component().rate()), () -> "rate " + actual.component());
        assertEquals(inr(taxable), actual.taxableAmount(), "taxable value of " + lineId);
        assertEquals(inr(tax), actual.tax(), code + " of " + lineId);
    }

    private static OmnitillException refused(String code, Executable call) {
        OmnitillException e = assertThrows(OmnitillException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    // ------------------------------------------------------------- golden vectors from CBIC sources

    /**
     * CBIC, "GST - Concept &amp; Status" (Central Board of Indirect Taxes and Customs), section on the
     * dual GST, Illustration I: "Suppose hypothetically that the rate of CGST is 10% and that of SGST
     * is 10%. When a wholesale dealer of steel in Uttar Pradesh supplies steel bars and rods to a
     * construction company which is also located within the same State for, say Rs. 100, the dealer
     * would charge CGST of Rs. 10 and SGST of Rs. 10 in addition to the basic price of the goods."
     * The hypothetical 20% rate is given to HSN 7214 (bars and rods of iron) in a test table.
     */
    @Test
    void conceptAndStatusIllustrationOneIntraStateSupply() {
        IndiaGstTaxRule hypothetical = GstFixtures.ruleWithRates(
                "hsn:7214,20,,,2017-07-01,hypothetical rate of the CBIC illustration\n");
        TaxCalculation result = hypothetical.calculate(counter("UP", "2018-01-10", false, line("bars", "hsn:7214", "100.00")));
        assertEquals(2, result.lineTaxes().size());
        assertTax(result.lineTaxes().get(0), "bars", "IN-CGST-10", "IN", "CGST 10%", "10", "100.00", "10.00");
        assertTax(result.lineTaxes().get(1), "bars", "IN-UP-SGST-10", "IN-UP", "SGST 10% (09 Uttar Pradesh)", "10",
                "100.00", "10.00");
    }

    /**
     * The same supply made to a buyer in another State. CBEC, "Frequently Asked Questions on Goods and
     * Services Tax" (2016), chapter on the IGST model: "IGST shall be levied and collected by Centre on
     * inter-state supplies. IGST would be broadly CGST plus SGST", and the place of supply of goods
     * that move is where the movement terminates (section 10(1)(a) IGST Act): Rs. 100 bears IGST of
     * Rs. 20 at the hypothetical 10% + 10%.
     */
    @Test
    void conceptAndStatusIllustrationAsAnInterStateSupply() {
        IndiaGstTaxRule hypothetical = GstFixtures.ruleWithRates(
                "hsn:7214,20,,,2017-07-01,hypothetical rate of the CBIC illustration\n");
        TaxCalculation result = hypothetical.calculate(
                shipped("UP", "MH", "2018-01-10", false, line("bars", "hsn:7214", "100.00")));
        assertEquals(1, result.lineTaxes().size());
        assertTax(result.lineTaxes().get(0), "bars", "IN-IGST-20", "IN", "IGST 20%", "20", "100.00", "20.00");
    }

    /**
     * CBEC FAQ on GST (2016), IGST chapter: "Where the supply does not involve movement of goods, the
     * place of supply shall be the location of such goods at the time of delivery to the recipient"
     * (section 10(1)(d) IGST Act). A customer from Maharashtra buying over the counter in Bengaluru
     * pays Karnataka CGST + SGST; the same phone shipped to Pune bears IGST; shipped within Karnataka,
     * CGST + SGST again. Amounts computed by hand at 18% (Notification No. 1/2017-Central Tax (Rate),
     * Schedule III, 8517).
     */
    @Test
    void placeOfSupplyIsTheStoreOverTheCounterAndTheDestinationWhenShipped() {
        TaxableLine phone = line("phone", "hsn:8517", "15000.00");
        List<LineTax> overTheCounter = gst.calculate(counter("KA", "2024-06-01", false, phone)).lineTaxes();
        assertEquals(List.of("IN-CGST-9", "IN-KA-SGST-9"), overTheCounter.stream().map(t -> t.component().code()).toList());

        List<LineTax> toPune = gst.calculate(shipped("KA", "MH", "2024-06-01", false, phone)).lineTaxes();
        assertEquals(1, toPune.size());
        assertTax(toPune.get(0), "phone", "IN-IGST-18", "IN", "IGST 18%", "18", "15000.00", "2700.00");

        List<LineTax> toMysuru = gst.calculate(shipped("KA", "KA", "2024-06-01", false, phone)).lineTaxes();
        assertEquals(overTheCounter, toMysuru);
    }

    // ------------------------------------------------------------- worked by hand at notified rates

    /**
     * Net prices in Bengaluru on 2024-06-01: a phone at 18% (CGST 9% + SGST 9%), packaged rice at 5%
     * (2.5% + 2.5%), a printed book exempt (Notification No. 2/2017-Central Tax (Rate)).
     */
    @Test
    void intraStateBasketOfNetPrices() {
        TaxCalculation result = gst.calculate(counter("KA", "2024-06-01", false,
                line("phone", "hsn:8517", "15000.00"), line("rice", "hsn:1006", "120.00"), line("book", "hsn:4901", "450.00")));
        List<LineTax> taxes = result.lineTaxes();
        assertEquals(5, taxes.size());
        assertTax(taxes.get(0), "phone", "IN-CGST-9", "IN", "CGST 9%", "9", "15000.00", "1350.00");
        assertTax(taxes.get(1), "phone", "IN-KA-SGST-9", "IN-KA", "SGST 9% (29 Karnataka)", "9", "15000.00", "1350.00");
        assertTax(taxes.get(2), "rice", "IN-CGST-2.5", "IN", "CGST 2.5%", "2.5", "120.00", "3.00");
        assertTax(taxes.get(3), "rice", "IN-KA-SGST-2.5", "IN-KA", "SGST 2.5% (29 Karnataka)", "2.5", "120.00", "3.00");
        assertTax(taxes.get(4), "book", "IN-GST-EXEMPT", "IN", "GST exempt", "0", "450.00", "0.00");
    }

    /**
     * MRP 349.00 including 5%: the taxable value is 349 x 100/105 = 332.38 (349 x 5/105 = 16.619 ->
     * 16.62 backed out), CGST = SGST = 2.5% of 332.38 = 8.3095 -> 8.31.
     */
    @Test
    void mrpIncludingTaxIsBackedOutThenEachComponentComputed() {
        List<LineTax> taxes = gst.calculate(counter("KA", "2024-06-01", true, line("rice", "hsn:1006", "349.00")))
                .lineTaxes();
        assertTax(taxes.get(0), "rice", "IN-CGST-2.5", "IN", "CGST 2.5%", "2.5", "332.38", "8.31");
        assertTax(taxes.get(1), "rice", "IN-KA-SGST-2.5", "IN-KA", "SGST 2.5% (29 Karnataka)", "2.5", "332.38", "8.31");
    }

    /**
     * A cola at MRP 40.00 on the last day of the old rates and on the first of GST 2.0. Until
     * 2025-09-21: 28% GST + 12% compensation cess (Notification No. 1/2017-Compensation Cess (Rate)),
     * a load of 40%: 40 x 40/140 = 11.43 backed out, taxable 28.57, CGST = SGST = 14% = 3.9998 -> 4.00,
     * cess 12% = 3.4284 -> 3.43, together 11.43. From 2025-09-22: 40% GST (Notification No.
     * 9/2025-Central Tax (Rate), Schedule III), cess Nil (Notification No. 2/2025-Compensation Cess
     * (Rate)): CGST = SGST = 20% of 28.57 = 5.714 -> 5.71, together 11.42; the paisa between 28.57 +
     * 11.42 and the MRP is the invoice's round-off.
     */
    @Test
    void colaBeforeAndAfterGst2() {
        List<LineTax> old = gst.calculate(counter("KA", "2025-09-21", true, line("cola", "hsn:220210", "40.00")))
                .lineTaxes();
        assertEquals(3, old.size());
        assertTax(old.get(0), "cola", "IN-CGST-14", "IN", "CGST 14%", "14", "28.57", "4.00");
        assertTax(old.get(1), "cola", "IN-KA-SGST-14", "IN-KA", "SGST 14% (29 Karnataka)", "14", "28.57", "4.00");
        assertTax(old.get(2), "cola", "IN-CESS-12", "IN", "Compensation cess 12%", "12", "28.57", "3.43");

        List<LineTax> now = gst.calculate(counter("KA", "2025-09-22", true, line("cola", "hsn:220210", "40.00")))
                .lineTaxes();
        assertEquals(2, now.size());
        assertTax(now.get(0), "cola", "IN-CGST-20", "IN", "CGST 20%", "20", "28.57", "5.71");
        assertTax(now.get(1), "cola", "IN-KA-SGST-20", "IN-KA", "SGST 20% (29 Karnataka)", "20", "28.57", "5.71");
    }

    /** Cess is levied on inter-State supplies too, beside IGST. 100.00 net: IGST 28.00, cess 12.00. */
    @Test
    void interStateSupplyWithCess() {
        List<LineTax> taxes = gst.calculate(shipped("KA", "TN", "2024-01-15", false, line("cola", "hsn:220210", "100.00")))
                .lineTaxes();
        assertEquals(2, taxes.size());
        assertTax(taxes.get(0), "cola", "IN-IGST-28", "IN", "IGST 28%", "28", "100.00", "28.00");
        assertTax(taxes.get(1), "cola", "IN-CESS-12", "IN", "Compensation cess 12%", "12", "100.00", "12.00");
    }

    /** A laptop (8471, 18%) shipped from Bengaluru to Mumbai: 59000.00 MRP = 50000.00 + IGST 9000.00. */
    @Test
    void interStateSupplyAtMrpAndNet() {
        assertTax(gst.calculate(shipped("KA", "MH", "2025-10-01", true, line("laptop", "hsn:8471", "59000.00")))
                .lineTaxes().get(0), "laptop", "IN-IGST-18", "IN", "IGST 18%", "18", "50000.00", "9000.00");
        assertTax(gst.calculate(shipped("KA", "MH", "2025-10-01", false, line("laptop", "hsn:8471", "50000.00")))
                .lineTaxes().get(0), "laptop", "IN-IGST-18", "IN", "IGST 18%", "18", "50000.00", "9000.00");
    }

    /**
     * Union territories without a legislature levy UTGST (Chandigarh, Ladakh); Delhi, which has one,
     * levies SGST. A T-shirt of 799.00 a piece (5% up to Rs 1000 a piece until 2025-09-21): 2.5% of
     * 799.00 = 19.975 -> 19.98 each.
     */
    @Test
    void unionTerritoriesLevyUtgstUnlessTheyHaveALegislature() {
        List<LineTax> chandigarh = gst.calculate(counter("CH", "2024-03-01", false, line("tee", "hsn:6109@799", "799.00")))
                .lineTaxes();
        assertTax(chandigarh.get(0), "tee", "IN-CGST-2.5", "IN", "CGST 2.5%", "2.5", "799.00", "19.98");
        assertTax(chandigarh.get(1), "tee", "IN-CH-UTGST-2.5", "IN-CH", "UTGST 2.5% (04 Chandigarh)", "2.5", "799.00",
                "19.98");

        assertTax(gst.calculate(counter("LA", "2024-03-01", false, line("x", "standard", "100.00"))).lineTaxes().get(1),
                "x", "IN-LA-UTGST-9", "IN-LA", "UTGST 9% (38 Ladakh)", "9", "100.00", "9.00");
        assertTax(gst.calculate(counter("DL", "2024-03-01", false, line("x", "standard", "100.00"))).lineTaxes().get(1),
                "x", "IN-DL-SGST-9", "IN-DL", "SGST 9% (07 Delhi)", "9", "100.00", "9.00");
    }

    /** Jewellery at 3%: CGST 1.5% + SGST 1.5% of 50000.00 = 750.00 each. */
    @Test
    void jewelleryAtThreePercent() {
        List<LineTax> taxes = gst.calculate(counter("TN", "2024-11-02", false, line("ring", "hsn:7113", "50000.00")))
                .lineTaxes();
        assertTax(taxes.get(0), "ring", "IN-CGST-1.5", "IN", "CGST 1.5%", "1.5", "50000.00", "750.00");
        assertTax(taxes.get(1), "ring", "IN-TN-SGST-1.5", "IN-TN", "SGST 1.5% (33 Tamil Nadu)", "1.5", "50000.00",
                "750.00");
    }

    // ------------------------------------------------------------- rounding

    /**
     * Three lines of 0.05 at 18%. CGST and SGST are each 9% of the document's 0.15 = 0.0135 -> 0.01,
     * given to the first line (largest remainder, ties to the earlier line): 0.02 together. Halving an
     * 18% total (0.027 -> 0.03) would split 0.03 into unequal halves; that is not done.
     */
    @Test
    void cgstAndSgstAreEachRoundedPerDocumentNotHalved() {
        TaxCalculation result = gst.calculate(counter("KA", "2024-06-01", false,
                line("1", "standard", "0.05"), line("2", "standard", "0.05"), line("3", "standard", "0.05")));
        for (String code : List.of("IN-CGST-9", "IN-KA-SGST-9")) {
            List<Money> taxes = result.lineTaxes().stream().filter(t -> t.component().code().equals(code))
                    .map(LineTax::tax).toList();
            assertEquals(List.of(inr("0.01"), inr("0.00"), inr("0.00")), taxes, code);
        }
        List<LineTax> inter = gst.calculate(shipped("KA", "GA", "2024-06-01", false,
                line("1", "standard", "0.05"), line("2", "standard", "0.05"), line("3", "standard", "0.05"))).lineTaxes();
        assertEquals(List.of(inr("0.01"), inr("0.01"), inr("0.01")), inter.stream().map(LineTax::tax).toList());
    }

    /**
     * Until 2025-09-21 an air conditioner (28%) and a cola (28% + 12% cess) both carry CGST 14% and
     * SGST 14%; the invoice shows one CGST 14% line, so it is rounded once over both: 14% of 200.10 =
     * 28.014 -> 28.01, not 14.01 + 14.01 from rounding each slab by itself.
     */
    @Test
    void aComponentSharedBySlabsIsRoundedOnce() {
        TaxCalculation result = gst.calculate(counter("KA", "2025-01-10", false,
                line("ac", "hsn:8415", "100.05"), line("cola", "hsn:220210", "100.05")));
        assertEquals(List.of("IN-CGST-14", "IN-KA-SGST-14"), taxesOf(result, "ac").stream().map(t -> t.component().code()).toList());
        assertEquals(List.of("IN-CGST-14", "IN-KA-SGST-14", "IN-CESS-12"),
                taxesOf(result, "cola").stream().map(t -> t.component().code()).toList());
        assertEquals(inr("14.01"), taxesOf(result, "ac").get(0).tax());
        assertEquals(inr("14.00"), taxesOf(result, "cola").get(0).tax());
        assertEquals(inr("14.01"), taxesOf(result, "ac").get(1).tax());
        assertEquals(inr("14.00"), taxesOf(result, "cola").get(1).tax());
        assertEquals(inr("12.01"), taxesOf(result, "cola").get(2).tax()); // 12% of 100.05 = 12.006
    }

    @Test
    void aReturnLineCarriesItsOwnTax() {
        TaxCalculation result = gst.calculate(counter("MH", "2024-06-01", true,
                line("sold", "standard", "118.00"), line("returned", "standard", "-118.00")));
        assertTax(taxesOf(result, "sold").get(0), "sold", "IN-CGST-9", "IN", "CGST 9%", "9", "100.00", "9.00");
        assertTax(taxesOf(result, "returned").get(1), "returned", "IN-MH-SGST-9", "IN-MH", "SGST 9% (27 Maharashtra)",
                "9", "-100.00", "-9.00");
    }

    // ------------------------------------------------------------- rates by HSN code and date

    @ParameterizedTest(name = "{0} on {1}: {2} {3}, cess {4}")
    @CsvSource({
            "hsn:851712,        2020-03-31, IN-CGST-6,   6.00,",
            "hsn:851712,        2020-04-01, IN-CGST-9,   9.00,",
            "hsn:85171200,      2019-05-01, IN-CGST-6,   6.00,",
            "'hsn:8517 12 00',  2019-05-01, IN-CGST-6,   6.00,",
            "hsn:8517.13.00,    2024-01-01, IN-CGST-9,   9.00,",
            "hsn:8415,          2025-09-21, IN-CGST-14, 14.00,",
            "hsn:8415,          2025-09-22, IN-CGST-9,   9.00,",
            "hsn:0405,          2025-09-21, IN-CGST-6,   6.00,",
            "hsn:04051000,      2025-09-22, IN-CGST-2.5, 2.50,",
            "hsn:6109@1000,     2024-01-01, IN-CGST-2.5, 2.50,",
            "hsn:6109@1000.01,  2024-01-01, IN-CGST-6,   6.00,",
            "hsn:6109@1000.01,  2025-09-22, IN-CGST-2.5, 2.50,",
            "hsn:6109@2500,     2025-09-22, IN-CGST-2.5, 2.50,",
            "hsn:6109@2500.01,  2025-09-22, IN-CGST-9,   9.00,",
            "hsn:62052000@1500, 2024-01-01, IN-CGST-6,   6.00,",
            "hsn:220210,        2025-09-21, IN-CGST-14, 14.00, 12.00",
            "hsn:22021010,      2025-09-22, IN-CGST-20, 20.00,",
            "HSN:1006,          2017-07-01, IN-CGST-2.5, 2.50,",
            "hsn:7108,          2025-12-01, IN-CGST-1.5, 1.50,",
            "standard,          2017-07-01, IN-CGST-9,   9.00,",
            " Reduced ,         2026-01-01, IN-CGST-2.5, 2.50,"
    })
    void rateInForceOnTheSaleDate(String category, String date, String cgstCode, String cgst, String cess) {
        List<LineTax> taxes = gst.calculate(counter("KA", date, false, line("1", category, "100.00"))).lineTaxes();
        assertEquals(cgstCode, taxes.get(0).component().code());
        assertEquals(inr(cgst), taxes.get(0).tax());
        assertEquals(inr(cgst), taxes.get(1).tax(), "SGST equals CGST");
        assertEquals(cess == null ? 2 : 3, taxes.size());
        if (cess != null) {
            assertEquals(inr(cess), taxes.get(2).tax());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "hsn:0401,     IN-GST-EXEMPT",
            "hsn:04012000, IN-GST-EXEMPT",
            "hsn:0701,     IN-GST-EXEMPT",
            "hsn:0703,     IN-GST-EXEMPT",
            "hsn:49011010, IN-GST-EXEMPT",
            "exempt,       IN-GST-EXEMPT",
            "zero,         IN-GST-NIL"
    })
    void untaxedGoodsCarryOneZeroComponent(String category, String code) {
        for (boolean inclusive : new boolean[] {true, false}) {
            List<LineTax> taxes = gst.calculate(shipped("KA", "KL", "2024-06-01", inclusive, line("1", category, "55.50")))
                    .lineTaxes();
            assertEquals(1, taxes.size());
            assertEquals(code, taxes.get(0).component().code());
            assertEquals(0, taxes.get(0).component().rate().signum());
            assertEquals(inr("55.50"), taxes.get(0).taxableAmount());
            assertEquals(inr("0.00"), taxes.get(0).tax());
        }
    }

    // ------------------------------------------------------------- zero-rated supplies (SEZ, LUT)

    /**
     * A supply to an SEZ unit is an inter-State supply (section 7(5)(b) IGST Act) and zero-rated
     * (section 16(1)(b)); under a letter of undertaking (LUT) it is made without payment of IGST. The
     * customer's certificate is taken as that LUT: every line, whatever its category, carries IGST 0%.
     */
    @Test
    void certifiedSupplyIsZeroRated() {
        TaxRequest sez = request(in("KA"), null, "2024-06-01", true, " AD290624000123X ",
                line("laptop", "hsn:8471", "59000.00"), line("book", "hsn:4901", "450.00"));
        List<LineTax> taxes = gst.calculate(sez).lineTaxes();
        assertEquals(2, taxes.size());
        assertTax(taxes.get(0), "laptop", "IN-IGST-ZERO-RATED", "IN", "IGST 0% zero-rated (LUT AD290624000123X)", "0",
                "59000.00", "0.00");
        assertTax(taxes.get(1), "book", "IN-IGST-ZERO-RATED", "IN", "IGST 0% zero-rated (LUT AD290624000123X)", "0",
                "450.00", "0.00");
    }

    @Test
    void certifiedSupplyStillNeedsKnownCategories() {
        refused("tax_category_unknown", () -> gst.calculate(
                request(in("KA"), null, "2024-06-01", true, "AD290624000123X", line("x", "hsn:9999", "1.00"))));
    }

    @Test
    void blankCertificateIsNoCertificate() {
        List<LineTax> taxes = gst.calculate(request(in("KA"), null, "2024-06-01", false, "  ",
                line("x", "standard", "100.00"))).lineTaxes();
        assertEquals("IN-CGST-9", taxes.get(0).component().code());
    }

    @Test
    void certificateIsRefusedWhenZeroRatingIsOff() {
        IndiaGstTaxRule strict = new IndiaGstTaxRule(HsnRateTable.bundled(), StateTable.bundled(),
                GstFixtures.config(false, "*"));
        OmnitillException e = refused("tax_exemption_not_supported", () -> strict.calculate(
                request(in("KA"), null, "2024-06-01", true, "AD290624000123X", line("x", "standard", "1.00"))));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
    }

    // ------------------------------------------------------------- errors

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "hsn:9999,       tax_category_unknown",
            "hsn:2208,       tax_category_unknown",
            "reduced-2,      tax_category_unknown",
            "'  ',           tax_category_unknown",
            "hsn:abc,        tax_category_invalid",
            "hsn:1,          tax_category_invalid",
            "hsn:123456789,  tax_category_invalid",
            "hsn:6109@x,     tax_category_invalid",
            "hsn:6109@-5,    tax_category_invalid",
            "hsn:6109,       tax_unit_value_required",
            "hsn:62,         tax_unit_value_required"
    })
    void badCategoriesAreUnprocessable(String category, String code) {
        OmnitillException e = refused(code, () -> gst.calculate(counter("KA", "2024-06-01", false,
                line("ok", "standard", "1.00"), line("bad", category, "1.00"))));
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
    }

    @Test
    void missingCategoryIsUnknown() {
        TaxableLine none = new TaxableLine("1", "sku", null, inr("1.00"));
        refused("tax_category_unknown", () -> gst.calculate(counter("KA", "2024-06-01", false, none)));
    }

    @Test
    void saleBeforeGstIsUnprocessable() {
        OmnitillException e = refused("tax_rate_not_in_force",
                () -> gst.calculate(counter("KA", "2017-06-30", false, line("1", "hsn:8517", "1.00"))));
        assertTrue(e.getMessage().contains("2017-07-01"), e.getMessage());
        refused("tax_rate_not_in_force", () -> gst.calculate(counter("KA", "2017-06-30", false, line("1", "standard", "1.00"))));
    }

    @Test
    void addressesMustNameAnIndianStateOrUnionTerritory() {
        refused("tax_address_incomplete", () -> gst.calculate(counter(null, "2024-06-01", false, line("1", "standard", "1.00"))));
        refused("tax_address_incomplete", () -> gst.calculate(shipped("KA", " ", "2024-06-01", false, line("1", "standard", "1.00"))));
        refused("tax_jurisdiction_unknown", () -> gst.calculate(counter("XX", "2024-06-01", false, line("1", "standard", "1.00"))));
        refused("tax_jurisdiction_not_covered", () -> gst.calculate(request(in("KA"), new TaxAddress("US", "WA", null, null),
                "2024-06-01", false, null, line("1", "standard", "1.00"))));
        refused("tax_jurisdiction_not_covered", () -> gst.calculate(request(new TaxAddress("NP", null, null, null), in("KA"),
                "2024-06-01", false, null, line("1", "standard", "1.00"))));
        refused("tax_jurisdiction_not_covered", () -> rule("KA").calculate(shipped("KA", "MH", "2024-06-01", false,
                line("1", "standard", "1.00"))));
    }

    @Test
    void currencyMustBeRupees() {
        TaxRequest usd = new TaxRequest(in("KA"), null, "register", LocalDate.of(2024, 6, 1), Money.currency("USD"), false,
                List.of(new TaxableLine("1", "sku", "standard", Money.of("1.00", "USD"))), null);
        refused("tax_currency_not_supported", () -> gst.calculate(usd));
        TaxRequest mixed = new TaxRequest(in("KA"), null, "register", LocalDate.of(2024, 6, 1), Money.currency("INR"), false,
                List.of(new TaxableLine("1", "sku", "standard", Money.of("1.00", "USD"))), null);
        refused("tax_currency_mismatch", () -> gst.calculate(mixed));
        TaxRequest undated = new TaxRequest(in("KA"), null, "register", null, Money.currency("INR"), false, List.of(), null);
        assertEquals(ErrorKind.INVALID, refused("tax_request_incomplete", () -> gst.calculate(undated)).kind());
    }

    // ------------------------------------------------------------- coverage and configuration

    @Test
    void coversIndianStatesByIsoAliasOrGstCode() {
        for (String region : new String[] {"KA", "ka", "IN-KA", " 29 ", "CG", "CT", "UK", "UT", "DH", "DD", "LA", "07"}) {
            assertTrue(gst.covers(in(region)), region);
        }
        assertTrue(gst.covers(new TaxAddress("in", "MH", null, null)));
        assertTrue(gst.covers(in(null)), "a region-less Indian address is covered when every State is");
        assertFalse(gst.covers(in("XX")));
        assertFalse(gst.covers(in("99")));
        assertFalse(gst.covers(new TaxAddress("US", "WA", null, null)));
        assertFalse(gst.covers(TaxAddress.country(null)));
        assertFalse(gst.covers(null));
    }

    @Test
    void configuredStatesLimitCoverage() {
        IndiaGstTaxRule limited = rule("KA, 27", "dl", "XX");
        assertEquals(Set.of("KA", "MH", "DL"), codes(limited));
        assertTrue(limited.covers(in("MH")));
        assertFalse(limited.covers(in("TN")));
        assertFalse(limited.covers(in(null)));

        limited.modified(GstFixtures.config(true, "TN"));
        assertTrue(limited.covers(in("33")));
        assertFalse(limited.covers(in("KA")));

        limited.modified(GstFixtures.config(true, "*"));
        assertEquals(36, limited.coveredStates().size());
    }

    @Test
    void coveringNoStateCoversNothing() {
        IndiaGstTaxRule none = rule("");
        assertTrue(none.coveredStates().isEmpty());
        assertFalse(none.covers(in("KA")));
    }

    @Test
    void emptyBasketHasNoTaxes() {
        assertTrue(gst.calculate(counter("KA", "2024-06-01", true)).lineTaxes().isEmpty());
    }

    private static Set<String> codes(IndiaGstTaxRule rule) {
        return Set.copyOf(rule.coveredStates().stream().map(GstState::isoCode).toList());
    }
}
