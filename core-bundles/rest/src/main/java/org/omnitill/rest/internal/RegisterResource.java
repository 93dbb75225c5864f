package org.omnitill.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.device.CashDrawer;
import org.omnitill.api.device.DeviceException;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.api.store.StoreService;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /registers/{id}/no-sale?store=…}: opens the register's cash drawer without a sale, which
 * needs a supervisor. The audit entry and the drawer pulse go together: if the drawer cannot be
 * reached, nothing is recorded and the answer is 503.
 */
@Component(service = RegisterResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("registers")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource {

    private final SecurityService security;
    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final StoreService stores;
    private final List<Drawer> drawers = new CopyOnWriteArrayList<>();

    @Activate
    public RegisterResource(@Reference SecurityService security, @Reference TransactionRunner tx,
            @Reference AuditTrail audit, @Reference StoreService stores) {
        this.security = security;
        this.tx = tx;
        this.audit = audit;
        this.stores = stores;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDrawer(CashDrawer drawer, Map<String, Object> properties) {
        Object ranking = properties.get("service.ranking");
        drawers.add(new Drawer(drawer, properties.get(PluginProperties.STORES), ranking instanceof Integer i ? i : 0));
    }

    void removeDrawer(CashDrawer drawer) {
        drawers.removeIf(d -> d.drawer() == drawer);
    }

    private record Drawer(CashDrawer drawer, Object stores, int ranking) {
    }

    /** What happened. */
    public record NoSale(String registerId, String storeId, String openedBy, String approvedBy) {
    }

    @POST
    @Path("{id}/no-sale")
    @RequiresPermission(Permission.CART_SELL)
    public Response noSale(@PathParam("id") String registerId, @QueryParam("store") String storeParam,
            @HeaderParam(ApprovalHeader.NAME) String approval, @Context SecurityContext context) {
        String storeId = Requests.required(storeParam, "store");
        if (stores.store(storeId).isEmpty()) {
            throw OmnitillException.notFound("store_not_found", "there is no store '" + Requests.clip(storeId) + "'");
        }
        OmnitillPrincipal user = AuthResource.principal(context);
        if (user.registerId() != null && !user.registerId().equals(registerId)) {
            throw OmnitillException.conflict("wrong_register",
                    "signed in at register '" + user.registerId() + "', not '" + Requests.clip(registerId) + "'");
        }
        SecurityService.Approval approved = security.approve(user, approval, Permission.NO_SALE);
        CashDrawer drawer = drawerFor(storeId);
        tx.required(em -> {
            audit.record(new AuditEvent("register.no-sale", approved.actor(), approved.approver(),
                    "register/" + storeId + "/" + registerId, AuditEvent.SUCCESS, Map.of("store", storeId)));
            try {
                drawer.open(storeId, registerId);
            } catch (DeviceException e) {
                throw OmnitillException.unavailable("device_unavailable", "the cash drawer did not open: " + e.getMessage());
            }
            return null;
        });
        return Response.ok(new NoSale(registerId, storeId, approved.actor(), approved.approver())).build();
    }

    private CashDrawer drawerFor(String storeId) {
        return drawers.stream()
                .filter(d -> PluginProperties.servesStore(d.stores(), storeId))
                .max(java.util.Comparator.comparingInt(Drawer::ranking))
                .map(Drawer::drawer)
                .orElseThrow(() -> OmnitillException.unavailable("device_unavailable",
                        "no cash drawer is installed for store '" + storeId + "'"));
    }
}
