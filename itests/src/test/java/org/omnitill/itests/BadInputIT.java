package org.omnitill.itests;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Client mistakes get a 4xx with a JSON body naming the mistake, and change nothing. */
public class BadInputIT extends SaleTestSupport {

    private String cartWithOneLine() {
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "PAS-001", 1);
        return cartId;
    }

    private Response addRaw(String cartId, String body) {
        return post("/api/v1/carts/" + cartId + "/lines", body);
    }

    @Test
    public void badLinesAreRefusedAndTheCartStaysAsItWas() {
        String cartId = cartWithOneLine();
        JsonNode before = cart(cartId);

        assertEquals("malformed_json", errorCode(400, addRaw(cartId, "{\"sku\": \"PAS-001\", \"quantity\": ")));
        assertEquals("malformed_json", errorCode(400, addRaw(cartId, "[1,2]")));
        assertEquals("product_not_found", errorCode(404, addRaw(cartId, "{\"sku\":\"NO-SUCH\",\"quantity\":1}")));
        assertEquals("product_not_found", errorCode(404, addRaw(cartId, "{\"barcode\":\"4006381333931\",\"quantity\":1}")));
        assertEquals("invalid_barcode", errorCode(400, addRaw(cartId, "{\"barcode\":\"2000000010008\",\"quantity\":1}")));
        for (String quantity : new String[] {"0", "-1", "100000", "1.5", "\"many\""}) {
            String code = errorCode(400, addRaw(cartId, "{\"sku\":\"PAS-001\",\"quantity\":" + quantity + "}"));
            assertEquals("quantity " + quantity, true, code.equals("invalid_quantity") || code.equals("malformed_json"));
        }
        assertEquals("invalid_line", errorCode(400,
                addRaw(cartId, "{\"sku\":\"PAS-001\",\"barcode\":\"" + ESPRESSO_BARCODE + "\",\"quantity\":1}")));

        assertEquals(before, cart(cartId));
    }

    @Test
    public void badPaymentsAreRefusedAndNothingIsPaid() {
        String cartId = cartWithOneLine();
        String path = "/api/v1/carts/" + cartId + "/payments";
        assertEquals("currency_mismatch", errorCode(422,
                post(path, Map.of("method", "cash", "amount", Map.of("amount", "5.00", "currency", "CHF")))));
        String badCurrency = errorCode(400,
                post(path, Map.of("method", "cash", "amount", Map.of("amount", "5.00", "currency", "EURO"))));
        assertEquals(true, badCurrency.startsWith("invalid"));
        assertEquals("invalid_amount", errorCode(400,
                post(path, Map.of("method", "cash", "amount", Map.of("amount", "-5.00", "currency", "EUR")))));
        errorCode(400, post(path, Map.of("method", "cash", "amount", Map.of("amount", "5.001", "currency", "EUR"))));
        assertEquals("payment_method_unavailable", errorCode(422,
                post(path, Map.of("method", "bitcoin", "amount", Map.of("amount", "5.00", "currency", "EUR")))));
        assertEquals(0, cart(cartId).get("payments").size());
        assertMoney("0.00", cart(cartId).get("paid"));
    }

    @Test
    public void checkoutOfAnUnpaidCartIsRefusedWithoutTakingStock() {
        String cartId = cartWithOneLine();
        var stock = onHand("PAS-001", BERLIN);
        assertEquals("cart_not_paid", errorCode(422, post("/api/v1/carts/" + cartId + "/checkout", null)));
        assertEquals(stock, onHand("PAS-001", BERLIN));
        assertEquals("OPEN", cart(cartId).get("status").asText());
    }

    @Test
    public void unknownThingsAreNotFound() {
        assertEquals("cart_not_found", errorCode(404, get("/api/v1/carts/no-such-cart")));
        assertEquals("order_not_found", errorCode(404, get("/api/v1/orders/no-such-order")));
        assertEquals("product_not_found", errorCode(404, get("/api/v1/products/NO-SUCH")));
        assertEquals("product_not_found", errorCode(404, get("/api/v1/inventory/NO-SUCH")));
        assertEquals("not_found", errorCode(404, get("/api/v1/no-such-resource")));
        assertEquals("cart_not_found", errorCode(404,
                post("/api/v1/carts/no-such-cart/lines", Map.of("sku", "PAS-001", "quantity", 1))));
    }

    @Test
    public void cartsOpenOnlyAtStoresOnInstalledChannels() {
        assertEquals("store_not_found", errorCode(422,
                post("/api/v1/carts", Map.of("store", "atlantis", "channel", "register"))));
        assertEquals("channel_unavailable", errorCode(422,
                post("/api/v1/carts", Map.of("store", BERLIN, "channel", "carrier-pigeon"))));
        assertEquals("channel_not_allowed", errorCode(422,
                post("/api/v1/carts", Map.of("store", "wh-kassel", "channel", "register"))));
        errorCode(400, post("/api/v1/carts", Map.of("channel", "register")));
        errorCode(400, post("/api/v1/carts", "not json"));
    }

    @Test
    public void badQueryParametersAreRefused() {
        errorCode(400, get("/api/v1/products?limit=0"));
        errorCode(400, get("/api/v1/products?limit=abc"));
        errorCode(400, get("/api/v1/products?offset=-1"));
        assertEquals("invalid_barcode", errorCode(400, get("/api/v1/products?barcode=123")));
    }
}
