package org.omnitill.rest.internal;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

/** The authenticated user of a request, with its JAAS roles for {@link #isUserInRole}. */
final class OmnitillSecurityContext implements SecurityContext {

    private final OmnitillPrincipal principal;
    private final boolean secure;

    OmnitillSecurityContext(OmnitillPrincipal principal, boolean secure) {
        this.principal = principal;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    OmnitillPrincipal principal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return principal.tokenId() != null ? "Bearer" : SecurityContext.BASIC_AUTH;
    }
}
