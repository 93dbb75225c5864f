package org.omnitill.tax.indiagst.internal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a line is taxed: the GST rate, the compensation cess on top, or no tax at all. Lines with
 * equal slabs are taxed together, one rounding per document and component. Rates are held without
 * trailing zeros so that equal rates are equal keys.
 *
 * @param rate the GST rate in percent (the IGST rate; CGST and SGST/UTGST are half each)
 * @param cess the compensation cess in percent, zero if none
 */
record GstSlab(BigDecimal rate, BigDecimal cess, Treatment treatment) {

    /** Taxed at a rate, exempt, or nil-rated (both carry no tax). */
    enum Treatment {
        TAXABLE, EXEMPT, NIL
    }

    GstSlab {
        rate = normalized(rate);
        cess = normalized(cess);
        Objects.requireNonNull(treatment, "treatment");
        if ((treatment == Treatment.TAXABLE) != (rate.signum() > 0)) {
            throw new IllegalArgumentException("a " + treatment + " slab cannot have the rate " + rate.toPlainString());
        }
    }

    static BigDecimal normalized(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** All the tax the slab puts on the taxable value, in percent: GST plus cess. */
    BigDecimal load() {
        return rate.add(cess);
    }

    boolean taxable() {
        return treatment == Treatment.TAXABLE;
    }
}
