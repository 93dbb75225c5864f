package org.omnitill.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * Changes the shelf price at one store and, when the body has {@code "unitCost"}, what one unit costs
     * the store: a decimal string in the price's currency ({@code "1.20"}), or {@code null} to clear it;
     * without the field the cost stays as it is. The answer is the article as cashiers see it, without
     * costs. Old and new price (and cost) go into the audit trail, in the transaction of the change.
     */
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
        CostChange cost = costChange(body, request.price().currency());
        String user = AuthResource.principal(context).name();
        tx.required(em -> {
            Optional<Money> previous = catalog.setPrice(sku, store, request.price());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("previous", previous.map(Money::toString).orElse("none"));
            details.put("price", request.price().toString());
            if (cost != null) {
                Optional<Money> previousCost = catalog.setUnitCost(sku, store, cost.unitCost());
                details.put("previousUnitCost", previousCost.map(Money::toString).orElse("none"));
                details.put("unitCost", cost.unitCost() == null ? "none" : cost.unitCost().toString());
            }
            audit.record(AuditEvent.success("catalog.price.change", user, "price/" + store + "/" + sku, details));
            return null;
        });
        return product(sku);
    }

    /** A unit cost to set; {@code unitCost} null clears it. */
    record CostChange(Money unitCost) {
    }

    /**
     * The {@code unitCost} of a price change: null when the body does not have the field (the cost
     * stays); a change to none for JSON null; else the amount, a decimal string (or number) in the
     * price's currency, or a money object. Zero or more, with the currency's decimals.
     */
    CostChange costChange(byte[] body, Currency priceCurrency) {
        JsonNode node;
        try {
            node = json.readTree(body).get("unitCost");
        } catch (IOException e) {
            throw OmnitillException.invalid("malformed_json", "the request body is not valid JSON");
        }
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return new CostChange(null);
        }
        Money cost;
        if (node.isObject()) {
            try {
                cost = json.treeToValue(node, Money.class);
            } catch (JsonProcessingException e) {
                throw ErrorMapping.malformedJson(e);
            }
            if (!cost.currency().equals(priceCurrency)) {
                throw OmnitillException.invalid("currency_mismatch", "unitCost must be in the price's currency, "
                        + priceCurrency.getCurrencyCode() + ", not " + cost.currencyCode());
            }
        } else if (node.isTextual() || node.isNumber()) {
            BigDecimal amount;
            try {
                amount = node.isNumber() ? node.decimalValue() : new BigDecimal(node.textValue().strip());
            } catch (NumberFormatException e) {
                throw invalidCost("unitCost must be a decimal amount such as \"1.20\", not '"
                        + Requests.clip(node.textValue()) + "'");
            }
            try {
                cost = Money.of(amount, priceCurrency);
            } catch (IllegalArgumentException e) {
                throw invalidCost("unitCost " + amount.toPlainString() + " has more decimals than "
                        + priceCurrency.getCurrencyCode() + " allows");
            }
        } else {
            throw invalidCost("unitCost must be a decimal string such as \"1.20\", or null to clear it");
        }
        if (cost.isNegative()) {
            throw invalidCost("unitCost must be zero or more");
        }
        return new CostChange(cost);
    }

    private static OmnitillException invalidCost(String message) {
        return OmnitillException.invalid("invalid_unit_cost", message);
    }
}
