package org.omnitill.rest.internal;

import java.security.Principal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up a user's roles in the JAAS realm without their password, through the realm's backing
 * engine (as Karaf's {@code jaas:} commands do). A PIN sign-in needs this: the PIN proves who the
 * person is, the realm still says what they may do, whether it is {@code users.properties} or LDAP.
 */
class RealmDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(RealmDirectory.class);
    /** The option under which Karaf's proxy login module names the real module class. */
    private static final String MODULE_OPTION = "org.apache.karaf.jaas.module";

    private final BundleContext context;
    private final String realm;

    RealmDirectory(BundleContext context, String realm) {
        this.context = context;
        this.realm = realm;
    }

    /** The user's roles (with those of their groups), or empty if no login module of the realm knows the user. */
    Optional<Set<String>> roles(String username) {
        for (JaasRealm jaasRealm : services(JaasRealm.class, null)) {
            if (!realm.equals(jaasRealm.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : jaasRealm.getEntries()) {
                Optional<Set<String>> roles = roles(entry, username);
                if (roles.isPresent()) {
                    return roles;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Set<String>> roles(AppConfigurationEntry entry, String username) {
        Map<String, ?> options = entry.getOptions();
        Object module = options.get(MODULE_OPTION);
        String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
        for (BackingEngineFactory factory : services(BackingEngineFactory.class, null)) {
            if (!moduleClass.equals(factory.getModuleClass())) {
                continue;
            }
            try {
                BackingEngine engine = factory.build(options);
                UserPrincipal user = engine.lookupUser(username);
                if (user == null) {
                    return Optional.empty();
                }
                Set<String> roles = new HashSet<>();
                addRoles(roles, engine.listRoles(user));
                for (GroupPrincipal group : engine.listGroups(user)) {
                    addRoles(roles, engine.listRoles(group));
                }
                return Optional.of(roles);
            } catch (RuntimeException e) {
                LOG.warn("could not look up user '{}' in realm '{}' ({}): {}", username, realm, moduleClass, e.toString());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void addRoles(Set<String> roles, Collection<RolePrincipal> principals) {
        if (principals != null) {
            principals.stream().map(Principal::getName)
                    .filter(name -> !name.startsWith(BackingEngine.GROUP_PREFIX))
                    .forEach(roles::add);
        }
    }

    private <S> Collection<S> services(Class<S> type, String filter) {
        Set<S> found = new java.util.LinkedHashSet<>();
        try {
            for (ServiceReference<S> reference : context.getServiceReferences(type, filter)) {
                S service = context.getService(reference);
                if (service != null) {
                    found.add(service);
                    context.ungetService(reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        } catch (IllegalStateException e) {
            // this bundle is stopping
        }
        return found;
    }
}
