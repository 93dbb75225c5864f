package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * The tax category of an article in one country, where it differs from the article's default
 * ({@link ProductEntity#taxCategory}): category codes belong to the tax rule of a jurisdiction, so a
 * book that is {@code reduced} for EU VAT is {@code books} in Canada. Keyed by {@link #idOf}; the
 * unique (sku, country) index also serves the catalog's look-up by sku.
 */
@Entity
@Table(name = "OT_PRODUCT_TAX_CATEGORY",
        uniqueConstraints = @UniqueConstraint(name = "OT_PRODUCT_TAX_CATEGORY_SKU_COUNTRY",
                columnNames = {"sku", "country"}))
public class ProductTaxCategoryEntity {
    @Id
    @Column(length = 67)
    public String id;
    @Column(length = 64, nullable = false)
    public String sku;
    /** ISO 3166-1 alpha-2, upper case. */
    @Column(length = 2, nullable = false)
    public String country;
    @Column(name = "tax_category", length = 64, nullable = false)
    public String taxCategory;

    public static String idOf(String sku, String country) {
        return sku + "/" + country;
    }
}
