package org.omnitill.api.tax;

import java.math.BigDecimal;

/**
 * One tax that applies, e.g. German VAT at 19%.
 *
 * @param jurisdiction who levies it, e.g. {@code DE}, {@code US-WA-KING}
 * @param code a stable code for the rate, e.g. {@code DE-VAT-STANDARD}
 * @param name as printed on a receipt, e.g. {@code MwSt 19%}
 * @param rate the rate in percent, e.g. {@code 19}
 */
public record TaxComponent(String jurisdiction, String code, String name, BigDecimal rate) {
}
