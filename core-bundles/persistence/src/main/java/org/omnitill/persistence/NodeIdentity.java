package org.omnitill.persistence;

import org.osgi.annotation.versioning.ProviderType;

/** Which Omnitill node this is; every record a node writes carries it, for synchronisation later. */
@ProviderType
public interface NodeIdentity {

    String nodeId();
}
