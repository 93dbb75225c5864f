package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.order.ReturnLineRequest;
import org.omnitill.api.order.ReturnRequest;
import org.omnitill.api.order.ReturnService;
import org.omnitill.api.order.ReturnView;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /orders/{id}} and its receipt as plain text. Orders are placed by checkout ({@link CartResource}). */
@Component(service = OrderResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.ORDER_READ)
public class OrderResource {

    static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    private final OrderService orders;
    private final ReturnService returns;
    private final SecurityService security;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public OrderResource(@Reference OrderService orders, @Reference ReturnService returns,
            @Reference SecurityService security) {
        this.orders = orders;
        this.returns = returns;
        this.security = security;
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
        ReturnView made = returns.returnLines(id, new ReturnRequest(lines, reason, Requests.optional(request.store()),
                approved.actor(), approved.approver(), key));
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
        if (!ret.orderId().equals(id)) {
            throw OmnitillException.notFound("return_not_found", "order '" + Requests.clip(id) + "' has no return '"
                    + Requests.clip(returnId) + "'");
        }
        SecurityService.Approval approved = security.approve(AuthResource.principal(context), approval, Permission.REFUND);
        return returns.refundInCash(returnId, refundId, approved.actor(), approved.approver());
    }

    @GET
    @Path("{id}/returns")
    public List<ReturnView> returnsOf(@PathParam("id") String id) {
        return returns.returnsOf(id);
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
