package org.omnitill.rest.internal;

import java.util.Optional;
import java.util.Set;

/** Checks a user name and password. */
interface Authenticator {

    /** The user with its roles, or empty if the credentials are wrong. Never throws for bad credentials. */
    Optional<AuthenticatedUser> authenticate(String username, String password);

    /** Who a request runs as: the user's name and the names of its roles. */
    record AuthenticatedUser(String name, Set<String> roles) {

        public AuthenticatedUser {
            roles = Set.copyOf(roles);
        }
    }
}
