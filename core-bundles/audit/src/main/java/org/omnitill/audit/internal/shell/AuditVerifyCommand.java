package org.omnitill.audit.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.audit.AuditVerification;

/**
 * {@code omnitill:audit-verify}. A broken chain fails the command, so scripts run through
 * {@code bin/client} see a non-zero exit status.
 */
@Service
@Command(scope = "omnitill", name = "audit-verify",
        description = "Recomputes the audit trail's hash chain from the first entry and reports the first break")
public class AuditVerifyCommand implements Action {

    @Reference
    AuditTrail audit;

    @Override
    public Object execute() {
        AuditVerification v = audit.verify();
        if (!v.intact()) {
            throw new IllegalStateException(describe(v));
        }
        System.out.println(describe(v));
        return null;
    }

    static String describe(AuditVerification v) {
        if (v.intact()) {
            return "audit trail intact: " + v.entriesChecked() + " entries checked";
        }
        return "audit trail BROKEN at entry " + v.firstBrokenSequence() + ": " + v.reason() + " ("
                + v.entriesChecked() + " entries checked)";
    }
}
