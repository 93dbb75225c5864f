package org.omnitill.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.StockLevel;
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
