package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.omnitill.api.cart.CartService;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderService;

class CartResourceTest {

    private final Fakes.Database db = new Fakes.Database();
    private final Fakes.TransactionRunnerFake tx = new Fakes.TransactionRunnerFake(db);
    private final CartService carts = mock(CartService.class);
    private final OrderService orders = mock(OrderService.class);
    private final SecurityTesting.RecordingAudit audit = new SecurityTesting.RecordingAudit();
    private final SecurityService security = mock(SecurityService.class);
    private final CartResource resource = new CartResource(carts, orders, tx, new Fakes.IdempotencyStoreFake(db, tx),
            security, audit);
    private final SecurityContext anna = new OmnitillSecurityContext(
            new OmnitillPrincipal("anna", Set.of("cashier"), null, null, null), false);
    private final ObjectMapper json = OmnitillJson.newMapper();

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    private static UriInfo uri(String path) {
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn(path);
        when(uri.getBaseUri()).thenReturn(URI.create("http://localhost:8181/api/v1/"));
        return uri;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertInvalid(String code, Executable executable) {
        assertEquals(code, assertThrows(OmnitillException.class, executable).code());
    }

    private JsonNode body(Response response) throws Exception {
        return json.readTree((String) response.getEntity());
    }

    @Test
    void createsACartWithLocationAsTheAuthenticatedUser() throws Exception {
        when(carts.create("berlin-1", "register", null, "anna")).thenReturn(Views.cart("c-42"));
        Response response = resource.create(bytes("{\"store\":\"berlin-1\",\"channel\":\"register\"}"), null, anna,
                uri("carts"));
        assertEquals(201, response.getStatus());
        assertEquals(URI.create("http://localhost:8181/api/v1/carts/c-42"), response.getLocation());
        assertEquals("c-42", body(response).get("id").textValue());
        assertNull(response.getHeaderString(IdempotentExecutor.REPLAYED_HEADER));
    }

    @Test
    void aRetriedCreateWithTheSameKeyReplaysWithTheSameLocation() throws Exception {
        when(carts.create(anyString(), anyString(), any(), anyString())).thenReturn(Views.cart("c-1"), Views.cart("c-2"));
        byte[] request = bytes("{\"store\":\"berlin-1\",\"channel\":\"register\",\"register\":\"r1\"}");
        Response first = resource.create(request, "key-1", anna, uri("carts"));
        Response replay = resource.create(request, "key-1", anna, uri("carts"));
        verify(carts, times(1)).create("berlin-1", "register", "r1", "anna");
        assertEquals(201, replay.getStatus());
        assertEquals("true", replay.getHeaderString(IdempotentExecutor.REPLAYED_HEADER));
        assertEquals(first.getLocation(), replay.getLocation());
        assertEquals(first.getEntity(), replay.getEntity());
    }

    @Test
    void createNeedsStoreAndChannel() {
        assertInvalid("missing_body", () -> resource.create(new byte[0], null, anna, uri("carts")));
        assertInvalid("missing_field", () -> resource.create(bytes("{\"channel\":\"register\"}"), null, anna, uri("carts")));
        assertInvalid("missing_field",
                () -> resource.create(bytes("{\"store\":\"s\",\"channel\":\" \"}"), null, anna, uri("carts")));
        assertInvalid("malformed_json", () -> resource.create(bytes("{\"store\":"), null, anna, uri("carts")));
        assertInvalid("invalid_idempotency_key",
                () -> resource.create(bytes("{\"store\":\"s\",\"channel\":\"register\"}"), "", anna, uri("carts")));
        verifyNoInteractions(carts);
    }

    @Test
    void addsALineBySkuOrBarcode() throws Exception {
        when(carts.addLine(any(), any())).thenReturn(Views.cart("c1"));
        Response bySku = resource.addLine("c1", bytes("{\"sku\":\"SKU-1\",\"quantity\":\"2\"}"), null, anna,
                uri("carts/c1/lines"));
        assertEquals(201, bySku.getStatus());
        assertNull(bySku.getLocation());
        verify(carts).addLine("c1", new LineInput("SKU-1", null, new BigDecimal("2")));

        resource.addLine("c1", bytes("{\"barcode\":\" 4006381333931 \",\"quantity\":0.25}"), null, anna,
                uri("carts/c1/lines"));
        verify(carts).addLine("c1", new LineInput(null, "4006381333931", new BigDecimal("0.25")));
    }

    @Test
    void aLineNeedsExactlyOneOfSkuAndBarcodeAndASensibleQuantity() {
        UriInfo uri = uri("carts/c1/lines");
        assertInvalid("missing_field", () -> resource.addLine("c1", bytes("{\"quantity\":1}"), null, anna, uri));
        assertInvalid("invalid_line", () -> resource.addLine("c1",
                bytes("{\"sku\":\"A\",\"barcode\":\"4006381333931\",\"quantity\":1}"), null, anna, uri));
        assertInvalid("invalid_quantity", () -> resource.addLine("c1", bytes("{\"sku\":\"A\"}"), null, anna, uri));
        assertInvalid("invalid_quantity", () -> resource.addLine("c1", bytes("{\"sku\":\"A\",\"quantity\":0}"), null, anna, uri));
        assertInvalid("invalid_quantity", () -> resource.addLine("c1", bytes("{\"sku\":\"A\",\"quantity\":-2}"), null, anna, uri));
        assertInvalid("invalid_quantity",
                () -> resource.addLine("c1", bytes("{\"sku\":\"A\",\"quantity\":10001}"), null, anna, uri));
        assertInvalid("invalid_quantity",
                () -> resource.addLine("c1", bytes("{\"sku\":\"A\",\"quantity\":\"0.0005\"}"), null, anna, uri));
        assertInvalid("invalid_quantity",
                () -> resource.addLine("c1", bytes("{\"sku\":\"A\",\"quantity\":\"lots\"}"), null, anna, uri));
        assertInvalid("invalid_barcode",
                () -> resource.addLine("c1", bytes("{\"barcode\":\"4006381333932\",\"quantity\":1}"), null, anna, uri));
        assertInvalid("malformed_json",
                () -> resource.addLine("c1", bytes("{\"sku\":{\"id\":1},\"quantity\":1}"), null, anna, uri));
        verifyNoInteractions(carts);
    }

    @Test
    void raisingAQuantityNeedsNoApproval() {
        when(carts.cart("c1")).thenReturn(Views.cart("c1"));
        when(security.lineVoidNeedsApproval()).thenReturn(true);
        when(carts.changeLine("c1", "l1", new BigDecimal("3"))).thenReturn(Views.cart("c1"));
        assertEquals("c1", resource.changeLine("c1", "l1", bytes("{\"quantity\":3}"), null, anna).id());
        verify(security, never()).approve(any(), any(), any());
        assertTrue(audit.events.isEmpty());
        assertInvalid("invalid_quantity", () -> resource.changeLine("c1", "l1", bytes("{\"quantity\":0}"), null, anna));
        assertInvalid("invalid_quantity", () -> resource.changeLine("c1", "l1", bytes("{}"), null, anna));
        assertInvalid("missing_body", () -> resource.changeLine("c1", "l1", new byte[0], null, anna));
    }

    @Test
    void voidingALineIsApprovedAndAuditedWithBothNames() {
        when(carts.cart("c1")).thenReturn(Views.cart("c1"));
        when(security.lineVoidNeedsApproval()).thenReturn(true);
        when(security.approve(any(), eq("PIN x"), eq(org.omnitill.api.security.Permission.LINE_VOID)))
                .thenReturn(new SecurityService.Approval("anna", "sam"));
        when(carts.removeLine("c1", "l1")).thenReturn(Views.cart("c1"));
        when(carts.changeLine("c1", "l1", new BigDecimal("1"))).thenReturn(Views.cart("c1"));
        assertEquals("c1", resource.removeLine("c1", "l1", "PIN x", anna).id());
        assertEquals("c1", resource.changeLine("c1", "l1", bytes("{\"quantity\":1}"), "PIN x", anna).id());
        assertEquals(List.of("cart.line.void", "cart.line.void"), audit.actions());
        assertEquals("anna", audit.events.get(0).actor());
        assertEquals("sam", audit.events.get(0).approver());
        assertEquals("0", audit.events.get(0).details().get("to"));
        assertEquals("1", audit.events.get(1).details().get("to"));
    }

    @Test
    void aRefusedApprovalChangesNothing() {
        when(carts.cart("c1")).thenReturn(Views.cart("c1"));
        when(security.lineVoidNeedsApproval()).thenReturn(true);
        when(security.approve(any(), any(), any())).thenThrow(SecurityRefusal.approvalRequired("approval_required",
                org.omnitill.api.security.Permission.LINE_VOID, "needs a supervisor"));
        SecurityRefusal refusal = assertThrows(SecurityRefusal.class, () -> resource.removeLine("c1", "l1", null, anna));
        assertEquals(403, refusal.error().status());
        assertEquals("cart.line.void", refusal.error().permission());
        verify(carts, never()).removeLine(any(), any());
        assertTrue(audit.events.isEmpty());
    }

    @Test
    void paysWithTheIdempotencyKeyAsThePaymentKey() throws Exception {
        when(carts.pay("c1", "cash", Money.of("40.00", "EUR"),
                new org.omnitill.api.cart.PaymentOptions("pay-1", Map.of("giftCardNumber", "6001"))))
                .thenReturn(Views.payment("c1"));
        Response response = resource.pay("c1", bytes("{\"method\":\"cash\",\"amount\":{\"amount\":\"40.00\","
                + "\"currency\":\"EUR\"},\"data\":{\"giftCardNumber\":\"6001\"}}"), "pay-1", anna, uri("carts/c1/payments"));
        assertEquals(201, response.getStatus());
        JsonNode outcome = json.valueToTree(response.getEntity());
        assertEquals("9.25", outcome.get("tender").get("change").get("amount").textValue());
        assertEquals("c1", outcome.get("cart").get("id").textValue());
        assertInvalid("invalid_idempotency_key", () -> resource.pay("c1", bytes("{\"method\":\"cash\",\"amount\":"
                + "{\"amount\":\"40.00\",\"currency\":\"EUR\"}}"), "x".repeat(256), anna, uri("carts/c1/payments")));
    }

    @Test
    void aPaymentNeedsAMethodAndAValidPositiveAmount() {
        UriInfo uri = uri("carts/c1/payments");
        assertInvalid("missing_field", () -> resource.pay("c1",
                bytes("{\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}"), null, anna, uri));
        assertInvalid("missing_field", () -> resource.pay("c1", bytes("{\"method\":\"cash\"}"), null, anna, uri));
        assertInvalid("invalid_amount", () -> resource.pay("c1",
                bytes("{\"method\":\"cash\",\"amount\":{\"amount\":\"-1.00\",\"currency\":\"EUR\"}}"), null, anna, uri));
        assertInvalid("invalid_money", () -> resource.pay("c1",
                bytes("{\"method\":\"cash\",\"amount\":{\"amount\":\"1.00\"}}"), null, anna, uri));
        // refused by the API value type: 400 invalid_argument through the error mapping
        IllegalArgumentException tooPrecise = assertThrows(IllegalArgumentException.class, () -> resource.pay("c1",
                bytes("{\"method\":\"cash\",\"amount\":{\"amount\":\"1.001\",\"currency\":\"EUR\"}}"), null, anna, uri));
        assertEquals(400, ErrorMapping.map(tooPrecise).status());
        IllegalArgumentException badCurrency = assertThrows(IllegalArgumentException.class, () -> resource.pay("c1",
                bytes("{\"method\":\"cash\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EURO\"}}"), null, anna, uri));
        assertEquals("invalid_argument", ErrorMapping.map(badCurrency).code());
        verifyNoInteractions(carts);
    }

    @Test
    void checkoutPlacesAnOrderInTheCashiersNameWithItsLocation() throws Exception {
        when(orders.checkout("c1", "anna")).thenReturn(Views.order("o-7", "c1", "anna"));
        Response response = resource.checkout("c1", new byte[0], "co-1", anna, uri("carts/c1/checkout"));
        assertEquals(201, response.getStatus());
        assertEquals(URI.create("http://localhost:8181/api/v1/orders/o-7"), response.getLocation());
        assertEquals("anna", body(response).get("cashier").textValue());

        Response replay = resource.checkout("c1", new byte[0], "co-1", anna, uri("carts/c1/checkout"));
        assertEquals("true", replay.getHeaderString(IdempotentExecutor.REPLAYED_HEADER));
        assertEquals(response.getLocation(), replay.getLocation());
        verify(orders, times(1)).checkout("c1", "anna");
    }

    @Test
    void serviceFailuresPassThroughToTheErrorMapperAndAreNotStored() {
        when(orders.checkout("c1", "anna")).thenThrow(OmnitillException.unprocessable("cart_not_paid", "pay first"))
                .thenReturn(Views.order("o-7", "c1", "anna"));
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> resource.checkout("c1", new byte[0], "co-1", anna, uri("carts/c1/checkout")));
        assertEquals(422, ErrorMapping.map(e).status());
        assertEquals(201, resource.checkout("c1", new byte[0], "co-1", anna, uri("carts/c1/checkout")).getStatus());
    }

