package org.omnitill.api.audit;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, hash-chained log of sensitive acts. Provided by the core.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Appends the event. Joins the caller's transaction, so the entry is written exactly when the act
     * it records commits; without one it commits on its own.
     */
    AuditEntry record(AuditEvent event);

    /** Recomputes every hash from the first entry and reports the first entry that does not match. */
    AuditVerification verify();

    /** Writes the entries from {@code fromSequence} on as JSON lines (one object per line), at most {@code limit}. */
    void exportJsonLines(long fromSequence, int limit, OutputStream out) throws IOException;
}
