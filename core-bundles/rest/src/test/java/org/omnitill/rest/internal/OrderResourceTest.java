package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.omnitill.api.catalog.Page;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.order.OrderQuery;
import org.omnitill.api.order.OrderService;
import org.omnitill.api.order.OrderSummary;
import org.omnitill.api.order.ReturnRequest;
import org.omnitill.api.order.ReturnService;
import org.omnitill.api.security.Permission;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;

/** The order search's parameters, and orders named by their number. */
class OrderResourceTest {

    private final OrderService orders = mock(OrderService.class);
    private final ReturnService returns = mock(ReturnService.class);
    private final SecurityService security = mock(SecurityService.class);
    private final StoreService stores = mock(StoreService.class);
    private final OrderResource resource = new OrderResource(orders, returns, security, stores);
    private final SecurityContext sam = new OmnitillSecurityContext(
            new OmnitillPrincipal("sam", Set.of("supervisor"), null, null, null), false);

    private static final StoreView AUSTIN = new StoreView("austin-downtown", "Austin", LocationType.STORE, "US", "TX",
            "78701", "Austin", java.util.Currency.getInstance("USD"), false, "America/Chicago");

    static final OrderSummary SUMMARY = new OrderSummary("3f0c9a52-0c1e-4f5e-9d7a-2b1d6f0e8a11",
            "berlin-mitte-000042", "berlin-mitte", "register", "R1", "cashier", Instant.parse("2026-12-05T09:41:07Z"),
            Views.EUR, Views.eur("23.47"), Views.eur("2.61"), 3, Views.eur("4.99"));

    private static void assertInvalid(String code, Executable executable) {
        OmnitillException e = assertThrows(OmnitillException.class, executable);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(ErrorKind.INVALID, e.kind());
    }

    private static OrderQuery query(String from, String before, int offset, int limit) {
        return new OrderQuery(null, null, null, from == null ? null : Instant.parse(from),
                before == null ? null : Instant.parse(before), offset, limit);
    }

    @Test
    void searchesNewestFirstWithDefaultPagingAndAnswersSummariesWithAmountsAsStrings() throws Exception {
        when(orders.search(query(null, null, 0, 50))).thenReturn(new Page<>(List.of(SUMMARY), 1, 0, 50));
        Page<OrderResource.OrderSummaryJson> page = resource.search(null, null, null, null, null, null, null);
        assertEquals("{\"items\":[{\"id\":\"3f0c9a52-0c1e-4f5e-9d7a-2b1d6f0e8a11\",\"orderNumber\":\"berlin-mitte-000042\","
                + "\"storeId\":\"berlin-mitte\",\"channel\":\"register\",\"registerId\":\"R1\",\"cashier\":\"cashier\","
                + "\"placedAt\":\"2026-12-05T09:41:07Z\",\"currency\":\"EUR\",\"total\":\"23.47\",\"taxTotal\":\"2.61\","
                + "\"lineCount\":3,\"refunded\":\"4.99\"}],\"total\":1,\"offset\":0,\"limit\":50}",
                OmnitillJson.newMapper().writeValueAsString(page));
    }

    @Test
    void passesTheFiltersOnAndTakesDatesInTheStoresZone() {
        Page<OrderSummary> none = new Page<>(List.of(), 0, 0, 20);
        when(stores.store("austin-downtown")).thenReturn(Optional.of(AUSTIN));
        // Austin is UTC-6 in December: its 5th runs from 06:00 UTC on the 5th to 06:00 UTC on the 6th
        OrderQuery austin = new OrderQuery("000042", "austin-downtown", "register",
                Instant.parse("2026-12-05T06:00:00Z"), Instant.parse("2026-12-06T06:00:00Z"), 40, 20);
        when(orders.search(austin)).thenReturn(none);
        assertEquals(none, resource.search(" 000042 ", "austin-downtown", "register", "2026-12-05", "2026-12-05",
                "20", "40"));
        // without a store, dates are UTC days
        when(orders.search(query("2026-12-01T00:00:00Z", "2026-12-06T00:00:00Z", 0, 50))).thenReturn(none);
        assertEquals(none, resource.search(null, " ", null, "2026-12-01", "2026-12-05", null, null));
        // instants are taken as they are
        when(orders.search(query("2026-12-05T09:30:00Z", "2026-12-05T10:00:00Z", 0, 200))).thenReturn(none);
        assertEquals(none, resource.search(null, null, null, "2026-12-05T09:30:00Z", "2026-12-05T10:00:00Z", "200",
                null));
    }

