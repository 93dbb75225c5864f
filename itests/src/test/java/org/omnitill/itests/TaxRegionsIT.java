package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The demo retailer's stores in four tax regions, each taxed by its own plugin as etc/org.omnitill.cart.cfg
 * says, over HTTP; and each regional plugin leaves and returns at runtime with feature:uninstall/install.
 */
public class TaxRegionsIT extends SaleTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** The taxes of a one-line cart of the USB wall charger (standard-rated everywhere), as "code taxable tax". */
    private List<String> taxesOfACharger(String store) {
        String cartId = openCart(store);
        JsonNode cart = addLine(cartId, "sku", "USB-002", 1);
        assertTrue(cart.toString(), cart.get("taxAvailable").asBoolean());
        List<String> taxes = new ArrayList<>();
        for (JsonNode tax : cart.get("taxes")) {
            taxes.add(tax.get("code").asText() + " " + tax.get("taxableAmount").get("amount").asText() + " "
                    + tax.get("tax").get("amount").asText());
        }
        return taxes;
    }

    @Test
    public void everyRegionShowsItsBreakdownPerJurisdiction() {
        assertEquals(List.of("DE-VAT-STANDARD 16.80 3.19"), taxesOfACharger(BERLIN));
        // Texas: state 6.25 %, Austin 1 %, Capital Metro 1 %, rounded once on 8.25 % and shown per jurisdiction
        assertEquals(List.of("US-TX-SALES 21.99 1.37", "US-TX-AUSTIN-SALES 21.99 0.22", "US-TX-CAPMETRO-SALES 21.99 0.22"),
                taxesOfACharger("austin-downtown"));
        assertEquals(List.of("CA-ON-HST 29.99 3.90"), taxesOfACharger("toronto-queen-west"));
        assertEquals(List.of("IN-CGST-9 1524.58 137.21", "IN-KA-SGST-9 1524.58 137.21"),
                taxesOfACharger("bengaluru-mg-road"));
    }

    @Test
    public void aSaleInAustinIsPaidWithTaxOnTopAndKeepsItsTax() {
        String cartId = openCart("austin-downtown");
        JsonNode cart = addLine(cartId, "sku", "USB-002", 2);
        assertEquals(new BigDecimal("47.61"), new BigDecimal(cart.get("total").get("amount").asText()));
        assertStatus(201, post("/api/v1/carts/" + cartId + "/payments",
                Map.of("method", "cash", "amount", Map.of("amount", "50.00", "currency", "USD"))));
        JsonNode order = checkout(cartId);
        assertEquals(3, order.get("taxes").size());
        assertEquals(new BigDecimal("3.63"), new BigDecimal(order.get("taxTotal").get("amount").asText()));
        assertTrue(assertStatus(200, get("/api/v1/orders/" + order.get("id").asText() + "/receipt")).body()
                .contains("USD"));
    }

    @Test
    public void eachRegionalPluginLeavesAndReturnsAtRuntime() {
        for (String[] region : List.of(new String[] {"omnitill-tax-us-sales-tax", "austin-downtown"},
                new String[] {"omnitill-tax-canada", "toronto-queen-west"},
                new String[] {"omnitill-tax-india-gst", "bengaluru-mg-road"})) {
            String cartId = openCart(region[1]);
            addLine(cartId, "sku", "USB-002", 1);
            uninstallFeature(region[0]);
            try {
                await(region[0] + " gone", SETTLE, () -> !cart(cartId).get("taxAvailable").asBoolean());
                assertFalse(isFeatureInstalled(region[0]));
                assertEquals("tax_rule_unavailable", errorCode(422, post("/api/v1/carts/" + cartId + "/payments",
                        Map.of("method", "cash", "amount", cart(cartId).get("due")))));
                // the other regions keep selling
                assertTrue(cart(openCart(BERLIN)).get("taxAvailable").asBoolean());
            } finally {
                installFeature(region[0]);
            }
            await(region[0] + " back", SETTLE, () -> cart(cartId).get("taxAvailable").asBoolean());
            JsonNode due = cart(cartId).get("due");
            assertStatus(201, post("/api/v1/carts/" + cartId + "/payments", Map.of("method", "cash", "amount", due)));
            checkout(cartId);
        }
    }
}
