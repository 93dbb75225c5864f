package org.omnitill.persistence.model;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One change of stock, kept as a delta so stock can be audited and synchronised between nodes. */
@Entity
@Table(name = "OT_STOCK_MOVEMENT", indexes = @Index(name = "OT_STOCK_MOVEMENT_SKU", columnList = "sku,location_id"))
public class StockMovementEntity {
    @Id
    @Column(length = 36)
    public String id;
    @Column(name = "location_id", length = 64, nullable = false)
    public String locationId;
    @Column(length = 64, nullable = false)
    public String sku;
    @Column(precision = 19, scale = 3, nullable = false)
    public BigDecimal delta;
    @Column(length = 32, nullable = false)
    public String reason;
    @Column(length = 64)
    public String reference;
    @Column(name = "node_id", length = 64, nullable = false)
    public String nodeId;
    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant createdAt;
}
