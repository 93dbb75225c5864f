package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * Every endpoint, called by every role over HTTP with a bearer token from {@code /auth/login}: the
 * roles the matrix in docs/security.md allows get their 2xx (or, where the act itself is refused for
 * a reason of its own, that documented answer, never 401/403); every other role gets 403. Acts that
 * need an override are refused to a cashier who brings no approval.
 */
public class PermissionMatrixIT extends SaleTestSupport {

    private static final List<String> ROLES = List.of("cashier", "supervisor", "manager", "admin", "partner", "register-1");
    private static final Set<String> SELLERS = Set.of("cashier", "supervisor", "manager", "admin");
    private static final Set<String> SUPERVISORS = Set.of("supervisor", "manager", "admin");
    private static final Set<String> MANAGERS = Set.of("manager", "admin");
    private static final Set<String> PLUGIN_READERS = Set.of("cashier", "supervisor", "manager", "admin", "partner");
    private static final Set<String> PLUGIN_MANAGERS = Set.of("admin", "partner");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);

    /** One call: what it does for a role (preparing what it needs as admin), and who may. */
    private record Endpoint(String name, Set<String> allowed, int allowedStatus, Function<String, Response> call) {
    }

    private final Map<String, String> tokens = new LinkedHashMap<>();

    private Response as(String role, String method, String path, Object body) {
        return http(method, path, body, null, null, "Authorization", "Bearer " + token(role));
    }

    private String token(String role) {
        return tokens.computeIfAbsent(role, r -> assertStatus(200, http("POST", "/api/v1/auth/login",
                Map.of("username", r, "password", r), null, null)).json().get("token").asText());
    }

    private String cartWithLine() {
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "NTB-001", 2);
        return cartId;
    }

    private JsonNode placedOrder() {
        return checkout(paidCart(BERLIN, "PEN-001", 1));
    }

    private static String firstLine(JsonNode cartOrOrder) {
        return cartOrOrder.get("lines").get(0).get("id").asText();
    }

    private List<Endpoint> endpoints() {
        String cart = cartWithLine();
        JsonNode order = placedOrder();
        String orderId = order.get("id").asText();
        String orderNumber = order.get("orderNumber").asText();
        Map<String, Object> eur = Map.of("amount", "2.99", "currency", "EUR");
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("GET /auth/me", EVERYONE, 200, r -> as(r, "GET", "/api/v1/auth/me", null)));
        list.add(new Endpoint("POST /auth/pin", Set.of("register-1"), 200, r -> as(r, "POST", "/api/v1/auth/pin",
                Map.of("username", "cashier", "pin", "2580"))));
        list.add(new Endpoint("GET /stores", SELLERS, 200, r -> as(r, "GET", "/api/v1/stores", null)));
        list.add(new Endpoint("GET /products", SELLERS, 200, r -> as(r, "GET", "/api/v1/products?q=tea", null)));
        list.add(new Endpoint("GET /products/{sku}", SELLERS, 200, r -> as(r, "GET", "/api/v1/products/COF-001", null)));
        list.add(new Endpoint("PUT /products/{sku}/prices/{store}", MANAGERS, 200, r -> as(r, "PUT",
                "/api/v1/products/GFT-001/prices/" + BERLIN, Map.of("price", eur))));
        list.add(new Endpoint("PUT /products/{sku}/prices/{store} with unitCost", MANAGERS, 200, r -> as(r, "PUT",
                "/api/v1/products/GFT-001/prices/" + BERLIN, Map.of("price", eur, "unitCost", "1.40"))));
        list.add(new Endpoint("GET /inventory/{sku}", SELLERS, 200, r -> as(r, "GET", "/api/v1/inventory/COF-001", null)));
        list.add(new Endpoint("GET /inventory", SELLERS, 200, r -> as(r, "GET",
                "/api/v1/inventory?location=" + BERLIN + "&q=tea&lowStock=false&limit=10", null)));
        list.add(new Endpoint("GET /inventory/locations", SELLERS, 200, r -> as(r, "GET", "/api/v1/inventory/locations",
                null)));
        list.add(new Endpoint("POST /inventory/{sku}/adjustments", MANAGERS, 200, r -> as(r, "POST",
                "/api/v1/inventory/GFT-001/adjustments", Map.of("location", "wh-kassel", "quantity", 1, "reason", "count"))));
        list.add(new Endpoint("POST /carts", SELLERS, 201, r -> as(r, "POST", "/api/v1/carts",
                Map.of("store", BERLIN, "channel", "register"))));
        list.add(new Endpoint("GET /carts/{id}", SELLERS, 200, r -> as(r, "GET", "/api/v1/carts/" + cart, null)));
        list.add(new Endpoint("POST /carts/{id}/lines", SELLERS, 201, r -> as(r, "POST", "/api/v1/carts/" + openCart(BERLIN)
                + "/lines", Map.of("sku", "TEA-001", "quantity", 1))));
        list.add(new Endpoint("PATCH /carts/{id}/lines/{lineId} up", SELLERS, 200, r -> {
            String c = cartWithLine();
            return as(r, "PATCH", "/api/v1/carts/" + c + "/lines/" + firstLine(cart(c)), Map.of("quantity", 3));
        }));
        list.add(new Endpoint("PATCH /carts/{id}/lines/{lineId} down", SUPERVISORS, 200, r -> {
            String c = cartWithLine();
            return as(r, "PATCH", "/api/v1/carts/" + c + "/lines/" + firstLine(cart(c)), Map.of("quantity", 1));
        }));
        list.add(new Endpoint("DELETE /carts/{id}/lines/{lineId}", SUPERVISORS, 200, r -> {
            String c = cartWithLine();
            return as(r, "DELETE", "/api/v1/carts/" + c + "/lines/" + firstLine(cart(c)), null);
        }));
        list.add(new Endpoint("PUT /carts/{id}/lines/{lineId}/price", SUPERVISORS, 200, r -> {
            String c = cartWithLine();
            return as(r, "PUT", "/api/v1/carts/" + c + "/lines/" + firstLine(cart(c)) + "/price",
                    Map.of("unitPrice", Map.of("amount", "3.00", "currency", "EUR"), "reason", "damaged box"));
        }));
        list.add(new Endpoint("PUT /carts/{id}/lines/{lineId}/discount 5%", SELLERS, 200, r -> {
            String c = cartWithLine();
            return as(r, "PUT", "/api/v1/carts/" + c + "/lines/" + firstLine(cart(c)) + "/discount",
                    Map.of("percent", 5, "reason", "loyalty"));
        }));
        list.add(new Endpoint("PUT /carts/{id}/lines/{lineId}/discount 50%", SUPERVISORS, 200, r -> {
            String c = cartWithLine();
            return as(r, "PUT", "/api/v1/carts/" + c + "/lines/" + firstLine(cart(c)) + "/discount",
                    Map.of("percent", 50, "reason", "end of line"));
        }));
        list.add(new Endpoint("DELETE /carts/{id}/lines/{lineId}/discount", SELLERS, 200, r -> {
            String c = cartWithLine();
            return as(r, "DELETE", "/api/v1/carts/" + c + "/lines/" + firstLine(cart(c)) + "/discount", null);
        }));
        list.add(new Endpoint("PUT /carts/{id}/tax-exemption", SUPERVISORS, 200, r -> as(r, "PUT",
                "/api/v1/carts/" + cartWithLine() + "/tax-exemption", Map.of("certificate", "DIPL-2026-17"))));
        list.add(new Endpoint("DELETE /carts/{id}/tax-exemption", SELLERS, 200, r -> as(r, "DELETE",
                "/api/v1/carts/" + cartWithLine() + "/tax-exemption", null)));
        // the demo has only the register channel, which ships nothing: authorised callers get that refusal
        list.add(new Endpoint("PUT /carts/{id}/ship-to", SELLERS, 422, r -> as(r, "PUT",
                "/api/v1/carts/" + cart + "/ship-to", Map.of("country", "FR", "postalCode", "75001", "city", "Paris"))));
        list.add(new Endpoint("POST /carts/{id}/payments", SELLERS, 201, r -> {
            String c = cartWithLine();
            return as(r, "POST", "/api/v1/carts/" + c + "/payments", Map.of("method", "cash", "amount",
                    Map.of("amount", "100.00", "currency", "EUR")));
        }));
        list.add(new Endpoint("DELETE /carts/{id}/payments/{tenderId}", SUPERVISORS, 200, r -> {
            String c = cartWithLine();
            String tender = payCash(c, "1.00").get("tender").get("id").asText();
            return as(r, "DELETE", "/api/v1/carts/" + c + "/payments/" + tender, null);
        }));
        list.add(new Endpoint("POST /carts/{id}/checkout", SELLERS, 201, r -> as(r, "POST",
                "/api/v1/carts/" + paidCart(BERLIN, "PEN-001", 1) + "/checkout", null)));
        list.add(new Endpoint("GET /orders/{id}", SELLERS, 200, r -> as(r, "GET", "/api/v1/orders/" + orderId, null)));
        list.add(new Endpoint("GET /orders/{number}", SELLERS, 200, r -> as(r, "GET", "/api/v1/orders/" + orderNumber,
                null)));
        list.add(new Endpoint("GET /orders", SELLERS, 200, r -> as(r, "GET", "/api/v1/orders?store=" + BERLIN
                + "&q=" + BERLIN + "&from=2026-01-01&to=2030-12-31&limit=5", null)));
        list.add(new Endpoint("GET /orders/{id}/receipt", SELLERS, 200, r -> as(r, "GET",
                "/api/v1/orders/" + orderId + "/receipt", null)));
        list.add(new Endpoint("POST /orders/{id}/returns", SUPERVISORS, 201, r -> {
            JsonNode placed = placedOrder();
            return as(r, "POST", "/api/v1/orders/" + placed.get("id").asText() + "/returns", Map.of("reason", "faulty",
                    "lines", List.of(Map.of("lineId", firstLine(placed), "quantity", 1))));
        }));
        // cash refunds never fail, so authorised callers get that refusal: there is nothing to pay in cash instead
        JsonNode returned = assertStatus(201, post("/api/v1/orders/" + orderId + "/returns", Map.of("reason", "faulty",
                "lines", List.of(Map.of("lineId", firstLine(order), "quantity", 1))))).json();
        String refundPath = "/api/v1/orders/" + orderId + "/returns/" + returned.get("id").asText() + "/refunds/"
                + returned.get("refunds").get(0).get("id").asText() + "/cash";
        list.add(new Endpoint("POST /orders/{id}/returns/{returnId}/refunds/{refundId}/cash", SUPERVISORS, 409,
                r -> as(r, "POST", refundPath, null)));
        list.add(new Endpoint("GET /orders/{id}/returns", SELLERS, 200, r -> as(r, "GET",
                "/api/v1/orders/" + orderId + "/returns", null)));
        list.add(new Endpoint("POST /registers/{id}/no-sale", SUPERVISORS, 200, r -> as(r, "POST",
                "/api/v1/registers/R1/no-sale?store=" + BERLIN, null)));
        list.add(new Endpoint("PUT /users/{name}/pin", MANAGERS, 204, r -> as(r, "PUT", "/api/v1/users/cashier/pin",
                Map.of("pin", "2580"))));
        list.add(new Endpoint("GET /audit", MANAGERS, 200, r -> as(r, "GET", "/api/v1/audit?limit=5", null)));
        list.add(new Endpoint("GET /audit/verify", MANAGERS, 200, r -> as(r, "GET", "/api/v1/audit/verify", null)));
        list.add(new Endpoint("GET /reports/sales", MANAGERS, 200, r -> as(r, "GET", "/api/v1/reports/sales", null)));
        list.add(new Endpoint("GET /reports/sales?store=", MANAGERS, 200, r -> as(r, "GET",
                "/api/v1/reports/sales?store=" + BERLIN + "&from=2026-01-01&to=2026-12-31", null)));
        String card = assertStatus(201, post("/api/v1/giftcards", Map.of("kind", "gift-card", "amount", "100.00",
                "currency", "EUR"))).json().get("card").get("number").asText();
        list.add(new Endpoint("POST /giftcards", SUPERVISORS, 201, r -> as(r, "POST", "/api/v1/giftcards",
                Map.of("kind", "gift-card", "amount", "5.00", "currency", "EUR"))));
        list.add(new Endpoint("POST /giftcards/{number}/top-ups", SUPERVISORS, 200, r -> as(r, "POST",
                "/api/v1/giftcards/" + card + "/top-ups", Map.of("amount", "1.00"))));
        list.add(new Endpoint("GET /giftcards/{number}", SELLERS, 200, r -> as(r, "GET", "/api/v1/giftcards/" + card, null)));
        list.add(new Endpoint("GET /giftcards/{number}/ledger", SELLERS, 200, r -> as(r, "GET",
                "/api/v1/giftcards/" + card + "/ledger", null)));
        list.add(new Endpoint("GET /plugins", PLUGIN_READERS, 200, r -> as(r, "GET", "/api/v1/plugins", null)));
        list.add(new Endpoint("GET /plugins/features", PLUGIN_READERS, 200, r -> as(r, "GET", "/api/v1/plugins/features", null)));
        list.add(new Endpoint("POST /plugins/features", PLUGIN_MANAGERS, 200, r -> as(r, "POST", "/api/v1/plugins/features",
                Map.of("name", "omnitill-tax-india-gst"))));
        list.add(new Endpoint("DELETE /plugins/features/{name}", PLUGIN_MANAGERS, 204, r -> {
            if (!isFeatureInstalled("omnitill-tax-india-gst")) {
                installFeature("omnitill-tax-india-gst");
            }
            return as(r, "DELETE", "/api/v1/plugins/features/omnitill-tax-india-gst", null);
        }));
        list.add(new Endpoint("POST /auth/logout", EVERYONE, 204, r -> {
            Response response = as(r, "POST", "/api/v1/auth/logout", null);
            tokens.remove(r);
            return response;
        }));
        return list;
    }

    @Test
    public void everyRoleGetsExactlyWhatTheMatrixSays() {
        // the PIN sign-in needs a PIN
        assertStatus(204, http("PUT", "/api/v1/users/cashier/pin", Map.of("pin", "2580"), "manager", "manager"));
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        List<Endpoint> endpoints = endpoints();
        for (Endpoint endpoint : endpoints) {
            for (String role : ROLES) {
                Response response = endpoint.call().apply(role);
                calls++;
                boolean allowed = endpoint.allowed().contains(role);
                int expected = allowed ? endpoint.allowedStatus() : 403;
                if (response.status() != expected) {
                    mismatches.add(endpoint.name() + " as " + role + ": expected " + expected + ", got "
                            + response.status() + " " + response.body());
                } else if (!allowed) {
                    String error = response.json().path("error").asText();
                    if (!error.equals("forbidden") && !error.equals("approval_required")) {
                        mismatches.add(endpoint.name() + " as " + role + ": 403 without a reason: " + response.body());
                    }
                }
            }
        }
        if (!isFeatureInstalled("omnitill-tax-india-gst")) {
            installFeature("omnitill-tax-india-gst");
        }
        assertTrue(calls + " calls, mismatches:\n" + String.join("\n", mismatches), mismatches.isEmpty());
        assertEquals(ROLES.size() * endpoints.size(), calls);
    }

    @Test
    public void withoutCredentialsOnlyHealthAndLoginAnswer() {
        assertStatus(200, http("GET", "/api/v1/health", null, null, null));
        assertEquals(401, http("POST", "/api/v1/auth/login", Map.of("username", "cashier", "password", "nope"), null, null)
                .status());
        for (String path : List.of("/api/v1/stores", "/api/v1/auth/me", "/api/v1/audit/verify", "/api/v1/plugins",
                "/api/v1/carts/x", "/api/v1/no/such/path")) {
            Response response = http("GET", path, null, null, null);
            assertEquals(path + ": " + response.body(), 401, response.status());
            assertEquals("unauthorized", response.json().get("error").asText());
        }
    }
}
