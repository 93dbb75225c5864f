package org.omnitill.payment.cash.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.omnitill.api.money.Money;

/**
 * The cash rounding increments in force: what the smallest coin in circulation forces a cash total
 * to be a multiple of. An increment for a (country, currency) pair wins over one for the currency
 * alone; where neither is set, cash is paid to the minor unit. Immutable.
 *
 * <p>The defaults, with the public sources they were checked against:
 * <ul>
 * <li>CHF 0.05: the 1-Rappen coin stopped being legal tender on 1 January 2007 (Federal Council
 * decision of 12 April 2006, reported by swissinfo.ch); cash totals are rounded to 5 Rappen.</li>
 * <li>DKK 0.50: the 25-øre coin was withdrawn on 1 October 2008; Danmarks Nationalbank's FAQ gives
 * .01-.24 down to the krone, .25-.74 to .50, .75-.99 up.</li>
 * <li>SEK 1.00: the 50-öre coin ceased to be legal tender on 30 September 2010 and the rounding act
 * (SFS 1970:1029) was amended: 1-49 öre down, 50-99 up (Sveriges Riksbank notice, 2009).</li>
 * <li>NOK 1.00: the 50-øre coin ceased to be legal tender on 1 May 2012; Norges Bank regulation
 * FOR-2011-03-16-294 § 2: 1-49 øre down, 50-99 up.</li>
 * <li>CAD 0.05: the penny was no longer distributed from 4 February 2013; the Canada Revenue Agency's
 * "Phasing out the penny" guideline rounds cash totals to the nearest five cents.</li>
 * <li>AUD 0.05: the 1- and 2-cent coins were withdrawn in 1992; cash totals are rounded to 5 cents.</li>
 * <li>NZD 0.10: the 5-cent coin was withdrawn in 2006 (Reserve Bank of New Zealand, July 2006).
 * Retailers choose how to round an amount ending in exactly 5 cents (many round it down); this
 * plugin rounds halves up, like everywhere else. Configure per store if that does not fit.</li>
 * <li>EUR 0.05 in the euro countries that round cash totals by law or by official scheme:
 * Netherlands (allowed since 2004, Rijksoverheid: 1-2 down, 3-4 up to 5, 6-7 down to 5, 8-9 up),
 * Belgium (compulsory for cash since 1 December 2019, law of 2 May 2019, CBN advice 2020/02),
 * Finland (by law), Ireland (national rounding scheme of the Central Bank, 2015, voluntary),
 * Italy (art. 13-quater DL 50/2017, from 1 January 2018) and Slovakia (price act amended with effect
 * from 1 July 2022: below half of 5 cents down, half or more up). Other euro countries do not round
 * cash, so EUR stays exact unless a country is listed.</li>
 * </ul>
 * Known simplifications: Belgium rounds only totals above 5 cents and Slovakia rounds a 1 or 2 cent
 * total up to 5 cents; both edge cases round to the nearest increment here.
 */
final class CashRounding {

    static final String DEFAULT_CURRENCY_INCREMENTS =
            "CHF:0.05,DKK:0.50,SEK:1.00,NOK:1.00,CAD:0.05,AUD:0.05,NZD:0.10";
    static final String DEFAULT_COUNTRY_INCREMENTS =
            "NL:EUR:0.05,BE:EUR:0.05,FI:EUR:0.05,IE:EUR:0.05,IT:EUR:0.05,SK:EUR:0.05";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Map<Currency, BigDecimal> byCurrency;
    private final Map<String, BigDecimal> byCountryAndCurrency;

    private CashRounding(Map<Currency, BigDecimal> byCurrency, Map<String, BigDecimal> byCountryAndCurrency) {
        this.byCurrency = Map.copyOf(byCurrency);
        this.byCountryAndCurrency = Map.copyOf(byCountryAndCurrency);
    }

    static CashRounding defaults() {
        return parse(new String[] {DEFAULT_CURRENCY_INCREMENTS}, new String[] {DEFAULT_COUNTRY_INCREMENTS});
    }

    /**
     * Parses the configuration. Each array element may itself hold a comma-separated list, because a
     * Karaf {@code .cfg} file hands a list over as one string.
     *
     * @param currencyIncrements entries {@code CUR:increment}, e.g. {@code CHF:0.05}
     * @param countryIncrements entries {@code CC:CUR:increment}, e.g. {@code NL:EUR:0.05}
     * @throws IllegalArgumentException naming the entry that is malformed
     */
    static CashRounding parse(String[] currencyIncrements, String[] countryIncrements) {
        Map<Currency, BigDecimal> byCurrency = new HashMap<>();
        for (String entry : entries(currencyIncrements)) {
            String[] parts = entry.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "currencyIncrements entry '" + entry + "' is not of the form CUR:increment, e.g. CHF:0.05");
            }
            Currency currency = currency(parts[0], entry);
            byCurrency.put(currency, increment(parts[1], currency, entry));
        }
        Map<String, BigDecimal> byCountry = new HashMap<>();
        for (String entry : entries(countryIncrements)) {
            String[] parts = entry.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("countryIncrements entry '" + entry
                        + "' is not of the form CC:CUR:increment, e.g. NL:EUR:0.05");
            }
            String country = parts[0].trim().toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(country).matches()) {
                throw new IllegalArgumentException("countryIncrements entry '" + entry
                        + "' does not start with an ISO 3166-1 alpha-2 country code");
            }
            Currency currency = currency(parts[1], entry);
            byCountry.put(key(country, currency), increment(parts[2], currency, entry));
        }
        return new CashRounding(byCurrency, byCountry);
    }

    /** The increment cash totals in {@code currency} are rounded to in {@code country}, if any. */
    Optional<BigDecimal> incrementFor(String country, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (country != null && !country.isBlank()) {
            BigDecimal specific = byCountryAndCurrency.get(key(country.trim().toUpperCase(Locale.ROOT), currency));
            if (specific != null) {
                return Optional.of(specific);
            }
        }
        return Optional.ofNullable(byCurrency.get(currency));
    }

    /** The amount due in cash: rounded to the nearest increment, halves up; unchanged where cash is exact. */
    Money cashAmount(Money due, String country) {
        return incrementFor(country, due.currency())
                .map(increment -> due.roundToIncrement(increment, RoundingMode.HALF_UP))
                .orElse(due);
    }

    private static String key(String country, Currency currency) {
        return country + ":" + currency.getCurrencyCode();
    }

    private static List<String> entries(String[] values) {
        List<String> entries = new ArrayList<>();
        if (values == null) {
            return entries;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    private static Currency currency(String code, String entry) {
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cash rounding entry '" + entry + "': " + e.getMessage(), e);
        }
    }

    private static BigDecimal increment(String text, Currency currency, String entry) {
        BigDecimal increment;
        try {
            increment = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cash rounding entry '" + entry + "': '" + text.trim()
                    + "' is not a decimal increment", e);
        }
        if (increment.signum() <= 0) {
            throw new IllegalArgumentException("cash rounding entry '" + entry + "': the increment must be positive");
        }
        // A multiple of the minor unit: 0.05 for EUR, but not 0.005 (nor 0.5 for JPY).
        if (increment.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new IllegalArgumentException("cash rounding entry '" + entry + "': " + increment.toPlainString()
                    + " is finer than the minor unit of " + currency.getCurrencyCode());
        }
        return increment;
    }
}
