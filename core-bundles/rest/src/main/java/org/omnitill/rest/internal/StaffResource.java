package org.omnitill.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code PUT /users/{name}/pin}: a manager sets a staff member's register PIN. Users and their roles
 * themselves live in the JAAS realm ({@code etc/users.properties}, or LDAP), not here.
 */
@Component(service = StaffResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    private final SecurityService security;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public StaffResource(@Reference SecurityService security) {
        this.security = security;
    }

    /** {@code PUT /users/{name}/pin}. */
    record SetPin(String pin) {
        @Override
        public String toString() {
            return "SetPin[pin=***]";
        }
    }

    @PUT
    @Path("{name}/pin")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.PIN_MANAGE)
    public Response setPin(@PathParam("name") String name, byte[] body, @Context SecurityContext context) {
        SetPin request = Requests.body(json, body, SetPin.class);
        security.setPin(AuthResource.principal(context), name, Requests.required(request.pin(), "pin"));
        return Response.noContent().build();
    }
}
