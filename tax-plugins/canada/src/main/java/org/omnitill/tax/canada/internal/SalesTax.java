package org.omnitill.tax.canada.internal;

/**
 * The Canadian sales taxes. The GST and the HST (which replaces the GST in the participating
 * provinces) are federal and follow the same taxability rules, those of the Excise Tax Act; the PST
 * (Manitoba's RST included) and the QST are provincial.
 */
enum SalesTax {
    GST(SalesTax.GST_HST),
    HST(SalesTax.GST_HST),
    PST("PST"),
    QST("QST");

    /** The value of the taxability data's {@code tax} column that governs the federal taxes. */
    static final String GST_HST = "GST/HST";

    private final String taxabilityKey;

    SalesTax(String taxabilityKey) {
        this.taxabilityKey = taxabilityKey;
    }

    /** The {@code tax} column of the taxability rows that say how this tax treats a category. */
    String taxabilityKey() {
        return taxabilityKey;
    }

    boolean isFederal() {
        return this == GST || this == HST;
    }

    boolean isProvincial() {
        return !isFederal();
    }
}
