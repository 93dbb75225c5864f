package org.omnitill.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.order.OrderView;
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
public class OrderResource {

    static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    private final OrderService orders;

    @Activate
    public OrderResource(@Reference OrderService orders) {
        this.orders = orders;
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
