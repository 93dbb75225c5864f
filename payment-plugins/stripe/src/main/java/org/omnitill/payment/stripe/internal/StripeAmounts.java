package org.omnitill.payment.stripe.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;

/**
 * Amounts as Stripe's API writes them: an integer in the currency's smallest unit, where Stripe's idea of
 * the smallest unit is not always ISO 4217's (Stripe docs, "Supported currencies", sections "Zero-decimal
 * currencies", "Three-decimal currencies" and "Special cases"):
 * <ul>
 * <li>Zero-decimal currencies (JPY, KRW, ...): the amount in whole units, {@code 500} is JPY 500. Stripe
 * counts MGA among them although ISO 4217 gives it two decimals, so an MGA amount must be whole.</li>
 * <li>ISK: ISO 4217 has no decimals, but the API keeps two for backwards compatibility: ISK 5 is
 * {@code 500}, and the amount must be a multiple of 100 (whole krónur).</li>
 * <li>Three-decimal currencies (BHD, JOD, KWD, OMR, TND): the amount in thousandths with a last digit of
 * 0, e.g. KWD 5.120 is {@code 5120}; KWD 5.125 is refused.</li>
 * <li>Everything else: ISO 4217's minor unit (cents).</li>
 * </ul>
 */
final class StripeAmounts {

    /** Stripe's zero-decimal currencies, as listed in its "Supported currencies" page. */
    static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG",
            "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
    private static final String TWO_DECIMAL_FOR_COMPATIBILITY = "ISK";

    private StripeAmounts() {
    }

    /** How many decimals the integer amount of {@code currency} has in Stripe's API. */
    static int decimals(Currency currency) {
        String code = currency.getCurrencyCode();
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        if (TWO_DECIMAL_FOR_COMPATIBILITY.equals(code)) {
            return 2;
        }
        return currency.getDefaultFractionDigits();
    }

    /**
     * The integer amount to send.
     *
     * @throws OmnitillException (invalid) when Stripe cannot express the amount: a fraction of a zero-decimal
     *         currency, or a three-decimal amount whose last digit is not 0
     */
    static long toStripe(Money money) {
        Currency currency = money.currency();
        long amount;
        try {
            amount = money.amount().movePointRight(decimals(currency)).longValueExact();
        } catch (ArithmeticException e) {
            throw OmnitillException.invalid("amount_not_supported_by_stripe", "Stripe charges "
                    + currency.getCurrencyCode() + " in whole units only; " + money + " has a fraction");
        }
        if (THREE_DECIMAL.contains(currency.getCurrencyCode()) && amount % 10 != 0) {
            throw OmnitillException.invalid("amount_not_supported_by_stripe", "Stripe needs "
                    + currency.getCurrencyCode() + " amounts rounded to 0.010; " + money + " is not");
        }
        return amount;
    }

    /** The money an integer amount from Stripe stands for, e.g. {@code (1500, "jpy")} is JPY 1500. */
    static Money fromStripe(long amount, String currencyCode) {
        Currency currency = Money.currency(currencyCode);
        return Money.of(BigDecimal.valueOf(amount, decimals(currency)), currency);
    }

    /** Stripe writes currency codes in lower case. */
    static String currencyCode(Money money) {
        return money.currencyCode().toLowerCase(Locale.ROOT);
    }
}
