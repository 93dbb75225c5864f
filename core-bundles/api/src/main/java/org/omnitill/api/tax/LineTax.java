package org.omnitill.api.tax;

import org.omnitill.api.money.Money;

/**
 * The tax one component puts on one line. {@code taxableAmount} is the net base; when the rule
 * rounds per document it allocates the rounded document tax to lines, so that the line taxes of a
 * component always add up to the document's tax for it.
 */
public record LineTax(String lineId, TaxComponent component, Money taxableAmount, Money tax) {
}
