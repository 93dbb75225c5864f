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
    /**
     * The {@code osgi.jaxrs.application.select} filter by which a plugin's JAX-RS resource joins the
     * Omnitill REST application under {@code /api/v1}: it then gets the application's authentication,
     * JSON and error mapping, and must declare an {@code org.omnitill.api.security.RequiresPermission}.
     */
    public static final String REST_APPLICATION_SELECT = "(osgi.jaxrs.name=omnitill)";

    /** Store ids a device serves; absent or {@code *} means every store. */
    public static final String STORES = "omnitill.stores";

    private PluginProperties() {
    }

    /**
     * Whether a device with this {@link #STORES} property value (absent, a string with commas, an
     * array or a collection; {@code *} for all) serves the store.
     */
    public static boolean servesStore(Object storesProperty, String storeId) {
        if (storesProperty == null) {
            return true;
        }
        Iterable<?> ids;
        if (storesProperty instanceof String[] array) {
            ids = java.util.List.of(array);
        } else if (storesProperty instanceof Iterable<?> iterable) {
            ids = iterable;
        } else {
            ids = java.util.List.of(String.valueOf(storesProperty).split(","));
        }
        for (Object id : ids) {
            String s = String.valueOf(id).trim();
            if (s.equals("*") || s.equals(storeId)) {
                return true;
            }
        }
        return false;
    }
}
