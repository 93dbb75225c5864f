package org.omnitill.rest.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountException;
import javax.security.auth.login.CredentialException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in against a JAAS realm of Karaf ({@code karaf} by default: {@code etc/users.properties} or
 * whatever the realm is configured with). Roles are the names of the subject's
 * {@link RolePrincipal}s.
 *
 * <p>{@link LoginContext} loads the realm's login module class through the thread context class
 * loader. On a Jetty request thread that is whatever Pax Web left there, so the login runs with this
 * bundle's class loader instead, which sees Karaf's {@code org.apache.karaf.jaas.boot} proxy module
 * through boot delegation.
 */
final class JaasAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(username);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(Principal::getName)
                    .collect(Collectors.toSet());
            String name = subject.getPrincipals(UserPrincipal.class).stream()
                    .map(Principal::getName)
                    .findFirst()
                    .orElse(username);
            logout(login);
            return Optional.of(new AuthenticatedUser(name, roles));
        } catch (FailedLoginException | AccountException | CredentialException e) {
            LOG.debug("login of user '{}' failed: {}", username, e.getMessage());
            return Optional.empty();
        } catch (LoginException e) {
            // the realm is missing or broken: a server problem, but still no way in
            LOG.warn("JAAS realm '{}' could not log in user '{}': {}", realm, username, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void logout(LoginContext login) {
        try {
            login.logout();
        } catch (LoginException e) {
            LOG.debug("JAAS logout failed", e);
        }
    }
}
