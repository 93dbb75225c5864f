package org.omnitill.audit.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;

import org.junit.jupiter.api.Test;
import org.omnitill.api.audit.AuditEntry;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.audit.AuditVerification;

class AuditVerifyCommandTest {

    private static AuditTrail verifying(AuditVerification result) {
        return new AuditTrail() {
            @Override
            public AuditEntry record(AuditEvent event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AuditVerification verify() {
                return result;
            }

            @Override
            public void exportJsonLines(long fromSequence, int limit, OutputStream out) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void describesBothOutcomes() {
        assertEquals("audit trail intact: 1234 entries checked",
                AuditVerifyCommand.describe(new AuditVerification(true, 1234, null, null)));
        assertEquals("audit trail BROKEN at entry 17: hash does not match content (17 entries checked)",
                AuditVerifyCommand.describe(new AuditVerification(false, 17, 17L, "hash does not match content")));
    }

    @Test
    void aBrokenTrailFailsTheCommand() {
        AuditVerifyCommand command = new AuditVerifyCommand();
        command.audit = verifying(new AuditVerification(false, 5, 5L, "entry 5 is missing"));
        IllegalStateException e = assertThrows(IllegalStateException.class, command::execute);
        assertEquals("audit trail BROKEN at entry 5: entry 5 is missing (5 entries checked)", e.getMessage());
    }

    @Test
    void anIntactTrailSucceeds() {
        AuditVerifyCommand command = new AuditVerifyCommand();
        command.audit = verifying(new AuditVerification(true, 3, null, null));
        assertEquals(null, command.execute());
    }
}
