package org.omnitill.payment.cardterminal.internal;

import java.net.URI;
import java.util.Objects;

/**
 * One payment terminal: its {@code POIID} (Adyen: {@code [model]-[serial number]}, e.g.
 * {@code V400m-324688179}) and the Terminal API endpoint it is reached at (local:
 * {@code https://<terminal-ip>:8443/nexo}; cloud: Adyen's {@code /sync} endpoint).
 */
record Terminal(String poiId, URI endpoint) {

    Terminal {
        Objects.requireNonNull(poiId, "poiId");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** For logs: the POIID and the host, never a query string. */
    @Override
    public String toString() {
        return poiId + "@" + endpoint.getScheme() + "://" + endpoint.getAuthority();
    }
}
