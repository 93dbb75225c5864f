package org.omnitill.api.order;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A return of some or all of an order's goods.
 *
* @param returnKey the client's idempotency key: a retried request with the same key answers the
 *        return made the first time instead of refunding again; null for none
 * @param lines the order lines that come back; a line named twice counts with the sum of its quantities
 * @param reason why the goods come back (required), e.g. {@code damaged}
 * @param storeId the location where the goods come back into stock and the refund is paid out; null
 *        for the order's own store. Any location in the order's currency will do ("returns anywhere").
 * @param processedBy who processed the return at the counter
 * @param approvedBy who approved it (a supervisor), or null
 */
public record ReturnRequest(List<ReturnLineRequest> lines, String reason, String storeId, String processedBy,
        String approvedBy, String returnKey) {

    public ReturnRequest {
        // a copy that tolerates null entries, so that the service can refuse them with an error code
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** The 1.1.0 form, without an idempotency key. */
    public ReturnRequest(List<ReturnLineRequest> lines, String reason, String storeId, String processedBy,
            String approvedBy) {
        this(lines, reason, storeId, processedBy, approvedBy, null);
    }
}
