package org.omnitill.tax.indiagst.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The States and union territories of India ({@code gst-states.csv}), found by ISO 3166-2:IN code
 * ({@code KA} or {@code IN-KA}), by an earlier ISO code still in use ({@code CT} for Chhattisgarh) or
 * by GST state code ({@code 29}). Immutable once read.
 */
final class StateTable {

    static final String BUNDLED = "gst-states.csv";

    private static final List<String> HEADER = List.of("iso_code", "gst_code", "name", "local_tax", "aliases");
    private static final Pattern LETTERS = Pattern.compile("[A-Z]{2}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{2}");

    private final List<GstState> states;
    private final Map<String, GstState> byCode;

    private StateTable(List<GstState> states, Map<String, GstState> byCode) {
        this.states = states;
        this.byCode = byCode;
    }

    static StateTable bundled() {
        return DataFiles.load(BUNDLED, StateTable::read);
    }

    /**
     * @param source the name errors refer to
     * @throws IllegalArgumentException naming the line of a malformed row or of a code used twice
     */
    static StateTable read(Reader reader, String source) throws IOException {
        List<GstState> states = new ArrayList<>();
        Map<String, GstState> byCode = new HashMap<>();
        try (CSVParser parser = DataFiles.open(reader, source, HEADER)) {
            for (CSVRecord row : parser) {
                String at = source + " line " + parser.getCurrentLineNumber();
                GstState state = state(row, at);
                states.add(state);
                index(byCode, state.isoCode(), state, at);
                index(byCode, state.gstCode(), state, at);
                for (String alias : row.get("aliases").split(" +")) {
                    if (!alias.isEmpty()) {
                        require(LETTERS.matcher(alias).matches(), at, "alias '" + alias + "' is not two upper-case letters");
                        index(byCode, alias, state, at);
                    }
                }
            }
        }
        return new StateTable(Collections.unmodifiableList(states), Collections.unmodifiableMap(byCode));
    }

    private static GstState state(CSVRecord row, String at) {
        require(row.isConsistent(), at, "expected " + HEADER.size() + " columns, found " + row.size());
        String iso = row.get("iso_code");
        require(LETTERS.matcher(iso).matches(), at, "'" + iso + "' is not an ISO 3166-2:IN code such as KA");
        String gst = row.get("gst_code");
        require(DIGITS.matcher(gst).matches(), at, "'" + gst + "' is not a two-digit GST state code");
        String name = row.get("name");
        require(!name.isEmpty(), at, "the name is empty");
        GstState.LocalTax localTax;
        try {
            localTax = GstState.LocalTax.valueOf(row.get("local_tax"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": local_tax must be SGST or UTGST, was '" + row.get("local_tax") + "'", e);
        }
        return new GstState(iso, gst, name, localTax);
    }

    private static void index(Map<String, GstState> byCode, String code, GstState state, String at) {
        GstState before = byCode.putIfAbsent(code, state);
        require(before == null, at, "code " + code + " is already used by " + (before == null ? "" : before.label()));
    }

    private static void require(boolean condition, String at, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(at + ": " + problem);
        }
    }

    /**
     * The State or union territory a region code names, or null if none: an ISO 3166-2:IN code with
     * or without the {@code IN-} prefix (any case), an earlier ISO code listed as alias, or a GST
     * state code.
     */
    GstState find(String region) {
        if (region == null) {
            return null;
        }
        String code = region.trim().toUpperCase(Locale.ROOT);
        if (code.startsWith("IN-")) {
            code = code.substring(3);
        }
        return byCode.get(code);
    }

    /** Every State and union territory, in the order of the data. */
    List<GstState> all() {
        return states;
    }
}
