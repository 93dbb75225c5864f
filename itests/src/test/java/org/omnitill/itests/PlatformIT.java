package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as shipped: every Omnitill bundle is active, every Declarative Services component of an
 * {@code org.omnitill.*} bundle is satisfied, the datasource points at the database of this suite, the REST API is
 * healthy, and a plugin can be removed and added at runtime without restarting the core.
 */
public class PlatformIT extends OmnitillTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Looked up by name: the probe must not care which bundle's copy of these APIs it is wired to. */
    private static final String DATA_SOURCE = "javax.sql.DataSource";
    private static final String ENTITY_MANAGER_FACTORY = "javax.persistence.EntityManagerFactory";

    @Inject
    protected ServiceComponentRuntime scr;

    @Test
    public void everyOmnitillBundleIsActive() {
        await("Omnitill bundles not all ACTIVE: " + omnitillBundleProblems(), SETTLE,
                () -> omnitillBundleProblems().isEmpty());
    }

    @Test
    public void everyOmnitillComponentIsSatisfied() {
        await("every installed Omnitill bundle should be ACTIVE first: " + omnitillBundleProblems(), SETTLE,
                () -> omnitillBundleProblems().isEmpty());
        List<String> problems = new ArrayList<>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        do {
            problems = componentProblems();
            if (problems.isEmpty()) {
                return;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        fail("Declarative Services components of org.omnitill.* bundles that are not satisfied:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    public void dataSourceAndPersistenceUnitUseTheSuitesDatabase() throws InvalidSyntaxException {
        ServiceReference<?> ds = awaitService(DATA_SOURCE, "(dataSourceName=omnitill)");
        assertEquals("osgi.jndi.service.name of the datasource", "omnitill", ds.getProperty("osgi.jndi.service.name"));
        String url = String.valueOf(ds.getProperty("url"));
        if (database().equals("postgresql")) {
            assertEquals("datasource URL", jdbcUrl(), url);
        } else {
            assertTrue("H2 datasource expected, got " + url, url.startsWith("jdbc:h2:file:"));
        }
        awaitService(ENTITY_MANAGER_FACTORY, "(osgi.unit.name=omnitill)");
    }

    @Test
    public void restApiIsHealthy() {
        Response health = waitForHealth();
        JsonNode body = health.json();
        assertEquals("health: " + health, "UP", body.path("status").asText());
        assertEquals("health: " + health, "UP", body.path("database").asText());
        assertTrue("health is public: JSON expected, got " + health.contentType(),
                health.contentType().startsWith("application/json"));
    }

    @Test
    public void aPluginCanBeRemovedAndAddedWithoutRestartingTheCore() throws InvalidSyntaxException {
        String feature = "omnitill-device-receipt-printer";
        String bsn = "org.omnitill.device.receiptprinter";
        waitForHealth();
        assertTrue(feature + " should be installed at boot", isFeatureInstalled(feature));
        long emfBefore = serviceId(awaitService(ENTITY_MANAGER_FACTORY, "(osgi.unit.name=omnitill)"));
        try {
            uninstallFeature(feature);
            await(bsn + " should be gone after feature:uninstall", Duration.ofSeconds(30), () -> bundle(bsn) == null);
            assertFalse(isFeatureInstalled(feature));
            assertEquals("health after removing a plugin", 200, waitForHealth().status());
        } finally {
            installFeature(feature);
        }
        await(bsn + " should be ACTIVE again after feature:install", Duration.ofSeconds(30),
                () -> bundle(bsn) != null && bundle(bsn).getState() == Bundle.ACTIVE);
        assertEquals("health after adding the plugin again", 200, waitForHealth().status());
        long emfAfter = serviceId(awaitService(ENTITY_MANAGER_FACTORY, "(osgi.unit.name=omnitill)"));
        assertEquals("the EntityManagerFactory was re-created: the plugin operation refreshed the JPA stack"
                + " (is autoRefresh=false still in etc/org.apache.karaf.features.cfg?)", emfBefore, emfAfter);
        String features = executeCommand("feature:list -i");
        assertTrue("feature:list -i should list " + feature + ":\n" + features, features.contains(feature));
    }

    // ------------------------------------------------------------------ helpers

    /** Missing or not-ACTIVE Omnitill bundles (fragments may be RESOLVED). */
    private List<String> omnitillBundleProblems() {
        List<String> problems = new ArrayList<>();
        for (String bsn : OMNITILL_BUNDLES) {
            if (bundle(bsn) == null) {
                problems.add(bsn + " is not installed");
            }
        }
        for (Bundle b : omnitillBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                problems.add(b.getSymbolicName() + " is " + stateName(b.getState()));
            }
        }
        return problems;
    }

    private List<Bundle> omnitillBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.omnitill."))
                .toList();
    }

    private List<String> componentProblems() {
        List<String> problems = new ArrayList<>();
        Bundle[] bundles = omnitillBundles().toArray(new Bundle[0]);
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(bundles);
        for (ComponentDescriptionDTO d : descriptions) {
            String name = d.bundle.symbolicName + "/" + d.name;
            if (!scr.isComponentEnabled(d)) {
                if (d.defaultEnabled) {
                    problems.add(name + ": disabled");
                }
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            if (configurations.isEmpty()) {
                problems.add(name + ": no configuration (configuration-policy " + d.configurationPolicy
                        + ", PIDs " + Arrays.toString(d.configurationPid) + ")");
            }
            for (ComponentConfigurationDTO c : configurations) {
                if (c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE) {
                    continue;
                }
                StringBuilder why = new StringBuilder(name).append(": ").append(componentState(c.state));
                for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                    why.append(" [reference ").append(r.name)
                            .append(r.target != null ? " target " + r.target : "").append(']');
                }
                if (c.failure != null) {
                    why.append(" failure: ").append(c.failure.lines().findFirst().orElse(""));
                }
                problems.add(why.toString());
            }
        }
        if (descriptions.isEmpty() && bundles.length > 0) {
            problems.add("no DS component found in " + bundles.length + " org.omnitill.* bundles");
        }
        return problems;
    }

    private static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "state " + state;
        };
    }

    private ServiceReference<?> awaitService(String type, String filter) throws InvalidSyntaxException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(type, filter);
            if (refs != null && refs.length > 0) {
                return refs[0];
            }
            if (System.nanoTime() > deadline) {
                fail("no " + type + " service " + filter + " within " + SETTLE.toSeconds() + " s");
            }
            sleep(200);
        }
    }

    private static long serviceId(ServiceReference<?> ref) {
        Object id = ref.getProperty("service.id");
        assertNotNull(id);
        return (Long) id;
    }
}
