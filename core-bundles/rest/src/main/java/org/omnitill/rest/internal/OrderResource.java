package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import org.omnitill.api.catalog.Page;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.order.OrderQuery;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.order.OrderSummary;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.order.ReturnLineRequest;
import org.omnitill.api.order.ReturnRequest;
import org.omnitill.api.order.ReturnService;
import org.omnitill.api.order.ReturnView;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.api.store.StoreService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /orders} (search), {@code GET /orders/{id}} and its receipt as plain text, and returns.
 * Orders are placed by checkout ({@link CartResource}). Wherever a path names an order, its id or its
 * order number (as printed, and as a barcode, on the receipt) will do.
 */
@Component(service = OrderResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.ORDER_READ)
public class OrderResource {

    static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final OrderService orders;
    private final ReturnService returns;
    private final SecurityService security;
    private final StoreService stores;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public OrderResource(@Reference OrderService orders, @Reference ReturnService returns,
            @Reference SecurityService security, @Reference StoreService stores) {
        this.orders = orders;
        this.returns = returns;
        this.security = security;
        this.stores = stores;
    }

    /** An order in a list: amounts as decimal strings in the order's {@code currency}. */
    public record OrderSummaryJson(String id, String orderNumber, String storeId, String channel, String registerId,
            String cashier, Instant placedAt, String currency, String total, String taxTotal, int lineCount,
            String refunded) {

        static OrderSummaryJson of(OrderSummary o) {
            return new OrderSummaryJson(o.id(), o.orderNumber(), o.storeId(), o.channel(), o.registerId(), o.cashier(),
                    o.placedAt(), o.currency().getCurrencyCode(), o.total().amount().toPlainString(),
                    o.taxTotal().amount().toPlainString(), o.lineCount(), o.refunded().amount().toPlainString());
        }
    }

