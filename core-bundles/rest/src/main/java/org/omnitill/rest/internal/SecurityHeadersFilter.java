package org.omnitill.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Headers on every response of the API, errors included: no MIME sniffing, no framing, no content
 * loaded or referred from it, HSTS over HTTPS, and carts, orders (which carry what customers bought),
 * sessions (tokens), the audit trail and reports (sales figures and margins) never cached.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName(SecurityHeadersFilter.NAME)
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
public class SecurityHeadersFilter implements ContainerResponseFilter {

    public static final String NAME = "omnitill.headers";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        // the API serves data, never pages: nothing may be loaded, framed or referred from its answers
        headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
        if (isPrivate(request.getUriInfo().getPath())) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    static boolean isPrivate(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        for (String prefix : new String[] { "carts", "orders", "auth", "audit", "users", "reports" }) {
            if (p.equals(prefix) || p.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
