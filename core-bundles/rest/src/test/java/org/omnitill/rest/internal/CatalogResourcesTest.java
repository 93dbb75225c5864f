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

/** Products and inventory: parameters checked here, 404s for unknown SKUs. */
class CatalogResourcesTest {

    private final CatalogService catalog = mock(CatalogService.class);
    private final InventoryService inventory = mock(InventoryService.class);
    private final ProductResource products = new ProductResource(catalog, new Fakes.TransactionRunnerFake(new Fakes.Database()), new SecurityTesting.RecordingAudit());
    private final InventoryResource stock = new InventoryResource(inventory, catalog, new Fakes.TransactionRunnerFake(new Fakes.Database()), new SecurityTesting.RecordingAudit());

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
}
