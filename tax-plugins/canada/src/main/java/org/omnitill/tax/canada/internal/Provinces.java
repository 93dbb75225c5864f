package org.omnitill.tax.canada.internal;

import java.util.Locale;
import java.util.Set;

/** Canada's ten provinces and three territories by their ISO 3166-2:CA codes (without {@code CA-}). */
final class Provinces {

    static final String COUNTRY = "CA";

    /** The provinces and territories; every one levies at least the GST. */
    static final Set<String> ALL = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");

    private Provinces() {
    }

    /**
     * The province code of a region as addresses carry it: {@code ON}, {@code on} or {@code CA-ON}.
     *
     * @return the upper-case code, or null when the region is blank or not a Canadian province
     */
    static String normalize(String region) {
        if (region == null) {
            return null;
        }
        String code = region.trim().toUpperCase(Locale.ROOT);
        if (code.startsWith(COUNTRY + "-")) {
            code = code.substring(COUNTRY.length() + 1);
        }
        return ALL.contains(code) ? code : null;
    }

    static boolean isCanada(String country) {
        return country != null && COUNTRY.equalsIgnoreCase(country.trim());
    }
}
