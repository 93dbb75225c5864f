package org.omnitill.tax.euvat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.OmnitillException;

/** Checks of the bundled rate data itself: coverage, sources, today's rates and the dated changes. */
class VatRateDataTest {

    /** "Today" for the checks of rates in force (the day this data was last reviewed). */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final Pattern SECTION = Pattern.compile("^# == ([A-Z]{2}) \\(.+\\)$");
    private static final Pattern SOURCE = Pattern.compile("^# Source: \\S.*");

    private final RateTable bundled = RateTable.bundled();

    @Test
    void everyMemberStateHasAStandardRateAndExemptionsInForceToday() {
        assertEquals(27, MemberStates.ALL.size());
        for (String country : MemberStates.ALL) {
            VatRate standard = bundled.rateOn(country, "standard", TODAY);
            assertTrue(standard.percent().compareTo(BigDecimal.valueOf(15)) >= 0,
                    () -> country + ": the standard rate must be at least 15% (Art. 97 VAT Directive), is " + standard);
            assertEquals(0, bundled.rateOn(country, "exempt", TODAY).percent().signum(), country);
        }
    }

    /**
     * Every data row sits in the section of its own country, and every section names where its rows
     * were checked in a {@code Source:} line.
     */
    @Test
    void everyRowSitsInItsCountrysSectionWhichNamesItsSource() throws IOException {
        Map<String, Boolean> sectionHasSource = new HashMap<>();
        Map<String, Integer> rowsPerSection = new TreeMap<>();
        String section = null;
        boolean headerSeen = false;
        List<String> lines = Arrays.asList(bundledText().split("\\R"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = RateTable.BUNDLED + " line " + (i + 1);
            Matcher opened = SECTION.matcher(line);
            if (opened.matches()) {
                section = opened.group(1);
                assertFalse(sectionHasSource.containsKey(section), where + ": a second section for " + section);
                sectionHasSource.put(section, false);
            } else if (section != null && SOURCE.matcher(line).matches()) {
                sectionHasSource.put(section, true);
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            } else if (!headerSeen) {
                assertTrue(line.startsWith("country,"), where + ": expected the header");
                headerSeen = true;
            } else {
                String country = line.substring(0, line.indexOf(','));
                assertEquals(section, country, where + ": a " + country + " row in the section of " + section);
                rowsPerSection.merge(country, 1, Integer::sum);
            }
        }
        assertEquals(MemberStates.ALL, rowsPerSection.keySet());
        sectionHasSource.forEach((country, hasSource) -> assertTrue(hasSource, country + " names no Source:"));
        assertEquals(rowsPerSection.keySet(), sectionHasSource.keySet());
    }

    /**
     * The rates in force today, state by state: the table in README.md, and the Commission's
     * published list of rates with the changes since (see the sources in the data). "-" is a
     * category the state does not have.
     */
    @ParameterizedTest(name = "{0}: {1} / {2} / {3} / {4} / zero {5}")
    @CsvSource({
            "AT, 20, 10, 13, -, -",
            "BE, 21, 6, 12, -, 0",
            "BG, 20, 9, -, -, -",
            "CY, 19, 5, 9, -, -",
            "CZ, 21, 12, 12, -, 0",
            "DE, 19, 7, -, -, 0",
            "DK, 25, -, -, -, 0",
            "EE, 24, 9, 13, -, -",
            "ES, 21, 10, -, 4, -",
            "FI, 25.5, 10, 13.5, -, -",
            "FR, 20, 5.5, 10, 2.1, -",
            "GR, 24, 6, 13, -, -",
            "HR, 25, 5, 13, -, -",
            "HU, 27, 5, 18, -, -",
            "IE, 23, 9, 13.5, 4.8, 0",
            "IT, 22, 5, 10, 4, -",
            "LT, 21, 5, 12, -, -",
            "LU, 17, 8, 14, 3, -",
            "LV, 21, 5, 12, -, -",
            "MT, 18, 5, 7, -, 0",
            "NL, 21, 9, -, -, 0",
            "PL, 23, 5, 8, -, -",
            "PT, 23, 6, 13, -, -",
            "RO, 21, 11, 11, -, -",
            "SE, 25, 6, 12, -, -",
            "SI, 22, 5, 9.5, -, -",
            "SK, 23, 5, 19, -, -"
    })
    void ratesInForceToday(String country, String standard, String reduced, String reduced2, String superReduced,
            String zero) {
        Map<String, String> expected = new TreeMap<>(Map.of("standard", standard, "reduced", reduced,
                "reduced-2", reduced2, "super-reduced", superReduced, "zero", zero, "exempt", "0"));
        expected.values().removeIf("-"::equals);
        assertEquals(expected.keySet(), new TreeSet<>(bundled.categories(country)), country + " categories");
        expected.forEach((category, percent) -> {
            VatRate rate = bundled.rateOn(country, category, TODAY);
            assertEquals(0, new BigDecimal(percent).compareTo(rate.percent()), () -> country + " " + category + ": " + rate);
        });
    }

    /** Rate changes since the OSS started, each side of the date (sources: the comments in the data). */
    @ParameterizedTest(name = "{0} {1} on {2}: {3}% ({4})")
    @CsvSource({
            "EE, standard, 2023-12-31, 20, km 20%",
            "EE, standard, 2024-01-01, 22, km 22%",
            "EE, standard, 2025-06-30, 22, km 22%",
            "EE, standard, 2025-07-01, 24, km 24%",
            "EE, reduced-2, 2025-01-01, 13, km 13%",
            "FI, standard, 2024-08-31, 24, ALV 24%",
            "FI, standard, 2024-09-01, 25.5, 'ALV 25,5%'",
            "FI, reduced-2, 2025-12-31, 14, ALV 14%",
            "FI, reduced-2, 2026-01-01, 13.5, 'ALV 13,5%'",
            "SK, standard, 2024-12-31, 20, DPH 20%",
            "SK, standard, 2025-01-01, 23, DPH 23%",
            "SK, reduced, 2024-12-31, 10, DPH 10%",
            "SK, reduced, 2025-01-01, 5, DPH 5%",
            "SK, reduced-2, 2025-01-01, 19, DPH 19%",
            "RO, standard, 2025-07-31, 19, TVA 19%",
            "RO, standard, 2025-08-01, 21, TVA 21%",
            "RO, reduced, 2025-07-31, 5, TVA 5%",
            "RO, reduced, 2025-08-01, 11, TVA 11%",
            "RO, reduced-2, 2025-07-31, 9, TVA 9%",
            "RO, reduced-2, 2025-08-01, 11, TVA 11%",
            "LU, standard, 2022-12-31, 17, TVA 17%",
            "LU, standard, 2023-01-01, 16, TVA 16%",
            "LU, reduced, 2023-06-15, 7, TVA 7%",
            "LU, reduced-2, 2023-12-31, 13, TVA 13%",
            "LU, super-reduced, 2023-06-15, 3, TVA 3%",
            "LU, standard, 2024-01-01, 17, TVA 17%",
            "LU, reduced-2, 2024-01-01, 14, TVA 14%",
            "CZ, reduced, 2023-12-31, 10, DPH 10%",
            "CZ, reduced-2, 2023-12-31, 15, DPH 15%",
            "CZ, reduced, 2024-01-01, 12, DPH 12%",
            "CZ, reduced-2, 2024-01-01, 12, DPH 12%",
            "CZ, zero, 2024-01-01, 0, DPH 0%",
            "LT, reduced-2, 2025-12-31, 9, PVM 9%",
            "LT, reduced-2, 2026-01-01, 12, PVM 12%",
            "IE, standard, 2021-07-01, 23, VAT 23%",
            "GR, standard, 2021-07-01, 24, ΦΠΑ 24%"
    })
    void datedChanges(String country, String category, String date, String percent, String label) {
        VatRate rate = bundled.rateOn(country, category, LocalDate.parse(date));
        assertEquals(0, new BigDecimal(percent).compareTo(rate.percent()), () -> "rate " + rate);
        assertEquals(label, rate.label());
    }

    @ParameterizedTest(name = "{0} {1} before {2}")
    @CsvSource({
            "SK, reduced-2, 2025-01-01",
            "EE, reduced-2, 2025-01-01",
            "CZ, zero, 2024-01-01",
            "BE, standard, 2021-07-01",
            "SE, reduced, 2021-07-01"
    })
    void categoriesDoNotReachBackBeforeTheirFirstRow(String country, String category, String first) {
        LocalDate firstDay = LocalDate.parse(first);
        assertEquals(firstDay, bundled.history(country, category).firstKey());
        assertEquals("tax_rate_not_in_force", assertThrows(OmnitillException.class,
                () -> bundled.rateOn(country, category, firstDay.minusDays(1))).code());
    }

    /**
     * On every day a rate of a state changes: super-reduced below 5%, reduced at least 5% and not
     * above reduced-2, reduced-2 below standard (Art. 98, 99 and the derogations of the VAT
     * Directive); and every label of a taxed rate shows its percentage.
     */
    @Test
    void ratesAreOrderedAndLabelsShowThem() {
        for (String country : bundled.countries()) {
            Set<LocalDate> changeDays = new TreeSet<>();
            for (String category : bundled.categories(country)) {
                changeDays.addAll(bundled.history(country, category).keySet());
                for (VatRate rate : bundled.history(country, category).values()) {
                    if (rate.percent().signum() != 0) {
                        String plain = rate.percent().stripTrailingZeros().toPlainString();
                        assertTrue(rate.label().contains(plain + "%") || rate.label().contains(plain.replace('.', ',') + "%"),
                                () -> rate + ": the label does not show the rate");
                    }
                }
            }
            for (LocalDate day : changeDays) {
                List<String> problems = new ArrayList<>();
                BigDecimal standard = percent(country, "standard", day);
                BigDecimal reduced = percent(country, "reduced", day);
                BigDecimal reduced2 = percent(country, "reduced-2", day);
                BigDecimal superReduced = percent(country, "super-reduced", day);
                if (superReduced != null && superReduced.compareTo(FIVE) >= 0) {
                    problems.add("super-reduced " + superReduced + " is not below 5%");
                }
                if (reduced != null && reduced.compareTo(FIVE) < 0) {
                    problems.add("reduced " + reduced + " is below 5%");
                }
                if (reduced != null && reduced2 != null && reduced.compareTo(reduced2) > 0) {
                    problems.add("reduced " + reduced + " is above reduced-2 " + reduced2);
                }
                if (standard != null && reduced2 != null && reduced2.compareTo(standard) >= 0) {
                    problems.add("reduced-2 " + reduced2 + " is not below standard " + standard);
                }
                assertTrue(problems.isEmpty(), country + " on " + day + ": " + problems);
            }
        }
    }

    private BigDecimal percent(String country, String category, LocalDate day) {
        Map.Entry<LocalDate, VatRate> inForce = bundled.history(country, category).floorEntry(day);
        return inForce == null ? null : inForce.getValue().percent();
    }

    private static String bundledText() throws IOException {
        try (InputStream in = RateTable.class.getResourceAsStream(RateTable.BUNDLED)) {
            if (in == null) {
                throw new IOException(RateTable.BUNDLED + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
