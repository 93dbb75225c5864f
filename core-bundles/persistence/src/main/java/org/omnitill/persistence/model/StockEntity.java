package org.omnitill.persistence.model;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/**
 * Stock of an article at a location: the running sum of its movements. Sales change it with a
 * conditional bulk update, never read-modify-write, so concurrent checkouts cannot oversell.
 */
@Entity
@Table(name = "OT_STOCK", uniqueConstraints = @UniqueConstraint(name = "OT_STOCK_LOCATION_SKU", columnNames = {"location_id", "sku"}))
public class StockEntity {
    @Id
    @Column(length = 130)
    public String id;
    @Column(name = "location_id", length = 64, nullable = false)
    public String locationId;
    @Column(length = 64, nullable = false)
    public String sku;
    @Column(name = "on_hand", precision = 19, scale = 3, nullable = false)
    public BigDecimal onHand;
    @Column(precision = 19, scale = 3, nullable = false)
    public BigDecimal reserved = BigDecimal.ZERO;
    @Version
    public long version;

    public static String idOf(String locationId, String sku) {
        return locationId + "/" + sku;
    }
}
