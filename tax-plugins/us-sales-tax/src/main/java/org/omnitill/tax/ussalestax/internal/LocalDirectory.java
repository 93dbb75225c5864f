package org.omnitill.tax.ussalestax.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.tax.TaxAddress;

/**
 * Finds the jurisdictions that tax an address in one state: by ZIP code (and city where a ZIP code
 * is split between jurisdictions), by city alone when the address has no ZIP code, or the same
 * jurisdictions everywhere in a state without local taxes. Immutable once built.
 */
final class LocalDirectory {

    /** ZIP5 or ZIP+4, with or without the hyphen. */
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(-?\\d{4})?");

    /**
     * One row of the ZIP code data.
     *
     * @param zip the five-digit ZIP code, or null for a row found by city alone
     * @param city the city as written in the data, or null for every city at the ZIP code
     * @param jurisdictions the state's jurisdiction followed by the local ones, in receipt order
     */
    record Entry(String zip, String city, List<Jurisdiction> jurisdictions) {

        String cityKey() {
            return LocalDirectory.cityKey(city);
        }
    }

    private final String state;
    private final List<Jurisdiction> everywhere;
    /** ZIP code -> its rows, each with its city key (null: every city) */
    private final Map<String, Map<String, Entry>> byZip;
    private final Map<String, Entry> byCity;

    private LocalDirectory(String state, List<Jurisdiction> everywhere, Map<String, Map<String, Entry>> byZip,
            Map<String, Entry> byCity) {
        this.state = state;
        this.everywhere = everywhere;
        this.byZip = byZip;
        this.byCity = byCity;
    }

    /** The same jurisdictions for every address of the state. */
    static LocalDirectory everywhere(String state, List<Jurisdiction> jurisdictions) {
        return new LocalDirectory(state, List.copyOf(jurisdictions), Map.of(), Map.of());
    }

    /** @param entries rows with a ZIP code, or with a city only (zip null) */
    static LocalDirectory of(String state, List<Entry> entries) {
        Map<String, Map<String, Entry>> byZip = new HashMap<>();
        Map<String, Entry> byCity = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.zip() == null) {
                byCity.put(entry.cityKey(), entry);
            } else {
                // HashMap: the key of the row for every city is null
                byZip.computeIfAbsent(entry.zip(), z -> new HashMap<>()).put(entry.cityKey(), entry);
            }
        }
        byZip.replaceAll((zip, rows) -> Collections.unmodifiableMap(rows));
        return new LocalDirectory(state, null, Map.copyOf(byZip), Map.copyOf(byCity));
    }

    /**
     * The jurisdictions taxing the address, the state's first.
     *
     * @throws OmnitillException {@code INVALID tax_postal_code_invalid} or {@code tax_address_incomplete}
     *         for an address without a usable ZIP code or city; {@code UNPROCESSABLE
     *         tax_address_not_covered} for an address the data does not know, {@code
     *         tax_address_ambiguous} when only the (missing) city could tell
     */
    List<Jurisdiction> jurisdictionsAt(TaxAddress address) {
        if (everywhere != null) {
            return everywhere;
        }
        String zip = zip5(address.postalCode());
        String city = cityKey(address.city());
        if (zip != null) {
            Map<String, Entry> rows = byZip.get(zip);
            if (rows == null) {
                throw OmnitillException.unprocessable("tax_address_not_covered", "ZIP code " + zip + " in " + state
                        + " is not in the sales tax data, so its local taxes are unknown");
            }
            Entry row = city == null ? null : rows.get(city);
            if (row == null) {
                row = rows.get(null);
            }
            if (row != null) {
                return row.jurisdictions();
            }
            TreeSet<String> cities = new TreeSet<>();
            rows.values().forEach(entry -> cities.add(entry.city()));
            if (city == null) {
                throw OmnitillException.unprocessable("tax_address_ambiguous", "ZIP code " + zip + " in " + state
                        + " crosses sales tax boundaries; the address needs its city (known there: " + cities + ")");
            }
            throw OmnitillException.unprocessable("tax_address_not_covered", "City '" + address.city().trim()
                    + "' at ZIP code " + zip + " in " + state + " is not in the sales tax data (known there: " + cities + ")");
        }
        if (city != null) {
            Entry row = byCity.get(city);
            if (row == null) {
                throw OmnitillException.unprocessable("tax_address_not_covered", "City '" + address.city().trim()
                        + "' in " + state + " cannot be found without a ZIP code in the sales tax data");
            }
            return row.jurisdictions();
        }
        throw OmnitillException.invalid("tax_address_incomplete",
                "A sales tax address in " + state + " needs a ZIP code or a city");
    }

    /** The five-digit ZIP code of a postal code, or null if blank. */
    static String zip5(String postalCode) {
        if (postalCode == null || postalCode.isBlank()) {
            return null;
        }
        Matcher matcher = ZIP.matcher(postalCode.trim());
        if (!matcher.matches()) {
            throw OmnitillException.invalid("tax_postal_code_invalid",
                    "'" + postalCode + "' is not a US ZIP code (12345 or 12345-6789)");
        }
        return matcher.group(1);
    }

    /** Cities compare case-insensitively, with runs of blanks as one space; null if blank. */
    static String cityKey(String city) {
        if (city == null || city.isBlank()) {
            return null;
        }
        return city.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** For the data checks: every entry, the state-wide one as an entry with zip {@code *}. */
    List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        if (everywhere != null) {
            all.add(new Entry("*", null, everywhere));
        }
        byZip.values().forEach(rows -> all.addAll(rows.values()));
        all.addAll(byCity.values());
        return Collections.unmodifiableList(all);
    }
}
