package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A complete sale over HTTP, as a register would make it, with the figures checked to the cent. */
public class SaleIT extends SaleTestSupport {

    @Test
    public void healthIsOpenAndEverythingElseNeedsCredentials() {
        assertEquals("UP", assertStatus(200, http("GET", "/api/v1/health", null, null, null)).json().get("status").asText());
        assertEquals("unauthorized", errorCode(401, http("GET", "/api/v1/stores", null, null, null)));
        assertEquals("unauthorized", errorCode(401, http("GET", "/api/v1/stores", null, "admin", "wrong")));
        assertStatus(200, http("GET", "/api/v1/stores", null, "cashier", "cashier"));
    }

    @Test
    public void storesProductsAndPluginsAreListed() {
        Set<String> stores = new HashSet<>();
        assertStatus(200, get("/api/v1/stores")).json().forEach(s -> stores.add(s.get("id").asText()));
        assertTrue(stores.toString(), stores.containsAll(Set.of(BERLIN, "hamburg-altona", AMSTERDAM, "wh-kassel")));

        JsonNode page = assertStatus(200, get("/api/v1/products?q=espresso&limit=5")).json();
        assertEquals(1, page.get("total").asInt());
        assertEquals("COF-001", page.get("items").get(0).get("sku").asText());
        assertEquals("COF-001", assertStatus(200, get("/api/v1/products?barcode=" + ESPRESSO_BARCODE)).json()
                .get("items").get(0).get("sku").asText());
        assertEquals(50, assertStatus(200, get("/api/v1/products?limit=200")).json().get("total").asInt());
        assertEquals("Espresso beans 1 kg", assertStatus(200, get("/api/v1/products/COF-001")).json().get("name").asText());

        Set<String> plugins = new HashSet<>();
        assertStatus(200, get("/api/v1/plugins")).json().forEach(p -> {
            plugins.add(p.get("family").asText() + "/" + p.get("id").asText());
            assertEquals("ACTIVE", p.get("state").asText());
            assertTrue(p.get("version").asText().startsWith("0.1.0"));
        });
        assertTrue(plugins.toString(), plugins.containsAll(
                Set.of("payment/cash", "tax/eu-vat", "device/receipt-printer", "channel/register")));
    }

    @Test
    public void aCompleteSaleInBerlin() throws Exception {
        BigDecimal espressoBefore = onHand("COF-001", BERLIN);
        String cartId = openCart(BERLIN);
        addLine(cartId, "barcode", ESPRESSO_BARCODE, 1);
        addLine(cartId, "sku", "WAT-001", 2);
        JsonNode cart = addLine(cartId, "sku", "CHS-001", new BigDecimal("0.347"));

        // 16.99 + 2 x 0.69 + 0.347 kg x 18.90 (6.5583 -> 6.56) = 24.93, VAT included
        assertMoney("24.93", cart.get("subtotal"));
        assertMoney("24.93", cart.get("total"));
        // per rate over the document: 7% of 23.55 gross = 1.54, 19% of 1.38 gross = 0.22
        assertMoney("1.76", cart.get("taxTotal"));
        Map<String, JsonNode> taxes = new java.util.HashMap<>();
        cart.get("taxes").forEach(t -> taxes.put(t.get("rate").asText(), t));
        assertMoney("1.54", taxes.get("7").get("tax"));
        assertMoney("22.01", taxes.get("7").get("taxableAmount"));
        assertMoney("0.22", taxes.get("19").get("tax"));
        assertMoney("24.93", cart.get("due"));

        JsonNode payment = payCash(cartId, "50.00");
        assertMoney("25.07", payment.get("tender").get("change"));
        assertMoney("0.00", payment.get("cart").get("due"));

        JsonNode order = checkout(cartId);
        String orderId = order.get("id").asText();
        String number = order.get("orderNumber").asText();
        assertTrue(number, number.matches("berlin-mitte-\\d{6}"));
        assertMoney("24.93", order.get("total"));
        assertMoney("25.07", order.get("changeGiven"));
        assertEquals(3, order.get("lines").size());
        assertEquals("admin", order.get("cashier").asText());
        assertEquals(order, assertStatus(200, get("/api/v1/orders/" + orderId)).json());
        assertEquals(espressoBefore.subtract(BigDecimal.ONE), onHand("COF-001", BERLIN));

        Response receipt = assertStatus(200, get("/api/v1/orders/" + orderId + "/receipt"));
        assertTrue(receipt.contentType(), receipt.contentType().startsWith("text/plain"));
        for (String expected : new String[] {number, "Espresso beans 1 kg", "TOTAL EUR", "24.93", "Change", "25.07"}) {
            assertTrue("receipt lacks " + expected + ":\n" + receipt.body(), receipt.body().contains(expected));
        }

        // the receipt printer plugin writes it under data/receipts/<store>/<order number>.txt
        Path printed = Path.of(System.getProperty("karaf.data"), "receipts", BERLIN, number + ".txt");
        await("receipt file " + printed, Duration.ofSeconds(10), () -> Files.exists(printed));
        assertEquals(receipt.body(), Files.readString(printed));

        assertEquals("cart_closed", errorCode(409, post("/api/v1/carts/" + cartId + "/checkout", null)));
        assertEquals("cart_closed", errorCode(409, post("/api/v1/carts/" + cartId + "/lines",
                Map.of("sku", "WAT-001", "quantity", 1))));
        assertEquals("CHECKED_OUT", cart(cartId).get("status").asText());
    }

