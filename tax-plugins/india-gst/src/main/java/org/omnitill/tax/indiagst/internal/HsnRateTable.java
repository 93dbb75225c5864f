package org.omnitill.tax.indiagst.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.omnitill.api.error.OmnitillException;

/**
 * The dated GST rates of HSN prefixes and generic categories, read once from {@code gst-rates.csv}
 * (see it for the columns and the notifications each row is from). Immutable once read.
 */
final class HsnRateTable {

    static final String BUNDLED = "gst-rates.csv";

    private static final List<String> HEADER = List.of("category", "rate_percent", "cess_percent", "max_unit_value",
            "effective_from", "description");
    private static final Pattern HSN_PREFIX = Pattern.compile("hsn:[0-9]{2,8}");
    private static final Pattern GENERIC = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Set<String> UNTAXED = Set.of("exempt", "zero");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** HSN digits (without "hsn:") -> effective date -> the rows in force from then. */
    private final Map<String, NavigableMap<LocalDate, Bands>> hsn;
    /** generic category -> effective date -> its row. */
    private final Map<String, NavigableMap<LocalDate, Bands>> generic;
    private final Set<GstSlab> slabs;

    private HsnRateTable(Map<String, NavigableMap<LocalDate, Bands>> hsn,
            Map<String, NavigableMap<LocalDate, Bands>> generic, Set<GstSlab> slabs) {
        this.hsn = hsn;
        this.generic = generic;
        this.slabs = slabs;
    }

    static HsnRateTable bundled() {
        return DataFiles.load(BUNDLED, HsnRateTable::read);
    }

    /**
     * Reads and checks rate data.
     *
     * @param source the name errors refer to
     * @throws IllegalArgumentException naming the line of a malformed or repeated row, or the category
     *         and date of a band set without exactly one top band
     */
    static HsnRateTable read(Reader reader, String source) throws IOException {
        // category -> date -> rows, before the rows of one date become Bands
        Map<String, TreeMap<LocalDate, List<RateRow>>> collected = new TreeMap<>();
        try (CSVParser parser = DataFiles.open(reader, source, HEADER)) {
            for (CSVRecord record : parser) {
                String at = source + " line " + parser.getCurrentLineNumber();
                RateRow row = row(record, at);
                List<RateRow> sameDay = collected.computeIfAbsent(row.category(), c -> new TreeMap<>())
                        .computeIfAbsent(row.effectiveFrom(), d -> new ArrayList<>());
                for (RateRow other : sameDay) {
                    if (Objects.equals(other.maxUnitValue(), row.maxUnitValue())) {
                        throw new IllegalArgumentException(at + ": a second row for " + row.category() + " from "
                                + row.effectiveFrom() + (row.maxUnitValue() == null ? "" : " up to " + row.maxUnitValue()));
                    }
                }
                sameDay.add(row);
            }
        }
        Map<String, NavigableMap<LocalDate, Bands>> hsn = new TreeMap<>();
        Map<String, NavigableMap<LocalDate, Bands>> generic = new TreeMap<>();
        Set<GstSlab> slabs = new LinkedHashSet<>();
        collected.forEach((category, byDate) -> {
            NavigableMap<LocalDate, Bands> history = new TreeMap<>();
            byDate.forEach((date, rows) -> {
                try {
                    history.put(date, Bands.of(rows));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
                }
                rows.forEach(row -> slabs.add(row.slab()));
            });
            boolean isHsn = category.startsWith(CategoryCode.HSN);
            (isHsn ? hsn : generic).put(isHsn ? category.substring(CategoryCode.HSN.length()) : category,
                    Collections.unmodifiableNavigableMap(history));
        });
        return new HsnRateTable(Collections.unmodifiableMap(hsn), Collections.unmodifiableMap(generic),
                Collections.unmodifiableSet(slabs));
    }

