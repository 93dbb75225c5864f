package org.omnitill.tax.ussalestax.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

import org.omnitill.api.error.OmnitillException;

/**
 * The dated taxability rules of one product category in one state, by scope: a jurisdiction code,
 * a level code or {@code *}. Immutable.
 */
final class CategoryRules {

    static final String ALL = "*";

    private final String state;
    private final String category;
    private final Map<String, NavigableMap<LocalDate, Treatment>> byScope;

    CategoryRules(String state, String category, Map<String, NavigableMap<LocalDate, Treatment>> byScope) {
        this.state = state;
        this.category = category;
        this.byScope = byScope;
    }

    String category() {
        return category;
    }

    /**
     * The treatment for the jurisdiction on the date: the rule in force of the most specific scope
     * that has one (the jurisdiction's code, then its level, then {@code *}).
     *
     * @throws OmnitillException {@code UNPROCESSABLE tax_rate_not_in_force} if rules exist only from a
     *         later date, {@code tax_category_unknown} if no scope covers the jurisdiction
     */
    Treatment treatment(String jurisdiction, Level level, LocalDate date) {
        Treatment treatment = inForce(jurisdiction, date);
        if (treatment == null) {
            treatment = inForce(level.code(), date);
        }
        if (treatment == null) {
            treatment = inForce(ALL, date);
        }
        if (treatment != null) {
            return treatment;
        }
        LocalDate firstRule = null;
        for (String scope : new String[] {jurisdiction, level.code(), ALL}) {
            NavigableMap<LocalDate, Treatment> history = byScope.get(scope);
            if (history != null && (firstRule == null || history.firstKey().isBefore(firstRule))) {
                firstRule = history.firstKey();
            }
        }
        if (firstRule != null) {
            throw OmnitillException.unprocessable("tax_rate_not_in_force", "No " + state + " taxability rule for category '"
                    + category + "' on " + date + ": the rules start on " + firstRule);
        }
        throw OmnitillException.unprocessable("tax_category_unknown", "The " + state + " data has no rule for category '"
                + category + "' at " + jurisdiction + " (" + level.code() + ")");
    }

    private Treatment inForce(String scope, LocalDate date) {
        NavigableMap<LocalDate, Treatment> history = byScope.get(scope);
        Map.Entry<LocalDate, Treatment> entry = history == null ? null : history.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }
}