    @Test
    public void cashInAmsterdamRoundsToFiveCents() {
        String cartId = openCart(AMSTERDAM);
        addLine(cartId, "sku", "COF-001", 1);
        JsonNode cart = addLine(cartId, "sku", "MLK-001", 1);
        assertMoney("18.74", cart.get("total"));
        JsonNode tender = payCash(cartId, "20.00").get("tender");
        // 18.74 is paid in cash as 18.75 in the Netherlands
        assertMoney("18.74", tender.get("amount"));
        assertMoney("0.01", tender.get("rounding"));
        assertMoney("1.25", tender.get("change"));
        JsonNode order = checkout(cartId);
        assertMoney("0.01", order.get("rounding"));
        assertTrue(order.get("orderNumber").asText().startsWith(AMSTERDAM + "-"));
    }

    @Test
    public void retriedPostsWithTheSameIdempotencyKeyDoTheWorkOnce() {
        String cartId = openCart(BERLIN);
        String path = "/api/v1/carts/" + cartId + "/lines";
        Map<String, Object> line = Map.of("sku", "TEA-001", "quantity", 2);
        Response first = http("POST", path, line, ADMIN_USER, ADMIN_PASSWORD, "Idempotency-Key", "line-" + cartId);
        Response retry = http("POST", path, line, ADMIN_USER, ADMIN_PASSWORD, "Idempotency-Key", "line-" + cartId);
        assertStatus(201, first);
        assertStatus(201, retry);
        assertEquals(first.json(), retry.json());
        assertEquals(1, cart(cartId).get("lines").size());
        assertEquals(2, cart(cartId).get("lines").get(0).get("quantity").asInt());
        assertEquals("idempotency_key_reused", errorCode(422, http("POST", path, Map.of("sku", "TEA-001", "quantity", 3),
                ADMIN_USER, ADMIN_PASSWORD, "Idempotency-Key", "line-" + cartId)));

        String payPath = "/api/v1/carts/" + cartId + "/payments";
        Map<String, Object> pay = Map.of("method", "cash", "amount", Map.of("amount", "10.00", "currency", "EUR"));
        assertStatus(201, http("POST", payPath, pay, ADMIN_USER, ADMIN_PASSWORD, "Idempotency-Key", "pay-" + cartId));
        assertStatus(201, http("POST", payPath, pay, ADMIN_USER, ADMIN_PASSWORD, "Idempotency-Key", "pay-" + cartId));
        assertEquals(1, cart(cartId).get("payments").size());

        String checkoutPath = "/api/v1/carts/" + cartId + "/checkout";
        Response placed = http("POST", checkoutPath, null, ADMIN_USER, ADMIN_PASSWORD, "Idempotency-Key", "co-" + cartId);
        Response again = http("POST", checkoutPath, null, ADMIN_USER, ADMIN_PASSWORD, "Idempotency-Key", "co-" + cartId);
        assertStatus(201, placed);
        assertStatus(201, again);
        assertEquals(placed.json().get("id"), again.json().get("id"));
    }

    @Test
    public void linesCanBeChangedAndRemovedBeforePayment() {
        String cartId = openCart(BERLIN);
        String lineId = addLine(cartId, "sku", "BRD-001", 1).get("lines").get(0).get("id").asText();
        JsonNode changed = assertStatus(200, patch("/api/v1/carts/" + cartId + "/lines/" + lineId,
                Map.of("quantity", 3))).json();
        assertMoney("11.85", changed.get("total"));
        JsonNode emptied = assertStatus(200, delete("/api/v1/carts/" + cartId + "/lines/" + lineId)).json();
        assertEquals(0, emptied.get("lines").size());
        assertMoney("0.00", emptied.get("total"));
    }
}
