package org.omnitill.audit.internal;

import java.security.AccessController;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records plugin (bundle) and configuration changes in the audit trail. Both listeners are synchronous so
 * that they run on the thread that made the change and can name the shell user who made it; plain
 * ConfigurationListeners are called later on Config Admin's own thread, where that user is unknown.
 * Configuration values are never read: they may hold passwords.
 */
@Component(service = SynchronousConfigurationListener.class, immediate = true)
public class PlatformChangeAuditor implements SynchronousBundleListener, SynchronousConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformChangeAuditor.class);

    static final String SYSTEM = "system";

    /** user:password@ in URL-style bundle locations such as mvn:https://user:pw@repo!g/a/v. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");

    private final AuditTrail audit;
    private final BundleContext context;
    /** Cleared first on deactivation: an event racing with our stop must not write through a stopping stack. */
    private volatile boolean active;

    @Activate
    public PlatformChangeAuditor(@Reference AuditTrail audit, BundleContext context) {
        this.audit = audit;
        this.context = context;
        this.active = true;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        active = false;
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String action = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "platform.bundle.installed";
            case BundleEvent.UPDATED -> "platform.bundle.updated";
            case BundleEvent.UNINSTALLED -> "platform.bundle.uninstalled";
            case BundleEvent.STARTED -> "platform.bundle.started";
            case BundleEvent.STOPPED -> "platform.bundle.stopped";
            default -> null;
        };
        if (action == null || !active) {
            return;
        }
        boolean startOrStop = event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.STOPPED;
        if (startOrStop && frameworkStartingOrStopping()) {
            return;
        }
        Bundle b = event.getBundle();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("bundleId", Long.toString(b.getBundleId()));
        details.put("version", String.valueOf(b.getVersion()));
        if (b.getLocation() != null) {
            details.put("location", withoutCredentials(b.getLocation()));
        }
        String name = b.getSymbolicName() == null ? Long.toString(b.getBundleId()) : b.getSymbolicName();
        record(action, "bundle/" + name, details);
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String action = switch (event.getType()) {
            case ConfigurationEvent.CM_UPDATED -> "platform.config.updated";
            case ConfigurationEvent.CM_DELETED -> "platform.config.deleted";
            case ConfigurationEvent.CM_LOCATION_CHANGED -> "platform.config.location-changed";
            default -> null;
        };
        if (action == null || !active) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pid", event.getPid());
        if (event.getFactoryPid() != null) {
            details.put("factoryPid", event.getFactoryPid());
        }
        record(action, "config/" + event.getPid(), details);
    }

    /** Never throws: an audit failure must not break a bundle operation or a configuration update. */
    private void record(String action, String target, Map<String, String> details) {
        try {
            audit.record(AuditEvent.success(action, currentActor(), truncate(target, 255), details));
        } catch (RuntimeException e) {
            // the exception's message may quote SQL with bound values, so only its type goes to the warning
            LOG.warn("Could not record {} of {} in the audit trail: {}", action, target, e.getClass().getName());
            LOG.debug("Audit failure", e);
        }
    }

    private boolean frameworkStartingOrStopping() {
        try {
            Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
            int state = system == null ? Bundle.ACTIVE : system.getState();
            return state == Bundle.STARTING || state == Bundle.STOPPING;
        } catch (IllegalStateException e) {
            return true; // our context is no longer valid: we are being stopped ourselves
        }
    }

    /** The Karaf user on this thread (shell and SSH commands run inside Subject.doAs), else {@code system}. */
    @SuppressWarnings("removal")
    static String currentActor() {
        try {
            Subject subject = Subject.getSubject(AccessController.getContext());
            if (subject != null) {
                for (UserPrincipal p : subject.getPrincipals(UserPrincipal.class)) {
                    return truncate(p.getName(), 128);
                }
            }
        } catch (RuntimeException e) {
            // later Java versions refuse getSubject without a security manager; the actor is then unknown
        }
        return SYSTEM;
    }

    static String withoutCredentials(String location) {
        return URL_CREDENTIALS.matcher(location).replaceAll("***@");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
