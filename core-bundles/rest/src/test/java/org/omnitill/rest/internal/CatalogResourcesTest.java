package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.catalog.PriceView;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.inventory.StockLevel;
import org.omnitill.api.store.StoreService;

/** Products and inventory: parameters checked here, 404s for unknown SKUs. */
class CatalogResourcesTest {

    private final CatalogService catalog = mock(CatalogService.class);
    private final InventoryService inventory = mock(InventoryService.class);
    private final StoreService stores = mock(StoreService.class);
    private final SecurityTesting.RecordingAudit audit = new SecurityTesting.RecordingAudit();
    private final ProductResource products = new ProductResource(catalog, new Fakes.TransactionRunnerFake(new Fakes.Database()), audit);
    private final InventoryResource stock = new InventoryResource(inventory, catalog, stores, new Fakes.TransactionRunnerFake(new Fakes.Database()), new SecurityTesting.RecordingAudit());

    private static final ProductView COFFEE = new ProductView("SKU-1", "Coffee", List.of("4006381333931"), "reduced",
            UnitOfMeasure.EACH, List.of(new PriceView("berlin-1", Views.eur("12.30"))));

    private static void assertInvalid(String code, Executable executable) {
        OmnitillException e = assertThrows(OmnitillException.class, executable);
        assertEquals(code, e.code());
        assertEquals(ErrorKind.INVALID, e.kind());
    }

    @Test
    void searchesWithDefaultPaging() {
        Page<ProductView> page = new Page<>(List.of(COFFEE), 1, 0, 50);
        when(catalog.search("", 0, 50)).thenReturn(page);
        assertEquals(page, products.search(null, null, null, null));
        when(catalog.search("cof", 10, 200)).thenReturn(page);
        assertEquals(page, products.search(" cof ", "", "200", "10"));
    }

    @Test
    void badPagingIs400() {
        assertInvalid("invalid_parameter", () -> products.search(null, null, "0", null));
        assertInvalid("invalid_parameter", () -> products.search(null, null, "201", null));
        assertInvalid("invalid_parameter", () -> products.search(null, null, "fifty", null));
        assertInvalid("invalid_parameter", () -> products.search(null, null, null, "-1"));
        assertInvalid("invalid_parameter", () -> products.search(null, null, null, "1e3"));
        assertInvalid("invalid_parameter", () -> products.search("x", "4006381333931", null, null));
        verifyNoInteractions(catalog);
    }

    @Test
    void looksUpByBarcode() {
        when(catalog.productByBarcode(Barcode.parse("4006381333931"))).thenReturn(Optional.of(COFFEE));
        assertEquals(new Page<>(List.of(COFFEE), 1, 0, 50), products.search(null, "4006381333931", null, null));
        when(catalog.productByBarcode(Barcode.parse("036000291452"))).thenReturn(Optional.empty());
        assertEquals(new Page<>(List.of(), 0, 0, 50), products.search(null, "036000291452", null, null));
        assertInvalid("invalid_barcode", () -> products.search(null, "4006381333932", null, null));
        assertInvalid("invalid_barcode", () -> products.search(null, "12345", null, null));
    }

    @Test
    void anUnknownProductIs404() {
        when(catalog.product("SKU-1")).thenReturn(Optional.of(COFFEE));
        when(catalog.product("NOPE")).thenReturn(Optional.empty());
        assertEquals(COFFEE, products.product("SKU-1"));
        OmnitillException e = assertThrows(OmnitillException.class, () -> products.product("NOPE"));
        assertEquals("product_not_found", e.code());
        assertEquals(404, ErrorMapping.map(e).status());
    }

    @Test
    void stockPerLocation() {
        when(catalog.product("SKU-1")).thenReturn(Optional.of(COFFEE));
        when(inventory.levels("SKU-1")).thenReturn(List.of(
                new StockLevel("SKU-1", "berlin-1", new BigDecimal("10"), new BigDecimal("2"), new BigDecimal("8"))));
        InventoryResource.Stock result = stock.stock("SKU-1");
        assertEquals(new InventoryResource.Stock("SKU-1", List.of(new InventoryResource.Location("berlin-1",
                new BigDecimal("10"), new BigDecimal("8"), new BigDecimal("2")))), result);
    }

    @Test
    void stockOfAnUnknownSkuIs404() {
        when(catalog.product("NOPE")).thenReturn(Optional.empty());
        OmnitillException e = assertThrows(OmnitillException.class, () -> stock.stock("NOPE"));
        assertEquals("product_not_found", e.code());
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        verifyNoInteractions(inventory);
    }

