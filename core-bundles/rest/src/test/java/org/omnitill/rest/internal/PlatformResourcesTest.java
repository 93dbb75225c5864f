package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.Query;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/** Health and the plugin list. */
class PlatformResourcesTest {

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    @Test
    void healthIsUpWhenTheDatabaseAnswers() {
        EntityManager em = mock(EntityManager.class);
        Query query = mock(Query.class);
        when(em.createNativeQuery("SELECT 1")).thenReturn(query);
        when(query.setHint(anyString(), any())).thenReturn(query);
        when(query.getSingleResult()).thenReturn(1);
        TransactionRunner tx = new TransactionRunner() {
            @Override
            public <T> T required(Function<EntityManager, T> work) {
                return work.apply(em);
            }

            @Override
            public void afterCommit(Runnable action) {
                action.run();
            }
        };
        assertEquals(503, new HealthResource("0.1.0", tx).health().getStatus(),
                "without the core services a sale cannot be made: DOWN");
        Response response = new HealthResource("0.1.0", tx, mock(org.omnitill.api.store.StoreService.class),
                mock(org.omnitill.api.catalog.CatalogService.class), mock(org.omnitill.api.inventory.InventoryService.class),
                mock(org.omnitill.api.cart.CartService.class), mock(org.omnitill.api.order.OrderService.class),
                mock(org.omnitill.api.audit.AuditTrail.class), mock(SecurityService.class)).health();
        assertEquals(200, response.getStatus());
        assertTrue(((HealthResource.Health) response.getEntity()).missing().isEmpty());
        HealthResource.Health health = (HealthResource.Health) response.getEntity();
        assertEquals("UP", health.status());
        assertEquals("UP", health.database());
        assertEquals("0.1.0", health.version());
        assertTrue(health.uptimeSeconds() >= 0);
    }

    @Test
    void healthIsDownWithoutADatabase() {
        TransactionRunner broken = new TransactionRunner() {
            @Override
            public <T> T required(Function<EntityManager, T> work) {
                throw new PersistenceException("connection refused");
            }

            @Override
            public void afterCommit(Runnable action) {
                throw new PersistenceException("connection refused");
            }
        };
        Response response = new HealthResource("0.1.0", broken).health();
        assertEquals(503, response.getStatus());
        assertEquals("DOWN", ((HealthResource.Health) response.getEntity()).status());
        assertEquals("DOWN", ((HealthResource.Health) response.getEntity()).database());

        assertEquals(503, new HealthResource("0.1.0", null).health().getStatus());
    }

    private static ServiceReference<?> plugin(Bundle bundle, Map<String, Object> properties) {
        ServiceReference<?> reference = mock(ServiceReference.class);
        when(reference.getBundle()).thenReturn(bundle);
        when(reference.getProperty(anyString())).thenAnswer(call -> properties.get(call.<String>getArgument(0)));
        return reference;
    }

    private static Bundle bundle(String name, String version, int state) {
        Bundle bundle = mock(Bundle.class);
        when(bundle.getSymbolicName()).thenReturn(name);
        when(bundle.getVersion()).thenReturn(Version.parseVersion(version));
        when(bundle.getState()).thenReturn(state);
        return bundle;
    }

    @Test
    void pluginsComeFromTheServiceRegistrySortedByFamilyThenId() throws Exception {
        Bundle cash = bundle("org.omnitill.payment.cash", "0.1.0.20261204", Bundle.ACTIVE);
        Bundle vat = bundle("org.omnitill.tax.euvat", "1.2.3", Bundle.ACTIVE);
        Bundle printer = bundle("org.omnitill.device.receiptprinter", "0.1.0", Bundle.STARTING);
        ServiceReference<?>[] references = {
                plugin(vat, Map.of(PluginProperties.ID, "eu-vat", PluginProperties.FAMILY, "tax",
                        PluginProperties.NAME, "EU VAT")),
                plugin(cash, Map.of(PluginProperties.ID, "cash", PluginProperties.FAMILY, "payment",
                        PluginProperties.NAME, "Cash")),
                plugin(printer, Map.of(PluginProperties.ID, "console", PluginProperties.FAMILY, "device")),
                plugin(cash, Map.of(PluginProperties.ID, "cash", PluginProperties.FAMILY, "payment",
                        PluginProperties.NAME, "Cash")),
                plugin(null, Map.of(PluginProperties.ID, "gone", PluginProperties.FAMILY, "payment")),
                plugin(cash, Map.of(PluginProperties.ID, "card", PluginProperties.FAMILY, "payment",
                        PluginProperties.NAME, "Card")) };
        BundleContext context = mock(BundleContext.class);
        when(context.getAllServiceReferences(null, "(omnitill.plugin.family=*)")).thenReturn(references);

        List<PluginResource.PluginInfo> plugins = new PluginResource(context).plugins();

        assertEquals(List.of(
                new PluginResource.PluginInfo("console", "device", "console", "0.1.0", "STARTING",
                        "org.omnitill.device.receiptprinter"),
                new PluginResource.PluginInfo("card", "payment", "Card", "0.1.0.20261204", "ACTIVE",
                        "org.omnitill.payment.cash"),
                new PluginResource.PluginInfo("cash", "payment", "Cash", "0.1.0.20261204", "ACTIVE",
                        "org.omnitill.payment.cash"),
                new PluginResource.PluginInfo("eu-vat", "tax", "EU VAT", "1.2.3", "ACTIVE", "org.omnitill.tax.euvat")),
                plugins);
    }

    @Test
    void noPluginsIsAnEmptyList() throws Exception {
        BundleContext context = mock(BundleContext.class);
        when(context.getAllServiceReferences(null, PluginResource.FILTER)).thenReturn(null);
        assertEquals(List.of(), new PluginResource(context).plugins());
    }

    @Test
    void bundleStatesByName() {
        assertEquals("ACTIVE", PluginResource.state(Bundle.ACTIVE));
        assertEquals("RESOLVED", PluginResource.state(Bundle.RESOLVED));
        assertEquals("INSTALLED", PluginResource.state(Bundle.INSTALLED));
        assertEquals("UNKNOWN", PluginResource.state(3)); // not a bundle state
    }
}
