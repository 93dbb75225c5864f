package org.omnitill.payment.cardterminal.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.omnitill.payment.cardterminal.simulator.RecordedLogs;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The component only runs when configured, and then registers the running simulator as a service; the
 * bundle exports the simulator's package and does not import the JDK's HTTP server package.
 */
class SimulatorComponentTest {

    @Test
    void theComponentRequiresItsConfiguration() throws IOException {
        String xml = resource("/OSGI-INF/" + SimulatorComponent.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-policy=\"require\""), xml);
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.payment.cardterminal.simulator\""), xml);
        assertTrue(xml.contains("deactivate=\"deactivate\""), xml);
        assertFalse(xml.contains("<service"), "the simulator is registered once it listens, not by DS: " + xml);
    }

    @Test
    void metatypeDefaultsToTheEndpointTheCardTerminalPluginExpects() throws IOException {
        String xml = resource("/OSGI-INF/metatype/" + SimulatorComponent.Config.class.getName() + ".xml");
        assertTrue(xml.contains("pid=\"org.omnitill.payment.cardterminal.simulator\""), xml);
        assertTrue(Pattern.compile("<AD id=\"port\" type=\"Integer\"[^>]* default=\"8443\"").matcher(xml).find(), xml);
        assertTrue(Pattern.compile("<AD id=\"host\" type=\"String\"[^>]* default=\"127.0.0.1\"").matcher(xml).find(),
                xml);
        assertTrue(Pattern.compile("<AD id=\"poiId\" type=\"String\"[^>]* default=\"V400m-324688179\"").matcher(xml)
                .find(), xml);
    }

    @Test
    void theBundleExportsTheVersionedSimulatorPackageAndLeavesTheHttpServerToBootDelegation()
            throws IOException, URISyntaxException {
        Path classes = Path.of(SimulatorComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertEquals("org.omnitill.payment.cardterminal.simulator",
                manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
        assertNotNull(exports);
        assertTrue(exports.startsWith("org.omnitill.payment.cardterminal.simulator;"), exports);
        assertTrue(exports.contains("version=\"1.0.0\""), exports);
        assertFalse(exports.contains(".internal"), exports);
        assertFalse(imports.contains("com.sun.net.httpserver"), imports);
        assertTrue(imports.contains("com.fasterxml.jackson.databind"), imports);
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

    private static String resource(String path) throws IOException {
        InputStream in = SimulatorComponentTest.class.getResourceAsStream(path);
        assertNotNull(in, path + " is missing: bnd writes it when the build runs through process-classes");
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
