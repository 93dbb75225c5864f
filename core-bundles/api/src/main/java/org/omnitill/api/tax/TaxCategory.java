package org.omnitill.api.tax;

/**
 * The well-known codes of product tax categories. A product carries one code; each tax rule maps
 * the codes it knows to its rates, and may understand codes beyond these (an HSN code, a US
 * product taxability code).
 */
public final class TaxCategory {

    public static final String STANDARD = "standard";
    public static final String REDUCED = "reduced";
    public static final String SUPER_REDUCED = "super-reduced";
    public static final String ZERO = "zero";
    public static final String EXEMPT = "exempt";

    private TaxCategory() {
    }
}
