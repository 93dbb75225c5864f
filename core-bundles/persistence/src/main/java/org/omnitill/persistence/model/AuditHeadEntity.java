package org.omnitill.persistence.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The end of the audit chain: one row, locked for update by every append so that entries get
 * consecutive sequence numbers and each links to the one written before it, even when acts commit
 * concurrently.
 */
@Entity
@Table(name = "OT_AUDIT_HEAD")
public class AuditHeadEntity {
    public static final int SINGLETON_ID = 1;

    @Id
    public int id;
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
    @Column(name = "last_hash", length = 64, nullable = false)
    public String lastHash;
}
