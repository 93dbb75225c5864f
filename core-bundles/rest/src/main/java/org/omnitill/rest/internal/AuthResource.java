package org.omnitill.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.security.Authenticated;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Sessions: {@code POST /auth/login} (user name and password, open), {@code POST /auth/pin} (a staff
 * member's PIN, sent by an authenticated register), {@code POST /auth/logout} and {@code GET /auth/me}.
 * Tokens are sent back as {@code Authorization: Bearer …}.
 */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final SecurityService security;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public AuthResource(@Reference SecurityService security) {
        this.security = security;
    }

    /** {@code POST /auth/login}. */
    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + ", password=***]";
        }
    }

    /** {@code POST /auth/pin}. */
    record PinLogin(String username, String pin) {
        @Override
        public String toString() {
            return "PinLogin[username=" + username + ", pin=***]";
        }
    }

    /** A new session. */
    public record Session(String token, String tokenType, Instant expiresAt, String username, List<String> roles,
            List<String> permissions, String registerId) {
    }

    /** Who the caller is. */
    public record Me(String username, List<String> roles, List<String> permissions, String registerId,
            String authentication, Instant expiresAt) {
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(byte[] body) {
        Login login = Requests.body(json, body, Login.class);
        String username = Requests.required(login.username(), "username");
        if (login.password() == null) {
            throw org.omnitill.api.error.OmnitillException.invalid("missing_field", "password is required");
        }
        TokenService.IssuedToken token = security.login(username, login.password());
        OmnitillPrincipal principal = security.bearer(token.token());
        return Response.ok(session(token, principal)).build();
    }

    @POST
    @Path("pin")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.PIN_LOGIN)
    public Response pin(byte[] body, @Context SecurityContext context) {
        PinLogin login = Requests.body(json, body, PinLogin.class);
        String username = Requests.required(login.username(), "username");
        String pin = Requests.required(login.pin(), "pin");
        TokenService.IssuedToken token = security.pinLogin(principal(context), username, pin);
        return Response.ok(session(token, security.bearer(token.token()))).build();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout(@Context SecurityContext context) {
        security.logout(principal(context));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Authenticated
    public Me me(@Context SecurityContext context) {
        OmnitillPrincipal user = principal(context);
        return new Me(user.name(), sorted(user.roles()), codes(user.permissions()), user.registerId(),
                user.tokenId() != null ? "bearer" : "basic", user.tokenExpiresAt());
    }

    private static Session session(TokenService.IssuedToken token, OmnitillPrincipal user) {
        return new Session(token.token(), "Bearer", token.expiresAt(), user.name(), sorted(user.roles()),
                codes(user.permissions()), user.registerId());
    }

    static OmnitillPrincipal principal(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof OmnitillPrincipal principal) {
            return principal;
        }
        // the authentication filter runs first; reaching this is a wiring mistake, not a client one
        throw new IllegalStateException("no authenticated user on a protected resource");
    }

    private static List<String> sorted(Set<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    private static List<String> codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).sorted().toList();
    }
}
