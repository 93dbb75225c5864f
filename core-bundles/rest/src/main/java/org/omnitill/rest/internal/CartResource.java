package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.cart.CartService;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineDiscount;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.PaymentOptions;
import org.omnitill.api.cart.PaymentOutcome;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.api.tax.TaxAddress;
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
@RequiresPermission(Permission.CART_SELL)
public class CartResource {

    private final CartService carts;
    private final OrderService orders;
    private final IdempotentExecutor idempotent;
    private final ObjectMapper json;
    private final TransactionRunner tx;
    private final SecurityService security;
    private final AuditTrail audit;

    @Activate
    public CartResource(@Reference CartService carts, @Reference OrderService orders,
            @Reference TransactionRunner tx, @Reference IdempotencyStore idempotency,
            @Reference SecurityService security, @Reference AuditTrail audit) {
        this.carts = carts;
        this.orders = orders;
        this.json = OmnitillJson.newMapper();
        this.idempotent = new IdempotentExecutor(tx, idempotency, json);
        this.tx = tx;
        this.security = security;
        this.audit = audit;
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

    /**
     * Changes a line's quantity. Lowering it voids part of a scanned line, which (by default) needs a
     * supervisor; raising it does not.
     */
    @PATCH
    @Path("{id}/lines/{lineId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView changeLine(@PathParam("id") String id, @PathParam("lineId") String lineId, byte[] body,
            @HeaderParam(ApprovalHeader.NAME) String approval, @Context SecurityContext context) {
        BigDecimal quantity = Requests.quantity(Requests.body(json, body, RequestBodies.ChangeLine.class).quantity());
        OmnitillPrincipal user = AuthResource.principal(context);
        // read before the transaction: reading a cart may ask a payment provider about a pending tender
        LineView line = line(carts.cart(id), lineId);
        return tx.required(em -> {
            if (quantity.compareTo(line.quantity()) >= 0 || !security.lineVoidNeedsApproval()) {
                return carts.changeLine(id, lineId, quantity);
            }
            SecurityService.Approval approved = security.approve(user, approval, Permission.LINE_VOID);
            CartView cart = carts.changeLine(id, lineId, quantity);
            audit.record(new AuditEvent("cart.line.void", approved.actor(), approved.approver(), target(id, line),
                    AuditEvent.SUCCESS, Map.of("sku", line.sku(), "from", line.quantity().toPlainString(),
                            "to", quantity.toPlainString(), "regularUnitPrice", line.unitPrice().toString())));
            return cart;
        });
    }

    /** Voids a scanned line (by default with a supervisor's approval). */
    @DELETE
    @Path("{id}/lines/{lineId}")
    public CartView removeLine(@PathParam("id") String id, @PathParam("lineId") String lineId,
            @HeaderParam(ApprovalHeader.NAME) String approval, @Context SecurityContext context) {
        OmnitillPrincipal user = AuthResource.principal(context);
        LineView line = line(carts.cart(id), lineId);
        return tx.required(em -> {
            if (!security.lineVoidNeedsApproval()) {
                return carts.removeLine(id, lineId);
            }
            SecurityService.Approval approved = security.approve(user, approval, Permission.LINE_VOID);
            CartView cart = carts.removeLine(id, lineId);
            audit.record(new AuditEvent("cart.line.void", approved.actor(), approved.approver(), target(id, line),
                    AuditEvent.SUCCESS, Map.of("sku", line.sku(), "from", line.quantity().toPlainString(), "to", "0",
                            "lineTotal", line.lineTotal().toString())));
            return cart;
        });
    }

    /** Overrides a line's unit price: always a supervisor's act. */
    @PUT
    @Path("{id}/lines/{lineId}/price")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView overridePrice(@PathParam("id") String id, @PathParam("lineId") String lineId, byte[] body,
            @HeaderParam(ApprovalHeader.NAME) String approval, @Context SecurityContext context) {
        RequestBodies.PriceOverride request = Requests.body(json, body, RequestBodies.PriceOverride.class);
        if (request.unitPrice() == null) {
            throw OmnitillException.invalid("missing_field", "unitPrice is required");
        }
        String reason = reason(request.reason());
        OmnitillPrincipal user = AuthResource.principal(context);
        LineView line = line(carts.cart(id), lineId);
        return tx.required(em -> {
            SecurityService.Approval approved = security.approve(user, approval, Permission.PRICE_OVERRIDE);
            CartView cart = carts.overrideLinePrice(id, lineId, request.unitPrice(), reason);
            audit.record(new AuditEvent("cart.price.override", approved.actor(), approved.approver(), target(id, line),
                    AuditEvent.SUCCESS, Map.of("sku", line.sku(), "from", line.unitPrice().toString(),
                            "to", request.unitPrice().toString(), "reason", reason)));
            return cart;
        });
    }

    /** Discounts a line; above the configured percentage a supervisor must approve it. */
    @PUT
    @Path("{id}/lines/{lineId}/discount")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView discount(@PathParam("id") String id, @PathParam("lineId") String lineId, byte[] body,
            @HeaderParam(ApprovalHeader.NAME) String approval, @Context SecurityContext context) {
        RequestBodies.Discount request = Requests.body(json, body, RequestBodies.Discount.class);
        if ((request.percent() == null) == (request.amount() == null)) {
            throw OmnitillException.invalid("invalid_discount", "give either percent or amount");
        }
        LineDiscount discount = new LineDiscount(request.percent(), request.amount(), reason(request.reason()));
        OmnitillPrincipal user = AuthResource.principal(context);
        LineView line = line(carts.cart(id), lineId);
        return tx.required(em -> {
            Money beforeDiscount = line.lineTotal().plus(line.discount());
            BigDecimal percent;
            try {
                percent = discount.percentOf(beforeDiscount);
            } catch (IllegalArgumentException e) {
                throw OmnitillException.invalid("invalid_discount", e.getMessage());
            }
            SecurityService.Approval approved = percent.compareTo(security.discountApprovalThresholdPercent()) > 0
                    ? security.approve(user, approval, Permission.DISCOUNT_ABOVE_THRESHOLD)
                    : new SecurityService.Approval(user.name(), null);
            CartView cart = carts.discountLine(id, lineId, discount);
            LineView discounted = line(cart, lineId);
            audit.record(new AuditEvent("cart.discount", approved.actor(), approved.approver(), target(id, line),
                    AuditEvent.SUCCESS, Map.of("sku", line.sku(), "percent", percent.stripTrailingZeros().toPlainString(),
                            "amount", discounted.discount().toString(), "reason", discount.reason())));
            return cart;
        });
    }

    @DELETE
    @Path("{id}/lines/{lineId}/discount")
    public CartView removeDiscount(@PathParam("id") String id, @PathParam("lineId") String lineId) {
        return carts.removeLineDiscount(id, lineId);
    }

    /** Sells tax-exempt against the customer's certificate: a supervisor's act. */
    @PUT
    @Path("{id}/tax-exemption")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView taxExemption(@PathParam("id") String id, byte[] body,
            @HeaderParam(ApprovalHeader.NAME) String approval, @Context SecurityContext context) {
        RequestBodies.TaxExemption request = Requests.body(json, body, RequestBodies.TaxExemption.class);
        String certificate = Requests.required(request.certificate(), "certificate");
        if (certificate.length() > 64) {
            throw OmnitillException.invalid("invalid_certificate", "certificate is at most 64 characters");
        }
        OmnitillPrincipal user = AuthResource.principal(context);
        carts.cart(id); // 404 before asking for an approval
        return tx.required(em -> {
            SecurityService.Approval approved = security.approve(user, approval, Permission.TAX_EXEMPT);
            CartView cart = carts.setTaxExemption(id, certificate);
            audit.record(new AuditEvent("cart.tax.exempt", approved.actor(), approved.approver(), "cart/" + id,
                    AuditEvent.SUCCESS, Map.of("certificate", certificate)));
            return cart;
        });
    }

    @DELETE
    @Path("{id}/tax-exemption")
    public CartView removeTaxExemption(@PathParam("id") String id) {
        return carts.setTaxExemption(id, null);
    }

    /** Where the goods of an online or phone order go; it decides the tax (OSS, US ship-to). */
    @PUT
    @Path("{id}/ship-to")
    @Consumes(MediaType.APPLICATION_JSON)
    public CartView shipTo(@PathParam("id") String id, byte[] body) {
        RequestBodies.ShipTo request = Requests.body(json, body, RequestBodies.ShipTo.class);
        String country = Requests.required(request.country(), "country").toUpperCase(java.util.Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw OmnitillException.invalid("invalid_country", "country is an ISO 3166-1 alpha-2 code, e.g. FR");
        }
        return carts.setShipTo(id, new TaxAddress(country, Requests.optional(request.region()),
                Requests.optional(request.postalCode()), Requests.optional(request.city())));
    }

    private static LineView line(CartView cart, String lineId) {
        if (cart == null) {
            throw OmnitillException.notFound("cart_not_found", "there is no such cart");
        }
        return cart.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> OmnitillException.notFound("line_not_found",
                        "cart '" + cart.id() + "' has no line '" + Requests.clip(lineId) + "'"));
    }

