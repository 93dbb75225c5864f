package org.omnitill.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /stores}: the retailer's stores and warehouses. */
@Component(service = StoreResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("stores")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.CATALOG_READ)
public class StoreResource {

    private final StoreService stores;

    @Activate
    public StoreResource(@Reference StoreService stores) {
        this.stores = stores;
    }

    @GET
    public List<StoreView> stores() {
        return stores.stores();
    }
}
