package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.omnitill.tax.euvat.internal.VatFixtures.assertTax;
import static org.omnitill.tax.euvat.internal.VatFixtures.line;
import static org.omnitill.tax.euvat.internal.VatFixtures.rule;
import static org.omnitill.tax.euvat.internal.VatFixtures.sale;
import static org.omnitill.tax.euvat.internal.VatFixtures.shipped;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxableLine;

/** Sales with an exemption certificate (diplomatic, export tax-free): no VAT, one 0% component naming it. */
class EuVatExemptionTest {

    private final EuVatTaxRule vat = rule("*");

    private static TaxRequest certified(TaxRequest request, String certificate) {
        return new TaxRequest(request.origin(), request.destination(), request.channel(), request.saleDate(),
                request.currency(), request.pricesIncludeTax(), request.lines(), certificate);
    }

    @Test
    void everyLineOfACertifiedSaleIsExemptWhateverItsRate() {
        List<LineTax> taxes = vat.calculate(certified(sale("DE", "2025-06-10", true,
                line("tv", "standard", "1190.00"), line("book", "reduced", "10.70"), line("stamp", "exempt", "0.95")),
                "D-123")).lineTaxes();
        assertEquals(3, taxes.size());
        assertTax(taxes.get(0), "DE-VAT-EXEMPT", "DE", "VAT exempt (cert D-123)", "0", "1190.00", "0.00");
        assertTax(taxes.get(1), "DE-VAT-EXEMPT", "DE", "VAT exempt (cert D-123)", "0", "10.70", "0.00");
        assertTax(taxes.get(2), "DE-VAT-EXEMPT", "DE", "VAT exempt (cert D-123)", "0", "0.95", "0.00");
        assertEquals(List.of("tv", "book", "stamp"), taxes.stream().map(LineTax::lineId).toList());
        assertEquals(1, taxes.stream().map(LineTax::component).distinct().count(), "one component for the sale");
    }

    @Test
    void netPricesAndReturnsToo() {
        List<LineTax> taxes = vat.calculate(certified(sale("NL", "2025-06-10", false,
                line("1", "standard", "100.00"), line("2", "reduced", "-4.50")), " EX-2025/77 ")).lineTaxes();
        assertTax(taxes.get(0), "NL-VAT-EXEMPT", "NL", "VAT exempt (cert EX-2025/77)", "0", "100.00", "0.00");
        assertTax(taxes.get(1), "NL-VAT-EXEMPT", "NL", "VAT exempt (cert EX-2025/77)", "0", "-4.50", "0.00");
    }

    @Test
    void theComponentIsOfTheTaxingState() {
        // a distance sale taxed at the destination (OSS)
        assertTax(vat.calculate(certified(shipped("DE", "FR", "web", "2025-03-10", true,
                line("1", "standard", "120.00")), "FR-DIPLO-9")).lineTaxes().get(0),
                "FR-VAT-EXEMPT", "FR", "VAT exempt (cert FR-DIPLO-9)", "0", "120.00", "0.00");
        // an export: the certificate, not the export component
        assertTax(vat.calculate(certified(shipped("DE", "CH", "web", "2025-03-10", true,
                line("1", "standard", "119.00")), "AUSFUHR-1")).lineTaxes().get(0),
                "DE-VAT-EXEMPT", "DE", "VAT exempt (cert AUSFUHR-1)", "0", "119.00", "0.00");
        // Greece is GR, also on the exempt component
        assertTax(vat.calculate(certified(sale("EL", "2025-03-10", true, line("1", "standard", "124.00")), "G-1"))
                .lineTaxes().get(0), "GR-VAT-EXEMPT", "GR", "VAT exempt (cert G-1)", "0", "124.00", "0.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankCertificateIsNoCertificate(String blank) {
        assertTax(vat.calculate(certified(sale("DE", "2024-05-02", true, line("1", "standard", "149.95")), blank))
                .lineTaxes().get(0), "DE-VAT-STANDARD", "DE", "MwSt 19%", "19", "126.01", "23.94");
    }

    @Test
    void aCertificateMakesNoBadSaleGood() {
        OmnitillException unknown = assertThrows(OmnitillException.class, () -> vat.calculate(certified(
                sale("DE", "2024-05-02", true, line("1", "super-reduced", "1.00")), "D-123")));
        assertEquals("tax_category_unknown", unknown.code());
        assertEquals(ErrorKind.UNPROCESSABLE, unknown.kind());
        assertEquals("tax_rate_not_in_force", assertThrows(OmnitillException.class, () -> vat.calculate(certified(
                sale("DE", "2006-12-31", true, line("1", "standard", "1.00")), "D-123"))).code());
        assertEquals("tax_jurisdiction_not_covered", assertThrows(OmnitillException.class, () -> rule("DE")
                .calculate(certified(sale("AT", "2024-05-02", true, line("1", "standard", "1.00")), "D-123"))).code());
        TaxRequest chf = new TaxRequest(TaxAddress.country("DE"), null, "register", LocalDate.of(2024, 5, 2),
                Money.currency("EUR"), true, List.of(new TaxableLine("1", "sku", "standard", Money.of("1.00", "CHF"))),
                "D-123");
        assertEquals("tax_currency_mismatch", assertThrows(OmnitillException.class, () -> vat.calculate(chf)).code());
    }

    @Test
    void anEmptyCertifiedBasketHasNoTaxes() {
        assertEquals(List.of(), vat.calculate(certified(sale("DE", "2024-05-02", true), "D-123")).lineTaxes());
    }
}
