package org.omnitill.api.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An article as the catalog knows it. {@code taxCategory} is a {@link org.omnitill.api.tax.TaxCategory}
 * code that tax rules map to a rate: the article's default category.
 *
 * <p>Category codes belong to a tax rule, and tax rules are per jurisdiction: a book is {@code reduced}
 * for EU VAT, {@code books} for the Canadian rule and {@code hsn:4901} for India's GST.
 * {@code taxCategoriesByCountry} holds the codes that replace the default in a country (ISO 3166-1
 * alpha-2, upper case); {@link #taxCategoryIn(String)} picks the one that applies.
 *
 * @param taxCategoriesByCountry the category per country where it differs from {@code taxCategory};
 *        empty when there is none. Null is read as empty; keys are upper-cased, ordered by country
 * @since 1.2 ({@code taxCategoriesByCountry}; the 1.1 constructor still works and means "no overrides")
 */
public record ProductView(
        String sku,
        String name,
        List<String> barcodes,
        String taxCategory,
        UnitOfMeasure unit,
        List<PriceView> prices,
        Map<String, String> taxCategoriesByCountry) {

    public ProductView {
        barcodes = List.copyOf(barcodes);
        prices = List.copyOf(prices);
        TreeMap<String, String> byCountry = new TreeMap<>();
        if (taxCategoriesByCountry != null) {
            taxCategoriesByCountry.forEach((country, category) -> byCountry.put(
                    Objects.requireNonNull(country, "country").strip().toUpperCase(Locale.ROOT),
                    Objects.requireNonNull(category, "category of " + country)));
        }
        taxCategoriesByCountry = Collections.unmodifiableMap(byCountry);
    }

    /** An article with one tax category everywhere, as in version 1.1 of this record. */
    public ProductView(String sku, String name, List<String> barcodes, String taxCategory, UnitOfMeasure unit,
            List<PriceView> prices) {
        this(sku, name, barcodes, taxCategory, unit, prices, Map.of());
    }

    /**
     * The tax category code of the article in a country: the country's override, else the default
     * {@link #taxCategory()}.
     *
     * @param country ISO 3166-1 alpha-2 (any case); null gives the default
     */
    public String taxCategoryIn(String country) {
        if (country == null) {
            return taxCategory;
        }
        return taxCategoriesByCountry.getOrDefault(country.strip().toUpperCase(Locale.ROOT), taxCategory);
    }
}
