package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.order.ReturnLineRequest;
import org.omnitill.api.order.ReturnRequest;
import org.omnitill.api.order.ReturnService;
import org.omnitill.api.order.ReturnView;
import org.omnitill.persistence.IdempotencyStore;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.api.order.OrderView;
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
    private final AuditTrail audit;
    private final IdempotentExecutor idempotent;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public OrderResource(@Reference OrderService orders, @Reference ReturnService returns,
            @Reference SecurityService security, @Reference AuditTrail audit, @Reference TransactionRunner tx,
            @Reference IdempotencyStore idempotency) {
        this.orders = orders;
        this.returns = returns;
        this.security = security;
        this.audit = audit;
        this.idempotent = new IdempotentExecutor(tx, idempotency, json);
    }

    /** {@code POST /orders/{id}/returns}. */
    record ReturnBody(List<ReturnLineBody> lines, String reason, String store) {
    }

    /** One line to take back. */
    record ReturnLineBody(String lineId, @JsonDeserialize(using = QuantityDeserializer.class) BigDecimal quantity) {
    }

    /**
     * Takes goods back and refunds them to the original tenders: a supervisor's act. The return, the
     * stock movement, the refund and the audit entry commit together; a retry with the same
     * {@code Idempotency-Key} answers the first return instead of refunding twice.
     */
    @POST
    @Path("{id}/returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.CART_SELL)
    public Response returnLines(@PathParam("id") String id, byte[] body,
            @HeaderParam(IdempotentExecutor.KEY_HEADER) String key, @HeaderParam(ApprovalHeader.NAME) String approval,
            @Context SecurityContext context, @Context UriInfo uri) {
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
        OmnitillPrincipal user = AuthResource.principal(context);
        SecurityService.Approval approved = security.approve(user, approval, Permission.REFUND);
        IdempotentExecutor.Call call = new IdempotentExecutor.Call(user.name(), key, "POST", uri.getPath(), body);
        IdempotentExecutor.Outcome outcome = idempotent.execute(call, 201, () -> {
            ReturnView made = returns.returnLines(id, new ReturnRequest(lines, reason, Requests.optional(request.store()),
                    approved.actor(), approved.approver()));
            audit.record(new AuditEvent("order.refund", approved.actor(), approved.approver(), "order/" + id,
                    AuditEvent.SUCCESS, Map.of("return", made.number(), "refund", made.refundTotal().toString(),
                            "reason", reason)));
            return made;
        });
        return Responses.of(outcome);
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
