package org.omnitill.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.inventory.StockLevel;
import org.omnitill.api.money.Money;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.demo.internal.DemoCatalog.Article;
import org.omnitill.demo.internal.DemoCatalog.Kind;
import org.omnitill.demo.internal.DemoCatalog.Location;
import org.omnitill.inventory.internal.JpaInventoryService;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;

class DemoDataLoaderTest {

    private static final Set<String> NEW_STORES = Set.of("austin-downtown", "toronto-queen-west", "bengaluru-mg-road");

    private final TestDatabase db = new TestDatabase();
    private final JpaInventoryService inventory = new JpaInventoryService(db.tx(), () -> "node-1");
    private final JpaStoreService stores = new JpaStoreService(db.tx());
    private final JpaCatalogService catalog = new JpaCatalogService(db.tx());

    @AfterEach
    void close() {
        db.close();
    }

    static DemoDataLoader.Config config(boolean enabled) {
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

    private static Location location(String id) {
        return DemoCatalog.LOCATIONS.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static Article article(String sku) {
        return DemoCatalog.ARTICLES.stream().filter(a -> a.sku().equals(sku)).findFirst().orElseThrow();
    }

    @Test
    void loadsSixStoresAWarehouseAndFiftyArticlesOnce() {
        DemoDataLoader loader = new DemoDataLoader(db.tx(), inventory, config(true));
        assertEquals(6, stores.stores().stream().filter(s -> s.type() == LocationType.STORE).count());
        assertEquals(1, stores.stores().stream().filter(s -> s.type() == LocationType.WAREHOUSE).count());
        assertEquals(50, catalog.search("", 0, 200).total());
        assertEquals(DemoDataLoader.Added.NOTHING, loader.loadMissing(), "a complete demo is never loaded twice");
        assertEquals(50, catalog.search("", 0, 200).total());
        assertEquals(7, inventory.levels("COF-001").size());
        for (ProductView product : catalog.search("", 0, 200).items()) {
            assertEquals(6, product.prices().size(), product.sku() + " has a price in every store");
            assertEquals(article(product.sku()).taxCategoryOverrides(), product.taxCategoriesByCountry());
        }
    }

    @Test
    void theNewStoresCarryWhatTheirTaxRulesNeed() {
        new DemoDataLoader(db.tx(), inventory, config(true));
        StoreView austin = stores.store("austin-downtown").orElseThrow();
        assertEquals(List.of("US", "TX", "78701", "Austin", "USD", false), List.of(austin.country(), austin.region(),
                austin.postalCode(), austin.city(), austin.currency().getCurrencyCode(), austin.pricesIncludeTax()));
        StoreView toronto = stores.store("toronto-queen-west").orElseThrow();
        assertEquals(List.of("CA", "ON", "M5V 2T6", "Toronto", "CAD", false), List.of(toronto.country(),
                toronto.region(), toronto.postalCode(), toronto.city(), toronto.currency().getCurrencyCode(),
                toronto.pricesIncludeTax()));
        StoreView bengaluru = stores.store("bengaluru-mg-road").orElseThrow();
        assertEquals(List.of("IN", "KA", "560001", "Bengaluru", "INR", true), List.of(bengaluru.country(),
                bengaluru.region(), bengaluru.postalCode(), bengaluru.city(), bengaluru.currency().getCurrencyCode(),
                bengaluru.pricesIncludeTax()));
        assertEquals("BE", stores.store("berlin-mitte").orElseThrow().region());
        assertEquals(Money.of("18.69", "USD"), catalog.price("COF-001", "austin-downtown").orElseThrow());
        assertEquals(Money.of("25.49", "CAD"), catalog.price("COF-001", "toronto-queen-west").orElseThrow());
        assertEquals(Money.of("1529", "INR"), catalog.price("COF-001", "bengaluru-mg-road").orElseThrow());
        assertEquals(Money.of("16.99", "EUR"), catalog.price("COF-001", "berlin-mitte").orElseThrow());
        assertEquals(Money.of("17.49", "EUR"), catalog.price("COF-001", "amsterdam-centrum").orElseThrow());
    }

    /** A database loaded by the previous version: the EU stores and the warehouse, EUR prices, one category. */
    @Test
    void completesADemoDatabaseOfAnOlderVersionAndKeepsWhatItHas() {
        new DemoDataLoader(db.tx(), inventory, config(true));
        db.tx().required(em -> {
            em.createQuery("DELETE FROM ProductTaxCategoryEntity t").executeUpdate();
            em.createQuery("DELETE FROM PriceEntity p WHERE p.storeId IN :ids").setParameter("ids", NEW_STORES)
                    .executeUpdate();
            em.createQuery("DELETE FROM StockEntity s WHERE s.locationId IN :ids").setParameter("ids", NEW_STORES)
                    .executeUpdate();
            em.createQuery("DELETE FROM OrderSequenceEntity s WHERE s.storeId IN :ids").setParameter("ids", NEW_STORES)
                    .executeUpdate();
            em.createQuery("DELETE FROM StoreEntity s WHERE s.id IN :ids").setParameter("ids", NEW_STORES)
                    .executeUpdate();
            return null;
        });
        assertEquals(4, stores.stores().size());
        // what happened since: a sale in Berlin and a new price in Hamburg, which the loader must keep
        inventory.remove("berlin-mitte", "COF-001", new BigDecimal("3"), "sale", "test");
        catalog.setPrice("COF-001", "hamburg-altona", Money.of("15.99", "EUR"));
        BigDecimal berlinCoffee = level("berlin-mitte", "COF-001");

        DemoDataLoader.Added added = new DemoDataLoader(db.tx(), inventory, config(false)).loadMissing();
        assertEquals(new DemoDataLoader.Added(3, 0, 3 * 50, 3 * 50, 3 * 50), added);
        assertEquals(7, stores.stores().size());
        assertEquals(berlinCoffee, level("berlin-mitte", "COF-001"));
        assertEquals(Money.of("15.99", "EUR"), catalog.price("COF-001", "hamburg-altona").orElseThrow());
        assertEquals(Money.of("25.49", "CAD"), catalog.price("COF-001", "toronto-queen-west").orElseThrow());
        assertEquals("basic-grocery", catalog.product("COF-001").orElseThrow().taxCategoryIn("CA"));
        assertEquals(0, DemoCatalog.openingStock(location("bengaluru-mg-road"), 0)
                .compareTo(level("bengaluru-mg-road", "COF-001")));
        assertFalse(new DemoDataLoader(db.tx(), inventory, config(false)).loadMissing().anything());
    }

    private BigDecimal level(String location, String sku) {
        return inventory.levels(sku).stream().filter(l -> l.locationId().equals(location)).findFirst()
                .map(StockLevel::onHand).orElseThrow();
    }

    @Test
    void leavesADatabaseWithStoresOfItsOwnAlone() {
        db.tx().required(em -> Fixtures.store(em, "my-shop", LocationType.STORE, "DE", "EUR", true));
        DemoDataLoader loader = new DemoDataLoader(db.tx(), inventory, config(true));
        assertEquals(List.of("my-shop"), stores.stores().stream().map(StoreView::id).toList());
        assertEquals(0, catalog.search("", 0, 10).total());
        assertEquals(DemoDataLoader.Added.NOTHING, loader.loadMissing());
    }

    @Test
    void disabledLoadsNothing() {
        new DemoDataLoader(db.tx(), inventory, config(false));
        assertTrue(stores.stores().isEmpty());
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
    void pricesOutsideTheEuroAreDerivedFromTheGermanPriceAndLookLikeShelfPrices() {
        Location austin = location("austin-downtown");
        Location toronto = location("toronto-queen-west");
        Location bengaluru = location("bengaluru-mg-road");
        assertEquals(Money.of("0.29", "USD"), DemoCatalog.price(article("BAG-002"), austin));
        assertEquals(Money.of("0.29", "CAD"), DemoCatalog.price(article("BAG-002"), toronto), "0.30 -> 0.29");
        assertEquals(Money.of("18", "INR"), DemoCatalog.price(article("BAG-002"), bengaluru));
        assertEquals(Money.of("59", "INR"), DemoCatalog.price(article("CAT-001"), bengaluru), "58.5 -> 59");
        assertEquals(Money.of("26.39", "USD"), DemoCatalog.price(article("BKS-001"), austin), "26.40 -> 26.39");
        for (Article a : DemoCatalog.ARTICLES) {
            BigDecimal eur = new BigDecimal(a.priceDe());
            assertShelfPrice(DemoCatalog.price(a, austin), eur.multiply(new BigDecimal("1.1")), a);
            assertShelfPrice(DemoCatalog.price(a, toronto), eur.multiply(new BigDecimal("1.5")), a);
            BigDecimal inr = DemoCatalog.price(a, bengaluru).amount();
            assertEquals(0, inr.remainder(BigDecimal.ONE).signum(), a.sku() + " in whole rupees");
            assertTrue(inr.subtract(eur.multiply(new BigDecimal("90"))).abs().compareTo(new BigDecimal("0.5")) <= 0);
        }
    }

    /** Ends in 9 cents and is within a cent below to nine cents above the exact conversion. */
    private static void assertShelfPrice(Money price, BigDecimal exact, Article a) {
        BigDecimal amount = price.amount();
        assertEquals(9, amount.movePointRight(2).remainder(BigDecimal.TEN).intValueExact(), a.sku() + ": " + price);
        BigDecimal diff = amount.subtract(exact);
        assertTrue(diff.compareTo(new BigDecimal("-0.01")) >= 0 && diff.compareTo(new BigDecimal("0.09")) < 0,
                a.sku() + ": " + price + " for " + exact);
    }

    @Test
    void taxCategoriesPerCountryFollowTheArticlesKind() {
        assertEquals(Map.of("CA", "basic-grocery", "IN", "reduced", "US", "grocery"),
                article("COF-001").taxCategoryOverrides());
        assertEquals(Map.of("CA", "basic-grocery", "IN", "hsn:0401", "US", "grocery"),
                article("MLK-001").taxCategoryOverrides());
        assertEquals(Map.of("CA", "books", "IN", "hsn:4901", "US", "standard"),
                article("BKS-001").taxCategoryOverrides());
        assertEquals(Map.of("CA", "standard", "IN", "exempt", "US", "standard"),
                article("FLW-001").taxCategoryOverrides());
        assertEquals(Map.of("CA", "standard", "IN", "exempt", "US", "standard"),
                article("WIN-001").taxCategoryOverrides());
        assertEquals(Map.of("CA", "standard", "IN", "reduced", "US", "clothing"),
                article("TSH-001").taxCategoryOverrides());
        assertEquals(Map.of("CA", "standard", "IN", "standard", "US", "standard"),
                article("USB-002").taxCategoryOverrides(), "stored even where it equals the default");
        // apparel is 5% GST only up to Rs 2500 a piece before tax
        for (Article a : DemoCatalog.ARTICLES) {
            if (a.kind() == Kind.APPAREL) {
                BigDecimal mrp = DemoCatalog.price(a, location("bengaluru-mg-road")).amount();
                assertTrue(mrp.compareTo(new BigDecimal("2625")) <= 0, a.sku() + " at " + mrp);
            }
        }
    }

    @Test
    void storesKeepTheirBusinessDayInTheirRealTimeZone() {
        new DemoDataLoader(db.tx(), inventory, config(true));
        Map<String, String> zones = new java.util.TreeMap<>();
        stores.stores().forEach(s -> zones.put(s.id(), s.timeZone()));
        assertEquals(Map.of("berlin-mitte", "Europe/Berlin", "hamburg-altona", "Europe/Berlin",
                "amsterdam-centrum", "Europe/Amsterdam", "austin-downtown", "America/Chicago",
                "toronto-queen-west", "America/Toronto", "bengaluru-mg-road", "Asia/Kolkata",
                "wh-kassel", "Europe/Berlin"), zones);
    }

    @Test
    void mostArticlesCostTheStore45To65PercentOfTheirPriceAndAFewHaveNoCost() {
        new DemoDataLoader(db.tx(), inventory, config(true));
        List<String> withoutCost = new java.util.ArrayList<>();
        for (Location location : DemoCatalog.LOCATIONS) {
            if (location.type() != LocationType.STORE) {
                assertTrue(catalog.unitCosts(location.id()).isEmpty());
                continue;
            }
            Map<String, Money> costs = catalog.unitCosts(location.id());
            for (Article a : DemoCatalog.ARTICLES) {
                Money cost = costs.get(a.sku());
                if (cost == null) {
                    withoutCost.add(a.sku());
                    continue;
                }
                BigDecimal price = catalog.price(a.sku(), location.id()).orElseThrow().amount();
                BigDecimal share = cost.amount().divide(price, 4, java.math.RoundingMode.HALF_UP);
                // rounded to the cent: a cheap article's share (a 0.20 bag) may lie a little outside the range
                BigDecimal slack = new BigDecimal("0.03");
                assertTrue(share.compareTo(new BigDecimal("0.45").subtract(slack)) >= 0
                        && share.compareTo(new BigDecimal("0.65").add(slack)) <= 0, a.sku() + " at " + location.id()
                        + ": " + cost + " of " + price);
            }
        }
        assertEquals(List.of("BAT-002", "GFT-001", "JUI-001", "MLK-001", "UMB-001", "VEG-002"),
                withoutCost.stream().distinct().sorted().toList());
        assertEquals(6 * 6, withoutCost.size(), "the same six articles at each of the six stores");
        // deterministic: COF-001 costs 45 % of 16.99 in Berlin
        assertEquals(Money.of("7.65", "EUR"), catalog.unitCost("COF-001", "berlin-mitte").orElseThrow());
        assertEquals(Money.of("688.05", "INR"), catalog.unitCost("COF-001", "bengaluru-mg-road").orElseThrow());
    }

    /** A database of the version before stores had zones and prices costs. */
    @Test
    void fillsZonesAndCostsIntoAnOlderDemoDatabaseOnceAndKeepsAManagersPrices() {
        new DemoDataLoader(db.tx(), inventory, config(true));
        db.tx().required(em -> {
            em.createQuery("UPDATE StoreEntity s SET s.timeZone = NULL").executeUpdate();
            em.createQuery("UPDATE PriceEntity p SET p.unitCost = NULL").executeUpdate();
            return null;
        });
        catalog.setPrice("COF-001", "hamburg-altona", Money.of("15.99", "EUR")); // a manager's price: its cost is unknown

        DemoDataLoader.Added added = new DemoDataLoader(db.tx(), inventory, config(false)).loadMissing();
        assertEquals(7, added.timeZones());
        assertEquals(6 * 44 - 1, added.unitCosts());
        assertEquals("Asia/Kolkata", stores.store("bengaluru-mg-road").orElseThrow().timeZone());
        assertEquals(Money.of("7.65", "EUR"), catalog.unitCost("COF-001", "berlin-mitte").orElseThrow());
        assertTrue(catalog.unitCost("COF-001", "hamburg-altona").isEmpty());

        // from now on costs are the managers': one cleared on purpose stays cleared
        db.tx().required(em -> catalog.setUnitCost("COF-001", "berlin-mitte", null));
        assertFalse(new DemoDataLoader(db.tx(), inventory, config(false)).loadMissing().anything());
        assertTrue(catalog.unitCost("COF-001", "berlin-mitte").isEmpty());
    }
}
