package org.omnitill.rest.internal;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;

import org.omnitill.api.security.Permission;

/**
 * Who a request runs as.
 *
 * @param registerId the register a PIN sign-in was made at, else null
 * @param tokenId the bearer token's id when the request carried one (for logout), else null
 * @param tokenExpiresAt when that token expires, else null
 */
record OmnitillPrincipal(String name, Set<String> roles, String registerId, String tokenId, Instant tokenExpiresAt)
        implements Principal {

    OmnitillPrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    Set<Permission> permissions() {
        return PermissionMatrix.permissionsOf(roles);
    }

    boolean may(Permission permission) {
        return permissions().contains(permission);
    }
}
