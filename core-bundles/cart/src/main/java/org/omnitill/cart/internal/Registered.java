package org.omnitill.cart.internal;

import java.util.Comparator;
import java.util.Map;

import org.omnitill.api.plugin.PluginProperties;

/** A plugin service with the properties it was registered with. */
record Registered<T>(T service, String pluginId, int ranking, long serviceId) {

    /** Highest ranking first, then the oldest registration, as the OSGi registry orders services. */
    static final Comparator<Registered<?>> PREFERRED = Comparator.<Registered<?>>comparingInt(r -> -r.ranking())
            .thenComparingLong(Registered::serviceId);

    static <T> Registered<T> of(T service, Map<String, ?> properties) {
        Object id = properties.get(PluginProperties.ID);
        Object ranking = properties.get("service.ranking");
        Object serviceId = properties.get("service.id");
        return new Registered<>(service, id == null ? null : id.toString(),
                ranking instanceof Integer i ? i : 0,
                serviceId instanceof Long l ? l : 0L);
    }
}