    @Test
    void readsCartsAndOrders() {
        when(carts.cart("c1")).thenReturn(Views.cart("c1"));
        assertEquals("c1", resource.cart("c1").id());
        // a service that answers null instead of throwing still gives a 404, not a 204
        assertEquals("cart_not_found", assertThrows(OmnitillException.class, () -> resource.cart("nope")).code());

        OrderResource orderResource = new OrderResource(orders, mock(org.omnitill.api.order.ReturnService.class), security,
                mock(org.omnitill.api.store.StoreService.class));
        when(orders.order("o1")).thenReturn(Views.order("o1", "c1", "anna"));
        when(orders.receipt("o1")).thenReturn("Omnitill\nTOTAL EUR 30.75\n");
        assertEquals("o1", orderResource.order("o1").id());
        assertEquals("Omnitill\nTOTAL EUR 30.75\n", orderResource.receipt("o1"));
        assertEquals("order_not_found", assertThrows(OmnitillException.class, () -> orderResource.order("x")).code());
        assertEquals("order_not_found", assertThrows(OmnitillException.class, () -> orderResource.receipt("x")).code());
    }

    @Test
    void locationsEncodeTheId() {
        assertEquals(URI.create("http://h/api/v1/carts/a%2Fb%20c"),
                Responses.location(URI.create("http://h/api/v1"), "carts", "a/b c"));
    }

