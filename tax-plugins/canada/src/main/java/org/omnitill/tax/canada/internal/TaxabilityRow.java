package org.omnitill.tax.canada.internal;

import java.time.LocalDate;

/**
 * One row of the taxability data: how the tax {@code taxKey} treats {@code category} in
 * {@code province} from {@code effectiveFrom} until the next row of the same province, category and
 * tax.
 *
 * @param province a province code, or {@link #EVERY_PROVINCE} (GST/HST rows only)
 * @param taxKey {@code GST/HST}, {@code PST} or {@code QST}
 */
record TaxabilityRow(String province, String category, String taxKey, Treatment treatment, LocalDate effectiveFrom) {

    static final String EVERY_PROVINCE = "*";
}
