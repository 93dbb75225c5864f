package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.inventory.InventoryService;
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

    @Activate
    public InventoryResource(@Reference InventoryService inventory, @Reference CatalogService catalog) {
        this.inventory = inventory;
        this.catalog = catalog;
    }

    /** The stock of one article. */
    public record Stock(String sku, List<Location> locations) {
    }

    /** Stock at one location. */
    public record Location(String locationId, BigDecimal onHand, BigDecimal available, BigDecimal reserved) {
    }

    @GET
    @Path("{sku}")
    public Stock stock(@PathParam("sku") String sku) {
        if (catalog.product(sku).isEmpty()) {
            throw ProductResource.notFound(sku);
        }
        List<Location> locations = inventory.levels(sku).stream()
                .map(l -> new Location(l.locationId(), l.onHand(), l.available(), l.reserved()))
                .toList();
        return new Stock(sku, locations);
    }
}