    @Test
    void adjustmentsRefuseBadInputBeforeAnythingIsAskedOrChanged() {
        when(carts.cart("c1")).thenReturn(Views.cart("c1"));
        assertInvalid("missing_field", () -> resource.overridePrice("c1", "l1", bytes("{\"reason\":\"x\"}"), null, anna));
        assertInvalid("missing_field", () -> resource.overridePrice("c1", "l1",
                bytes("{\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}"), null, anna));
        assertInvalid("invalid_reason", () -> resource.overridePrice("c1", "l1",
                bytes("{\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"reason\":\"" + "x".repeat(256)
                        + "\"}"), null, anna));
        assertInvalid("invalid_discount", () -> resource.discount("c1", "l1", bytes("{\"reason\":\"x\"}"), null, anna));
        assertInvalid("invalid_discount", () -> resource.discount("c1", "l1",
                bytes("{\"percent\":5,\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"reason\":\"x\"}"), null, anna));
        assertInvalid("missing_field", () -> resource.taxExemption("c1", bytes("{}"), null, anna));
        assertInvalid("invalid_certificate", () -> resource.taxExemption("c1",
                bytes("{\"certificate\":\"" + "C".repeat(65) + "\"}"), null, anna));
        assertInvalid("invalid_country", () -> resource.shipTo("c1", bytes("{\"country\":\"France\"}")));
        assertInvalid("line_not_found", () -> resource.overridePrice("c1", "nope",
                bytes("{\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"reason\":\"x\"}"), null, anna));
        verify(security, never()).approve(any(), any(), any());
        verify(carts, never()).overrideLinePrice(any(), any(), any(), any());
        verify(carts, never()).discountLine(any(), any(), any());
        verify(carts, never()).setTaxExemption(any(), any());
        verify(carts, never()).setShipTo(any(), any());
        assertTrue(audit.events.isEmpty());
    }
}
