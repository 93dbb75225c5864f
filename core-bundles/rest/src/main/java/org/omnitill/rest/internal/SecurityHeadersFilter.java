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
 * Headers on every response of the API, errors included: no MIME sniffing, no framing, and carts and
 * orders (which change with every sale, and carry what customers bought) never cached.
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
        if (isPrivate(request.getUriInfo().getPath())) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    static boolean isPrivate(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.equals("carts") || p.startsWith("carts/") || p.equals("orders") || p.startsWith("orders/");
    }
}
