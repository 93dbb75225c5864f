package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.tax.euvat.internal.VatFixtures.assertTax;
import static org.omnitill.tax.euvat.internal.VatFixtures.eur;
import static org.omnitill.tax.euvat.internal.VatFixtures.line;
import static org.omnitill.tax.euvat.internal.VatFixtures.shipped;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxRequest;

/**
 * Distance sales of goods to consumers in another member state (Art. 14(4)(1) and 33(a) VAT
 * Directive, the OSS rules in force since 1 July 2021; threshold of Art. 59c), counter sales and
 * exports (Art. 146(1)(a)). The rules are those of Council Directive (EU) 2017/2455 as explained in
 * the Commission's "Explanatory Notes on VAT e-commerce rules" (September 2020); the
 * amounts are computed by hand from the rates in the data (no official example with amounts).
 */
class EuVatOssTest {

    private static final EuVatTaxRule DEFAULTS = new EuVatTaxRule(RateTable.bundled(), VatFixtures.config("*"));
    private static final EuVatTaxRule BELOW_THRESHOLD_NO_OSS =
            new EuVatTaxRule(RateTable.bundled(), VatFixtures.config(false, true, "*"));

    /**
     * A German web shop ships to a consumer in France: French VAT, shown as FR on the receipt.
     * 120.00 x 20/120 = 20.00; a book at the French 5.5%: 10.55 x 5.5/105.5 = 0.55.
     */
    @Test
    void distanceSaleIsTaxedAtTheDestination() {
        List<LineTax> taxes = DEFAULTS.calculate(shipped("DE", "FR", "web", "2025-03-10", true,
                line("kettle", "standard", "120.00"), line("book", "reduced", "10.55"))).lineTaxes();
        assertTax(taxes.get(0), "FR-VAT-STANDARD", "FR", "TVA 20%", "20", "100.00", "20.00");
        assertTax(taxes.get(1), "FR-VAT-REDUCED", "FR", "TVA 5,5%", "5.5", "10.00", "0.55");
    }

    /**
     * Below the EUR 10,000 threshold and not registered for the OSS, the sale stays taxed in
     * Germany: 120.00 x 19/119 = 19.159664 -> 19.16; 10.55 x 7/107 = 0.690187 -> 0.69.
     */
    @Test
    void belowTheThresholdWithoutOssTheStoresStateTaxes() {
        List<LineTax> taxes = BELOW_THRESHOLD_NO_OSS.calculate(shipped("DE", "FR", "web", "2025-03-10", true,
                line("kettle", "standard", "120.00"), line("book", "reduced", "10.55"))).lineTaxes();
        assertTax(taxes.get(0), "DE-VAT-STANDARD", "DE", "MwSt 19%", "19", "100.84", "19.16");
        assertTax(taxes.get(1), "DE-VAT-REDUCED", "DE", "MwSt 7%", "7", "9.86", "0.69");
    }

    @ParameterizedTest(name = "OSS registered {0}, below threshold {1}: taxed in {2}")
    @CsvSource({
            "true, false, FR",   // the default: above the threshold, declared through the OSS
            "true, true, FR",    // below the threshold but opted in by registering for the OSS
            "false, false, FR",  // above the threshold without OSS: still French VAT, registered in France
            "false, true, DE"    // below the threshold, not opted in: German VAT
    })
    void thresholdAndOssDecideTheTaxingState(boolean ossRegistered, boolean belowThreshold, String taxedIn) {
        EuVatTaxRule rule = new EuVatTaxRule(RateTable.bundled(), VatFixtures.config(ossRegistered, belowThreshold, "*"));
        LineTax tax = rule.calculate(shipped("DE", "FR", "web", "2025-03-10", true, line("1", "standard", "120.00")))
                .lineTaxes().get(0);
        assertEquals(taxedIn, tax.component().jurisdiction());
        assertEquals(taxedIn + "-VAT-STANDARD", tax.component().code());
    }

