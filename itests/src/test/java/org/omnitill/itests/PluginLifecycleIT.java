package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** Plugins leave and return at runtime, without a restart and without breaking sales in progress. */
public class PluginLifecycleIT extends SaleTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private Set<String> plugins() {
        Set<String> ids = new HashSet<>();
        assertStatus(200, get("/api/v1/plugins")).json().forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    @Test
    public void withoutItsTaxRuleAStoreRefusesCheckoutUntilTheRuleReturns() {
        String cartId = paidCart(BERLIN, "NTB-001", 1);
        uninstallFeature("omnitill-tax-eu-vat");
        try {
            await("eu-vat gone from /plugins", SETTLE, () -> !plugins().contains("eu-vat"));
            assertFalse(cart(cartId).get("taxAvailable").asBoolean());
            assertEquals("tax_rule_unavailable", errorCode(422, post("/api/v1/carts/" + cartId + "/checkout", null)));
            assertEquals("OPEN", cart(cartId).get("status").asText());
        } finally {
            installFeature("omnitill-tax-eu-vat");
        }
        await("eu-vat back in /plugins", SETTLE, () -> plugins().contains("eu-vat"));
        assertTrue(cart(cartId).get("taxAvailable").asBoolean());
        checkout(cartId);
    }

    @Test
    public void aSaleGoesThroughWithoutAReceiptPrinterAndPrintsAgainOnceItReturns() {
        uninstallFeature("omnitill-device-receipt-printer");
        try {
            await("receipt-printer gone", SETTLE, () -> !plugins().contains("receipt-printer"));
            checkout(paidCart(BERLIN, "PEN-001", 1));
        } finally {
            installFeature("omnitill-device-receipt-printer");
        }
        await("receipt-printer back", SETTLE, () -> plugins().contains("receipt-printer"));
        checkout(paidCart(BERLIN, "PEN-001", 1));
    }

    @Test
    public void withoutCashNoCashIsTakenAndTheCoreStaysUp() {
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "CND-001", 1);
        uninstallFeature("omnitill-payment-cash");
        try {
            await("cash gone", SETTLE, () -> !plugins().contains("cash"));
            assertEquals("payment_method_unavailable", errorCode(422, post("/api/v1/carts/" + cartId + "/payments",
                    Map.of("method", "cash", "amount", Map.of("amount", "5.95", "currency", "EUR")))));
            assertStatus(200, get("/api/v1/health"));
        } finally {
            installFeature("omnitill-payment-cash");
        }
        await("cash back", SETTLE, () -> plugins().contains("cash"));
        payCash(cartId, "5.95");
        checkout(cartId);
    }

    @Test
    public void withoutTheRegisterChannelNoRegisterCartsOpen() {
        uninstallFeature("omnitill-channel-register");
        try {
            await("register gone", SETTLE, () -> !plugins().contains("register"));
            assertEquals("channel_unavailable", errorCode(422,
                    post("/api/v1/carts", Map.of("store", BERLIN, "channel", "register"))));
        } finally {
            installFeature("omnitill-channel-register");
        }
        await("register back", SETTLE, () -> plugins().contains("register"));
        openCart(BERLIN);
    }
}
