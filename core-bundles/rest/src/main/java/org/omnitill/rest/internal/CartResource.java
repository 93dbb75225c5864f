package org.omnitill.rest.internal;

import java.math.BigDecimal;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.cart.CartService;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.order.OrderService;
import org.omnitill.persistence.IdempotencyStore;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Carts: open, read, add, change and remove lines, pay, and check out into an order. Every POST
 * reads its body as bytes (for the idempotency fingerprint), checks it here, and runs through the
 * {@link IdempotentExecutor}.
 */
@Component(service = CartResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("carts")
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    private final CartService carts;
    private final OrderService orders;
    private final IdempotentExecutor idempotent;
    private final ObjectMapper json;

    @Activate
    public CartResource(@Reference CartService carts, @Reference OrderService orders,
            @Reference TransactionRunner tx, @Reference IdempotencyStore idempotency) {
        this.carts = carts;
        this.orders = orders;
        this.json = OmnitillJson.newMapper();
        this.idempotent = new IdempotentExecutor(tx, idempotency, json);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, @HeaderParam(IdempotentExecutor.KEY_HEADER) String key,
            @Context SecurityContext security, @Context UriInfo uri) {
        RequestBodies.CreateCart request = Requests.body(json, body, RequestBodies.CreateCart.class);
        String store = Requests.required(request.store(), "store");
        String channel = Requests.required(request.channel(), "channel");
        String register = Requests.optional(request.register());
        String user = user(security);
        IdempotentExecutor.Outcome outcome = idempotent.execute(call(security, key, uri, body), 201,
                () -> carts.create(store, channel, register, user));
        return Responses.created(outcome, uri, "carts", json);
    }

    @GET
    @Path("{id}")
    public CartView cart(@PathParam("id") String id) {
        CartView cart = carts.cart(id);
        if (cart == null) {
            // the service is expected to throw cart_not_found itself; a null is not a 204
            throw OmnitillException.notFound("cart_not_found", "there is no cart '" + Requests.clip(id) + "'");
        }
        return cart;
    }

    @POST
    @Path("{id}/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addLine(@PathParam("id") String id, byte[] body,
            @HeaderParam(IdempotentExecutor.KEY_HEADER) String key,
            @Context SecurityContext security, @Context UriInfo uri) {
        LineInput line = lineInput(Requests.body(json, body, RequestBodies.AddLine.class));
        return Responses.of(idempotent.execute(call(security, key, uri, body), 201, () -> carts.addLine(id, line)));
    }

    @PATCH
    @Path("{id}/lines/{lineId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView changeLine(@PathParam("id") String id, @PathParam("lineId") String lineId, byte[] body) {
        BigDecimal quantity = Requests.quantity(Requests.body(json, body, RequestBodies.ChangeLine.class).quantity());
        return carts.changeLine(id, lineId, quantity);
    }

    @DELETE
    @Path("{id}/lines/{lineId}")
    public CartView removeLine(@PathParam("id") String id, @PathParam("lineId") String lineId) {
        return carts.removeLine(id, lineId);
    }

    @POST
    @Path("{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pay(@PathParam("id") String id, byte[] body,
            @HeaderParam(IdempotentExecutor.KEY_HEADER) String key,
            @Context SecurityContext security, @Context UriInfo uri) {
        RequestBodies.Pay request = Requests.body(json, body, RequestBodies.Pay.class);
        String method = Requests.required(request.method(), "method");
        if (request.amount() == null) {
            throw OmnitillException.invalid("missing_field", "amount is required");
        }
        if (!request.amount().isPositive()) {
            throw OmnitillException.invalid("invalid_amount", "amount must be positive");
        }
        return Responses.of(idempotent.execute(call(security, key, uri, body), 201,
                () -> carts.pay(id, method, request.amount())));
    }

    @POST
    @Path("{id}/checkout")
    public Response checkout(@PathParam("id") String id, byte[] body,
            @HeaderParam(IdempotentExecutor.KEY_HEADER) String key,
            @Context SecurityContext security, @Context UriInfo uri) {
        String cashier = user(security);
        IdempotentExecutor.Outcome outcome = idempotent.execute(call(security, key, uri, body), 201,
                () -> orders.checkout(id, cashier));
        return Responses.created(outcome, uri, "orders", json);
    }

    /** The line to add: exactly one of SKU and barcode, and a sensible quantity. */
    static LineInput lineInput(RequestBodies.AddLine request) {
        String sku = Requests.optional(request.sku());
        String barcode = Requests.optional(request.barcode());
        if (sku == null && barcode == null) {
            throw OmnitillException.invalid("missing_field", "sku or barcode is required");
        }
        if (sku != null && barcode != null) {
            throw OmnitillException.invalid("invalid_line", "give either sku or barcode, not both");
        }
        BigDecimal quantity = Requests.quantity(request.quantity());
        return new LineInput(sku, barcode == null ? null : Requests.barcode(barcode).digits(), quantity);
    }

    private static IdempotentExecutor.Call call(SecurityContext security, String key, UriInfo uri, byte[] body) {
        return new IdempotentExecutor.Call(user(security), key, "POST", uri.getPath(), body == null ? new byte[0] : body);
    }

    private static String user(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            // the authentication filter runs first; reaching this is a wiring mistake, not a client one
            throw new IllegalStateException("no authenticated user on a protected resource");
        }
        return security.getUserPrincipal().getName();
    }
}