    private static RateRow row(CSVRecord record, String at) {
        if (!record.isConsistent()) {
            throw new IllegalArgumentException(at + ": expected " + HEADER.size() + " columns, found " + record.size());
        }
        String category = record.get("category");
        boolean isHsn = HSN_PREFIX.matcher(category).matches();
        if (!isHsn && !GENERIC.matcher(category).matches()) {
            throw new IllegalArgumentException(at + ": '" + category
                    + "' is neither hsn:<2 to 8 digits> nor a lower-case generic category");
        }
        BigDecimal rate = percent(record.get("rate_percent"), "rate_percent", at);
        String cessText = record.get("cess_percent");
        BigDecimal cess = cessText.isEmpty() ? BigDecimal.ZERO : percent(cessText, "cess_percent", at);
        boolean untaxed = UNTAXED.contains(category);
        if (untaxed && rate.signum() != 0 || !isHsn && !untaxed && rate.signum() == 0) {
            throw new IllegalArgumentException(at + ": rate " + rate.toPlainString() + " is out of range for " + category
                    + (untaxed ? " (must be 0)" : " (must be above 0)"));
        }
        if (cess.signum() != 0 && rate.signum() == 0) {
            throw new IllegalArgumentException(at + ": cess on an untaxed category");
        }
        GstSlab.Treatment treatment = rate.signum() > 0 ? GstSlab.Treatment.TAXABLE
                : "zero".equals(category) ? GstSlab.Treatment.NIL : GstSlab.Treatment.EXEMPT;
        BigDecimal max = null;
        String maxText = record.get("max_unit_value");
        if (!maxText.isEmpty()) {
            if (!isHsn) {
                throw new IllegalArgumentException(at + ": only HSN rows can have a max_unit_value");
            }
            max = decimal(maxText, "max_unit_value", at);
            if (max.signum() <= 0) {
                throw new IllegalArgumentException(at + ": max_unit_value must be positive");
            }
        }
        LocalDate from;
        try {
            from = LocalDate.parse(record.get("effective_from"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + ": '" + record.get("effective_from") + "' is not an ISO date", e);
        }
        String description = record.get("description");
        if (description.isEmpty()) {
            throw new IllegalArgumentException(at + ": the description is empty");
        }
        return new RateRow(category, new GstSlab(rate, cess, treatment), max, from, description);
    }

    private static BigDecimal percent(String text, String column, String at) {
        BigDecimal value = decimal(text, column, at);
        if (value.signum() < 0 || value.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException(at + ": " + column + " " + text + " is not in [0, 100)");
        }
        return value;
    }

    private static BigDecimal decimal(String text, String column, String at) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + ": " + column + " '" + text + "' is not a decimal number", e);
        }
    }

    /** Every slab some row has, for precomputing the tax components. */
    Set<GstSlab> slabs() {
        return slabs;
    }

    /** The generic categories of the data. */
    Set<String> genericCategories() {
        return generic.keySet();
    }

    /**
     * The row that taxes a category on a date. An HSN code is taxed by its longest prefix in the data
     * that has a row in force on the date.
     *
     * @throws OmnitillException {@code UNPROCESSABLE}: {@code tax_category_unknown} if no prefix (or
     *         generic code) is in the data, {@code tax_rate_not_in_force} if none has a row in force on
     *         the date, {@code tax_unit_value_required} if the rate depends on the sale value per piece
     *         and the category does not give it
     */
    RateRow rowFor(CategoryCode code, LocalDate date) {
        if (code.hsnDigits() == null) {
            NavigableMap<LocalDate, Bands> history = generic.get(code.generic());
            if (history == null) {
                throw OmnitillException.unprocessable("tax_category_unknown", "Tax category '" + code.generic()
                        + "' is not known to India GST: use hsn:<HSN code> or one of " + generic.keySet());
            }
            return pick(code, inForce(code, history, date));
        }
        String digits = code.hsnDigits();
        LocalDate firstKnown = null;
        for (int length = digits.length(); length >= 2; length--) {
            NavigableMap<LocalDate, Bands> history = hsn.get(digits.substring(0, length));
            if (history != null) {
                Map.Entry<LocalDate, Bands> entry = history.floorEntry(date);
                if (entry != null) {
                    return pick(code, entry.getValue());
                }
                firstKnown = firstKnown == null || history.firstKey().isBefore(firstKnown) ? history.firstKey() : firstKnown;
            }
        }
        if (firstKnown == null) {
            throw OmnitillException.unprocessable("tax_category_unknown", "HSN code " + digits
                    + " has no GST rate in India GST's data; give the product a listed HSN code or a generic category");
        }
        throw notInForce(code, date, firstKnown);
    }

    private static Bands inForce(CategoryCode code, NavigableMap<LocalDate, Bands> history, LocalDate date) {
        Map.Entry<LocalDate, Bands> entry = history.floorEntry(date);
        if (entry == null) {
            throw notInForce(code, date, history.firstKey());
        }
        return entry.getValue();
    }

    private static OmnitillException notInForce(CategoryCode code, LocalDate date, LocalDate first) {
        return OmnitillException.unprocessable("tax_rate_not_in_force", "No GST rate for '" + code.display() + "' on "
                + date + ": the first known rate applies from " + first);
    }

    private static RateRow pick(CategoryCode code, Bands bands) {
        if (!bands.banded()) {
            return bands.only();
        }
        if (code.unitValue() == null) {
            RateRow any = bands.only();
            throw OmnitillException.unprocessable("tax_unit_value_required", "The GST rate of " + code.display()
                    + " depends on the sale value per piece (" + any.description() + "); give the category as "
                    + code.display() + "@<value per piece in INR excluding GST>, e.g. " + code.display() + "@799");
        }
        return bands.forUnitValue(code.unitValue());
    }
}
