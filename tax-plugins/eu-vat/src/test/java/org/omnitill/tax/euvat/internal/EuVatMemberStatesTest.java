package org.omnitill.tax.euvat.internal;

import static org.omnitill.tax.euvat.internal.VatFixtures.assertTax;
import static org.omnitill.tax.euvat.internal.VatFixtures.line;
import static org.omnitill.tax.euvat.internal.VatFixtures.rule;
import static org.omnitill.tax.euvat.internal.VatFixtures.sale;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

/**
 * Receipts in member states added in 2026. No official worked example with amounts was found for
 * these states (tax administrations publish rates and rules, not receipts), so the expected
 * values are computed by hand from the rates in the data (their sources are named there):
 * tax = gross x rate / (100 + rate), rounded half-up to the cent per document and rate.
 */
class EuVatMemberStatesTest {

    private final EuVatTaxRule vat = rule("*");

    /**
     * Ireland, five rates (VAT Consolidation Act 2010): 24.60 x 23/123 = 4.60; 4.54 x 13.5/113.5 =
     * 0.54; 2.18 x 9/109 = 0.18; 52.40 x 4.8/104.8 = 2.40; bread zero-rated.
     */
    @Test
    void irelandFiveRates() {
        List<LineTax> taxes = vat.calculate(sale("IE", "2026-12-04", true, line("shirt", "standard", "24.60"),
                line("fuel", "reduced-2", "4.54"), line("paper", "reduced", "2.18"), line("calf", "super-reduced", "52.40"),
                line("bread", "zero", "2.10"))).lineTaxes();
        assertTax(taxes.get(0), "IE-VAT-STANDARD", "IE", "VAT 23%", "23", "20.00", "4.60");
        assertTax(taxes.get(1), "IE-VAT-REDUCED-2", "IE", "VAT 13.5%", "13.5", "4.00", "0.54");
        assertTax(taxes.get(2), "IE-VAT-REDUCED", "IE", "VAT 9%", "9", "2.00", "0.18");
        assertTax(taxes.get(3), "IE-VAT-SUPER-REDUCED", "IE", "VAT 4.8%", "4.8", "50.00", "2.40");
        assertTax(taxes.get(4), "IE-VAT-ZERO", "IE", "VAT 0%", "0", "2.10", "0.00");
    }

    /** Italy: 12.20 x 22/122 = 2.20; 3.30 x 10/110 = 0.30; 1.05 x 5/105 = 0.05; 1.04 x 4/104 = 0.04. */
    @Test
    void italyFourRates() {
        List<LineTax> taxes = vat.calculate(sale("IT", "2026-12-04", true, line("1", "standard", "12.20"),
                line("2", "reduced-2", "3.30"), line("3", "reduced", "1.05"), line("4", "super-reduced", "1.04")))
                .lineTaxes();
        assertTax(taxes.get(0), "IT-VAT-STANDARD", "IT", "IVA 22%", "22", "10.00", "2.20");
        assertTax(taxes.get(1), "IT-VAT-REDUCED-2", "IT", "IVA 10%", "10", "3.00", "0.30");
        assertTax(taxes.get(2), "IT-VAT-REDUCED", "IT", "IVA 5%", "5", "1.00", "0.05");
        assertTax(taxes.get(3), "IT-VAT-SUPER-REDUCED", "IT", "IVA 4%", "4", "1.00", "0.04");
    }

    /** Spain: 18.15 x 21/121 = 3.15; 2.20 x 10/110 = 0.20; 1.25 x 4/104 = 0.048077 -> 0.05. */
    @Test
    void spainThreeRates() {
        List<LineTax> taxes = vat.calculate(sale("ES", "2026-12-04", true, line("1", "standard", "18.15"),
                line("2", "reduced", "2.20"), line("3", "super-reduced", "1.25"))).lineTaxes();
        assertTax(taxes.get(0), "ES-VAT-STANDARD", "ES", "IVA 21%", "21", "15.00", "3.15");
        assertTax(taxes.get(1), "ES-VAT-REDUCED", "ES", "IVA 10%", "10", "2.00", "0.20");
        assertTax(taxes.get(2), "ES-VAT-SUPER-REDUCED", "ES", "IVA 4%", "4", "1.20", "0.05");
    }

    /** Belgium: 9.99 x 21/121 = 1.733802 -> 1.73; 2.65 x 6/106 = 0.15; 5.60 x 12/112 = 0.60; newspaper 0%. */
    @Test
    void belgiumFourRates() {
        List<LineTax> taxes = vat.calculate(sale("BE", "2026-12-04", true, line("1", "standard", "9.99"),
                line("2", "reduced", "2.65"), line("3", "reduced-2", "5.60"), line("4", "zero", "2.20"))).lineTaxes();
        assertTax(taxes.get(0), "BE-VAT-STANDARD", "BE", "TVA/BTW 21%", "21", "8.26", "1.73");
        assertTax(taxes.get(1), "BE-VAT-REDUCED", "BE", "TVA/BTW 6%", "6", "2.50", "0.15");
        assertTax(taxes.get(2), "BE-VAT-REDUCED-2", "BE", "TVA/BTW 12%", "12", "5.00", "0.60");
        assertTax(taxes.get(3), "BE-VAT-ZERO", "BE", "TVA/BTW 0%", "0", "2.20", "0.00");
    }

