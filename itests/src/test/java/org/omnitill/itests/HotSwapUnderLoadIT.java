package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.Test;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.tax.TaxRule;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Registers keep selling at concurrency 8 while the tax plugin's bundle is updated and the receipt
 * printer is uninstalled and installed again: no checkout may fail, and the new tax bundle must be
 * in effect within seconds. Asserts correctness only; speed is for the benchmarks.
 */
public class HotSwapUnderLoadIT extends SaleTestSupport {

    private static final int REGISTERS = 8;
    private static final String STORE = "hamburg-altona";
    /** Three articles scanned by barcode in every sale: positions 4, 21 and 14 of the demo catalog. */
    private static final List<String> SKUS = List.of("MLK-001", "WAT-001", "PAS-001");

    @Inject
    protected InventoryService inventory;

    private final AtomicBoolean selling = new AtomicBoolean(true);
    private final AtomicInteger completed = new AtomicInteger();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    @Test
    public void noCheckoutFailsWhilePluginsAreSwapped() throws Exception {
        List<String> barcodes = SKUS.stream().map(sku -> {
            inventory.add(STORE, sku, new BigDecimal("100000"), "receipt", "HotSwapUnderLoadIT");
            return assertStatus(200, get("/api/v1/products/" + sku)).json().get("barcodes").get(0).asText();
        }).toList();

        ExecutorService registers = Executors.newFixedThreadPool(REGISTERS);
        for (int i = 0; i < REGISTERS; i++) {
            registers.submit(() -> {
                while (selling.get()) {
                    sellOnce(barcodes);
                }
            });
        }
        try {
            awaitSales(20);
            Bundle tax = bundle("org.omnitill.tax.euvat");
            long oldServiceId = taxRuleServiceId();
            long updating = System.nanoTime();
            tax.update(); // re-reads the bundle from its location: stop, new revision, start
            await("the updated tax rule is registered", Duration.ofSeconds(30),
                    () -> taxRuleServiceId() != -1 && taxRuleServiceId() != oldServiceId);
            double swapSeconds = (System.nanoTime() - updating) / 1e9;
            System.out.printf("[omnitill-itests] %s: tax bundle update in effect after %.2f s%n", database(), swapSeconds);
            awaitSales(completed.get() + 20);

            uninstallFeature("omnitill-device-receipt-printer");
            awaitSales(completed.get() + 20);
            installFeature("omnitill-device-receipt-printer");
            awaitSales(completed.get() + 20);
        } finally {
            selling.set(false);
            registers.shutdown();
            assertTrue(registers.awaitTermination(60, TimeUnit.SECONDS));
        }
        System.out.printf("[omnitill-itests] %s: %d checkouts during the swaps, failures %s%n", database(),
                completed.get(), failures);
        assertEquals("failed checkouts while swapping plugins: " + failures, Map.of(), Map.copyOf(failures));
        assertTrue(completed.get() >= 80);
    }

    /** One whole sale as a register makes it: cart, three scans, cash, checkout. */
    private void sellOnce(List<String> barcodes) {
        String step = "open";
        try {
            Response created = post("/api/v1/carts", Map.of("store", STORE, "channel", "register"));
            String cartId = expect(201, created).json().get("id").asText();
            Response line = null;
            for (String barcode : barcodes) {
                step = "scan";
                line = expect(201, post("/api/v1/carts/" + cartId + "/lines", Map.of("barcode", barcode, "quantity", 1)));
            }
            step = "pay";
            expect(201, post("/api/v1/carts/" + cartId + "/payments", Map.of("method", "cash",
                    "amount", line.json().get("due"))));
            step = "checkout";
            expect(201, post("/api/v1/carts/" + cartId + "/checkout", null));
            completed.incrementAndGet();
        } catch (AssertionError | RuntimeException e) {
            failures.computeIfAbsent(step + ": " + shortly(e.getMessage()), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError(response.status() + " " + response.body());
        }
        return response;
    }

    private static String shortly(String message) {
        return message == null ? "?" : message.length() > 160 ? message.substring(0, 160) : message;
    }

    private long taxRuleServiceId() {
        ServiceReference<TaxRule> ref = bundleContext.getServiceReference(TaxRule.class);
        return ref == null ? -1 : (Long) ref.getProperty("service.id");
    }

    private void awaitSales(int count) {
        await(count + " checkouts (have " + completed.get() + ", failures " + failures + ")", Duration.ofSeconds(120),
                () -> completed.get() >= count);
    }
}
