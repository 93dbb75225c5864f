package org.omnitill.api.tax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TaxRoundingTest {

    private static final BigDecimal NINETEEN = BigDecimal.valueOf(19);

    @Test
    void singleLineGetsTheDocumentTax() {
        // UStAE 15.4 (2): 149.95 EUR at 19% contains 23.94 EUR VAT.
        assertArrayEquals(new long[] {2394}, TaxRounding.allocate(new long[] {14995}, NINETEEN, true));
    }

    @Test
    void roundsOncePerDocumentAndSharesTheCentsByLargestRemainder() {
        // 3 x 0.99 gross at 19%: exact 0.158067 each, 0.474202 in all -> document tax 0.47.
        // Rounding each line would give 3 x 0.16 = 0.48; the document shows 0.47, so one line gets 0.15.
        assertEquals(BigDecimal.valueOf(47), TaxRounding.documentTax(new long[] {99, 99, 99}, NINETEEN, true));
        assertArrayEquals(new long[] {16, 16, 15}, TaxRounding.allocate(new long[] {99, 99, 99}, NINETEEN, true));
    }

    @Test
    void theLargestRemainderWinsTheMissingCent() {
        // 1.00 and 0.50 gross at 19%: exact 0.159664 and 0.079832, 0.239496 in all -> 0.24.
        // Floors 0.15 + 0.07 = 0.22; two cents missing, one for each line.
        assertArrayEquals(new long[] {16, 8}, TaxRounding.allocate(new long[] {100, 50}, NINETEEN, true));
        // 0.10 and 0.03 net at 19%: exact 1.9 and 0.57 cents, 2.47 in all -> 0.02. Floors 1 + 0 cents;
        // the one missing cent goes to the larger remainder, 0.9 cent against 0.57.
        assertArrayEquals(new long[] {2, 0}, TaxRounding.allocate(new long[] {10, 3}, NINETEEN, false));
    }

    @Test
    void exclusivePricesAddTheRateToTheNet() {
        // 3 x 0.10 net at 19%: exact 0.019 each, 0.057 -> 0.06; each line gets 0.02.
        assertArrayEquals(new long[] {2, 2, 2}, TaxRounding.allocate(new long[] {10, 10, 10}, NINETEEN, false));
        assertArrayEquals(new long[] {1900}, TaxRounding.allocate(new long[] {10000}, NINETEEN, false));
    }

    @Test
    void aSaleAndItsReturnKeepTheirTaxes() {
        // +119.00 and -119.00 gross: the document owes no tax, yet each line shows its 19.00.
        assertArrayEquals(new long[] {1900, -1900},
                TaxRounding.allocate(new long[] {11900, -11900}, NINETEEN, true));
        // +100.00 and -99.99 gross: exact +15.966387 and -15.964790, document 0.001597 -> 0.00.
        assertArrayEquals(new long[] {1597, -1597},
                TaxRounding.allocate(new long[] {10000, -9999}, NINETEEN, true));
    }

    @Test
    void zeroRateAndEmptyDocuments() {
        assertArrayEquals(new long[] {0, 0}, TaxRounding.allocate(new long[] {1234, 99}, BigDecimal.ZERO, true));
        assertArrayEquals(new long[0], TaxRounding.allocate(new long[0], NINETEEN, true));
    }

    @Test
    void fractionalRates() {
        // 3.17 gross at 5.5%: 3.17 x 5.5 / 105.5 = 0.165261 -> 0.17.
        assertArrayEquals(new long[] {17}, TaxRounding.allocate(new long[] {317}, new BigDecimal("5.5"), true));
    }
}
