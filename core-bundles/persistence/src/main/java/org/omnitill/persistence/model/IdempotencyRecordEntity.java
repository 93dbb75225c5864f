package org.omnitill.persistence.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** The first response to a request with an Idempotency-Key; the unique key makes concurrent twins collide. */
@Entity
@Table(name = "OT_IDEMPOTENCY", uniqueConstraints = @UniqueConstraint(name = "OT_IDEMPOTENCY_KEY", columnNames = {"principal", "idem_key"}))
public class IdempotencyRecordEntity {
    @Id
    @Column(length = 36)
    public String id;
    @Column(length = 128, nullable = false)
    public String principal;
    @Column(name = "idem_key", length = 255, nullable = false)
    public String key;
    @Column(name = "fingerprint", length = 512, nullable = false)
    public String fingerprint;
    @Column(name = "http_status", nullable = false)
    public int status;
    @Lob
    @Column(name = "body", nullable = false)
    public String body;
    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE")
    public Instant createdAt;
}
