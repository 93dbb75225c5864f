package org.omnitill.payment.cardterminal.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;
import org.omnitill.testkit.BundleManifest;
import org.omnitill.testkit.ComponentDescriptors;
import org.omnitill.testkit.RecordedLogs;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The component only runs when configured, and then registers the running simulator as a service; the
 * bundle exports the simulator's package and does not import the JDK's HTTP server package.
 */
class SimulatorComponentTest {

    @Test
    void theComponentRequiresItsConfiguration() {
        ComponentDescriptors.of(SimulatorComponent.class)
                .assertConfigurationPolicy("require")
                .assertConfigurationPid("org.omnitill.payment.cardterminal.simulator")
                .assertDeactivate("deactivate")
                // the simulator is registered once it listens, not by DS
                .assertProvidesNoService();
    }

    @Test
    void metatypeDefaultsToTheEndpointTheCardTerminalPluginExpects() {
        ComponentDescriptors.metatype(SimulatorComponent.Config.class)
                .assertPid("org.omnitill.payment.cardterminal.simulator")
                .assertAttribute("port", "Integer", "8443")
                .assertAttribute("host", "String", "127.0.0.1")
                .assertAttribute("poiId", "String", "V400m-324688179");
    }

    @Test
    void theBundleExportsTheVersionedSimulatorPackageAndLeavesTheHttpServerToBootDelegation() {
        BundleManifest manifest = BundleManifest.of(SimulatorComponent.class)
                .assertHeader("Bundle-SymbolicName", "org.omnitill.payment.cardterminal.simulator")
                .assertExports("org.omnitill.payment.cardterminal.simulator", "version=\"1.0.0\"")
                .assertImportsNothingFrom("com.sun.net.httpserver")
                .assertImports("com.fasterxml.jackson.databind");
        assertEquals(Set.of("org.omnitill.payment.cardterminal.simulator"),
                manifest.clauses("Export-Package").keySet(), "nothing else, nothing internal");
    }

    @Test
    void aConfiguredComponentStartsTheSimulatorAndRegistersItUntilDeactivated() throws IOException {
        RecordedLogs.clear();
        List<Object[]> registrations = new ArrayList<>();
        AtomicBoolean unregistered = new AtomicBoolean();
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        unregistered.set(true);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[0] == TerminalSimulator.class) {
                        registrations.add(args);
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        SimulatorComponent component = new SimulatorComponent(context,
                config(Map.of("port", 0, "host", "127.0.0.1", "poiId", "V400m-1")));

        assertEquals(1, registrations.size());
        TerminalSimulator simulator = (TerminalSimulator) registrations.get(0)[1];
        Dictionary<?, ?> properties = (Dictionary<?, ?>) registrations.get(0)[2];
        assertTrue(simulator.isRunning());
        assertEquals("V400m-1", simulator.poiId());
        assertEquals(simulator.url().toString(), properties.get(SimulatorComponent.PROPERTY_URL));
        assertEquals(simulator.port(), properties.get(SimulatorComponent.PROPERTY_PORT));
        assertEquals("V400m-1", properties.get(SimulatorComponent.PROPERTY_POI_ID));
        assertTrue(RecordedLogs.lines().stream().anyMatch(l -> l.startsWith("WARN")
                && l.contains("terminal SIMULATOR listening on " + simulator.url() + ", not a real terminal")),
                String.join("\n", RecordedLogs.lines()));

        component.deactivate();
        assertTrue(unregistered.get());
        assertFalse(simulator.isRunning());
    }

    @Test
    void aComponentThatCannotListenRegistersNothing() throws IOException {
        try (TerminalSimulator taken = new TerminalSimulator().start(0, "127.0.0.1")) {
            BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                        throw new AssertionError("nothing may be registered: " + method.getName());
                    });
            SimulatorComponent.Config config = config(Map.of("port", taken.port(), "host", "127.0.0.1",
                    "poiId", TerminalSimulator.DEFAULT_POI_ID));
            assertThrows(IOException.class, () -> new SimulatorComponent(context, config));
            assertTrue(taken.isRunning());
        }
    }

    private static SimulatorComponent.Config config(Map<String, Object> values) {
        return (SimulatorComponent.Config) Proxy.newProxyInstance(SimulatorComponentTest.class.getClassLoader(),
                new Class<?>[] {SimulatorComponent.Config.class}, (proxy, method, args) -> {
                    Object value = values.get(method.getName());
                    if (value == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return value;
                });
    }
}
