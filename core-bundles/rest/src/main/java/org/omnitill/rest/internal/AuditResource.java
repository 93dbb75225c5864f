package org.omnitill.rest.internal;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.audit.AuditVerification;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The audit trail: {@code GET /audit} exports entries as JSON lines, {@code GET /audit/verify}
 * recomputes the hash chain and names the first entry that does not match.
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("audit")
@RequiresPermission(Permission.AUDIT_READ)
public class AuditResource {

    static final String JSON_LINES = "application/x-ndjson";
    static final int MAX_LIMIT = 100_000;

    private final AuditTrail audit;

    @Activate
    public AuditResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Produces(JSON_LINES)
    public Response export(@QueryParam("from") @DefaultValue("1") long from,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (from < 1) {
            throw OmnitillException.invalid("invalid_query", "from must be 1 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw OmnitillException.invalid("invalid_query", "limit must be between 1 and " + MAX_LIMIT);
        }
        StreamingOutput body = out -> audit.exportJsonLines(from, limit, out);
        return Response.ok(body, JSON_LINES + "; charset=UTF-8").header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditVerification verify() {
        return audit.verify();
    }
}
