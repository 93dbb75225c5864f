package org.omnitill.api.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sensitive act, as it goes into the audit trail.
 *
 * @param action what happened, dotted, e.g. {@code cart.price.override}, {@code auth.login.failed}
 * @param actor who did it (a user name, or {@code system} for the platform itself)
 * @param approver who approved it when it needed a supervisor, else null (or the actor when the actor
 *        held the permission)
 * @param target what it was done to, e.g. {@code cart/8f…/line/2}, {@code bundle/org.omnitill.tax.euvat}
 * @param outcome {@code success}, {@code failure} or {@code denied}
 * @param details further facts, never a password, PIN, token or card number
 */
public record AuditEvent(String action, String actor, String approver, String target, String outcome,
        Map<String, String> details) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String DENIED = "denied";

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
    }

    public static AuditEvent success(String action, String actor, String target, Map<String, String> details) {
        return new AuditEvent(action, actor, null, target, SUCCESS, details);
    }

    public AuditEvent approvedBy(String approverName) {
        return new AuditEvent(action, actor, approverName, target, outcome, details);
    }
}
