package org.omnitill.api.audit;

import java.time.Instant;

/**
 * An entry of the audit trail as stored: the event, where it sits in the chain, and the hashes that
 * chain it. {@code hash} is SHA-256 (hex) over the entry's fields and {@code previousHash}.
 */
public record AuditEntry(long sequence, Instant occurredAt, String nodeId, AuditEvent event, String previousHash,
        String hash) {
}