    private static String target(String cartId, LineView line) {
        return "cart/" + cartId + "/line/" + line.lineNo();
    }

    private static String reason(String raw) {
        String reason = Requests.required(raw, "reason");
        if (reason.length() > 255) {
            throw OmnitillException.invalid("invalid_reason", "reason is at most 255 characters");
        }
        return reason;
    }

    /**
     * Pays towards the cart. The {@code Idempotency-Key} becomes the payment's id at the provider, so a
     * retry after a timeout finds the first attempt (and its tender) instead of charging again; the
     * provider is never called inside a database transaction.
     */
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
        if (key != null && (key.isBlank() || key.length() > IdempotentExecutor.MAX_KEY_LENGTH)) {
            throw OmnitillException.invalid("invalid_idempotency_key",
                    "Idempotency-Key must be 1 to " + IdempotentExecutor.MAX_KEY_LENGTH + " characters");
        }
        PaymentOutcome outcome = carts.pay(id, method, request.amount(), new PaymentOptions(key, request.data()));
        return Response.status(201).entity(outcome).build();
    }

    /** Voids a payment before checkout (the provider cancels it; cash goes back): a supervisor's act. */
    @DELETE
    @Path("{id}/payments/{tenderId}")
    public CartView voidPayment(@PathParam("id") String id, @PathParam("tenderId") String tenderId,
            @HeaderParam(ApprovalHeader.NAME) String approval, @Context SecurityContext context) {
        OmnitillPrincipal user = AuthResource.principal(context);
        CartView before = carts.cart(id);
        TenderView tender = before.payments().stream().filter(t -> t.id().equals(tenderId)).findFirst()
                .orElseThrow(() -> OmnitillException.notFound("tender_not_found",
                        "cart '" + id + "' has no payment '" + Requests.clip(tenderId) + "'"));
        SecurityService.Approval approved = security.approve(user, approval, Permission.LINE_VOID);
        CartView after = carts.voidPayment(id, tenderId);
        audit.record(new AuditEvent("cart.payment.void", approved.actor(), approved.approver(),
                "cart/" + id + "/payment/" + tenderId, AuditEvent.SUCCESS,
                Map.of("method", tender.method(), "amount", tender.amount().toString(), "status", tender.status().name())));
        return after;
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
