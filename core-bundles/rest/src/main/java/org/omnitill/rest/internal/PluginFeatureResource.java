package org.omnitill.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Plugin features ({@code omnitill-payment-*}, {@code -tax-*}, {@code -device-*}, {@code -channel-*}):
 * list them, install (or upgrade to) a version, uninstall. Core features cannot be touched here.
 * Bundles are not refreshed automatically, so installing a plugin never restarts the core.
 */
@Component(service = PluginFeatureResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("plugins/features")
@Produces(MediaType.APPLICATION_JSON)
public class PluginFeatureResource {

    static final Pattern PLUGIN_FEATURE = Pattern.compile("omnitill-(payment|tax|device|channel)-[a-z0-9-]+");

    private final FeaturesService features;
    private final AuditTrail audit;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public PluginFeatureResource(@Reference FeaturesService features, @Reference AuditTrail audit) {
        this.features = features;
        this.audit = audit;
    }

    /** A plugin feature in the known repositories. */
    public record PluginFeature(String name, String version, String description, boolean installed) {
    }

    /** {@code POST /plugins/features}: a feature name and, to upgrade, a version. */
    record Install(String name, String version) {
    }

    @GET
    @RequiresPermission(Permission.PLUGIN_READ)
    public List<PluginFeature> list() {
        List<PluginFeature> list = new ArrayList<>();
        for (Feature feature : all()) {
            if (PLUGIN_FEATURE.matcher(feature.getName()).matches()) {
                list.add(new PluginFeature(feature.getName(), feature.getVersion(), feature.getDescription(),
                        features.isInstalled(feature)));
            }
        }
        list.sort(Comparator.comparing(PluginFeature::name).thenComparing(PluginFeature::version));
        return list;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.PLUGIN_MANAGE)
    public Response install(byte[] body, @Context SecurityContext context) {
        Install request = Requests.body(json, body, Install.class);
        String name = pluginFeature(Requests.required(request.name(), "name"));
        String version = Requests.optional(request.version());
        Feature feature = find(name, version);
        String user = AuthResource.principal(context).name();
        EnumSet<FeaturesService.Option> options = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
        if (version != null) {
            options.add(FeaturesService.Option.Upgrade);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("feature", name);
        details.put("version", feature.getVersion());
        try {
            features.installFeature(name, feature.getVersion(), options);
        } catch (Exception e) {
            details.put("error", String.valueOf(e.getMessage()));
            audit.record(new AuditEvent("plugin.feature.install", user, null, "feature/" + name, AuditEvent.FAILURE, details));
            throw OmnitillException.unprocessable("feature_install_failed",
                    "feature '" + name + "' could not be installed: " + e.getMessage());
        }
        audit.record(new AuditEvent("plugin.feature.install", user, null, "feature/" + name, AuditEvent.SUCCESS, details));
        return Response.ok(new PluginFeature(name, feature.getVersion(), feature.getDescription(), true)).build();
    }

    @DELETE
    @Path("{name}")
    @RequiresPermission(Permission.PLUGIN_MANAGE)
    public Response uninstall(@PathParam("name") String rawName, @Context SecurityContext context) {
        String name = pluginFeature(rawName);
        Feature installed = null;
        for (Feature feature : installed()) {
            if (feature.getName().equals(name)) {
                installed = feature;
            }
        }
        if (installed == null) {
            throw OmnitillException.conflict("feature_not_installed", "feature '" + name + "' is not installed");
        }
        String user = AuthResource.principal(context).name();
        Map<String, String> details = Map.of("feature", name, "version", installed.getVersion());
        try {
            features.uninstallFeature(name, installed.getVersion(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            audit.record(new AuditEvent("plugin.feature.uninstall", user, null, "feature/" + name, AuditEvent.FAILURE, details));
            throw OmnitillException.unprocessable("feature_uninstall_failed",
                    "feature '" + name + "' could not be uninstalled: " + e.getMessage());
        }
        audit.record(new AuditEvent("plugin.feature.uninstall", user, null, "feature/" + name, AuditEvent.SUCCESS, details));
        return Response.noContent().build();
    }

    private static String pluginFeature(String name) {
        if (!PLUGIN_FEATURE.matcher(name).matches()) {
            throw OmnitillException.unprocessable("not_a_plugin_feature", "'" + Requests.clip(name)
                    + "' is not a plugin feature (omnitill-payment-*, -tax-*, -device-*, -channel-*)");
        }
        return name;
    }

    private Feature find(String name, String version) {
        Feature best = null;
        for (Feature feature : all()) {
            if (!feature.getName().equals(name)) {
                continue;
            }
            if (version != null ? feature.getVersion().equals(version)
                    : best == null || org.osgi.framework.Version.parseVersion(feature.getVersion())
                            .compareTo(org.osgi.framework.Version.parseVersion(best.getVersion())) > 0) {
                best = feature;
            }
        }
        if (best == null) {
            throw OmnitillException.notFound("feature_not_found", "no feature '" + name + "'"
                    + (version == null ? "" : " in version " + Requests.clip(version)) + " in the known repositories");
        }
        return best;
    }

    private Feature[] all() {
        try {
            return features.listFeatures();
        } catch (Exception e) {
            throw OmnitillException.unavailable("features_unavailable", "the feature repositories cannot be read");
        }
    }

    private Feature[] installed() {
        try {
            return features.listInstalledFeatures();
        } catch (Exception e) {
            throw OmnitillException.unavailable("features_unavailable", "the installed features cannot be read");
        }
    }
}
