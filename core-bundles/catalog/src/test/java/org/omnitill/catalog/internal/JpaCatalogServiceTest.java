package org.omnitill.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;
import org.omnitill.api.store.LocationType;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;

class JpaCatalogServiceTest {

    private final TestDatabase db = new TestDatabase();
    private final JpaCatalogService catalog = new JpaCatalogService(db.tx());
    private final JpaStoreService stores = new JpaStoreService(db.tx());

    @BeforeEach
    void seed() {
        db.tx().required(em -> {
            Fixtures.store(em, "berlin", LocationType.STORE, "DE", "EUR", true);
            Fixtures.store(em, "wh", LocationType.WAREHOUSE, "DE", "EUR", true);
            Fixtures.product(em, "COF-1", "Coffee beans 1kg", "4006381333931", "reduced", UnitOfMeasure.EACH);
            Fixtures.product(em, "TEA_1", "Green tea 100% organic", "036000291452", "reduced", UnitOfMeasure.EACH);
            Fixtures.product(em, "APL", "Apples", null, "reduced", UnitOfMeasure.KILOGRAM);
            Fixtures.price(em, "COF-1", "berlin", "12.99", "EUR");
            Fixtures.taxCategory(em, "COF-1", "US", "grocery");
            Fixtures.taxCategory(em, "COF-1", "CA", "basic-grocery");
            Fixtures.taxCategory(em, "TEA_1", "IN", "reduced");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void findsProductWithBarcodesAndPrices() {
        ProductView coffee = catalog.product("COF-1").orElseThrow();
        assertEquals("Coffee beans 1kg", coffee.name());
        assertEquals(List.of("4006381333931"), coffee.barcodes());
        assertEquals(Money.of("12.99", "EUR"), coffee.prices().get(0).price());
        assertTrue(catalog.product("NOPE").isEmpty());
        assertTrue(catalog.product(" ").isEmpty());
    }

    @Test
    void loadsTheTaxCategoriesPerCountryWithTheProduct() {
        ProductView coffee = catalog.product("COF-1").orElseThrow();
        assertEquals(Map.of("CA", "basic-grocery", "US", "grocery"), coffee.taxCategoriesByCountry());
        assertEquals("grocery", coffee.taxCategoryIn("US"));
        assertEquals("reduced", coffee.taxCategoryIn("DE"));
        assertEquals(coffee, catalog.productByBarcode(Barcode.parse("4006381333931")).orElseThrow());
        Map<String, Map<String, String>> bySku = catalog.search("", 0, 10).items().stream()
                .collect(Collectors.toMap(ProductView::sku, ProductView::taxCategoriesByCountry));
        assertEquals(Map.of("APL", Map.of(), "COF-1", coffee.taxCategoriesByCountry(), "TEA_1", Map.of("IN", "reduced")),
                bySku);
    }

    @Test
    void upcAAndItsEan13FormFindTheSameArticle() {
        assertEquals("TEA_1", catalog.productByBarcode(Barcode.parse("036000291452")).orElseThrow().sku());
        assertEquals("TEA_1", catalog.productByBarcode(Barcode.parse("0036000291452")).orElseThrow().sku());
        assertTrue(catalog.productByBarcode(Barcode.parse("4006381333948")).isEmpty());
    }

    @Test
    void searchMatchesSkuOrNameCaseInsensitivelyAndPages() {
        Page<ProductView> all = catalog.search("", 0, 2);
        assertEquals(3, all.total());
        assertEquals(List.of("APL", "COF-1"), all.items().stream().map(ProductView::sku).toList());
        assertEquals(List.of("TEA_1"), catalog.search(null, 2, 2).items().stream().map(ProductView::sku).toList());
        assertEquals(List.of("COF-1"), catalog.search("COFFEE", 0, 10).items().stream().map(ProductView::sku).toList());
        // LIKE wildcards in the text are taken literally
        assertEquals(List.of("TEA_1"), catalog.search("100%", 0, 10).items().stream().map(ProductView::sku).toList());
        assertEquals(List.of("TEA_1"), catalog.search("a_1", 0, 10).items().stream().map(ProductView::sku).toList());
    }

    @Test
    void priceIsPerStore() {
        assertEquals(Money.of("12.99", "EUR"), catalog.price("COF-1", "berlin").orElseThrow());
        assertTrue(catalog.price("COF-1", "wh").isEmpty());
    }

    @Test
    void setPriceReplacesOrCreatesTheStorePriceAndReturnsThePreviousOne() {
        assertEquals(Money.of("12.99", "EUR"), catalog.setPrice("COF-1", "berlin", Money.of("13.49", "EUR")).orElseThrow());
        assertEquals(Money.of("13.49", "EUR"), catalog.price("COF-1", "berlin").orElseThrow());
        assertTrue(catalog.setPrice("COF-1", "wh", Money.of("9.00", "EUR")).isEmpty());
        assertEquals(Money.of("9.00", "EUR"), catalog.price("COF-1", "wh").orElseThrow());
    }

    @Test
    void setPriceRefusesBadInputAndChangesNothing() {
        assertEquals("currency_mismatch", code(() -> catalog.setPrice("COF-1", "berlin", Money.of("13.49", "USD"))));
        assertEquals("invalid_price", code(() -> catalog.setPrice("COF-1", "berlin", Money.of("-1.00", "EUR"))));
        assertEquals("product_not_found", code(() -> catalog.setPrice("NOPE", "berlin", Money.of("1.00", "EUR"))));
        assertEquals("store_not_found", code(() -> catalog.setPrice("COF-1", "nowhere", Money.of("1.00", "EUR"))));
        assertEquals(Money.of("12.99", "EUR"), catalog.price("COF-1", "berlin").orElseThrow());
    }

    private static String code(Runnable action) {
        return org.junit.jupiter.api.Assertions.assertThrows(org.omnitill.api.error.OmnitillException.class, action::run)
                .code();
    }

    @Test
    void unitCostsBelongToTheStorePriceAndAreNotInTheProductView() {
        assertTrue(catalog.unitCost("COF-1", "berlin").isEmpty());
        assertTrue(catalog.setUnitCost("COF-1", "berlin", Money.of("6.50", "EUR")).isEmpty());
        assertEquals(Money.of("6.50", "EUR"), catalog.unitCost("COF-1", "berlin").orElseThrow());
        assertEquals(Map.of("COF-1", Money.of("6.50", "EUR")), catalog.unitCosts("berlin"));
        assertTrue(catalog.unitCosts("wh").isEmpty());
        // a price change keeps the cost
        catalog.setPrice("COF-1", "berlin", Money.of("13.49", "EUR"));
        assertEquals(Money.of("6.50", "EUR"), catalog.setUnitCost("COF-1", "berlin", Money.of("0.00", "EUR")).orElseThrow());
        assertEquals(Money.of("0.00", "EUR"), catalog.unitCost("COF-1", "berlin").orElseThrow());
        // null clears it
        assertEquals(Money.of("0.00", "EUR"), catalog.setUnitCost("COF-1", "berlin", null).orElseThrow());
        assertTrue(catalog.unitCost("COF-1", "berlin").isEmpty());
        assertTrue(catalog.unitCosts("berlin").isEmpty());
        // the cashier's view of the article is the same with or without a cost
        ProductView before = catalog.product("COF-1").orElseThrow();
        catalog.setUnitCost("COF-1", "berlin", Money.of("7.00", "EUR"));
        assertEquals(before, catalog.product("COF-1").orElseThrow());
    }

    @Test
    void setUnitCostRefusesBadInputAndChangesNothing() {
        catalog.setUnitCost("COF-1", "berlin", Money.of("6.50", "EUR"));
        assertEquals("invalid_unit_cost", code(() -> catalog.setUnitCost("COF-1", "berlin", Money.of("-0.01", "EUR"))));
        assertEquals("currency_mismatch", code(() -> catalog.setUnitCost("COF-1", "berlin", Money.of("6.00", "USD"))));
        assertEquals("product_not_found", code(() -> catalog.setUnitCost("NOPE", "berlin", Money.of("1.00", "EUR"))));
        assertEquals("store_not_found", code(() -> catalog.setUnitCost("COF-1", "nowhere", Money.of("1.00", "EUR"))));
        assertEquals("price_not_found", code(() -> catalog.setUnitCost("APL", "berlin", Money.of("1.00", "EUR"))));
        assertEquals(Money.of("6.50", "EUR"), catalog.unitCost("COF-1", "berlin").orElseThrow());
        assertTrue(catalog.unitCost("APL", "berlin").isEmpty());
    }

    @Test
    void storesHaveTheirTimeZoneOrUtc() {
        db.tx().required(em -> Fixtures.store(em, "austin", LocationType.STORE, "US", "USD", false, "America/Chicago"));
        assertEquals("America/Chicago", stores.store("austin").orElseThrow().timeZone());
        assertEquals(java.time.ZoneId.of("America/Chicago"), stores.store("austin").orElseThrow().zoneId());
        assertEquals("UTC", stores.store("berlin").orElseThrow().timeZone());
        assertEquals(java.time.ZoneId.of("UTC"), stores.store("berlin").orElseThrow().zoneId());
    }

    @Test
    void storesListStoresBeforeWarehouses() {
        assertEquals(List.of("berlin", "wh"), stores.stores().stream().map(s -> s.id()).toList());
        assertEquals("EUR", stores.store("berlin").orElseThrow().currency().getCurrencyCode());
        assertTrue(stores.store("nowhere").isEmpty());
    }

    private static CatalogConfig cacheFor(int seconds) {
        return new CatalogConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CatalogConfig.class;
            }

            @Override
            public int cacheSeconds() {
                return seconds;
            }

            @Override
            public int cacheMaxArticles() {
                return 100;
            }
        };
    }

    @Test
    void aCachedArticleIsServedWithoutTheDatabaseUntilThisServiceChangesIt() {
        JpaCatalogService cached = new JpaCatalogService(db.tx(), cacheFor(30));
        Barcode coffeeCode = Barcode.parse("4006381333931");
        assertEquals(Money.of("12.99", "EUR"), cached.productByBarcode(coffeeCode).orElseThrow().prices().get(0).price());
        cached.product("COF-1").orElseThrow();

        // a row changed behind the service's back (another node): the kept view is still served
        db.tx().required(em -> em.createQuery("UPDATE PriceEntity p SET p.amount = 99 WHERE p.sku = 'COF-1'")
                .executeUpdate());
        assertEquals(Money.of("12.99", "EUR"), cached.productByBarcode(coffeeCode).orElseThrow().prices().get(0).price());
        assertEquals(Money.of("12.99", "EUR"), cached.product("COF-1").orElseThrow().prices().get(0).price());

        // a price set through the service is seen at once, by barcode and by SKU
        cached.setPrice("COF-1", "berlin", Money.of("13.49", "EUR"));
        assertEquals(Money.of("13.49", "EUR"), cached.productByBarcode(coffeeCode).orElseThrow().prices().get(0).price());
        assertEquals(Money.of("13.49", "EUR"), cached.product("COF-1").orElseThrow().prices().get(0).price());
    }

    @Test
    void aFailedPriceChangeLeavesTheCacheCorrect() {
        JpaCatalogService cached = new JpaCatalogService(db.tx(), cacheFor(30));
        cached.product("COF-1").orElseThrow();
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> cached.setPrice("COF-1", "berlin", Money.of("5.00", "USD")));
        assertEquals(Money.of("12.99", "EUR"), cached.product("COF-1").orElseThrow().prices().get(0).price());
    }

