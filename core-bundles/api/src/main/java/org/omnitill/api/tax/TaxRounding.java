package org.omnitill.api.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tax of one rate on one document, in minor units (cents), for rules that round per document: the
 * document's tax is computed from the sum of its lines and rounded half-up once (as German and
 * Austrian receipts show VAT per rate, or a US state its sales tax per invoice); the
 * rounded tax is then shared among the lines by the largest-remainder method, so that the line
 * taxes add up to exactly the document's tax.
 *
 * <p>The shares are the lines' exact, unrounded taxes (which are proportional to the line amounts):
 * every line first gets its exact tax rounded down, and the cents still missing to the document tax
 * go one each to the lines with the largest remainders, ties to the earlier line. The cents missing
 * are never negative and never more than the number of lines, and each line tax ends up less than
 * one cent away from its exact tax. Because the shares are the exact taxes, a basket whose amounts
 * cancel out (a sale and its return) still shows the tax on each line.
 */
public final class TaxRounding {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TaxRounding() {
    }

    /**
     * @param amounts the line amounts of one rate in minor units: gross if {@code inclusive}, else net
     * @param percent the rate in percent
     * @return the tax of each line in minor units, in the order of {@code amounts}
     */
    public static long[] allocate(long[] amounts, BigDecimal percent, boolean inclusive) {
        BigDecimal divisor = inclusive ? HUNDRED.add(percent) : HUNDRED;
        BigDecimal documentTax = documentTax(amounts, percent, inclusive);

        int n = amounts.length;
        long[] taxes = new long[n];
        BigDecimal[] remainders = new BigDecimal[n];
        long floors = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal exactNumerator = BigDecimal.valueOf(amounts[i]).multiply(percent);
            BigDecimal floor = exactNumerator.divide(divisor, 0, RoundingMode.FLOOR);
            taxes[i] = floor.longValueExact();
            remainders[i] = exactNumerator.subtract(floor.multiply(divisor)); // in [0, divisor)
            floors = Math.addExact(floors, taxes[i]);
        }
        long missing = documentTax.longValueExact() - floors;
        if (missing < 0 || missing > n) {
            throw new IllegalStateException("largest-remainder allocation out of range: " + missing + " for " + n + " lines");
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < missing; k++) {
            taxes[order.get(k)]++;
        }
        return taxes;
    }

    /** The tax of the whole document at one rate, in minor units, rounded half-up. */
    public static BigDecimal documentTax(long[] amounts, BigDecimal percent, boolean inclusive) {
        long sum = 0;
        for (long amount : amounts) {
            sum = Math.addExact(sum, amount);
        }
        BigDecimal divisor = inclusive ? HUNDRED.add(percent) : HUNDRED;
        return BigDecimal.valueOf(sum).multiply(percent).divide(divisor, 0, RoundingMode.HALF_UP);
    }

    /**
     * The tax of a single amount rounded half-up on its own, for rules that round per line.
     *
     * @param amount in minor units: gross if {@code inclusive}, else net
     */
    public static long lineTax(long amount, BigDecimal percent, boolean inclusive) {
        return documentTax(new long[] {amount}, percent, inclusive).longValueExact();
    }
}
