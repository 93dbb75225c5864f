package org.omnitill.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The retailer's locations. Provided by the core. */
@ProviderType
public interface StoreService {

    List<StoreView> stores();

    Optional<StoreView> store(String id);
}