    @Test
    void anArticleAddedLaterIsFoundAtOnce() {
        JpaCatalogService cached = new JpaCatalogService(db.tx(), cacheFor(30));
        assertTrue(cached.product("NEW-1").isEmpty());
        db.tx().required(em -> Fixtures.product(em, "NEW-1", "New article", "4000000000006", "standard",
                UnitOfMeasure.EACH));
        assertEquals("New article", cached.product("NEW-1").orElseThrow().name());
    }

    @Test
    void aCachedStoreIsServedWithoutTheDatabaseAndZeroSecondsReadsEachTime() {
        JpaStoreService cached = new JpaStoreService(db.tx(), cacheFor(30));
        JpaStoreService uncached = new JpaStoreService(db.tx(), cacheFor(0));
        assertEquals("UTC", cached.store("berlin").orElseThrow().timeZone());
        db.tx().required(em -> em.createQuery("UPDATE StoreEntity s SET s.timeZone = 'Europe/Berlin'"
                + " WHERE s.id = 'berlin'").executeUpdate());
        assertEquals("UTC", cached.store("berlin").orElseThrow().timeZone());
        assertEquals("Europe/Berlin", uncached.store("berlin").orElseThrow().timeZone());
        assertTrue(cached.store("nowhere").isEmpty());
    }
}
