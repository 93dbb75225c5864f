package org.omnitill.audit.internal.shell;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.omnitill.api.audit.AuditTrail;

/** {@code omnitill:audit-export}: the entries as JSON lines, e.g. to hand to an auditor. */
@Service
@Command(scope = "omnitill", name = "audit-export", description = "Prints audit trail entries as JSON lines")
public class AuditExportCommand implements Action {

    @Reference
    AuditTrail audit;

    @Option(name = "--from", description = "the first sequence number to print (default 1)")
    long from = 1;

    @Option(name = "--limit", description = "at most this many entries (default all)")
    int limit = Integer.MAX_VALUE;

    @Override
    public Object execute() throws IOException {
        // System.out is the session's output in Karaf; it is not ours to close
        audit.exportJsonLines(from, limit, System.out);
        return null;
    }
}
