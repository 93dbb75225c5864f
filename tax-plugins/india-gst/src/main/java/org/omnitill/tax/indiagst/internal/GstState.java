package org.omnitill.tax.indiagst.internal;

/**
 * A State or union territory of India as a place of supply.
 *
 * @param isoCode the ISO 3166-2:IN code without the country prefix, e.g. {@code KA}
 * @param gstCode the two-digit GST state code, e.g. {@code 29}
 * @param name the name printed after the GST state code, e.g. {@code Karnataka}
 * @param localTax the tax levied beside CGST on a supply within it
 */
record GstState(String isoCode, String gstCode, String name, LocalTax localTax) {

    /** SGST in States and union territories with a legislature; UTGST in the others. */
    enum LocalTax {
        SGST, UTGST
    }

    /** The jurisdiction of its SGST or UTGST, e.g. {@code IN-KA}. */
    String jurisdiction() {
        return "IN-" + isoCode;
    }

    /** As an invoice names the place of supply, e.g. {@code 29 Karnataka}. */
    String label() {
        return gstCode + " " + name;
    }
}