    /** A sale over the counter is taxed at the store even when a ship-to address is given. */
    @Test
    void counterSaleIsAlwaysTaxedAtTheStore() {
        for (String channel : new String[] {"register", "Register", " REGISTER "}) {
            assertTax(DEFAULTS.calculate(shipped("DE", "FR", channel, "2025-03-10", true, line("1", "standard", "120.00")))
                    .lineTaxes().get(0), "DE-VAT-STANDARD", "DE", "MwSt 19%", "19", "100.84", "19.16");
            assertTax(DEFAULTS.calculate(shipped("DE", "CH", channel, "2025-03-10", true, line("1", "standard", "119.00")))
                    .lineTaxes().get(0), "DE-VAT-STANDARD", "DE", "MwSt 19%", "19", "100.00", "19.00");
        }
    }

    /** Goods shipped out of the EU are exempt with the right to deduct in the store's state (Art. 146). */
    @Test
    void exportIsZeroRatedInTheStoresState() {
        List<LineTax> taxes = DEFAULTS.calculate(shipped("DE", "CH", "web", "2025-03-10", true,
                line("kettle", "standard", "120.00"), line("book", "reduced", "10.55"), line("stamp", "exempt", "0.95")))
                .lineTaxes();
        for (LineTax tax : taxes) {
            assertEquals("DE-VAT-EXPORT", tax.component().code());
            assertEquals("DE", tax.component().jurisdiction());
            assertEquals("VAT 0% export (Art. 146)", tax.component().name());
            assertEquals(0, tax.component().rate().signum());
            assertTrue(tax.tax().isZero());
        }
        assertEquals(eur("120.00"), taxes.get(0).taxableAmount());
        assertEquals(eur("10.55"), taxes.get(1).taxableAmount());

        // Net prices: the export adds nothing either.
        LineTax net = DEFAULTS.calculate(shipped("FR", "US", "web", "2025-03-10", false, line("1", "standard", "100.00")))
                .lineTaxes().get(0);
        assertTax(net, "FR-VAT-EXPORT", "FR", "VAT 0% export (Art. 146)", "0", "100.00", "0.00");
    }

    @Test
    void exportStillChecksTheCategoryAgainstTheStoresState() {
        OmnitillException e = assertThrows(OmnitillException.class, () -> DEFAULTS.calculate(
                shipped("DE", "CH", "web", "2025-03-10", true, line("1", "super-reduced", "1.00"))));
        assertEquals("tax_category_unknown", e.code());
    }

    /** Greece is EL in EU documents and GR in ISO 3166: both reach the Greek rates, shown as GR. */
    @Test
    void greeceAsElOrGr() {
        for (String code : new String[] {"EL", "GR", "el"}) {
            assertTax(DEFAULTS.calculate(shipped("DE", code, "web", "2025-03-10", true, line("1", "standard", "124.00")))
                    .lineTaxes().get(0), "GR-VAT-STANDARD", "GR", "ΦΠΑ 24%", "24", "100.00", "24.00");
        }
        assertTax(DEFAULTS.calculate(shipped("EL", "GR", "web", "2025-03-10", true, line("1", "reduced-2", "11.30")))
                .lineTaxes().get(0), "GR-VAT-REDUCED-2", "GR", "ΦΠΑ 13%", "13", "10.00", "1.30");
    }

    @Test
    void deliveryWithinTheStoresStateIsDomestic() {
        assertTax(DEFAULTS.calculate(shipped("DE", "DE", "web", "2025-03-10", true, line("1", "standard", "119.00")))
                .lineTaxes().get(0), "DE-VAT-STANDARD", "DE", "MwSt 19%", "19", "100.00", "19.00");
    }

    /** Net (B2B-style) prices on a distance sale: 100.00 + 20% French VAT. */
    @Test
    void distanceSaleWithNetPrices() {
        assertTax(DEFAULTS.calculate(shipped("DE", "FR", "web", "2025-03-10", false, line("1", "standard", "100.00")))
                .lineTaxes().get(0), "FR-VAT-STANDARD", "FR", "TVA 20%", "20", "100.00", "20.00");
    }

