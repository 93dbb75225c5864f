package org.omnitill.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
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
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /products?q=&barcode=&limit=&offset=} and {@code GET /products/{sku}}. Query parameters
 * are taken as text and checked here, so a bad number is a 400 rather than JAX-RS's 404.
 */
@Component(service = ProductResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.CATALOG_READ)
public class ProductResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final CatalogService catalog;

    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public ProductResource(@Reference CatalogService catalog, @Reference TransactionRunner tx,
            @Reference AuditTrail audit) {
        this.catalog = catalog;
        this.tx = tx;
        this.audit = audit;
    }

    /** {@code PUT /products/{sku}/prices/{store}}. */
    record SetPrice(Money price) {
    }

    @GET
    public Page<ProductView> search(@QueryParam("q") String q, @QueryParam("barcode") String barcode,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int pageLimit = Requests.intParam(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int pageOffset = Requests.intParam(offset, "offset", 0, 0, Integer.MAX_VALUE);
        String code = Requests.optional(barcode);
        String text = Requests.optional(q);
        if (code != null) {
            if (text != null) {
                throw OmnitillException.invalid("invalid_parameter", "search by q or by barcode, not both");
            }
            Barcode parsed = Requests.barcode(code);
            List<ProductView> found = catalog.productByBarcode(parsed).stream().toList();
            List<ProductView> items = pageOffset == 0 ? found : List.of();
            return new Page<>(items, found.size(), pageOffset, pageLimit);
        }
        return catalog.search(text == null ? "" : text, pageOffset, pageLimit);
    }

    @GET
    @Path("{sku}")
    public ProductView product(@PathParam("sku") String sku) {
        return catalog.product(sku).orElseThrow(() -> notFound(sku));
    }

    static OmnitillException notFound(String sku) {
        return OmnitillException.notFound("product_not_found", "there is no product with SKU '" + Requests.clip(sku) + "'");
    }

    /** Changes the shelf price at one store; the old and new price go into the audit trail. */
    @PUT
    @Path("{sku}/prices/{store}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.PRICE_CHANGE)
    public ProductView setPrice(@PathParam("sku") String sku, @PathParam("store") String store, byte[] body,
            @Context SecurityContext context) {
        SetPrice request = Requests.body(json, body, SetPrice.class);
        if (request.price() == null) {
            throw OmnitillException.invalid("missing_field", "price is required, e.g. {\"amount\":\"2.49\",\"currency\":\"EUR\"}");
        }
        String user = AuthResource.principal(context).name();
        tx.required(em -> {
            Optional<Money> previous = catalog.setPrice(sku, store, request.price());
            audit.record(AuditEvent.success("catalog.price.change", user, "price/" + store + "/" + sku,
                    Map.of("previous", previous.map(Money::toString).orElse("none"), "price", request.price().toString())));
            return null;
        });
        return product(sku);
    }
}
