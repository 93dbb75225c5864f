package org.omnitill.rest.internal;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** The authenticated user of a request, with its JAAS roles for {@link #isUserInRole}. */
final class OmnitillSecurityContext implements SecurityContext {

    private final Authenticator.AuthenticatedUser user;
    private final Principal principal;
    private final boolean secure;

    OmnitillSecurityContext(Authenticator.AuthenticatedUser user, boolean secure) {
        this.user = user;
        this.principal = new UserPrincipal(user.name());
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return user.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SecurityContext.BASIC_AUTH;
    }
}
