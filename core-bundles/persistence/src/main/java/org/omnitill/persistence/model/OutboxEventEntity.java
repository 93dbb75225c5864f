package org.omnitill.persistence.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A state change written in the same transaction as the change itself, for store-to-headquarters
 * synchronisation and event listeners to pick up later.
 */
@Entity
@Table(name = "OT_OUTBOX", indexes = @Index(name = "OT_OUTBOX_PUBLISHED", columnList = "published_at"))
public class OutboxEventEntity {
    @Id
    @Column(length = 36)
    public String id;
    @Column(name = "aggregate_type", length = 32, nullable = false)
    public String aggregateType;
    @Column(name = "aggregate_id", length = 64, nullable = false)
    public String aggregateId;
    @Column(name = "event_type", length = 64, nullable = false)
    public String eventType;
    @Column(name = "store_id", length = 64)
    public String storeId;
    @Column(name = "node_id", length = 64, nullable = false)
    public String nodeId;
    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant createdAt;
    @Column(name = "published_at", columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant publishedAt;
}
