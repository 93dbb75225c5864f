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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /inventory/{sku}}: the article's stock at every location that carries it. */
@Component(service = InventoryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    private final InventoryService inventory;
    private final CatalogService catalog;

    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public InventoryResource(@Reference InventoryService inventory, @Reference CatalogService catalog,
            @Reference TransactionRunner tx, @Reference AuditTrail audit) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.tx = tx;
        this.audit = audit;
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
