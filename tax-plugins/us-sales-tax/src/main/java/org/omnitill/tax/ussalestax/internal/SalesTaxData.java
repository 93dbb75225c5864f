package org.omnitill.tax.ussalestax.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.omnitill.api.error.OmnitillException;

/**
 * The bundled sales tax data, read and cross-checked once: the jurisdictions with their dated rates
 * ({@code jurisdictions.csv}), which of them tax which addresses ({@code zip-codes.csv}) and how
 * each state taxes each product category ({@code taxability.csv}). See the files for the columns
 * and sources. Immutable once read.
 */
final class SalesTaxData {

    static final String JURISDICTIONS = "jurisdictions.csv";
    static final String ZIP_CODES = "zip-codes.csv";
    static final String TAXABILITY = "taxability.csv";

    private static final List<String> JURISDICTION_COLUMNS =
            List.of("state", "level", "code", "name", "rate_percent", "effective_from");
    private static final List<String> ZIP_COLUMNS = List.of("state", "zip", "city", "jurisdictions");
    private static final List<String> TAXABILITY_COLUMNS =
            List.of("state", "category", "scope", "treatment", "rate_percent", "effective_from");
    private static final Pattern CODE = Pattern.compile("US-[A-Z]{2}(-[A-Z0-9]+)*");
    private static final Pattern ZIP = Pattern.compile("\\d{5}|\\*|");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** By level; a stable sort keeps the order of the ZIP code row within a level. */
    private static final Comparator<Jurisdiction> RECEIPT_ORDER = Comparator.comparing(Jurisdiction::level);

    /** The data of one state. */
    record State(String code, Jurisdiction jurisdiction, LocalDirectory directory, Map<String, CategoryRules> categories) {

        /**
         * The rules of a product category here.
         *
         * @throws OmnitillException {@code UNPROCESSABLE tax_category_unknown}
         */
        CategoryRules category(String category) {
            CategoryRules rules = category == null ? null : categories.get(category);
            if (rules == null) {
                throw OmnitillException.unprocessable("tax_category_unknown", "Tax category '" + category
                        + "' is not known for " + code + " sales tax; known categories are " + categories.keySet());
            }
            return rules;
        }
    }

    private final Map<String, State> states;

    private SalesTaxData(Map<String, State> states) {
        this.states = states;
    }

    /** The data shipped inside this bundle. */
    static SalesTaxData bundled() {
        try (Reader jurisdictions = resource(JURISDICTIONS);
                Reader zipCodes = resource(ZIP_CODES);
                Reader taxability = resource(TAXABILITY)) {
            return read(jurisdictions, zipCodes, taxability);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sales tax data", e);
        }
    }

