package org.omnitill.payment.giftcard.internal;

import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.omnitill.api.money.Money;

/**
 * The most an account may hold, per currency: issues, top-ups and adjustments beyond it are refused.
 * Cards can be issued only in the currencies listed. Immutable.
 */
final class BalanceLimits {

    /**
     * Roughly EUR 500 in each currency: a retailer's policy cap against mistakes and fraud, not a
     * legal limit; operators set their own (and check the rules for prepaid value where they trade).
     */
    static final String DEFAULTS = "EUR:500.00,USD:500.00,GBP:500.00,CHF:500.00,CAD:500.00,AUD:500.00,NZD:500.00,"
            + "SEK:5000.00,NOK:5000.00,DKK:3500.00";

    private final Map<Currency, Money> maximum;

    private BalanceLimits(Map<Currency, Money> maximum) {
        this.maximum = Map.copyOf(maximum);
    }

    static BalanceLimits defaults() {
        return parse(new String[] {DEFAULTS});
    }

    /**
     * Reads {@code CUR:amount} entries; an element may itself hold several separated by commas (a
     * Karaf {@code .cfg} file passes a list as one string).
     *
     * @throws IllegalArgumentException naming the entry that is malformed, repeated or not positive
     */
    static BalanceLimits parse(String[] entries) {
        Map<Currency, Money> limits = new HashMap<>();
        Arrays.stream(entries == null ? new String[0] : entries)
                .filter(Objects::nonNull)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .forEach(entry -> {
                    Money limit = limit(entry);
                    if (limits.putIfAbsent(limit.currency(), limit) != null) {
                        throw new IllegalArgumentException(
                                "maxBalance lists " + limit.currencyCode() + " twice ('" + entry + "')");
                    }
                });
        return new BalanceLimits(limits);
    }

    private static Money limit(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0 || colon != entry.lastIndexOf(':')) {
            throw new IllegalArgumentException(
                    "maxBalance entry '" + entry + "' is not of the form CUR:amount, e.g. EUR:500.00");
        }
        Money limit;
        try {
            limit = Money.of(entry.substring(colon + 1), entry.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("maxBalance entry '" + entry + "': " + e.getMessage(), e);
        }
        if (!limit.isPositive()) {
            throw new IllegalArgumentException("maxBalance entry '" + entry + "': the maximum must be positive");
        }
        return limit;
    }

    /** The most an account in this currency may hold, or empty if cards are not issued in it. */
    Optional<Money> maximum(Currency currency) {
        return Optional.ofNullable(maximum.get(currency));
    }
}
