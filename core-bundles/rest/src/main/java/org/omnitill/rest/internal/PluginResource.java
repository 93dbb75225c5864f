package org.omnitill.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /plugins}: every service that describes itself with {@link PluginProperties#FAMILY},
 * read from the service registry on each request, so an installed plugin appears and an uninstalled
 * one disappears without anything here knowing about them.
 */
@Component(service = PluginResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.PLUGIN_READ)
public class PluginResource {

    static final String FILTER = "(" + PluginProperties.FAMILY + "=*)";

    private final BundleContext context;

    @Activate
    public PluginResource(BundleContext context) {
        this.context = context;
    }

    /** One plugin: its id and family, its name, and the bundle that provides it. */
    public record PluginInfo(String id, String family, String name, String version, String state, String bundle) {
    }

    @GET
    public List<PluginInfo> plugins() {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(null, FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter " + FILTER, e);
        }
        if (references == null) {
            return List.of();
        }
        // one entry per plugin, even if it registers several services under the same id
        Map<String, PluginInfo> plugins = new LinkedHashMap<>();
        for (ServiceReference<?> reference : references) {
            Bundle bundle = reference.getBundle();
            if (bundle == null) {
                continue; // unregistered while we looked
            }
            String family = text(reference.getProperty(PluginProperties.FAMILY));
            String id = text(reference.getProperty(PluginProperties.ID));
            if (id == null) {
                id = text(reference.getProperty("component.name"));
            }
            if (id == null) {
                id = "service." + reference.getProperty(Constants.SERVICE_ID);
            }
            String name = text(reference.getProperty(PluginProperties.NAME));
            PluginInfo info = new PluginInfo(id, family, name != null ? name : id, bundle.getVersion().toString(),
                    state(bundle.getState()), bundle.getSymbolicName());
            plugins.putIfAbsent(family + "\u0000" + id + "\u0000" + info.bundle(), info);
        }
        List<PluginInfo> list = new ArrayList<>(plugins.values());
        list.sort(Comparator.comparing(PluginInfo::family, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PluginInfo::id)
                .thenComparing(PluginInfo::bundle, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    private static String text(Object value) {
        if (value instanceof String[] array) {
            return array.length == 0 ? null : String.join(",", array);
        }
        if (value instanceof Iterable<?> iterable) {
            List<String> parts = new ArrayList<>();
            iterable.forEach(v -> parts.add(String.valueOf(v)));
            return parts.isEmpty() ? null : String.join(",", parts);
        }
        return value == null ? null : value.toString();
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }
}
