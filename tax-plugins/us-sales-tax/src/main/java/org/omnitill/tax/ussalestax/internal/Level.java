package org.omnitill.tax.ussalestax.internal;

import java.util.Locale;

/** The level of a sales tax jurisdiction; receipts list the components in this order. */
enum Level {
    STATE, COUNTY, CITY, DISTRICT;

    /** The lower-case name used in the data files, e.g. {@code district}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the level written as in the data files, or null if {@code code} names none */
    static Level ofCode(String code) {
        for (Level level : values()) {
            if (level.code().equals(code)) {
                return level;
            }
        }
        return null;
    }
}
