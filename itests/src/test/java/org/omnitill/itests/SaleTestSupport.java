package org.omnitill.itests;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.Before;

import com.fasterxml.jackson.databind.JsonNode;

/** Steps of a sale over the REST API, shared by the sale-related suites. */
public abstract class SaleTestSupport extends OmnitillTestSupport {

    /**
     * Health answers UP once the database and the core services are there; the resources publish a
     * moment later and the demo retailer loads in parallel, so wait for those too.
     */
    @Before
    public void awaitReady() {
        waitForHealth();
        await("the REST resources and the demo stores", HEALTH_TIMEOUT, () -> {
            Response stores = get("/api/v1/stores");
            return stores.status() == 200 && stores.json().size() > 0
                    && "cart_not_found".equals(get("/api/v1/carts/readiness-probe").json().path("error").asText())
                    && "order_not_found".equals(get("/api/v1/orders/readiness-probe").json().path("error").asText());
        });
    }

    protected static final String BERLIN = "berlin-mitte";
    protected static final String AMSTERDAM = "amsterdam-centrum";
    /** The demo's first article, COF-001 "Espresso beans 1 kg": EUR 16.99 in Germany, taxed at the reduced rate. */
    protected static final String ESPRESSO_BARCODE = "2000000010007";

    protected String openCart(String store) {
        return assertStatus(201, post("/api/v1/carts", Map.of("store", store, "channel", "register", "register", "R1")))
                .json().get("id").asText();
    }

    protected JsonNode addLine(String cartId, String field, String value, Object quantity) {
        return assertStatus(201, post("/api/v1/carts/" + cartId + "/lines", Map.of(field, value, "quantity", quantity)))
                .json();
    }

    protected JsonNode cart(String cartId) {
        return assertStatus(200, get("/api/v1/carts/" + cartId)).json();
    }

    /** Pays what is due in cash and returns the payment answer ({@code tender} and {@code cart}). */
    protected JsonNode payCash(String cartId, String amount) {
        return assertStatus(201, post("/api/v1/carts/" + cartId + "/payments",
                Map.of("method", "cash", "amount", Map.of("amount", amount, "currency", "EUR")))).json();
    }

    protected JsonNode checkout(String cartId) {
        return assertStatus(201, post("/api/v1/carts/" + cartId + "/checkout", null)).json();
    }

    /** A paid one-line cart at the store, ready for checkout. */
    protected String paidCart(String store, String sku, int quantity) {
        String cartId = openCart(store);
        JsonNode cart = addLine(cartId, "sku", sku, quantity);
        payCash(cartId, cart.get("due").get("amount").asText());
        return cartId;
    }

    protected static void assertMoney(String expected, JsonNode money) {
        assertEquals("currency of " + money, "EUR", money.get("currency").asText());
        assertEquals("amount of " + money, new BigDecimal(expected), new BigDecimal(money.get("amount").asText()));
    }

    /** On-hand stock of the article at the location, as the REST API reports it. */
    protected BigDecimal onHand(String sku, String location) {
        for (JsonNode level : assertStatus(200, get("/api/v1/inventory/" + sku)).json().get("locations")) {
            if (level.get("locationId").asText().equals(location)) {
                return level.get("onHand").decimalValue();
            }
        }
        throw new AssertionError(sku + " has no stock record at " + location);
    }

    /** The error code of a JSON error answer, after checking its status. */
    protected static String errorCode(int status, Response response) {
        assertStatus(status, response);
        JsonNode body = response.json();
        assertEquals("error answers carry a message: " + body, true, body.hasNonNull("message"));
        return body.get("error").asText();
    }
}
