package org.omnitill.tax.canada.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.omnitill.api.error.OmnitillException;

/**
 * The Canadian sales tax data (rates and taxability, see the two CSV resources for their columns and
 * sources), checked and indexed once: for every province, category and period between two dates of
 * the data, the taxes a line bears are worked out in advance, so that a calculation only looks them
 * up. Immutable once built.
 */
final class TaxTable {

    static final String RATES = "sales-tax-rates.csv";
    static final String TAXABILITY = "taxability.csv";

    static final List<String> RATE_COLUMNS = List.of("jurisdiction", "tax", "rate_percent", "effective_from",
            "receipt_name");
    static final List<String> TAXABILITY_COLUMNS = List.of("province", "category", "tax", "treatment",
            "effective_from");

    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern RECEIPT_NAME = Pattern.compile("[A-Z]{2,5}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The federal GST by date. */
    private final NavigableMap<LocalDate, RateRow> gst;
    /** province -> HST, PST or QST -> date -> rate */
    private final Map<String, Map<SalesTax, NavigableMap<LocalDate, RateRow>>> provincial;
    /** province (or *) -> category -> tax key -> date -> treatment */
    private final Map<String, Map<String, Map<String, NavigableMap<LocalDate, Treatment>>>> treatments;
    private final Set<String> categories;
    private final LocalDate firstDate;
    /** province -> category -> first day of a period -> the taxes of that period */
    private final Map<String, Map<String, NavigableMap<LocalDate, Resolution>>> index;

    private TaxTable(List<RateRow> rates, List<TaxabilityRow> taxability) {
        NavigableMap<LocalDate, RateRow> federal = new TreeMap<>();
        Map<String, Map<SalesTax, NavigableMap<LocalDate, RateRow>>> byProvince = new TreeMap<>();
        NavigableSet<LocalDate> dates = new TreeSet<>();
        for (RateRow rate : rates) {
            NavigableMap<LocalDate, RateRow> history = rate.province() == null ? federal
                    : byProvince.computeIfAbsent(rate.province(), p -> new EnumMap<>(SalesTax.class))
                            .computeIfAbsent(rate.tax(), t -> new TreeMap<>());
            if (history.putIfAbsent(rate.effectiveFrom(), rate) != null) {
                throw new IllegalArgumentException("a second " + rate.jurisdiction() + " " + rate.tax() + " rate from "
                        + rate.effectiveFrom());
            }
            dates.add(rate.effectiveFrom());
        }
        if (federal.isEmpty()) {
            throw new IllegalArgumentException("the rate data has no GST");
        }
        byProvince.forEach((province, taxes) -> {
            if (taxes.containsKey(SalesTax.HST) && (taxes.containsKey(SalesTax.PST) || taxes.containsKey(SalesTax.QST))) {
                throw new IllegalArgumentException(province + " has both an HST and a provincial sales tax; a province's"
                        + " kind of taxes must not change within the data");
            }
        });

        Map<String, Map<String, Map<String, NavigableMap<LocalDate, Treatment>>>> byScope = new HashMap<>();
        Set<String> knownCategories = new TreeSet<>();
        for (TaxabilityRow row : taxability) {
            checkAgainstRates(row, byProvince);
            NavigableMap<LocalDate, Treatment> history = byScope.computeIfAbsent(row.province(), p -> new HashMap<>())
                    .computeIfAbsent(row.category(), c -> new HashMap<>())
                    .computeIfAbsent(row.taxKey(), k -> new TreeMap<>());
            if (history.putIfAbsent(row.effectiveFrom(), row.treatment()) != null) {
                throw new IllegalArgumentException("a second " + row.taxKey() + " treatment of " + row.category() + " in "
                        + row.province() + " from " + row.effectiveFrom());
            }
            knownCategories.add(row.category());
            dates.add(row.effectiveFrom());
        }

        this.gst = federal;
        this.provincial = byProvince;
        this.treatments = byScope;
        this.categories = Collections.unmodifiableSet(knownCategories);
        this.firstDate = dates.first();
        this.index = buildIndex(dates);
    }

    private static void checkAgainstRates(TaxabilityRow row,
            Map<String, Map<SalesTax, NavigableMap<LocalDate, RateRow>>> rates) {
        if (TaxabilityRow.EVERY_PROVINCE.equals(row.province())) {
            return;
        }
        Map<SalesTax, NavigableMap<LocalDate, RateRow>> own = rates.getOrDefault(row.province(), Map.of());
        boolean levied = switch (row.taxKey()) {
            case "PST" -> own.containsKey(SalesTax.PST);
            case "QST" -> own.containsKey(SalesTax.QST);
            default -> row.treatment() != Treatment.PROVINCIAL_PART_REBATED || own.containsKey(SalesTax.HST);
        };
        if (!levied) {
            throw new IllegalArgumentException(row.province() + " " + row.category() + ": " + row.province()
                    + (row.treatment() == Treatment.PROVINCIAL_PART_REBATED ? " has no HST whose provincial part could be rebated"
                            : " levies no " + row.taxKey()));
        }
    }

    private Map<String, Map<String, NavigableMap<LocalDate, Resolution>>> buildIndex(NavigableSet<LocalDate> dates) {
        Map<String, Map<String, NavigableMap<LocalDate, Resolution>>> result = new HashMap<>();
        for (String province : Provinces.ALL) {
            Map<String, NavigableMap<LocalDate, Resolution>> byCategory = new HashMap<>();
            for (String category : categories) {
                NavigableMap<LocalDate, Resolution> periods = new TreeMap<>();
                for (LocalDate date : dates) {
                    Resolution resolution;
                    try {
                        resolution = Resolution.of(levies(province, category, date));
                    } catch (OmnitillException e) {
                        resolution = Resolution.failed(e);
                    }
                    periods.put(date, resolution);
                }
                byCategory.put(category, Collections.unmodifiableNavigableMap(periods));
            }
            result.put(province, Collections.unmodifiableMap(byCategory));
        }
        return Collections.unmodifiableMap(result);
    }

    /** Works out the taxes of a category in a province on a date from the raw data. */
    private List<Levy> levies(String province, String category, LocalDate date) {
        Map<SalesTax, NavigableMap<LocalDate, RateRow>> own = provincial.getOrDefault(province, Map.of());
        List<SalesTax> taxes = new ArrayList<>(2);
        taxes.add(own.containsKey(SalesTax.HST) ? SalesTax.HST : SalesTax.GST);
        for (SalesTax tax : List.of(SalesTax.PST, SalesTax.QST)) {
            if (own.containsKey(tax)) {
                taxes.add(tax);
            }
        }
        RateRow gstRate = inForce(gst, SalesTax.GST, Provinces.COUNTRY, date);
        List<Levy> levies = new ArrayList<>(taxes.size());
        for (SalesTax tax : taxes) {
            RateRow rate = tax == SalesTax.GST ? gstRate
                    : inForce(own.get(tax), tax, Provinces.COUNTRY + "-" + province, date);
            Treatment treatment = treatment(province, category, tax, date);
            levies.add(new Levy(tax, Components.of(rate, treatment, gstRate),
                    tax == SalesTax.PST && treatment == Treatment.TAXABLE ? Components.certificateExempt(rate) : null));
        }
        return levies;
    }

    private static RateRow inForce(NavigableMap<LocalDate, RateRow> history, SalesTax tax, String jurisdiction,
            LocalDate date) {
        Map.Entry<LocalDate, RateRow> entry = history.floorEntry(date);
        if (entry == null) {
            throw OmnitillException.unprocessable("tax_rate_not_in_force", "No " + jurisdiction + " " + tax
                    + " rate on " + date + ": the first known rate applies from " + history.firstKey());
        }
        return entry.getValue();
    }

    private Treatment treatment(String province, String category, SalesTax tax, LocalDate date) {
        String key = tax.taxabilityKey();
        NavigableMap<LocalDate, Treatment> own = history(province, category, key);
        NavigableMap<LocalDate, Treatment> national = tax.isFederal()
                ? history(TaxabilityRow.EVERY_PROVINCE, category, key) : null;
        Map.Entry<LocalDate, Treatment> entry = own == null ? null : own.floorEntry(date);
        if (entry == null && national != null) {
            entry = national.floorEntry(date);
        }
        if (entry != null) {
            return entry.getValue();
        }
        if (own == null && national == null) {
            throw OmnitillException.unprocessable("tax_category_unknown", "Tax category '" + category
                    + "' has no " + key + " treatment for " + province + " in the Canada sales tax data");
        }
        throw OmnitillException.unprocessable("tax_rate_not_in_force", "Tax category '" + category + "' has no "
                + key + " treatment for " + province + " on " + date);
    }

    private NavigableMap<LocalDate, Treatment> history(String scope, String category, String key) {
        return treatments.getOrDefault(scope, Map.of()).getOrDefault(category, Map.of()).get(key);
    }

    // ------------------------------------------------------------------------------------ queries

    /**
     * The taxes a line of the category bears in the province on the date, GST or HST first.
     *
     * @param province a code of {@link Provinces#ALL}
     * @throws OmnitillException {@code UNPROCESSABLE}: {@code tax_category_unknown} for a category the
     *         data does not know (in that province), {@code tax_rate_not_in_force} for a date before
     *         the data
     */
    List<Levy> taxes(String province, String category, LocalDate date) {
        Map<String, NavigableMap<LocalDate, Resolution>> byCategory = index.get(province);
        if (byCategory == null) {
            throw OmnitillException.unprocessable("tax_jurisdiction_unknown",
                    "'" + province + "' is not a Canadian province or territory code; known are " + new TreeSet<>(Provinces.ALL));
        }
        NavigableMap<LocalDate, Resolution> periods = category == null ? null : byCategory.get(category);
        if (periods == null) {
            throw OmnitillException.unprocessable("tax_category_unknown", "Tax category '" + category
                    + "' is not known for Canadian sales taxes; known categories are " + categories);
        }
        Map.Entry<LocalDate, Resolution> period = periods.floorEntry(date);
        if (period == null) {
            throw OmnitillException.unprocessable("tax_rate_not_in_force", "No Canadian sales tax data for " + date
                    + ": the data starts on " + firstDate);
        }
        return period.getValue().leviesOrThrow();
    }

    /** Whether the province levies a PST on the date. */
    boolean leviesPst(String province, LocalDate date) {
        NavigableMap<LocalDate, RateRow> history = provincial.getOrDefault(province, Map.of()).get(SalesTax.PST);
        return history != null && history.floorEntry(date) != null;
    }

    /** The rate row of a tax in force on a date, or null; {@code province} is ignored for the GST. */
    RateRow rateOn(String province, SalesTax tax, LocalDate date) {
        NavigableMap<LocalDate, RateRow> history = tax == SalesTax.GST ? gst
                : provincial.getOrDefault(province, Map.of()).get(tax);
        Map.Entry<LocalDate, RateRow> entry = history == null ? null : history.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    Set<String> categories() {
        return categories;
    }

    LocalDate firstDate() {
        return firstDate;
    }

    // ------------------------------------------------------------------------------------ reading

    /** The data shipped inside this bundle. */
    static TaxTable bundled() {
        return new TaxTable(CsvData.resource(RATES, RATE_COLUMNS, TaxTable::rateRow),
                CsvData.resource(TAXABILITY, TAXABILITY_COLUMNS, TaxTable::taxabilityRow));
    }

    /**
     * Reads and checks data.
     *
     * @throws IllegalArgumentException naming the source and line of a malformed row, or the
     *         inconsistency between rows
     */
    static TaxTable read(Reader rates, String ratesSource, Reader taxability, String taxabilitySource) throws IOException {
        return new TaxTable(CsvData.read(rates, ratesSource, RATE_COLUMNS, TaxTable::rateRow),
                CsvData.read(taxability, taxabilitySource, TAXABILITY_COLUMNS, TaxTable::taxabilityRow));
    }

    private static RateRow rateRow(CSVRecord record, String where) {
        String jurisdiction = record.get("jurisdiction");
        String province;
        if (Provinces.COUNTRY.equals(jurisdiction)) {
            province = null;
        } else if (jurisdiction.startsWith(Provinces.COUNTRY + "-")
                && Provinces.ALL.contains(jurisdiction.substring(Provinces.COUNTRY.length() + 1))) {
            province = jurisdiction.substring(Provinces.COUNTRY.length() + 1);
        } else {
            throw CsvData.invalid(where, "'" + jurisdiction + "' is neither CA nor CA- and a province code");
        }
        SalesTax tax = salesTax(record.get("tax"), where);
        if ((province == null) != (tax == SalesTax.GST)) {
            throw CsvData.invalid(where, tax + " belongs to " + (tax == SalesTax.GST ? "CA" : "a province")
                    + ", not to " + jurisdiction);
        }
        BigDecimal percent = CsvData.decimal(record.get("rate_percent"), where);
        if (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
            throw CsvData.invalid(where, "rate " + percent.toPlainString() + " must be above 0 and below 100");
        }
        LocalDate from = CsvData.date(record.get("effective_from"), where);
        String name = record.get("receipt_name");
        if (!RECEIPT_NAME.matcher(name).matches()) {
            throw CsvData.invalid(where, "receipt name '" + name + "' must be 2 to 5 capital letters");
        }
        return new RateRow(province, tax, percent, from, name);
    }

    private static SalesTax salesTax(String value, String where) {
        for (SalesTax tax : SalesTax.values()) {
            if (tax.name().equals(value)) {
                return tax;
            }
        }
        throw CsvData.invalid(where, "'" + value + "' is not one of GST, HST, PST, QST");
    }

    private static TaxabilityRow taxabilityRow(CSVRecord record, String where) {
        String province = record.get("province");
        if (!TaxabilityRow.EVERY_PROVINCE.equals(province) && !Provinces.ALL.contains(province)) {
            throw CsvData.invalid(where, "'" + province + "' is neither * nor a province code");
        }
        String category = record.get("category");
        if (!CATEGORY.matcher(category).matches()) {
            throw CsvData.invalid(where, "'" + category + "' is not a lower-case category code");
        }
        String key = record.get("tax");
        if (!List.of(SalesTax.GST_HST, "PST", "QST").contains(key)) {
            throw CsvData.invalid(where, "'" + key + "' is not one of GST/HST, PST, QST");
        }
        String code = record.get("treatment");
        Treatment treatment = Treatment.fromCode(code).orElseThrow(() -> CsvData.invalid(where,
                "'" + code + "' is not one of taxable, zero-rated, exempt, provincial-part-rebated"));
        boolean federal = SalesTax.GST_HST.equals(key);
        if (!federal && TaxabilityRow.EVERY_PROVINCE.equals(province)) {
            throw CsvData.invalid(where, key + " rows must name their province, * is for the GST/HST only");
        }
        if (treatment == Treatment.PROVINCIAL_PART_REBATED && (!federal || TaxabilityRow.EVERY_PROVINCE.equals(province))) {
            throw CsvData.invalid(where, "provincial-part-rebated is for the HST of a named province only");
        }
        if (treatment == Treatment.ZERO_RATED && "PST".equals(key)) {
            throw CsvData.invalid(where, "the PST has no zero rate; use exempt");
        }
        return new TaxabilityRow(province, category.toLowerCase(Locale.ROOT), key, treatment,
                CsvData.date(record.get("effective_from"), where));
    }
}
