package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.osgi.framework.ServiceReference;

/**
 * Sign-in, supervisor approvals and the audit trail against the running distribution: the same
 * HTTP requests a register sends, and the same database rows an intruder would edit.
 */
public class SecurityIT extends SaleTestSupport {

    private static String approval(String scheme, String user, String secret) {
        return scheme + " " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private Response asCashier(String method, String path, Object body, String... headers) {
        return http(method, path, body, "cashier", "cashier", headers);
    }

    private JsonNode lastAudit(String action) {
        JsonNode found = null;
        for (String line : assertStatus(200, http("GET", "/api/v1/audit?limit=100000", null, "manager", "manager"))
                .body().split("\n")) {
            JsonNode entry = json(line);
            if (entry.get("action").asText().equals(action)) {
                found = entry;
            }
        }
        assertNotNull("no audit entry " + action, found);
        return found;
    }

    @Test
    public void aCashiersVoidNeedsASupervisorAndRecordsBoth() {
        assertStatus(204, http("PUT", "/api/v1/users/supervisor/pin", Map.of("pin", "4321"), "manager", "manager"));
        String cartId = openCart(BERLIN);
        String lineId = addLine(cartId, "sku", "NTB-001", 2).get("lines").get(0).get("id").asText();
        String path = "/api/v1/carts/" + cartId + "/lines/" + lineId;

        Response refused = asCashier("DELETE", path, null);
        assertEquals("approval_required", errorCode(403, refused));
        assertEquals("cart.line.void", refused.json().get("permission").asText());
        assertEquals(1, cart(cartId).get("lines").size());

        assertEquals("approval_invalid", errorCode(403, asCashier("DELETE", path, null,
                "Omnitill-Approval", approval("PIN", "supervisor", "0000"))));
        assertEquals("approval_insufficient", errorCode(403, asCashier("DELETE", path, null,
                "Omnitill-Approval", approval("Basic", "cashier", "cashier"))));
        assertEquals(1, cart(cartId).get("lines").size());

        assertStatus(200, asCashier("DELETE", path, null, "Omnitill-Approval", approval("PIN", "supervisor", "4321")));
        assertEquals(0, cart(cartId).get("lines").size());
        JsonNode entry = lastAudit("cart.line.void");
        assertEquals("cashier", entry.get("actor").asText());
        assertEquals("supervisor", entry.get("approver").asText());
        assertEquals("cart/" + cartId + "/line/1", entry.get("target").asText());
    }

    @Test
    public void priceOverridesDiscountsAndExemptionsFollowTheThreshold() {
        String cartId = openCart(BERLIN);
        String lineId = addLine(cartId, "sku", "NTB-001", 2).get("lines").get(0).get("id").asText();
        String line = "/api/v1/carts/" + cartId + "/lines/" + lineId;
        String supervisor = approval("Basic", "supervisor", "supervisor");

        // 10% is the threshold: up to it a cashier decides alone
        JsonNode small = assertStatus(200, asCashier("PUT", line + "/discount", Map.of("percent", 10, "reason", "loyalty")))
                .json();
        assertMoney("0.99", small.get("lines").get(0).get("discount"));
        assertEquals("approval_required", errorCode(403, asCashier("PUT", line + "/discount",
                Map.of("percent", 25, "reason", "loyalty"))));
        JsonNode big = assertStatus(200, asCashier("PUT", line + "/discount", Map.of("percent", 25, "reason", "dented"),
                "Omnitill-Approval", supervisor)).json();
        assertMoney("2.48", big.get("lines").get(0).get("discount"));
        assertEquals("supervisor", lastAudit("cart.discount").get("approver").asText());

        assertEquals("approval_required", errorCode(403, asCashier("PUT", line + "/price",
                Map.of("unitPrice", Map.of("amount", "3.00", "currency", "EUR"), "reason", "price tag"))));
        JsonNode overridden = assertStatus(200, asCashier("PUT", line + "/price",
                Map.of("unitPrice", Map.of("amount", "3.00", "currency", "EUR"), "reason", "price tag"),
                "Omnitill-Approval", supervisor)).json();
        assertMoney("4.95", overridden.get("lines").get(0).get("regularUnitPrice"));
        assertMoney("3.00", overridden.get("lines").get(0).get("unitPrice"));
        JsonNode override = lastAudit("cart.price.override");
        assertEquals("cashier", override.get("actor").asText());
        assertEquals("EUR 4.95", override.get("details").get("from").asText());

        assertEquals("approval_required", errorCode(403, asCashier("PUT", "/api/v1/carts/" + cartId + "/tax-exemption",
                Map.of("certificate", "DIPL-17"))));
        JsonNode exempt = assertStatus(200, asCashier("PUT", "/api/v1/carts/" + cartId + "/tax-exemption",
                Map.of("certificate", "DIPL-17"), "Omnitill-Approval", supervisor)).json();
        assertEquals("DIPL-17", exempt.get("taxExemptionCertificate").asText());
        assertMoney("0.00", exempt.get("taxTotal"));
    }

    @Test
    public void aRefundNeedsASupervisorAndPutsStockBack() {
        JsonNode order = checkout(paidCart(BERLIN, "UMB-001", 2));
        String orderId = order.get("id").asText();
        String lineId = order.get("lines").get(0).get("id").asText();
        java.math.BigDecimal before = onHand("UMB-001", BERLIN);
        Map<String, Object> body = Map.of("reason", "broke on first use",
                "lines", List.of(Map.of("lineId", lineId, "quantity", 1)));

        assertEquals("approval_required", errorCode(403, asCashier("POST", "/api/v1/orders/" + orderId + "/returns", body)));
        assertEquals(before, onHand("UMB-001", BERLIN));

        JsonNode made = assertStatus(201, asCashier("POST", "/api/v1/orders/" + orderId + "/returns", body,
                "Omnitill-Approval", approval("Basic", "supervisor", "supervisor"), "Idempotency-Key", "return-1")).json();
        assertMoney("14.99", made.get("refundTotal"));
        assertEquals(before.add(java.math.BigDecimal.ONE), onHand("UMB-001", BERLIN));
        // a retry answers the same return and refunds nothing twice
        JsonNode again = assertStatus(201, asCashier("POST", "/api/v1/orders/" + orderId + "/returns", body,
                "Omnitill-Approval", approval("Basic", "supervisor", "supervisor"), "Idempotency-Key", "return-1")).json();
        assertEquals(made.get("id").asText(), again.get("id").asText());
        assertEquals(before.add(java.math.BigDecimal.ONE), onHand("UMB-001", BERLIN));
        JsonNode entry = lastAudit("order.refund");
        assertEquals("supervisor", entry.get("approver").asText());
        assertEquals(made.get("number").asText(), entry.get("details").get("return").asText());
    }

    @Test
    public void aNoSaleOpensTheDrawerOnlyWithApproval() {
        String path = "/api/v1/registers/R7/no-sale?store=" + BERLIN;
        assertEquals("approval_required", errorCode(403, asCashier("POST", path, null)));
        JsonNode opened = assertStatus(200, asCashier("POST", path, null, "Omnitill-Approval",
                approval("Basic", "supervisor", "supervisor"))).json();
        assertEquals("supervisor", opened.get("approvedBy").asText());
        assertEquals("register/" + BERLIN + "/R7", lastAudit("register.no-sale").get("target").asText());
    }

    @Test
    public void aTokenWorksUntilLogoutAndAPinSignInIsBoundToItsRegister() {
        JsonNode session = assertStatus(200, http("POST", "/api/v1/auth/login",
                Map.of("username", "supervisor", "password", "supervisor"), null, null)).json();
        String bearer = "Bearer " + session.get("token").asText();
        assertEquals("supervisor", assertStatus(200, http("GET", "/api/v1/auth/me", null, null, null,
                "Authorization", bearer)).json().get("username").asText());
        assertStatus(204, http("POST", "/api/v1/auth/logout", null, null, null, "Authorization", bearer));
        assertEquals("invalid_token", errorCode(401, http("GET", "/api/v1/auth/me", null, null, null,
                "Authorization", bearer)));

        assertStatus(204, http("PUT", "/api/v1/users/cashier/pin", Map.of("pin", "2580"), "manager", "manager"));
        assertEquals("invalid_pin", errorCode(401, http("POST", "/api/v1/auth/pin",
                Map.of("username", "cashier", "pin", "9999"), "register-1", "register-1")));
        JsonNode pinSession = assertStatus(200, http("POST", "/api/v1/auth/pin",
                Map.of("username", "cashier", "pin", "2580"), "register-1", "register-1")).json();
        assertEquals("register-1", pinSession.get("registerId").asText());
        assertEquals(List.of("cashier"), List.of(pinSession.get("roles").get(0).asText()));
        // a cashier's PIN does not work without a register
        errorCode(403, http("POST", "/api/v1/auth/pin", Map.of("username", "cashier", "pin", "2580"), "cashier", "cashier"));
    }

    @Test
    public void repeatedWrongPasswordsLockTheUserOut() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http("GET", "/api/v1/stores", null, "partner", "guess-" + i).status());
        }
        Response locked = http("GET", "/api/v1/plugins", null, "partner", "partner");
        assertEquals("login_locked", errorCode(429, locked));
        JsonNode failure = lastAudit("auth.login.failed");
        assertEquals("partner", failure.get("actor").asText());
        assertEquals("true", failure.get("details").get("lockedOut").asText());
        // the lock is per user name: others sign in as usual
        assertStatus(200, http("GET", "/api/v1/stores", null, "cashier", "cashier"));
    }

    @Test
    public void editingOneAuditRowBreaksTheChainAtThatRow() throws Exception {
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "NTB-001", 1);
        assertStatus(204, http("PUT", "/api/v1/users/cashier/pin", Map.of("pin", "1357"), "manager", "manager"));
        JsonNode intact = assertStatus(200, http("GET", "/api/v1/audit/verify", null, "manager", "manager")).json();
        assertTrue(intact.toString(), intact.get("intact").asBoolean());
        assertTrue(executeCommand("omnitill:audit-verify").contains("intact"));

        long sequence = lastAudit("users.pin.set").get("sequence").asLong();
        String original;
        ServiceReference<DataSource> reference = bundleContext
                .getServiceReferences(DataSource.class, "(osgi.jndi.service.name=omnitill)").iterator().next();
        DataSource dataSource = bundleContext.getService(reference);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement read = connection.prepareStatement("SELECT actor FROM OT_AUDIT_ENTRY WHERE sequence = ?")) {
                read.setLong(1, sequence);
                try (ResultSet row = read.executeQuery()) {
                    assertTrue(row.next());
                    original = row.getString(1);
                }
            }
            update(connection, sequence, "intruder");
            try {
                JsonNode broken = assertStatus(200, http("GET", "/api/v1/audit/verify", null, "manager", "manager")).json();
                assertFalse(broken.get("intact").asBoolean());
                assertEquals(sequence, broken.get("firstBrokenSequence").asLong());
                assertEquals("hash does not match content", broken.get("reason").asText());
                AssertionError shell = org.junit.Assert.assertThrows(AssertionError.class,
                        () -> executeCommand("omnitill:audit-verify"));
                assertTrue(shell.getMessage(), shell.getMessage().contains("BROKEN at entry " + sequence));
            } finally {
                update(connection, sequence, original);
            }
        } finally {
            bundleContext.ungetService(reference);
        }
        assertTrue(assertStatus(200, http("GET", "/api/v1/audit/verify", null, "manager", "manager")).json()
                .get("intact").asBoolean());
    }

    private static void update(Connection connection, long sequence, String actor) throws Exception {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (PreparedStatement update = connection.prepareStatement("UPDATE OT_AUDIT_ENTRY SET actor = ? WHERE sequence = ?")) {
            update.setString(1, actor);
            update.setLong(2, sequence);
            assertEquals(1, update.executeUpdate());
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
