package org.omnitill.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.store.LocationType;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.inventory.internal.JpaInventoryService;
import org.omnitill.persistence.testing.TestDatabase;

class DemoDataLoaderTest {

    private final TestDatabase db = new TestDatabase();
    private final JpaInventoryService inventory = new JpaInventoryService(db.tx(), () -> "node-1");

    @AfterEach
    void close() {
        db.close();
    }

    private static DemoDataLoader.Config config(boolean enabled) {
        return new DemoDataLoader.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DemoDataLoader.Config.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }
        };
    }

    @Test
    void loadsARetailerWithTwoStoresAWarehouseAndFiftyArticlesOnce() {
        DemoDataLoader loader = new DemoDataLoader(db.tx(), inventory, config(true));
        JpaStoreService stores = new JpaStoreService(db.tx());
        assertEquals(3, stores.stores().stream().filter(s -> s.type() == LocationType.STORE).count());
        assertEquals(1, stores.stores().stream().filter(s -> s.type() == LocationType.WAREHOUSE).count());
        JpaCatalogService catalog = new JpaCatalogService(db.tx());
        assertEquals(50, catalog.search("", 0, 200).total());
        assertFalse(loader.loadIfEmpty(), "a database with stores is never loaded twice");
        assertEquals(50, catalog.search("", 0, 200).total());
        assertEquals(4, inventory.levels("COF-001").size());
        assertTrue(catalog.price("COF-001", "amsterdam-centrum").isPresent());
    }

    @Test
    void everyBarcodeIsAValidUniqueEan13() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < DemoCatalog.ARTICLES.size(); i++) {
            Barcode b = Barcode.parse(DemoCatalog.ARTICLES.get(i).barcode(i));
            assertEquals(Barcode.Symbology.EAN_13, b.symbology());
            assertTrue(seen.add(b.digits()));
        }
        assertEquals(50, seen.size());
    }

    @Test
    void disabledLoadsNothing() {
        new DemoDataLoader(db.tx(), inventory, config(false));
        assertTrue(new JpaStoreService(db.tx()).stores().isEmpty());
    }
}
