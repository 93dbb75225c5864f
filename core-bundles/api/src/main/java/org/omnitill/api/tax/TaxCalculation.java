package org.omnitill.api.tax;

import java.util.List;

/** A tax rule's answer: the tax of every component on every line (a line may have several, or none). */
public record TaxCalculation(List<LineTax> lineTaxes) {

    public TaxCalculation {
        lineTaxes = List.copyOf(lineTaxes);
    }
}
