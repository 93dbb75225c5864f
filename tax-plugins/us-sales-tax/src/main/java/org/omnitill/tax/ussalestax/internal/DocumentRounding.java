package org.omnitill.tax.ussalestax.internal;

import java.math.BigDecimal;

import org.omnitill.api.tax.TaxRounding;

/**
 * Sales tax of one document, rounded as Texas (Tax Code 151.053, 322.103(b), 323.201(b)) and
 * Washington (RCW 82.08.054, following the Streamlined Sales and Use Tax Agreement, section 324)
 * prescribe: the tax of all taxable items of the invoice at the combined state and local rates,
 * carried to the third decimal and rounded half-up to the cent once.
 *
 * <p>That total is shown per component (jurisdiction and rate) and per line, in two steps that both
 * use {@link TaxRounding#allocate}: the document total is shared among the components by the largest
 * remainder of their exact taxes, and each component's share among its lines. Rounding each component
 * by itself instead could differ from the combined rounding by a cent per component (a 0.99 item in
 * Los Angeles: seven components, 7 cents instead of 10). {@code TaxRounding} rounds a component's
 * lines to that component's own half-up total, which can be one cent off its share of the combined
 * total; that cent is then moved to or from the line farthest from its exact tax, so every line tax
 * stays less than a cent from its exact value.
 */
final class DocumentRounding {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DocumentRounding() {
    }

    /**
     * @param amounts per component, the net amounts in cents of the lines it taxes
     * @param percents per component, its rate in percent
     * @return per component, the tax of each of its lines in cents; the sum over all is the
     *         document's tax at the combined rates, rounded half-up
     */
    static long[][] taxes(long[][] amounts, BigDecimal[] percents) {
        int components = amounts.length;
        long[] shares = componentShares(amounts, percents);
        long[][] taxes = new long[components][];
        for (int c = 0; c < components; c++) {
            taxes[c] = TaxRounding.allocate(amounts[c], percents[c], false);
            long difference = shares[c] - sum(taxes[c]);
            if (difference != 0) {
                moveCent(amounts[c], percents[c], taxes[c], difference);
            }
        }
        return taxes;
    }

    /**
     * Each component's share of the document tax. A component's exact tax is {@code base x rate / 100}
     * cents; scaled by 10^k (k = the most decimals of a rate) it is a whole number {@code N}, and
     * {@code allocate(N, 10^-k %)} gives the exact taxes {@code N x 10^-k / 100} back: their sum rounded
     * half-up, shared by largest remainder, ties to the earlier component.
     */
    private static long[] componentShares(long[][] amounts, BigDecimal[] percents) {
        int scale = 0;
        for (BigDecimal percent : percents) {
            scale = Math.max(scale, percent.stripTrailingZeros().scale());
        }
        long[] scaled = new long[amounts.length];
        for (int c = 0; c < amounts.length; c++) {
            scaled[c] = BigDecimal.valueOf(sum(amounts[c])).multiply(percents[c]).movePointRight(scale)
                    .longValueExact();
        }
        return TaxRounding.allocate(scaled, BigDecimal.ONE.movePointLeft(scale), false);
    }

    /**
     * Adds {@code difference} (+1 or -1 cent) to the line whose tax is farthest below (for +1) or
     * above (for -1) its exact tax, the earlier line on a tie.
     */
    private static void moveCent(long[] amounts, BigDecimal percent, long[] taxes, long difference) {
        if (Math.abs(difference) != 1) {
            throw new IllegalStateException("a component's share differs by " + difference + " cents from its lines");
        }
        int chosen = -1;
        BigDecimal chosenGap = null;
        for (int i = 0; i < amounts.length; i++) {
            // exact tax minus allocated tax, in hundredths of a cent
            BigDecimal gap = BigDecimal.valueOf(amounts[i]).multiply(percent)
                    .subtract(BigDecimal.valueOf(taxes[i]).multiply(HUNDRED));
            boolean farther = chosen < 0 || (difference > 0 ? gap.compareTo(chosenGap) > 0 : gap.compareTo(chosenGap) < 0);
            if (farther) {
                chosen = i;
                chosenGap = gap;
            }
        }
        taxes[chosen] += difference;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum = Math.addExact(sum, value);
        }
        return sum;
    }
}
