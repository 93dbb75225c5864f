package org.omnitill.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an operator runs it: unpacked from the tar.gz and started with {@code bin/karaf server}
 * (what {@code ./omnitill start} does), a sale made, the server stopped and started again: the order, its receipt
 * and the stock it took are still there. Also reports start-up time and resident memory after a sale.
 */
class DistributionRestartIT {

    private static final String CASHIER = "cashier";

    private UnpackedDistribution karaf;

    @BeforeEach
    void unpack() throws Exception {
        karaf = UnpackedDistribution.unpack("restart");
    }

    @AfterEach
    void stopAndClean() throws Exception {
        karaf.close();
    }

    @Test
    void ordersAndStockSurviveARestart() throws Exception {
        long started = System.nanoTime();
        karaf.start();
        double startupSeconds = (System.nanoTime() - started) / 1e9;

        String stockBefore = onHand("SOP-001", "hamburg-altona");
        String cartId = karaf.call("POST", "/api/v1/carts", Map.of("store", "hamburg-altona", "channel", "register"),
                CASHIER, 201).get("id").asText();
        JsonNode cart = karaf.call("POST", "/api/v1/carts/" + cartId + "/lines", Map.of("sku", "SOP-001", "quantity", 2),
                CASHIER, 201);
        karaf.call("POST", "/api/v1/carts/" + cartId + "/payments", Map.of("method", "cash", "amount", cart.get("due")),
                CASHIER, 201);
        JsonNode order = karaf.call("POST", "/api/v1/carts/" + cartId + "/checkout", null, CASHIER, 201);
        String orderId = order.get("id").asText();
        String receipt = receipt(orderId);
        String stockAfterSale = onHand("SOP-001", "hamburg-altona");
        assertEquals(new BigDecimal(stockBefore).subtract(new BigDecimal("2")), new BigDecimal(stockAfterSale));
        System.out.printf("[omnitill-itests] %s: launch to first healthy answer %.1f s; resident memory after a sale"
                + " %d MB%n", UnpackedDistribution.db(), startupSeconds, karaf.residentKb() / 1024);

        long firstJvm = karaf.javaPid();
        karaf.stop();
        karaf.start();
        assertTrue(karaf.javaPid() != firstJvm, "the second start must be a new JVM");

        assertEquals(order, karaf.call("GET", "/api/v1/orders/" + orderId, null, CASHIER, 200));
        assertEquals(receipt, receipt(orderId));
        assertEquals(stockAfterSale, onHand("SOP-001", "hamburg-altona"));
        assertEquals(50, karaf.call("GET", "/api/v1/products?limit=200", null, CASHIER, 200).get("total").asInt(),
                "the demo data is loaded once, not again on restart");
    }

    private String receipt(String orderId) throws Exception {
        return karaf.text("/api/v1/orders/" + orderId + "/receipt", CASHIER);
    }

    private String onHand(String sku, String location) throws Exception {
        for (JsonNode level : karaf.call("GET", "/api/v1/inventory/" + sku, null, CASHIER, 200).get("locations")) {
            if (level.get("locationId").asText().equals(location)) {
                return level.get("onHand").asText();
            }
        }
        throw new AssertionError(sku + " has no stock at " + location);
    }
}