    @Test
    void aKnownSkuWithoutStockHasNoLocations() {
        when(catalog.product("SKU-1")).thenReturn(Optional.of(COFFEE));
        when(inventory.levels("SKU-1")).thenReturn(List.of());
        assertTrue(stock.stock("SKU-1").locations().isEmpty());
        verify(inventory).levels("SKU-1");
    }

    @Test
    void priceChangesAndStockAdjustmentsRefuseBadInputAndChangeNothing() {
        javax.ws.rs.core.SecurityContext mia = new OmnitillSecurityContext(
                new OmnitillPrincipal("mia", java.util.Set.of("manager"), null, null, null), false);
        assertInvalid("missing_field", () -> products.setPrice("SKU-1", "berlin-1", "{}".getBytes(), mia));
        assertInvalid("missing_body", () -> products.setPrice("SKU-1", "berlin-1", new byte[0], mia));
        byte[] noReason = "{\"location\":\"berlin-1\",\"quantity\":2}".getBytes();
        assertInvalid("missing_field", () -> stock.adjust("SKU-1", noReason, mia));
        byte[] zero = "{\"location\":\"berlin-1\",\"quantity\":0,\"reason\":\"count\"}".getBytes();
        assertInvalid("invalid_quantity", () -> stock.adjust("SKU-1", zero, mia));
        byte[] unknown = "{\"location\":\"berlin-1\",\"quantity\":1,\"reason\":\"count\"}".getBytes();
        assertEquals("product_not_found", assertThrows(OmnitillException.class,
                () -> stock.adjust("NOPE", unknown, mia)).code());
        verify(catalog, never()).setPrice(any(), any(), any());
        verifyNoInteractions(inventory);
    }

    private static final javax.ws.rs.core.SecurityContext MIA = new OmnitillSecurityContext(
            new OmnitillPrincipal("mia", java.util.Set.of("manager"), null, null, null), false);

    private static byte[] priceWithCost(String unitCostJson) {
        return ("{\"price\":{\"amount\":\"12.99\",\"currency\":\"EUR\"}"
                + (unitCostJson == null ? "" : ",\"unitCost\":" + unitCostJson) + "}").getBytes();
    }

    @Test
    void aPriceChangeSetsClearsOrKeepsTheUnitCostAndAuditsIt() {
        when(catalog.product("SKU-1")).thenReturn(Optional.of(COFFEE));
        when(catalog.setPrice(any(), any(), any())).thenReturn(Optional.of(Views.eur("12.30")));
        when(catalog.setUnitCost(any(), any(), any())).thenReturn(Optional.empty());

        assertEquals(COFFEE, products.setPrice("SKU-1", "berlin-1", priceWithCost("\"1.20\""), MIA));
        verify(catalog).setUnitCost("SKU-1", "berlin-1", Views.eur("1.20"));
        assertEquals("EUR 1.20", audit.events.get(0).details().get("unitCost"));
        assertEquals("none", audit.events.get(0).details().get("previousUnitCost"));

        products.setPrice("SKU-1", "berlin-1", priceWithCost("4.5"), MIA); // a JSON number is read exactly
        verify(catalog).setUnitCost("SKU-1", "berlin-1", Views.eur("4.50"));
        products.setPrice("SKU-1", "berlin-1", priceWithCost("{\"amount\":\"0.00\",\"currency\":\"EUR\"}"), MIA);
        verify(catalog).setUnitCost("SKU-1", "berlin-1", Views.eur("0.00"));
        products.setPrice("SKU-1", "berlin-1", priceWithCost("null"), MIA); // null clears the cost
        verify(catalog).setUnitCost("SKU-1", "berlin-1", null);
        assertEquals("none", audit.events.get(3).details().get("unitCost"));

        products.setPrice("SKU-1", "berlin-1", priceWithCost(null), MIA); // absent: the cost stays
        verify(catalog, org.mockito.Mockito.times(4)).setUnitCost(any(), any(), any());
        assertTrue(!audit.events.get(4).details().containsKey("unitCost"));
        verify(catalog, org.mockito.Mockito.times(5)).setPrice("SKU-1", "berlin-1", Views.eur("12.99"));
    }

