package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The back office's reads over HTTP, on the real database: finding an order by the number on its
 * receipt, the order list, a store's stock list, unit costs and the sales report moving with a sale
 * and a return.
 */
public class BackOfficeIT extends SaleTestSupport {

    private static final String CANDLE = "CND-001";

    private Response asManager(String method, String path, Object body) {
        return http(method, path, body, "manager", "manager");
    }

    private JsonNode berlinReport() {
        JsonNode report = assertStatus(200, asManager("GET", "/api/v1/reports/sales?store=" + BERLIN, null)).json();
        assertEquals(BERLIN, report.get("store").asText());
        assertEquals(1, report.get("currencies").size());
        JsonNode eur = report.get("currencies").get(0);
        assertEquals("EUR", eur.get("currency").asText());
        assertEquals(24, eur.get("byHour").size());
        return eur;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    @Test
    public void aSaleAndAReturnShowInTheOrderListAndTheSalesReport() {
        // a known cost, so that the margin moves by a known amount
        JsonNode product = assertStatus(200, asManager("PUT", "/api/v1/products/" + CANDLE + "/prices/" + BERLIN,
                Map.of("price", Map.of("amount", "5.95", "currency", "EUR"), "unitCost", "3.00"))).json();
        assertFalse("costs are not in the product view: " + product, product.toString().toLowerCase().contains("cost"));
        JsonNode before = berlinReport();

        JsonNode order = checkout(paidCart(BERLIN, CANDLE, 2));
        String number = order.get("orderNumber").asText();
        BigDecimal total = decimal(order.get("total"), "amount");
        BigDecimal tax = decimal(order.get("taxTotal"), "amount");

        // the register finds the order by the number printed on the receipt
        assertEquals(order.get("id").asText(), assertStatus(200, get("/api/v1/orders/" + number)).json().get("id").asText());
        assertTrue(assertStatus(200, get("/api/v1/orders/" + number + "/receipt")).body().contains(number));

        JsonNode found = assertStatus(200, http("GET", "/api/v1/orders?q=" + number.toUpperCase() + "&store=" + BERLIN,
                null, "cashier", "cashier")).json();
        assertEquals(1, found.get("total").asInt());
        JsonNode summary = found.get("items").get(0);
        assertEquals(number, summary.get("orderNumber").asText());
        assertEquals("EUR", summary.get("currency").asText());
        assertEquals(total.toPlainString(), summary.get("total").asText());
        assertEquals(1, summary.get("lineCount").asInt());
        assertEquals("0.00", summary.get("refunded").asText());

        JsonNode after = berlinReport();
        assertEquals(before.get("orders").asLong() + 1, after.get("orders").asLong());
        assertEquals(decimal(before, "units").add(BigDecimal.valueOf(2)), decimal(after, "units"));
        assertEquals(decimal(before, "grossSales").add(total), decimal(after, "grossSales"));
        assertEquals(decimal(before, "netSales").add(total).subtract(tax), decimal(after, "netSales"));
        assertEquals(decimal(before.get("margin"), "cost").add(new BigDecimal("6.00")),
                decimal(after.get("margin"), "cost"));
        assertEquals(decimal(before.get("margin"), "netSalesWithCost").add(total).subtract(tax),
                decimal(after.get("margin"), "netSalesWithCost"));

        // a return of one candle, made by its number
        String lineId = order.get("lines").get(0).get("id").asText();
        assertStatus(201, post("/api/v1/orders/" + number + "/returns", Map.of("reason", "faulty",
                "lines", List.of(Map.of("lineId", lineId, "quantity", 1)))));
        assertEquals(1, assertStatus(200, get("/api/v1/orders/" + number + "/returns")).json().size());
        JsonNode refunded = assertStatus(200, get("/api/v1/orders?q=" + number)).json().get("items").get(0);
        assertEquals("5.95", refunded.get("refunded").asText());
        assertEquals(decimal(before, "refunds").add(new BigDecimal("5.95")), decimal(berlinReport(), "refunds"));
    }

    @Test
    public void storesHaveTheirTimeZonesAndTheStockListOfALocationPages() {
        for (JsonNode store : assertStatus(200, get("/api/v1/stores")).json()) {
            if (store.get("id").asText().equals("austin-downtown")) {
                assertEquals("America/Chicago", store.get("timeZone").asText());
            }
        }
        JsonNode locations = assertStatus(200, get("/api/v1/inventory/locations")).json();
        assertEquals(7, locations.size());
        assertEquals("WAREHOUSE", locations.get(locations.size() - 1).get("type").asText());

        JsonNode candles = assertStatus(200, get("/api/v1/inventory?location=" + BERLIN + "&q=candle")).json();
        assertEquals(1, candles.get("total").asInt());
        JsonNode row = candles.get("items").get(0);
        assertEquals(CANDLE, row.get("sku").asText());
        assertEquals("Scented candle vanilla", row.get("name").asText());
        assertEquals(0, onHand(CANDLE, BERLIN).compareTo(row.get("onHand").decimalValue()));

        JsonNode page = assertStatus(200, get("/api/v1/inventory?location=wh-kassel&limit=2&offset=2")).json();
        assertEquals(50, page.get("total").asInt());
        assertEquals(2, page.get("items").size());
        assertEquals(0, assertStatus(200, get("/api/v1/inventory?location=wh-kassel&lowStock=true")).json()
                .get("total").asInt());
    }

    @Test
    public void badParametersAreClear4xxAnswers() {
        assertEquals("location_required", errorCode(400, get("/api/v1/inventory")));
        assertEquals("location_not_found", errorCode(404, get("/api/v1/inventory?location=nowhere")));
        assertEquals("invalid_parameter", errorCode(400, get("/api/v1/inventory?location=" + BERLIN + "&lowStock=maybe")));
        assertEquals("invalid_date", errorCode(400, get("/api/v1/orders?from=2026-02-30")));
        assertEquals("invalid_parameter", errorCode(400, get("/api/v1/orders?limit=500")));
        assertEquals("store_not_found", errorCode(404, get("/api/v1/orders?store=nowhere")));
        assertEquals("invalid_date_range", errorCode(400, get("/api/v1/reports/sales?from=2026-12-05&to=2026-12-04")));
        assertEquals("invalid_date_range", errorCode(400, get("/api/v1/reports/sales?from=2025-01-01&to=2026-12-31")));
        assertEquals("invalid_date", errorCode(400, get("/api/v1/reports/sales?from=today")));
        assertEquals("store_not_found", errorCode(404, get("/api/v1/reports/sales?store=nowhere")));
        assertEquals("invalid_unit_cost", errorCode(400, asManager("PUT", "/api/v1/products/" + CANDLE + "/prices/"
                + BERLIN, Map.of("price", Map.of("amount", "5.95", "currency", "EUR"), "unitCost", "-1"))));
        assertEquals("order_not_found", errorCode(404, get("/api/v1/orders/" + BERLIN + "-999999")));
    }
}
