package org.omnitill.api.cart;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.omnitill.api.money.Money;

/**
 * A discount on one cart line: either a {@code percent} of the line total (more than 0, at most 100,
 * at most two decimals) or a fixed {@code amount} in the cart's currency (positive, at most the line
 * total), never both; {@code reason} is required. The record only carries the request;
 * {@link CartService#discountLine} checks it.
 *
 * <p>A percent discount becomes money by {@link #amountOf(Money)}: the percent of the line total,
 * rounded half-up to the minor unit. It stays a percent of the line: when the line's quantity or
 * price changes, its money is worked out again. An amount discount stays the same money.
 */
public record LineDiscount(BigDecimal percent, Money amount, String reason) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static LineDiscount ofPercent(BigDecimal percent, String reason) {
        return new LineDiscount(percent, null, reason);
    }

    public static LineDiscount ofAmount(Money amount, String reason) {
        return new LineDiscount(null, amount, reason);
    }

    /**
     * The money this discount takes off a line whose total (unit price times quantity, before any
     * discount) is {@code lineTotal}: the amount, or the percent of it rounded half-up to the minor unit.
     *
     * @throws IllegalArgumentException if neither or both of percent and amount are given
     */
    public Money amountOf(Money lineTotal) {
        requireOneKind();
        if (amount != null) {
            return amount;
        }
        return moneyOf(lineTotal, percent);
    }

    /**
     * The size of this discount as a percent of {@code lineTotal} (the total before any discount),
     * e.g. to decide whether it needs a manager's approval: a percent discount answers its percent;
     * an amount discount answers amount / line total × 100, rounded up at the fourth decimal so that
     * it is never understated (and 100 on a line that costs nothing).
     *
     * @throws IllegalArgumentException if neither or both of percent and amount are given, or the
     *         currencies differ
     */
    public BigDecimal percentOf(Money lineTotal) {
        requireOneKind();
        if (percent != null) {
            return percent;
        }
        return percentage(amount, lineTotal);
    }

    /**
     * {@code discount} as a percent of {@code lineTotal}, rounded up at the fourth decimal; 100 when the
     * line total is not positive and the discount is, 0 when the discount is zero.
     */
    public static BigDecimal percentage(Money discount, Money lineTotal) {
        if (!discount.isSameCurrency(lineTotal)) {
            throw new IllegalArgumentException(
                    "currency mismatch: " + discount.currencyCode() + " and " + lineTotal.currencyCode());
        }
        if (!discount.isPositive()) {
            return BigDecimal.ZERO;
        }
        if (!lineTotal.isPositive()) {
            return HUNDRED;
        }
        return discount.amount().multiply(HUNDRED).divide(lineTotal.amount(), 4, RoundingMode.UP).stripTrailingZeros();
    }

    /** {@code percent} of {@code lineTotal}, rounded half-up to the minor unit. */
    public static Money moneyOf(Money lineTotal, BigDecimal percent) {
        return lineTotal.times(percent.movePointLeft(2), RoundingMode.HALF_UP);
    }

    private void requireOneKind() {
        if ((percent == null) == (amount == null)) {
            throw new IllegalArgumentException("a line discount is either a percent or an amount");
        }
    }
}
