package org.omnitill.tax.canada.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the rate data: a tax's rate in one jurisdiction from {@code effectiveFrom} until the
 * next row of the same jurisdiction and tax.
 *
 * @param province the province code for the HST, PST and QST; null for the federal GST
 * @param receiptName the tax's name on a receipt, e.g. {@code GST}, {@code HST}, {@code RST}
 */
record RateRow(String province, SalesTax tax, BigDecimal percent, LocalDate effectiveFrom, String receiptName) {

    /** {@code CA} for the GST, else {@code CA-} and the province, e.g. {@code CA-ON}. */
    String jurisdiction() {
        return province == null ? Provinces.COUNTRY : Provinces.COUNTRY + "-" + province;
    }
}