    @Test
    void aBadUnitCostIs400AndChangesNothing() {
        for (String bad : new String[] { "\"-0.01\"", "\"cheap\"", "\"1.234\"", "true", "[]", "-3" }) {
            assertInvalid("invalid_unit_cost", () -> products.setPrice("SKU-1", "berlin-1", priceWithCost(bad), MIA));
        }
        assertInvalid("currency_mismatch", () -> products.setPrice("SKU-1", "berlin-1",
                priceWithCost("{\"amount\":\"1.00\",\"currency\":\"USD\"}"), MIA));
        assertInvalid("invalid_money", () -> products.setPrice("SKU-1", "berlin-1",
                priceWithCost("{\"amount\":\"1.00\"}"), MIA));
        verify(catalog, never()).setPrice(any(), any(), any());
        verify(catalog, never()).setUnitCost(any(), any(), any());
        assertTrue(audit.events.isEmpty());
    }

    @Test
    void listsTheStockOfOneLocationWithPagingAndLowStock() {
        Page<org.omnitill.api.inventory.LocationStock> page = new Page<>(List.of(new org.omnitill.api.inventory.LocationStock(
                "SKU-1", "Coffee", "berlin-1", new BigDecimal("4"), BigDecimal.ZERO, new BigDecimal("4"))), 1, 0, 50);
        when(inventory.stockAt("berlin-1", null, null, 0, 50)).thenReturn(page);
        assertEquals(page, stock.stockAt(" berlin-1 ", null, null, null, null));
        when(inventory.stockAt("berlin-1", "cof", InventoryResource.LOW_STOCK, 10, 200)).thenReturn(page);
        assertEquals(page, stock.stockAt("berlin-1", " cof ", "TRUE", "200", "10"));
        when(inventory.stockAt("berlin-1", null, null, 0, 5)).thenReturn(page);
        assertEquals(page, stock.stockAt("berlin-1", "", "false", "5", ""));
    }

    @Test
    void theStockListNeedsALocationAndSaneParameters() {
        assertInvalid("location_required", () -> stock.stockAt(null, null, null, null, null));
        assertInvalid("location_required", () -> stock.stockAt(" ", "tea", null, null, null));
        assertInvalid("invalid_parameter", () -> stock.stockAt("berlin-1", null, "yes", null, null));
        assertInvalid("invalid_parameter", () -> stock.stockAt("berlin-1", null, null, "0", null));
        assertInvalid("invalid_parameter", () -> stock.stockAt("berlin-1", null, null, "201", null));
        assertInvalid("invalid_parameter", () -> stock.stockAt("berlin-1", null, null, null, "-1"));
        verifyNoInteractions(inventory);
        when(inventory.stockAt("nowhere", null, null, 0, 50)).thenThrow(
                OmnitillException.notFound("location_not_found", "there is no location 'nowhere'"));
        assertEquals(404, ErrorMapping.map(assertThrows(OmnitillException.class,
                () -> stock.stockAt("nowhere", null, null, null, null))).status());
    }

    @Test
    void listsTheLocationsThatHoldStock() throws Exception {
        when(stores.stores()).thenReturn(List.of(
                new org.omnitill.api.store.StoreView("berlin-1", "Berlin", org.omnitill.api.store.LocationType.STORE,
                        "DE", "BE", "10117", "Berlin", Views.EUR, true, "Europe/Berlin"),
                new org.omnitill.api.store.StoreView("wh-1", "Warehouse", org.omnitill.api.store.LocationType.WAREHOUSE,
                        "DE", null, null, null, Views.EUR, true)));
        assertEquals("[{\"id\":\"berlin-1\",\"name\":\"Berlin\",\"type\":\"STORE\"},"
                + "{\"id\":\"wh-1\",\"name\":\"Warehouse\",\"type\":\"WAREHOUSE\"}]",
                OmnitillJson.newMapper().writeValueAsString(stock.locations()));
    }

    @Test
    void aStoreShowsItsTimeZoneAndNoCosts() throws Exception {
        StoreResource resource = new StoreResource(stores);
        when(stores.stores()).thenReturn(List.of(new org.omnitill.api.store.StoreView("wh-1", "Warehouse",
                org.omnitill.api.store.LocationType.WAREHOUSE, "DE", null, null, "Kassel", Views.EUR, true)));
        assertEquals("[{\"id\":\"wh-1\",\"name\":\"Warehouse\",\"type\":\"WAREHOUSE\",\"country\":\"DE\","
                + "\"region\":null,\"postalCode\":null,\"city\":\"Kassel\",\"currency\":\"EUR\","
                + "\"pricesIncludeTax\":true,\"timeZone\":\"UTC\"}]",
                OmnitillJson.newMapper().writeValueAsString(resource.stores()));
        String product = OmnitillJson.newMapper().writeValueAsString(COFFEE).toLowerCase(java.util.Locale.ROOT);
        assertTrue(!product.contains("cost"), "no costs in the product view: " + product);
    }
}
