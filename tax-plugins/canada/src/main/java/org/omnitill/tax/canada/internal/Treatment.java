package org.omnitill.tax.canada.internal;

import java.util.Arrays;
import java.util.Optional;

/** How one tax treats one product category, as written in the taxability data. */
enum Treatment {
    /** Taxed at the tax's rate. */
    TAXABLE("taxable"),
    /** Taxable at the rate of zero (GST/HST and QST; the PST has no zero rate). */
    ZERO_RATED("zero-rated"),
    /** Not taxed. */
    EXEMPT("exempt"),
    /** HST only: the point-of-sale rebate of the provincial part is credited, the federal part charged. */
    PROVINCIAL_PART_REBATED("provincial-part-rebated");

    private final String code;

    Treatment(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<Treatment> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