    /** The destination's rate change applies on the destination's date: Estonia 22% -> 24% on 2025-07-01. */
    @Test
    void destinationRateChangeApplies() {
        assertTax(DEFAULTS.calculate(shipped("FI", "EE", "web", "2025-06-30", true, line("1", "standard", "12.20")))
                .lineTaxes().get(0), "EE-VAT-STANDARD", "EE", "km 22%", "22", "10.00", "2.20");
        assertTax(DEFAULTS.calculate(shipped("FI", "EE", "web", "2025-07-01", true, line("1", "standard", "12.20")))
                .lineTaxes().get(0), "EE-VAT-STANDARD", "EE", "km 24%", "24", "9.84", "2.36");
    }

    /** A sale with no channel that is shipped counts as a distance sale, not a counter sale. */
    @Test
    void shippedSaleWithoutChannelIsADistanceSale() {
        assertEquals("FR", DEFAULTS.calculate(shipped("DE", "FR", null, "2025-03-10", true, line("1", "standard", "1.20")))
                .lineTaxes().get(0).component().jurisdiction());
    }

    /** A store outside the EU shipping to an EU consumer: the destination's VAT (as on import; customs not modelled). */
    @Test
    void shipmentIntoTheEuIsTaxedAtTheDestination() {
        assertTax(DEFAULTS.calculate(shipped("CH", "AT", "web", "2025-03-10", true, line("1", "standard", "12.00")))
                .lineTaxes().get(0), "AT-VAT-STANDARD", "AT", "USt 20%", "20", "10.00", "2.00");
    }

    /**
     * The taxing state must be enabled, whichever it is: a rule enabled for France only taxes a
     * German shop's distance sales to France, but not those taxed in Germany (below the threshold,
     * over the counter, exported).
     */
    @Test
    void theTaxingStateMustBeEnabled() {
        EuVatTaxRule franceOnly = new EuVatTaxRule(RateTable.bundled(), VatFixtures.config("FR"));
        assertTrue(franceOnly.covers(TaxAddress.country("FR")));
        assertEquals("FR", franceOnly.calculate(shipped("DE", "FR", "web", "2025-03-10", true, line("1", "standard", "1.20")))
                .lineTaxes().get(0).component().jurisdiction());

        EuVatTaxRule franceOnlyBelow = new EuVatTaxRule(RateTable.bundled(), VatFixtures.config(false, true, "FR"));
        for (TaxRequest request : List.of(
                shipped("DE", "FR", "web", "2025-03-10", true, line("1", "standard", "1.20")),
                shipped("DE", "FR", "register", "2025-03-10", true, line("1", "standard", "1.20")),
                shipped("DE", "CH", "web", "2025-03-10", true, line("1", "standard", "1.20")))) {
            OmnitillException e = assertThrows(OmnitillException.class, () -> franceOnlyBelow.calculate(request));
            assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
            assertEquals("tax_jurisdiction_not_covered", e.code());
            assertTrue(e.getMessage().contains("'DE'"), e.getMessage());
        }
    }

    @Test
    void shipmentBetweenTwoNonMemberStatesOrWithoutCountryIsNotCovered() {
        for (TaxRequest request : List.of(
                shipped("CH", "US", "web", "2025-03-10", true, line("1", "standard", "1.00")),
                new TaxRequest(TaxAddress.country("DE"), new TaxAddress(null, null, "75001", "Paris"), "web",
                        LocalDate.of(2025, 3, 10), Money.currency("EUR"), true, List.of(line("1", "standard", "1.00")),
                        null))) {
            assertEquals("tax_jurisdiction_not_covered",
                    assertThrows(OmnitillException.class, () -> DEFAULTS.calculate(request)).code());
        }
    }

    @Test
    void ossSettingsFollowConfigurationChanges() {
        EuVatTaxRule rule = new EuVatTaxRule(RateTable.bundled(), VatFixtures.config("*"));
        TaxRequest request = shipped("DE", "FR", "web", "2025-03-10", true, line("1", "standard", "1.20"));
        assertEquals("FR", rule.calculate(request).lineTaxes().get(0).component().jurisdiction());
        rule.modified(VatFixtures.config(false, true, "*"));
        assertEquals("DE", rule.calculate(request).lineTaxes().get(0).component().jurisdiction());
        rule.modified(VatFixtures.config(true, true, "*"));
        assertEquals("FR", rule.calculate(request).lineTaxes().get(0).component().jurisdiction());
    }
}
