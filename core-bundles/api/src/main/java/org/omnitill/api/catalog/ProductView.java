package org.omnitill.api.catalog;

import java.util.List;

/**
 * An article as the catalog knows it. {@code taxCategory} is a {@link org.omnitill.api.tax.TaxCategory}
 * code that tax rules map to a rate.
 */
public record ProductView(
        String sku,
        String name,
        List<String> barcodes,
        String taxCategory,
        UnitOfMeasure unit,
        List<PriceView> prices) {

    public ProductView {
        barcodes = List.copyOf(barcodes);
        prices = List.copyOf(prices);
    }
}