    private static Reader resource(String name) {
        InputStream in = SalesTaxData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the bundle");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * Reads and cross-checks the three files.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed, duplicate or
     *         dangling row, or the state whose data is incomplete
     */
    static SalesTaxData read(Reader jurisdictions, Reader zipCodes, Reader taxability) throws IOException {
        Map<String, Jurisdiction> byCode = readJurisdictions(jurisdictions);
        Map<String, Jurisdiction> stateJurisdictions = new TreeMap<>();
        for (Jurisdiction jurisdiction : byCode.values()) {
            if (jurisdiction.level() == Level.STATE) {
                stateJurisdictions.put(jurisdiction.state(), jurisdiction);
            }
        }
        for (Jurisdiction jurisdiction : byCode.values()) {
            if (!stateJurisdictions.containsKey(jurisdiction.state())) {
                throw new IllegalArgumentException(JURISDICTIONS + ": " + jurisdiction.code()
                        + " belongs to a state without a state-level row US-" + jurisdiction.state());
            }
        }
        Map<String, LocalDirectory> directories = readZipCodes(zipCodes, byCode, stateJurisdictions);
        Map<String, Map<String, CategoryRules>> categories = readTaxability(taxability, byCode, stateJurisdictions);

        Map<String, State> states = new TreeMap<>();
        for (Jurisdiction jurisdiction : stateJurisdictions.values()) {
            String state = jurisdiction.state();
            LocalDirectory directory = directories.get(state);
            if (directory == null) {
                throw new IllegalArgumentException(ZIP_CODES + ": no row for " + state
                        + " (a state without local taxes needs the row " + state + ",*,,)");
            }
            Map<String, CategoryRules> rules = categories.get(state);
            if (rules == null) {
                throw new IllegalArgumentException(TAXABILITY + ": no rule for " + state);
            }
            states.put(state, new State(state, jurisdiction, directory, rules));
        }
        return new SalesTaxData(Collections.unmodifiableMap(states));
    }

    private static Map<String, Jurisdiction> readJurisdictions(Reader reader) throws IOException {
        Map<String, String> stateOf = new HashMap<>();
        Map<String, Level> levelOf = new HashMap<>();
        Map<String, NavigableMap<LocalDate, JurisdictionRate>> rates = new LinkedHashMap<>();
        DataFile.read(reader, JURISDICTIONS, JURISDICTION_COLUMNS, (record, where) -> {
            String state = DataFile.state(record, where);
            Level level = Level.ofCode(record.get("level"));
            if (level == null) {
                throw new IllegalArgumentException(where + ": level '" + record.get("level")
                        + "' is not one of state, county, city, district");
            }
            String code = DataFile.matching(record, "code", CODE, "a code US-<state>[-<local>] in upper case", where);
            String stateCode = "US-" + state;
            boolean stateLevel = level == Level.STATE;
            if (!code.startsWith(stateCode) || stateLevel != code.equals(stateCode)) {
                throw new IllegalArgumentException(where + ": code " + code + " does not fit a " + level.code()
                        + " of " + state + (stateLevel ? " (must be " + stateCode + ")" : " (must be " + stateCode + "-...)"));
            }
            Level known = levelOf.putIfAbsent(code, level);
            if (known != null && known != level) {
                throw new IllegalArgumentException(where + ": " + code + " was a " + known.code() + " before, now a "
                        + level.code());
            }
            stateOf.put(code, state);
            String name = record.get("name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + ": the name is empty");
            }
            BigDecimal percent = DataFile.percent(record, true, where);
            LocalDate from = DataFile.date(record, where);
            JurisdictionRate previous = rates.computeIfAbsent(code, c -> new TreeMap<>())
                    .putIfAbsent(from, new JurisdictionRate(code, level, name, percent, from));
            if (previous != null) {
                throw new IllegalArgumentException(where + ": a second " + code + " rate from " + from);
            }
        });
        Map<String, Jurisdiction> byCode = new TreeMap<>();
        rates.forEach((code, history) -> byCode.put(code, new Jurisdiction(code, stateOf.get(code), levelOf.get(code),
                Collections.unmodifiableNavigableMap(history))));
        return byCode;
    }

    private static Map<String, LocalDirectory> readZipCodes(Reader reader, Map<String, Jurisdiction> byCode,
            Map<String, Jurisdiction> stateJurisdictions) throws IOException {
        Map<String, List<LocalDirectory.Entry>> entries = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        DataFile.read(reader, ZIP_CODES, ZIP_COLUMNS, (record, where) -> {
            String state = knownState(record, stateJurisdictions, where);
            String zip = DataFile.matching(record, "zip", ZIP, "a five-digit ZIP code, * or empty", where);
            String city = record.get("city").isEmpty() ? null : record.get("city");
            if (zip.isEmpty() && city == null) {
                throw new IllegalArgumentException(where + ": a row needs a ZIP code or a city");
            }
            if (zip.equals("*") && city != null) {
                throw new IllegalArgumentException(where + ": the state-wide row * takes no city");
            }
            String key = state + "|" + zip + "|" + LocalDirectory.cityKey(city);
            if (!keys.add(key)) {
                throw new IllegalArgumentException(where + ": a second row for " + state + " " + zip
                        + (city == null ? "" : " " + city));
            }
            List<Jurisdiction> jurisdictions = new ArrayList<>();
            jurisdictions.add(stateJurisdictions.get(state));
            String list = record.get("jurisdictions");
            for (String code : list.isEmpty() ? new String[0] : list.split("\\s+")) {
                Jurisdiction local = byCode.get(code);
                if (local == null || !local.state().equals(state) || local.level() == Level.STATE) {
                    throw new IllegalArgumentException(where + ": '" + code + "' is not a local jurisdiction of "
                            + state + " in " + JURISDICTIONS);
                }
                if (jurisdictions.contains(local)) {
                    throw new IllegalArgumentException(where + ": " + code + " is listed twice");
                }
                jurisdictions.add(local);
            }
            jurisdictions.sort(RECEIPT_ORDER);
            entries.computeIfAbsent(state, s -> new ArrayList<>()).add(new LocalDirectory.Entry(
                    zip.isEmpty() ? null : zip, city, List.copyOf(jurisdictions)));
        });
        Map<String, LocalDirectory> directories = new HashMap<>();
        entries.forEach((state, rows) -> {
            LocalDirectory.Entry everywhere = rows.stream().filter(row -> "*".equals(row.zip())).findFirst().orElse(null);
            if (everywhere == null) {
                directories.put(state, LocalDirectory.of(state, rows));
            } else if (rows.size() == 1) {
                directories.put(state, LocalDirectory.everywhere(state, everywhere.jurisdictions()));
            } else {
                throw new IllegalArgumentException(ZIP_CODES + ": " + state
                        + " has the state-wide row * and other rows; it must have only one of them");
            }
        });
        return directories;
    }

    private static Map<String, Map<String, CategoryRules>> readTaxability(Reader reader,
            Map<String, Jurisdiction> byCode, Map<String, Jurisdiction> stateJurisdictions) throws IOException {
        // state -> category -> scope -> date -> treatment
        Map<String, Map<String, Map<String, NavigableMap<LocalDate, Treatment>>>> rules = new TreeMap<>();
        DataFile.read(reader, TAXABILITY, TAXABILITY_COLUMNS, (record, where) -> {
            String state = knownState(record, stateJurisdictions, where);
            String category = DataFile.matching(record, "category", CATEGORY, "a lower-case category code", where);
            String scope = record.get("scope");
            boolean validScope = scope.equals(CategoryRules.ALL) || Level.ofCode(scope) != null
                    || byCode.containsKey(scope) && byCode.get(scope).state().equals(state);
            if (!validScope) {
                throw new IllegalArgumentException(where + ": scope '" + scope + "' is not *, a level or a jurisdiction of "
                        + state + " in " + JURISDICTIONS);
            }
            Treatment treatment = treatment(record, where);
            Treatment previous = rules.computeIfAbsent(state, s -> new TreeMap<>())
                    .computeIfAbsent(category, c -> new HashMap<>())
                    .computeIfAbsent(scope, s -> new TreeMap<>())
                    .putIfAbsent(treatment.effectiveFrom(), treatment);
            if (previous != null) {
                throw new IllegalArgumentException(where + ": a second " + state + " rule for " + category + " at "
                        + scope + " from " + treatment.effectiveFrom());
            }
        });
        Map<String, Map<String, CategoryRules>> byState = new HashMap<>();
        rules.forEach((state, byCategory) -> {
            Map<String, CategoryRules> categories = new TreeMap<>();
            byCategory.forEach((category, byScope) -> {
                byScope.replaceAll((scope, history) -> Collections.unmodifiableNavigableMap(history));
                categories.put(category, new CategoryRules(state, category, Map.copyOf(byScope)));
            });
            byState.put(state, Collections.unmodifiableMap(categories));
        });
        return byState;
    }

    private static Treatment treatment(CSVRecord record, String where) {
        String written = record.get("treatment");
        Treatment.Kind kind;
        try {
            kind = Treatment.Kind.valueOf(written.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || !written.equals(written.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(where + ": treatment '" + written
                    + "' is not one of taxable, exempt, rate, unsupported");
        }
        BigDecimal percent = null;
        if (kind == Treatment.Kind.RATE) {
            percent = DataFile.percent(record, false, where);
        } else if (!record.get("rate_percent").isEmpty()) {
            throw new IllegalArgumentException(where + ": only treatment rate takes a rate_percent");
        }
        return new Treatment(kind, percent, DataFile.date(record, where));
    }

    private static String knownState(CSVRecord record, Map<String, Jurisdiction> stateJurisdictions, String where) {
        String state = DataFile.state(record, where);
        if (!stateJurisdictions.containsKey(state)) {
            throw new IllegalArgumentException(where + ": state " + state + " has no row US-" + state + " in "
                    + JURISDICTIONS);
        }
        return state;
    }

    /** The states in the data. */
    Set<String> states() {
        return states.keySet();
    }

    /** The data of a state, or null if the data has none. */
    State state(String code) {
        return states.get(code);
    }
}
