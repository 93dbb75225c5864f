package org.omnitill.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.LocationStock;
import org.omnitill.api.inventory.StockLevel;
import org.omnitill.api.store.LocationType;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;

class JpaInventoryServiceTest {

    private final TestDatabase db = new TestDatabase();
    private final JpaInventoryService inventory = new JpaInventoryService(db.tx(), () -> "test-node");

    @BeforeEach
    void seed() {
        db.tx().required(em -> {
            Fixtures.product(em, "A", "Article", null, "standard", UnitOfMeasure.EACH);
            Fixtures.stock(em, "s1", "A", "10");
            Fixtures.stock(em, "s2", "A", "3");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BigDecimal onHand(String location) {
        return inventory.levels("A").stream().filter(l -> l.locationId().equals(location)).findFirst()
                .map(StockLevel::onHand).orElseThrow();
    }

    private long movements() {
        return db.tx().required(em -> em.createQuery("SELECT COUNT(m) FROM StockMovementEntity m", Long.class)
                .getSingleResult());
    }

    /** A shop and a warehouse with a few articles, one of them reserved in part. */
    private void seedLocations() {
        db.tx().required(em -> {
            Fixtures.store(em, "shop", LocationType.STORE, "DE", "EUR", true);
            Fixtures.store(em, "wh", LocationType.WAREHOUSE, "DE", "EUR", true);
            Fixtures.product(em, "TEA-1", "Green tea", null, "reduced", UnitOfMeasure.EACH);
            Fixtures.product(em, "COF_1", "Coffee 100% arabica", null, "reduced", UnitOfMeasure.EACH);
            Fixtures.product(em, "CHS-1", "Gouda", null, "reduced", UnitOfMeasure.KILOGRAM);
            Fixtures.stock(em, "shop", "TEA-1", "40");
            Fixtures.stock(em, "shop", "COF_1", "5");
            Fixtures.stock(em, "shop", "CHS-1", "7.250").reserved = new BigDecimal("3");
            Fixtures.stock(em, "wh", "TEA-1", "500");
            return null;
        });
    }

    private static List<String> skus(Page<LocationStock> page) {
        return page.items().stream().map(LocationStock::sku).toList();
    }

    @Test
    void listsTheStockOfOneLocationBySkuWithNamesAndPages() {
        seedLocations();
        Page<LocationStock> all = inventory.stockAt("shop", null, null, 0, 50);
        assertEquals(List.of("CHS-1", "COF_1", "TEA-1"), skus(all));
        assertEquals(3, all.total());
        assertEquals(new LocationStock("CHS-1", "Gouda", "shop", new BigDecimal("7.25"), new BigDecimal("3"),
                new BigDecimal("4.25")), all.items().get(0));
        Page<LocationStock> second = inventory.stockAt("shop", " ", null, 1, 1);
        assertEquals(List.of("COF_1"), skus(second));
        assertEquals(3, second.total());
        assertEquals(List.of("TEA-1"), skus(inventory.stockAt("wh", null, null, 0, 50)));
    }

    @Test
    void matchesSkuOrNameCaseInsensitivelyAndFiltersLowStock() {
        seedLocations();
        assertEquals(List.of("TEA-1"), skus(inventory.stockAt("shop", "GREEN", null, 0, 50)));
        assertEquals(List.of("TEA-1"), skus(inventory.stockAt("shop", "tea-", null, 0, 50)));
        // LIKE wildcards are taken literally
        assertEquals(List.of("COF_1"), skus(inventory.stockAt("shop", "100%", null, 0, 50)));
        assertEquals(List.of("COF_1"), skus(inventory.stockAt("shop", "f_1", null, 0, 50)));
        // low stock: available (on hand less reserved) at most 5
        Page<LocationStock> low = inventory.stockAt("shop", null, new BigDecimal("5"), 0, 50);
        assertEquals(List.of("CHS-1", "COF_1"), skus(low));
        assertEquals(2, low.total());
        assertEquals(List.of(), skus(inventory.stockAt("shop", "tea", new BigDecimal("5"), 0, 50)));
    }

    @Test
    void anUnknownLocationOrBadPagingIsRefused() {
        seedLocations();
        OmnitillException e = assertThrows(OmnitillException.class, () -> inventory.stockAt("nowhere", null, null, 0, 50));
        assertEquals("location_not_found", e.code());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("location_not_found", assertThrows(OmnitillException.class,
                () -> inventory.stockAt(null, null, null, 0, 50)).code());
        assertEquals("invalid_parameter", assertThrows(OmnitillException.class,
                () -> inventory.stockAt("shop", null, null, -1, 50)).code());
        assertEquals("invalid_parameter", assertThrows(OmnitillException.class,
                () -> inventory.stockAt("shop", null, null, 0, 0)).code());
    }

    @Test
    void onHandSumsOverTheLocationsGiven() {
        seedLocations();
        assertEquals(Map.of("TEA-1", new BigDecimal("540"), "CHS-1", new BigDecimal("7.25")),
                inventory.onHand(List.of("shop", "wh"), List.of("TEA-1", "CHS-1", "NOPE")));
        assertEquals(Map.of("TEA-1", new BigDecimal("40")), inventory.onHand(List.of("shop"), List.of("TEA-1")));
        assertEquals(Map.of(), inventory.onHand(List.of(), List.of("TEA-1")));
        assertEquals(Map.of(), inventory.onHand(List.of("shop"), List.of()));
    }

    @Test
    void removesAndAddsWithAMovementEach() {
        inventory.remove("s1", "A", new BigDecimal("4"), "sale", "o-1");
        inventory.add("s1", "A", new BigDecimal("1"), "return", "r-1");
        assertEquals(0, new BigDecimal("7").compareTo(onHand("s1")));
        assertEquals(2, movements());
    }

    @Test
    void refusesToRemoveMoreThanIsThereAndChangesNothing() {
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> inventory.remove("s2", "A", new BigDecimal("4"), "sale", "o-1"));
        assertEquals(ErrorKind.CONFLICT, e.kind());
        assertEquals("out_of_stock", e.code());
        assertEquals(0, new BigDecimal("3").compareTo(onHand("s2")));
        assertEquals(0, movements());
    }

    @Test
    void addingAtANewLocationCreatesItsStock() {
        inventory.add("s3", "A", new BigDecimal("2.500"), "receipt", null);
        assertEquals(0, new BigDecimal("2.5").compareTo(onHand("s3")));
    }

    @Test
    void rejectsNonPositiveQuantities() {
        assertThrows(OmnitillException.class, () -> inventory.remove("s1", "A", BigDecimal.ZERO, "sale", null));
        assertThrows(OmnitillException.class, () -> inventory.add("s1", "A", new BigDecimal("-1"), "x", null));
    }

    @Test
    void manyConcurrentSalesNeverOversell() throws Exception {
        int buyers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            String ref = "o-" + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    inventory.remove("s1", "A", BigDecimal.ONE, "sale", ref);
                    return true;
                } catch (OmnitillException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int sold = 0;
        for (Future<Boolean> r : results) {
            sold += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(10, sold);
        assertEquals(0, BigDecimal.ZERO.compareTo(onHand("s1")));
        assertEquals(10, movements());
    }
}
