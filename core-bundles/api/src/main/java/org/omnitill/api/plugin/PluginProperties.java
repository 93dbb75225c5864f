package org.omnitill.api.plugin;

/**
 * Service properties with which a plugin service describes itself. The core lists plugins from
 * these properties (and the bundle's version), never from a hard-coded list.
 *
 * <pre>
 * &#64;Component(property = {
 *     PluginProperties.ID + "=cash",
 *     PluginProperties.FAMILY + "=" + PluginFamily.PAYMENT,
 *     PluginProperties.NAME + "=Cash" })
 * </pre>
 */
public final class PluginProperties {

    /** The plugin's id, unique within its family; for payment methods and channels also the name clients use. */
    public static final String ID = "omnitill.plugin.id";
    /** One of {@link PluginFamily}. */
    public static final String FAMILY = "omnitill.plugin.family";
    /** A human-readable name. */
    public static final String NAME = "omnitill.plugin.name";
    /** Store ids a device serves; absent or {@code *} means every store. */
    public static final String STORES = "omnitill.stores";

    private PluginProperties() {
    }
}
