package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * One entry of the hash-chained audit trail. Rows are only ever inserted; {@code hash} covers every
 * other column and {@code previous_hash}, so editing or deleting a row breaks the chain there.
 */
@Entity
@Table(name = "OT_AUDIT_ENTRY")
public class AuditEntryEntity {
    @Id
    public long sequence;
    /** Epoch milliseconds, so the hashed value survives any database's timestamp precision. */
    @Column(name = "occurred_at", nullable = false)
    public long occurredAtMillis;
    @Column(name = "node_id", length = 64, nullable = false)
    public String nodeId;
    @Column(length = 96, nullable = false)
    public String action;
    @Column(length = 128, nullable = false)
    public String actor;
    @Column(length = 128)
    public String approver;
    @Column(length = 255)
    public String target;
    @Column(length = 16, nullable = false)
    public String outcome;
    /** The details as a JSON object with sorted keys. */
    @Lob
    @Column(name = "details_json", nullable = false)
    public String detailsJson;
    @Column(name = "previous_hash", length = 64, nullable = false)
    public String previousHash;
    @Column(length = 64, nullable = false)
    public String hash;
}
