package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.inventory.LocationStock;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreService;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /inventory/{sku}}: the article's stock at every location that carries it;
 * {@code GET /inventory?location=}: the stock list of one location; {@code GET /inventory/locations}:
 * the locations that hold stock.
 */
@Component(service = InventoryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** {@code lowStock=true} keeps the articles with at most this much available. */
    static final BigDecimal LOW_STOCK = BigDecimal.valueOf(5);

    private final InventoryService inventory;
    private final CatalogService catalog;
    private final StoreService stores;

    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public InventoryResource(@Reference InventoryService inventory, @Reference CatalogService catalog,
            @Reference StoreService stores, @Reference TransactionRunner tx, @Reference AuditTrail audit) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.stores = stores;
        this.tx = tx;
        this.audit = audit;
    }

    /** A store or warehouse, as a location that holds stock. */
    public record StockLocation(String id, String name, LocationType type) {
    }

    /**
     * {@code GET /inventory?location=&q=&lowStock=&limit=&offset=}: the articles stocked at one location,
     * by SKU; {@code q} matches SKU or name, {@code lowStock=true} keeps those with at most
     * 5 ({@link #LOW_STOCK}) available. A location is required: a chain's whole stock is no one list.
     */
    @GET
    @RequiresPermission(Permission.INVENTORY_READ)
    public Page<LocationStock> stockAt(@QueryParam("location") String location, @QueryParam("q") String q,
            @QueryParam("lowStock") String lowStock, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        int pageLimit = Requests.intParam(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int pageOffset = Requests.intParam(offset, "offset", 0, 0, Integer.MAX_VALUE);
        boolean low = Requests.booleanParam(lowStock, "lowStock");
        String locationId = Requests.optional(location);
        if (locationId == null) {
            throw OmnitillException.invalid("location_required", "location is required, e.g. ?location=berlin-mitte");
        }
        return inventory.stockAt(locationId, Requests.optional(q), low ? LOW_STOCK : null, pageOffset, pageLimit);
    }

    /** {@code GET /inventory/locations}: every store and warehouse, stores first. */
    @GET
    @Path("locations")
    @RequiresPermission(Permission.INVENTORY_READ)
    public List<StockLocation> locations() {
        return stores.stores().stream().map(s -> new StockLocation(s.id(), s.name(), s.type())).toList();
    }

    /** {@code POST /inventory/{sku}/adjustments}: a signed change at one location, with its reason. */
    record Adjustment(String location, BigDecimal quantity, String reason) {
    }

    /** The stock of one article. */
    public record Stock(String sku, List<Location> locations) {
    }

    /** Stock at one location. */
    public record Location(String locationId, BigDecimal onHand, BigDecimal available, BigDecimal reserved) {
    }

    @GET
    @Path("{sku}")
    @RequiresPermission(Permission.INVENTORY_READ)
    public Stock stock(@PathParam("sku") String sku) {
        if (catalog.product(sku).isEmpty()) {
            throw ProductResource.notFound(sku);
        }
        List<Location> locations = inventory.levels(sku).stream()
                .map(l -> new Location(l.locationId(), l.onHand(), l.available(), l.reserved()))
                .toList();
        return new Stock(sku, locations);
    }

    /**
     * A stock correction (count, damage, goods received without an order): the change is a movement
     * in the ledger, and the audit entry is written in the same transaction.
     */
    @POST
    @Path("{sku}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.INVENTORY_ADJUST)
    public Stock adjust(@PathParam("sku") String sku, byte[] body, @Context SecurityContext context) {
        Adjustment adjustment = Requests.body(json, body, Adjustment.class);
        String location = Requests.required(adjustment.location(), "location");
        String reason = Requests.required(adjustment.reason(), "reason");
        if (reason.length() > 255) {
            throw OmnitillException.invalid("invalid_reason", "reason is at most 255 characters");
        }
        BigDecimal delta = adjustment.quantity();
        if (delta == null || delta.signum() == 0) {
            throw OmnitillException.invalid("invalid_quantity", "quantity must be a non-zero change, e.g. 5 or -2");
        }
        BigDecimal magnitude = Requests.quantity(delta.abs());
        if (catalog.product(sku).isEmpty()) {
            throw ProductResource.notFound(sku);
        }
        String user = AuthResource.principal(context).name();
        tx.required(em -> {
            if (delta.signum() > 0) {
                inventory.add(location, sku, magnitude, "adjustment", reason);
            } else {
                inventory.remove(location, sku, magnitude, "adjustment", reason);
            }
            audit.record(AuditEvent.success("inventory.adjust", user, "stock/" + location + "/" + sku,
                    Map.of("quantity", delta.toPlainString(), "reason", reason)));
            return null;
        });
        return stock(sku);
    }
}