    @Test
    void badDatesPagingAndRangesAre400BeforeAnythingIsAsked() {
        assertInvalid("invalid_date", () -> resource.search(null, null, null, "2026-13-01", null, null, null));
        assertInvalid("invalid_date", () -> resource.search(null, null, null, null, "yesterday", null, null));
        assertInvalid("invalid_date", () -> resource.search(null, null, null, "05.12.2026", null, null, null));
        assertInvalid("invalid_date", () -> resource.search(null, "nowhere", null, "2026-12-5", null, null, null));
        assertInvalid("invalid_parameter", () -> resource.search(null, null, null, null, null, "0", null));
        assertInvalid("invalid_parameter", () -> resource.search(null, null, null, null, null, "201", null));
        assertInvalid("invalid_parameter", () -> resource.search(null, null, null, null, null, "ten", null));
        assertInvalid("invalid_parameter", () -> resource.search(null, null, null, null, null, null, "-1"));
        assertInvalid("invalid_date_range", () -> resource.search(null, null, null, "2026-12-05", "2026-12-04", null,
                null));
        verifyNoInteractions(orders);
        verifyNoInteractions(stores);
    }

    @Test
    void anUnknownStoreIs404() {
        when(stores.store("nowhere")).thenReturn(Optional.empty());
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> resource.search(null, "nowhere", null, null, null, null, null));
        assertEquals("store_not_found", e.code());
        assertEquals(404, ErrorMapping.map(e).status());
        verifyNoInteractions(orders);
    }

    @Test
    void returnsOfAnOrderNamedByItsNumberAreThoseOfItsId() {
        when(orders.orderIdOf("berlin-mitte-000042")).thenReturn("o-42");
        when(returns.returnsOf("o-42")).thenReturn(List.of());
        assertEquals(List.of(), resource.returnsOf("berlin-mitte-000042"));
        when(orders.orderIdOf("nope")).thenThrow(OmnitillException.notFound("order_not_found", "there is no order"));
        assertEquals(404, ErrorMapping.map(assertThrows(OmnitillException.class, () -> resource.returnsOf("nope")))
                .status());
        verify(returns, never()).returnsOf("nope");
    }

    @Test
    void aReturnOfAnOrderNamedByItsNumberIsMadeAgainstItsId() {
        when(security.approve(any(), any(), any())).thenReturn(new SecurityService.Approval("sam", "sam"));
        when(orders.orderIdOf("berlin-mitte-000042")).thenReturn("o-42");
        byte[] body = "{\"reason\":\"faulty\",\"lines\":[{\"lineId\":\"l1\",\"quantity\":1}]}".getBytes();
        resource.returnLines("berlin-mitte-000042", body, "ret-1", null, sam);
        verify(returns).returnLines(org.mockito.ArgumentMatchers.eq("o-42"), any(ReturnRequest.class));
        verify(security).approve(any(), any(), org.mockito.ArgumentMatchers.eq(Permission.REFUND));
        // a malformed return is refused before the order is looked up
        assertInvalid("missing_field", () -> resource.returnLines("berlin-mitte-000042", "{\"lines\":[]}".getBytes(),
                null, null, sam));
        verify(orders, org.mockito.Mockito.times(1)).orderIdOf(any());
    }
}
