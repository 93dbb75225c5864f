package org.omnitill.tax.euvat.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The 27 EU member states by ISO 3166-1 alpha-2 code. EU documents write Greece as {@code EL}; the
 * core passes ISO codes ({@code GR}), so {@code EL} is read as {@code GR} everywhere.
 */
final class MemberStates {

    /** ISO 3166-1 alpha-2 codes of the member states (Greece as GR). */
    static final Set<String> ALL = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private MemberStates() {
    }

    /** Upper-case, trimmed, {@code EL} as {@code GR}; null for a missing or blank code. */
    static String normalize(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        return "EL".equals(code) ? "GR" : code;
    }

    /** Whether the (normalized) code is a member state. */
    static boolean isMember(String country) {
        return country != null && ALL.contains(country);
    }
}
