package org.omnitill.rest.internal;

import java.lang.reflect.Method;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.security.Authenticated;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the permission matrix after the request has been matched to a resource method: the
 * method's (or its class's) {@link RequiresPermission} must be among the user's permissions. A method
 * that declares nothing is refused to everyone, so a forgotten annotation fails closed.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(AuthorizationFilter.NAME)
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {

    public static final String NAME = "omnitill.authorization";
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFilter.class);

    @Context
    ResourceInfo resourceInfo;

    private final ObjectMapper json = OmnitillJson.newMapper();

    @Override
    public void filter(ContainerRequestContext request) {
        if (AuthenticationFilter.isOpen(request.getUriInfo().getPath())) {
            return;
        }
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        SecurityContext security = request.getSecurityContext();
        OmnitillPrincipal user = security instanceof OmnitillSecurityContext c ? c.principal() : null;
        try {
            check(method, type, user);
        } catch (SecurityRefusal refusal) {
            request.abortWith(ErrorMapping.toResponse(refusal.error(), json));
        }
    }

    static void check(Method method, Class<?> type, OmnitillPrincipal user) {
        if (user == null) {
            throw SecurityRefusal.unauthorized("unauthorized", "authentication required");
        }
        if (method == null) {
            return; // nothing matched: the 404/405 that follows tells no secrets
        }
        RequiresPermission required = method.getAnnotation(RequiresPermission.class);
        boolean anyUser = method.isAnnotationPresent(Authenticated.class);
        if (required == null && !anyUser && type != null) {
            required = type.getAnnotation(RequiresPermission.class);
            anyUser = type.isAnnotationPresent(Authenticated.class);
        }
        if (anyUser) {
            return;
        }
        if (required == null) {
            LOG.error("{}.{} declares no permission; refusing it to everyone", type == null ? "?" : type.getName(),
                    method.getName());
            throw SecurityRefusal.closed();
        }
        if (!user.may(required.value())) {
            throw SecurityRefusal.forbidden(required.value(),
                    "'" + user.name() + "' may not do this (permission " + required.value().code() + ")");
        }
    }
}
