package org.omnitill.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, held exactly at the currency's minor unit (two decimals for EUR,
 * none for JPY). Arithmetic between different currencies is refused, and every operation that
 * could produce a fraction of a minor unit asks for a {@link RoundingMode}.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * An exact amount. Refuses an amount with more decimals than the currency has minor units,
     * since silently rounding a price or tender would create or lose money.
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        int digits = minorDigits(currency);
        try {
            return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode() + " allows ("
                            + digits + ")");
        }
    }

    /** Parses a decimal string such as {@code "12.30"} and an ISO 4217 code such as {@code "EUR"}. */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not a decimal amount");
        }
        return of(value, currency(currencyCode));
    }

    /** Rounds an exact intermediate result (a tax, a weighed line) to the currency's minor unit. */
    public static Money rounded(BigDecimal exact, Currency currency, RoundingMode mode) {
        Objects.requireNonNull(exact, "exact");
        Objects.requireNonNull(mode, "mode");
        return new Money(exact.setScale(minorDigits(currency), mode), currency);
    }

    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, minorDigits(currency)), currency);
    }

    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /** The currency for an ISO 4217 code; refuses codes that are unknown or have no minor unit (XXX). */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a currency code is required");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
        }
        minorDigits(currency);
        return currency;
    }

    private static int minorDigits(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency for money");
        }
        return digits;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in minor units (cents), exact. */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Multiplies by a quantity or factor and rounds the product back to the minor unit. */
    public Money times(BigDecimal factor, RoundingMode mode) {
        Objects.requireNonNull(factor, "factor");
        return rounded(amount.multiply(factor), currency, mode);
    }

    /**
     * Rounds to a multiple of {@code increment}, as cash rounding does (CHF to 0.05, SEK to 1.00).
     * The increment must be a positive multiple of the minor unit.
     */
    public Money roundToIncrement(BigDecimal increment, RoundingMode mode) {
        Objects.requireNonNull(increment, "increment");
        if (increment.signum() <= 0) {
            throw new IllegalArgumentException("rounding increment must be positive: " + increment);
        }
        BigDecimal units = amount.divide(increment, 0, mode);
        return of(units.multiply(increment).setScale(amount.scale(), RoundingMode.UNNECESSARY), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isSameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "currency mismatch: " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount) && currency.equals(m.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    /** For logs and tests, e.g. {@code EUR 12.30}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
