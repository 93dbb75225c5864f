package org.omnitill.rest.internal;

import java.lang.management.ManagementFactory;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.omnitill.persistence.TransactionRunner;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, open to everyone: 200 {@code UP} when the database answers, else 503
 * {@code DOWN}. The database is optional here so that health answers (DOWN) even while the
 * persistence bundle is away, instead of disappearing with it.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    /** Seconds a database check may take before health reports it DOWN. */
    static final int DATABASE_TIMEOUT_MILLIS = 2_000;

    private final String version;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TransactionRunner tx;

    @Activate
    public HealthResource(BundleContext context) {
        this(context.getBundle().getVersion().toString(), null);
    }

    HealthResource(String version, TransactionRunner tx) {
        this.version = version;
        this.tx = tx;
    }

    /** The health report. */
    public record Health(String status, String version, String database, long uptimeSeconds) {
    }

    @GET
    public Response health() {
        boolean databaseUp = databaseUp();
        Health health = new Health(databaseUp ? "UP" : "DOWN", version, databaseUp ? "UP" : "DOWN",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        return Response.status(databaseUp ? 200 : 503).type(MediaType.APPLICATION_JSON_TYPE).entity(health).build();
    }

    private boolean databaseUp() {
        TransactionRunner runner = tx;
        if (runner == null) {
            return false;
        }
        try {
            runner.required(em -> em.createNativeQuery("SELECT 1")
                    .setHint("javax.persistence.query.timeout", DATABASE_TIMEOUT_MILLIS)
                    .getSingleResult());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("health: the database does not answer: {}", e.toString());
            LOG.debug("health: database check failed", e);
            return false;
        }
    }
}