    /** Sweden in kronor: 22.40 x 12/112 = 2.40; 22.40 x 6/106 = 1.267925 -> 1.27; net prices: 100.00 x 25% = 25.00. */
    @Test
    void swedenInKronorGrossAndNet() {
        TaxRequest gross = request("SE", "SEK", true, "2026-12-04", "12:reduced-2:22.40", "6:reduced:22.40");
        List<LineTax> taxes = vat.calculate(gross).lineTaxes();
        assertTax(taxes.get(0), "SE-VAT-REDUCED-2", "SE", "moms 12%", "12", "20.00", "2.40", "SEK");
        assertTax(taxes.get(1), "SE-VAT-REDUCED", "SE", "moms 6%", "6", "21.13", "1.27", "SEK");

        TaxRequest net = request("SE", "SEK", false, "2026-12-04", "b2b:standard:100.00");
        assertTax(vat.calculate(net).lineTaxes().get(0), "SE-VAT-STANDARD", "SE", "moms 25%", "25", "100.00", "25.00",
                "SEK");
    }

    /** Hungary in forint: 1270.00 x 27/127 = 270.00. */
    @Test
    void hungaryInForint() {
        TaxRequest request = request("HU", "HUF", true, "2026-12-04", "1:standard:1270.00");
        assertTax(vat.calculate(request).lineTaxes().get(0), "HU-VAT-STANDARD", "HU", "ÁFA 27%", "27", "1000.00",
                "270.00", "HUF");
    }

    /**
     * The same gross price either side of a change of rate. By hand: EE 12.20 at 22% = 2.20, at
     * 24% = 2.361290 -> 2.36; FI 12.40 at 24% = 2.40, at 25.5% = 2.519522 -> 2.52; FI 2.85 at 14%
     * = 0.35, at 13.5% = 0.338987 -> 0.34; SK 6.00 at 20% = 1.00, at 23% = 1.121951 -> 1.12; SK
     * 1.10 at 10% = 0.10, at 5% = 0.052381 -> 0.05; RO 11.90 at 19% = 1.90, at 21% = 2.065289 ->
     * 2.07; RO 5.45 at 9% = 0.45, at 11% = 0.540090 -> 0.54; LU 11.70 at 17% = 1.70, at 16% =
     * 1.613793 -> 1.61; CZ 11.50 at 15% = 1.50, at 12% = 1.232143 -> 1.23; LT 10.90 at 9% = 0.90,
     * at 12% = 1.167857 -> 1.17.
     */
    @ParameterizedTest(name = "{0} {1} on {2}: {5}")
    @CsvSource({
            "EE, standard, 2025-06-30, 12.20, 10.00, 2.20, km 22%",
            "EE, standard, 2025-07-01, 12.20, 9.84, 2.36, km 24%",
            "FI, standard, 2024-08-31, 12.40, 10.00, 2.40, ALV 24%",
            "FI, standard, 2024-09-01, 12.40, 9.88, 2.52, 'ALV 25,5%'",
            "FI, reduced-2, 2025-12-31, 2.85, 2.50, 0.35, ALV 14%",
            "FI, reduced-2, 2026-01-01, 2.85, 2.51, 0.34, 'ALV 13,5%'",
            "SK, standard, 2024-12-31, 6.00, 5.00, 1.00, DPH 20%",
            "SK, standard, 2025-01-01, 6.00, 4.88, 1.12, DPH 23%",
            "SK, reduced, 2024-12-31, 1.10, 1.00, 0.10, DPH 10%",
            "SK, reduced, 2025-01-01, 1.10, 1.05, 0.05, DPH 5%",
            "RO, standard, 2025-07-31, 11.90, 10.00, 1.90, TVA 19%",
            "RO, standard, 2025-08-01, 11.90, 9.83, 2.07, TVA 21%",
            "RO, reduced-2, 2025-07-31, 5.45, 5.00, 0.45, TVA 9%",
            "RO, reduced-2, 2025-08-01, 5.45, 4.91, 0.54, TVA 11%",
            "LU, standard, 2022-12-31, 11.70, 10.00, 1.70, TVA 17%",
            "LU, standard, 2023-01-01, 11.70, 10.09, 1.61, TVA 16%",
            "LU, standard, 2024-01-01, 11.70, 10.00, 1.70, TVA 17%",
            "CZ, reduced-2, 2023-12-31, 11.50, 10.00, 1.50, DPH 15%",
            "CZ, reduced-2, 2024-01-01, 11.50, 10.27, 1.23, DPH 12%",
            "LT, reduced-2, 2025-12-31, 10.90, 10.00, 0.90, PVM 9%",
            "LT, reduced-2, 2026-01-01, 10.90, 9.73, 1.17, PVM 12%"
    })
    void rateChangesApplyFromTheirDate(String country, String category, String date, String gross, String net,
            String tax, String name) {
        TaxCalculation result = vat.calculate(sale(country, date, true, line("1", category, gross)));
        String rate = name.replaceAll("[^0-9,]", "").replace(',', '.');
        assertTax(result.lineTaxes().get(0), country + "-VAT-" + category.toUpperCase(Locale.ROOT), country, name, rate,
                net, tax);
    }

    /** Lines given as "id:category:amount". */
    private static TaxRequest request(String country, String currency, boolean inclusive, String date, String... lines) {
        List<TaxableLine> taxable = Arrays.stream(lines).map(spec -> spec.split(":"))
                .map(p -> new TaxableLine(p[0], "sku-" + p[0], p[1], Money.of(p[2], currency))).toList();
        return new TaxRequest(TaxAddress.country(country), null, "register", LocalDate.parse(date),
                Money.currency(currency), inclusive, taxable, null);
    }
}
