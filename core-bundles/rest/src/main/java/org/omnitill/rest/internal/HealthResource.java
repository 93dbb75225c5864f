package org.omnitill.rest.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.cart.CartService;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.store.StoreService;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, open to everyone: 200 {@code UP} when the database answers and the core
 * services a sale needs are registered, else 503 {@code DOWN}. Everything is an optional
 * reference here so that health answers (DOWN, naming what is missing) even while a core bundle is
 * away or still starting, instead of disappearing with it.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    /** Seconds a database check may take before health reports it DOWN. */
    static final int DATABASE_TIMEOUT_MILLIS = 2_000;

    private final String version;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TransactionRunner tx;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StoreService stores;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CatalogService catalog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InventoryService inventory;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CartService carts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OrderService orders;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SecurityService security;

    @Activate
    public HealthResource(BundleContext context) {
        this(context.getBundle().getVersion().toString(), null);
    }

    HealthResource(String version, TransactionRunner tx) {
        this.version = version;
        this.tx = tx;
    }

    /** For tests: a resource with every core service present. */
    HealthResource(String version, TransactionRunner tx, StoreService stores, CatalogService catalog,
            InventoryService inventory, CartService carts, OrderService orders, AuditTrail audit,
            SecurityService security) {
        this(version, tx);
        this.audit = audit;
        this.security = security;
        this.stores = stores;
        this.catalog = catalog;
        this.inventory = inventory;
        this.carts = carts;
        this.orders = orders;
    }

    /**
     * The health report.
     *
     * @param missing the core services not registered (yet), by name
     */
    public record Health(String status, String version, String database, List<String> missing, long uptimeSeconds) {
    }

    @GET
    public Response health() {
        boolean databaseUp = databaseUp();
        List<String> missing = missingServices();
        boolean up = databaseUp && missing.isEmpty();
        Health health = new Health(up ? "UP" : "DOWN", version, databaseUp ? "UP" : "DOWN", missing,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        return Response.status(up ? 200 : 503).type(MediaType.APPLICATION_JSON_TYPE).entity(health).build();
    }

    private List<String> missingServices() {
        // a snapshot of the dynamic references, in the order the report names them
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("stores", stores);
        services.put("catalog", catalog);
        services.put("inventory", inventory);
        services.put("carts", carts);
        services.put("orders", orders);
        services.put("audit", audit);
        services.put("security", security);
        List<String> missing = new ArrayList<>();
        services.forEach((name, service) -> {
            if (service == null) {
                missing.add(name);
            }
        });
        return missing;
    }

    private boolean databaseUp() {
        TransactionRunner runner = tx;
        if (runner == null) {
            return false;
        }
        try {
            runner.required(em -> em.createNativeQuery("SELECT 1")
                    .setHint("javax.persistence.query.timeout", DATABASE_TIMEOUT_MILLIS)
                    .getSingleResult());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("health: the database does not answer: {}", e.toString());
            LOG.debug("health: database check failed", e);
            return false;
        }
    }
}
