package org.omnitill.tax.canada.internal;

import java.util.List;

import org.omnitill.api.error.OmnitillException;

/**
 * The taxes of one category in one province over a period: the levies, or why the category cannot
 * be taxed there then. Computed once from the data; a failure is kept as its error code and message
 * and thrown each time the period is asked for.
 */
record Resolution(List<Levy> levies, String errorCode, String errorMessage) {

    static Resolution of(List<Levy> levies) {
        return new Resolution(List.copyOf(levies), null, null);
    }

    static Resolution failed(OmnitillException cause) {
        return new Resolution(List.of(), cause.code(), cause.getMessage());
    }

    /** The levies, in the order GST or HST first, then PST or QST. */
    List<Levy> leviesOrThrow() {
        if (errorCode != null) {
            throw OmnitillException.unprocessable(errorCode, errorMessage);
        }
        return levies;
    }
}
