package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** The shelf price of an article in a store. Prices hang off the store, not the product, for price lists later. */
@Entity
@Table(name = "OT_PRICE", uniqueConstraints = @UniqueConstraint(name = "OT_PRICE_SKU_STORE", columnNames = {"sku", "store_id"}))
public class PriceEntity {
    @Id
    @Column(length = 36)
    public String id;
    @Column(length = 64, nullable = false)
    public String sku;
    @Column(name = "store_id", length = 64, nullable = false)
    public String storeId;
    @Column(length = 3, nullable = false)
    public String currency;
    @Column(precision = 19, scale = 4, nullable = false)
    public BigDecimal amount;
    /** What one unit costs the store, in the price's currency; null when unknown (nullable so existing rows extend). */
    @Column(name = "unit_cost", precision = 19, scale = 4)
    public BigDecimal unitCost;
}
