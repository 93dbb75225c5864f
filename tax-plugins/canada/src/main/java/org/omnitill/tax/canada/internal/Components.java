package org.omnitill.tax.canada.internal;

import java.math.BigDecimal;

import org.omnitill.api.tax.TaxComponent;

/**
 * The {@link TaxComponent}s of the Canadian taxes. Jurisdiction {@code CA} for the GST, {@code CA-XX}
 * for a province's HST, PST or QST; the code is the jurisdiction and the tax's receipt name (e.g.
 * {@code CA-GST}, {@code CA-ON-HST}, {@code CA-MB-RST}, {@code CA-QC-QST}), with a suffix when the
 * line is not taxed at the full rate ({@code -ZERO-RATED}, {@code -EXEMPT}, {@code -POS-REBATE},
 * {@code -CERTIFICATE}); the name says so too, for the receipt.
 */
final class Components {

    private Components() {
    }

    /**
     * @param gst the GST rate in force, which is also the federal part of the HST
     */
    static TaxComponent of(RateRow rate, Treatment treatment, RateRow gst) {
        String base = rate.jurisdiction() + "-" + rate.receiptName();
        String tax = rate.receiptName();
        return switch (treatment) {
            case TAXABLE -> new TaxComponent(rate.jurisdiction(), base, tax + " " + percent(rate.percent()) + "%",
                    rate.percent());
            case ZERO_RATED -> new TaxComponent(rate.jurisdiction(), base + "-ZERO-RATED", tax + " 0% (zero-rated)",
                    BigDecimal.ZERO);
            case EXEMPT -> new TaxComponent(rate.jurisdiction(), base + "-EXEMPT", tax + " exempt", BigDecimal.ZERO);
            case PROVINCIAL_PART_REBATED -> new TaxComponent(rate.jurisdiction(), base + "-POS-REBATE",
                    tax + " " + percent(gst.percent()) + "% (provincial part rebated)", gst.percent());
        };
    }

    /** The 0% component of a PST the customer is exempt from by the province's exemption number. */
    static TaxComponent certificateExempt(RateRow rate) {
        return new TaxComponent(rate.jurisdiction(), rate.jurisdiction() + "-" + rate.receiptName() + "-CERTIFICATE",
                rate.receiptName() + " exempt (exemption certificate)", BigDecimal.ZERO);
    }

    /** {@code 5}, {@code 13}, {@code 9.975}: no trailing zeros, never an exponent. */
    static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
