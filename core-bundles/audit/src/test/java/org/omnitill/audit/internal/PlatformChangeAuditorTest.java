package org.omnitill.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.OutputStream;
import java.security.PrivilegedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.audit.AuditEntry;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.audit.AuditVerification;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

class PlatformChangeAuditorTest {

    /** Collects events; can be told to fail like a database that is down. */
    static final class RecordingTrail implements AuditTrail {
        final List<AuditEvent> events = new ArrayList<>();
        boolean failing;

        @Override
        public AuditEntry record(AuditEvent event) {
            if (failing) {
                throw new IllegalStateException("database is down");
            }
            events.add(event);
            return new AuditEntry(events.size(), null, "n", event, null, null);
        }

        @Override
        public AuditVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void exportJsonLines(long fromSequence, int limit, OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }

    private final RecordingTrail trail = new RecordingTrail();
    private final BundleContext context = mock(BundleContext.class);
    private final Bundle system = mock(Bundle.class);
    private final Bundle plugin = mock(Bundle.class);
    private PlatformChangeAuditor auditor;

    @BeforeEach
    void setUp() {
        when(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)).thenReturn(system);
        when(system.getState()).thenReturn(Bundle.ACTIVE);
        when(plugin.getSymbolicName()).thenReturn("org.omnitill.tax.euvat");
        when(plugin.getBundleId()).thenReturn(42L);
        when(plugin.getVersion()).thenReturn(new Version(0, 1, 0, "SNAPSHOT"));
        when(plugin.getLocation()).thenReturn("mvn:https://deploy:s3cret@repo.example.com/m2!org.omnitill/x/0.1.0");
        auditor = new PlatformChangeAuditor(trail, context);
    }

    private void bundleEvent(int type) {
        auditor.bundleChanged(new BundleEvent(type, plugin));
    }

    @Test
    void listensToBundlesUntilDeactivated() {
        verify(context).addBundleListener(auditor);
        auditor.deactivate();
        verify(context).removeBundleListener(auditor);
        bundleEvent(BundleEvent.INSTALLED);
        assertTrue(trail.events.isEmpty());
    }

    @Test
    void recordsABundleChangeWithoutCredentialsInItsLocation() {
        bundleEvent(BundleEvent.INSTALLED);
        AuditEvent e = trail.events.get(0);
        assertEquals("platform.bundle.installed", e.action());
        assertEquals("system", e.actor());
        assertEquals("bundle/org.omnitill.tax.euvat", e.target());
        assertEquals(AuditEvent.SUCCESS, e.outcome());
        assertEquals(Map.of("bundleId", "42", "version", "0.1.0.SNAPSHOT",
                "location", "mvn:https://***@repo.example.com/m2!org.omnitill/x/0.1.0"), e.details());
    }

    @Test
    void namesEachKindOfBundleChangeAndIgnoresTheRest() {
        bundleEvent(BundleEvent.UPDATED);
        bundleEvent(BundleEvent.UNINSTALLED);
        bundleEvent(BundleEvent.STARTED);
        bundleEvent(BundleEvent.STOPPED);
        bundleEvent(BundleEvent.RESOLVED);
        bundleEvent(BundleEvent.STARTING);
        assertEquals(List.of("platform.bundle.updated", "platform.bundle.uninstalled", "platform.bundle.started",
                "platform.bundle.stopped"), trail.events.stream().map(AuditEvent::action).toList());
    }

    @Test
    void skipsStartsAndStopsWhileTheFrameworkStartsOrStops() {
        when(system.getState()).thenReturn(Bundle.STOPPING);
        bundleEvent(BundleEvent.STOPPED);
        when(system.getState()).thenReturn(Bundle.STARTING);
        bundleEvent(BundleEvent.STARTED);
        assertTrue(trail.events.isEmpty());
        bundleEvent(BundleEvent.INSTALLED);
        assertEquals(1, trail.events.size());
    }

    @Test
    @SuppressWarnings("removal")
    void theActorIsTheKarafUserOnTheCallingThread() {
        Subject subject = new Subject(true, Set.of(new UserPrincipal("karaf"), new RolePrincipal("admin")),
                Set.of(), Set.of());
        Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
            bundleEvent(BundleEvent.STOPPED);
            return null;
        });
        assertEquals("karaf", trail.events.get(0).actor());
        assertEquals("system", PlatformChangeAuditor.currentActor());
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsConfigurationChangesButNeverReadsTheirValues() {
        ServiceReference<ConfigurationAdmin> cm = mock(ServiceReference.class);
        auditor.configurationEvent(new ConfigurationEvent(cm, ConfigurationEvent.CM_UPDATED, null, "org.omnitill.node"));
        auditor.configurationEvent(new ConfigurationEvent(cm, ConfigurationEvent.CM_DELETED,
                "org.ops4j.datasource", "org.ops4j.datasource.8f2c"));
        auditor.configurationEvent(new ConfigurationEvent(cm, ConfigurationEvent.CM_LOCATION_CHANGED, null, "p"));

        assertEquals(3, trail.events.size());
        AuditEvent updated = trail.events.get(0);
        assertEquals("platform.config.updated", updated.action());
        assertEquals("config/org.omnitill.node", updated.target());
        assertEquals(Map.of("pid", "org.omnitill.node"), updated.details());
        AuditEvent deleted = trail.events.get(1);
        assertEquals("platform.config.deleted", deleted.action());
        assertEquals(Map.of("pid", "org.ops4j.datasource.8f2c", "factoryPid", "org.ops4j.datasource"),
                deleted.details());
        assertEquals("platform.config.location-changed", trail.events.get(2).action());
        // the configuration (and with it any password) is only reachable through Config Admin
        verifyNoInteractions(cm);
    }

    @Test
    void aFailingAuditNeverReachesTheFramework() {
        trail.failing = true;
        bundleEvent(BundleEvent.INSTALLED);
        auditor.configurationEvent(new ConfigurationEvent(mock(ServiceReference.class), ConfigurationEvent.CM_UPDATED,
                null, "p"));
        assertTrue(trail.events.isEmpty());
    }

    @Test
    void locationsWithoutCredentialsStayAsTheyAre() {
        assertEquals("file:/opt/karaf/deploy/x.jar", PlatformChangeAuditor.withoutCredentials("file:/opt/karaf/deploy/x.jar"));
        assertEquals("mvn:org.omnitill/x/1.0", PlatformChangeAuditor.withoutCredentials("mvn:org.omnitill/x/1.0"));
        assertEquals("http://***@h/x.jar", PlatformChangeAuditor.withoutCredentials("http://u:p@h/x.jar"));
    }
}
