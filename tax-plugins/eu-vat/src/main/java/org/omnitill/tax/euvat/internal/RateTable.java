package org.omnitill.tax.euvat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.omnitill.api.error.OmnitillException;

/**
 * The dated VAT rates of the countries in the data, read once from a CSV resource (see
 * {@code vat-rates.csv} for the columns and the sources). Immutable once read.
 */
final class RateTable {

    /** The data shipped inside this bundle. */
    static final String BUNDLED = "vat-rates.csv";

    private static final List<String> COLUMNS = List.of("country", "category", "rate_percent", "effective_from", "label");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> UNTAXED = Set.of("zero", "exempt");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** country -> category -> effective date -> rate */
    private final Map<String, Map<String, NavigableMap<LocalDate, VatRate>>> rates;

    private RateTable(Map<String, Map<String, NavigableMap<LocalDate, VatRate>>> rates) {
        this.rates = rates;
    }

    static RateTable bundled() {
        try (InputStream in = RateTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the bundle");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /**
     * Reads and checks rate data.
     *
     * @param source the name errors refer to
     * @throws IllegalArgumentException naming the line of a malformed or duplicate row
     */
    static RateTable read(Reader reader, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        Map<String, Map<String, NavigableMap<LocalDate, VatRate>>> rates = new TreeMap<>();
        try (CSVParser parser = format.parse(reader)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new IllegalArgumentException(
                        source + ": the header must be " + String.join(",", COLUMNS) + ", was " + parser.getHeaderNames());
            }
            for (CSVRecord record : parser) {
                String where = source + " line " + parser.getCurrentLineNumber();
                VatRate rate = parse(record, where);
                VatRate previous = rates.computeIfAbsent(rate.country(), c -> new TreeMap<>())
                        .computeIfAbsent(rate.category(), c -> new TreeMap<>())
                        .putIfAbsent(rate.effectiveFrom(), rate);
                if (previous != null) {
                    throw new IllegalArgumentException(where + ": a second " + rate.code() + " rate from "
                            + rate.effectiveFrom());
                }
            }
        }
        // Freeze: nothing below is ever modified after construction.
        rates.replaceAll((country, byCategory) -> {
            byCategory.replaceAll((category, history) -> Collections.unmodifiableNavigableMap(history));
            return Collections.unmodifiableMap(byCategory);
        });
        return new RateTable(Collections.unmodifiableMap(rates));
    }

    private static VatRate parse(CSVRecord record, String where) {
        if (!record.isConsistent()) {
            throw new IllegalArgumentException(where + ": expected " + COLUMNS.size() + " columns, found " + record.size());
        }
        String country = record.get("country");
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException(where + ": '" + country + "' is not an upper-case ISO 3166-1 alpha-2 code");
        }
        String category = record.get("category");
        if (!CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException(where + ": '" + category + "' is not a lower-case category code");
        }
        BigDecimal percent;
        try {
            percent = new BigDecimal(record.get("rate_percent"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + record.get("rate_percent") + "' is not a decimal rate", e);
        }
        boolean untaxed = UNTAXED.contains(category);
        if (untaxed ? percent.signum() != 0 : percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException(where + ": rate " + percent.toPlainString() + " is out of range for "
                    + category + (untaxed ? " (must be 0)" : " (must be above 0 and below 100)"));
        }
        LocalDate from;
        try {
            from = LocalDate.parse(record.get("effective_from"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + record.get("effective_from") + "' is not an ISO date", e);
        }
        String label = record.get("label");
        if (label.isEmpty()) {
            throw new IllegalArgumentException(where + ": the label is empty");
        }
        return new VatRate(country, category, percent, from, label);
    }

    Set<String> countries() {
        return rates.keySet();
    }

    boolean hasCountry(String country) {
        return rates.containsKey(country);
    }

    /** The categories of a country in the data (empty for an unknown country). */
    Set<String> categories(String country) {
        Map<String, NavigableMap<LocalDate, VatRate>> byCategory = rates.get(country);
        return byCategory == null ? Set.of() : byCategory.keySet();
    }

    /** Every rate of a country and category, by the date it takes effect (empty if unknown). */
    NavigableMap<LocalDate, VatRate> history(String country, String category) {
        Map<String, NavigableMap<LocalDate, VatRate>> byCategory = rates.get(country);
        NavigableMap<LocalDate, VatRate> history = byCategory == null ? null : byCategory.get(category);
        return history == null ? Collections.emptyNavigableMap() : history;
    }

    /**
     * The rate in force for the category in the country on the date.
     *
     * @throws OmnitillException {@code UNPROCESSABLE} when the country or the category is unknown, or
     *         the date is before the first rate of the category
     */
    VatRate rateOn(String country, String category, LocalDate date) {
        Map<String, NavigableMap<LocalDate, VatRate>> byCategory = rates.get(country);
        if (byCategory == null) {
            throw OmnitillException.unprocessable("tax_jurisdiction_unknown",
                    "EU VAT has no rates for country '" + country + "'; it knows " + countries());
        }
        NavigableMap<LocalDate, VatRate> history = category == null ? null : byCategory.get(category);
        if (history == null) {
            throw OmnitillException.unprocessable("tax_category_unknown", "Tax category '" + category
                    + "' is not known for " + country + " VAT; known categories are " + byCategory.keySet());
        }
        Map.Entry<LocalDate, VatRate> inForce = history.floorEntry(date);
        if (inForce == null) {
            throw OmnitillException.unprocessable("tax_rate_not_in_force", "No " + country + " VAT rate for category '"
                    + category + "' on " + date + ": the first known rate applies from " + history.firstKey());
        }
        return inForce.getValue();
    }
}