    /**
     * {@code GET /orders?q=&store=&channel=&from=&to=&limit=&offset=}: newest first. {@code from} and
     * {@code to} are dates, both inclusive, in the store's time zone when {@code store} is given (else
     * UTC), or instants ({@code to} then ends the period, exclusive).
     */
    @GET
    public Page<OrderSummaryJson> search(@QueryParam("q") String q, @QueryParam("store") String store,
            @QueryParam("channel") String channel, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int pageLimit = Requests.intParam(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int pageOffset = Requests.intParam(offset, "offset", 0, 0, Integer.MAX_VALUE);
        String storeId = Requests.optional(store);
        // dates are checked before the store is looked up: a malformed request is a 400 whatever it names
        Requests.periodBound(from, "from", ZoneOffset.UTC, false);
        Requests.periodBound(to, "to", ZoneOffset.UTC, true);
        ZoneId zone = storeId == null ? ZoneOffset.UTC : stores.store(storeId).orElseThrow(() ->
                OmnitillException.notFound("store_not_found", "there is no store '" + Requests.clip(storeId) + "'"))
                .zoneId();
        Instant placedFrom = Requests.periodBound(from, "from", zone, false);
        Instant placedBefore = Requests.periodBound(to, "to", zone, true);
        // a date to the day before from, or an instant to at or before from, leaves no time at all
        if (placedFrom != null && placedBefore != null && !placedBefore.isAfter(placedFrom)) {
            throw OmnitillException.invalid("invalid_date_range", "to must not be before from");
        }
        Page<OrderSummary> page = orders.search(new OrderQuery(Requests.optional(q), storeId,
                Requests.optional(channel), placedFrom, placedBefore, pageOffset, pageLimit));
        return new Page<>(page.items().stream().map(OrderSummaryJson::of).toList(), page.total(), page.offset(),
                page.limit());
    }

    /** {@code POST /orders/{id}/returns}. */
    record ReturnBody(List<ReturnLineBody> lines, String reason, String store) {
    }

    /** One line to take back. */
    record ReturnLineBody(String lineId, @JsonDeserialize(using = QuantityDeserializer.class) BigDecimal quantity) {
    }

    /**
     * Takes goods back and refunds them to the original tenders: a supervisor's act. The return, the
     * stock movement and the audit entry commit together; the payment plugins then refund outside that
     * transaction. A retry with the same {@code Idempotency-Key} answers the first return instead of
     * refunding twice.
     */
    @POST
    @Path("{id}/returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.CART_SELL)
    public Response returnLines(@PathParam("id") String id, byte[] body,
            @HeaderParam(IdempotentExecutor.KEY_HEADER) String key, @HeaderParam(ApprovalHeader.NAME) String approval,
            @Context SecurityContext context) {
        ReturnBody request = Requests.body(json, body, ReturnBody.class);
        if (request.lines() == null || request.lines().isEmpty()) {
            throw OmnitillException.invalid("missing_field", "lines is required: [{\"lineId\":…,\"quantity\":1}]");
        }
        List<ReturnLineRequest> lines = new ArrayList<>();
        for (ReturnLineBody line : request.lines()) {
            if (line == null) {
                throw OmnitillException.invalid("invalid_line", "a return line must not be null");
            }
            lines.add(new ReturnLineRequest(Requests.required(line.lineId(), "lineId"), Requests.quantity(line.quantity())));
        }
        String reason = Requests.required(request.reason(), "reason");
        if (key != null && (key.isBlank() || key.length() > IdempotentExecutor.MAX_KEY_LENGTH)) {
            throw OmnitillException.invalid("invalid_idempotency_key",
                    "Idempotency-Key must be 1 to " + IdempotentExecutor.MAX_KEY_LENGTH + " characters");
        }
        OmnitillPrincipal user = AuthResource.principal(context);
        SecurityService.Approval approved = security.approve(user, approval, Permission.REFUND);
        // by id, so that a retry naming the order by its number is the same return (the key is per order id)
        ReturnView made = returns.returnLines(orders.orderIdOf(id), new ReturnRequest(lines, reason,
                Requests.optional(request.store()), approved.actor(), approved.approver(), key));
        return Response.status(201).entity(made).build();
    }

    /** Pays a refund its payment method could not make in cash instead: a supervisor's act. */
    @POST
    @Path("{id}/returns/{returnId}/refunds/{refundId}/cash")
    @RequiresPermission(Permission.CART_SELL)
    public ReturnView refundInCash(@PathParam("id") String id, @PathParam("returnId") String returnId,
            @PathParam("refundId") String refundId, @HeaderParam(ApprovalHeader.NAME) String approval,
            @Context SecurityContext context) {
        ReturnView ret = returns.returnById(returnId);
        if (!ret.orderId().equals(id) && !ret.orderNumber().equals(id)) {
            throw OmnitillException.notFound("return_not_found", "order '" + Requests.clip(id) + "' has no return '"
                    + Requests.clip(returnId) + "'");
        }
        SecurityService.Approval approved = security.approve(AuthResource.principal(context), approval, Permission.REFUND);
        return returns.refundInCash(returnId, refundId, approved.actor(), approved.approver());
    }

    @GET
    @Path("{id}/returns")
    public List<ReturnView> returnsOf(@PathParam("id") String id) {
        return returns.returnsOf(orders.orderIdOf(id));
    }

    @GET
    @Path("{id}")
    public OrderView order(@PathParam("id") String id) {
        OrderView order = orders.order(id);
        if (order == null) {
            throw notFound(id); // the service is expected to throw this itself; a null is not a 204
        }
        return order;
    }

    @GET
    @Path("{id}/receipt")
    @Produces(TEXT_UTF8)
    public String receipt(@PathParam("id") String id) {
        String receipt = orders.receipt(id);
        if (receipt == null) {
            throw notFound(id);
        }
        return receipt;
    }

    private static OmnitillException notFound(String id) {
        return OmnitillException.notFound("order_not_found", "there is no order '" + Requests.clip(id) + "'");
    }
}
