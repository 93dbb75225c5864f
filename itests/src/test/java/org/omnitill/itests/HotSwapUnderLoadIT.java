package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.tax.TaxRule;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Registers keep selling at concurrency 8 while the tax plugin's bundle is updated to a newer version
 * with a changed rate and the receipt printer is uninstalled and installed again: no checkout may
 * fail, carts priced after the update use the new rate, orders placed before it keep the tax they were
 * sold with. Asserts correctness only; speed is for the benchmarks.
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
            JsonNode soldBefore = checkout(paidCart(STORE, "NTB-001", 1));
            assertRate("19", soldBefore.get("taxes"));
            Bundle tax = bundle("org.omnitill.tax.euvat");
            long oldServiceId = taxRuleServiceId();
            byte[] newerVersion = withGermanStandardRate(tax, "21");
            long updating = System.nanoTime();
            tax.update(new ByteArrayInputStream(newerVersion)); // stop, new revision, start
            await("the updated tax rule is registered", Duration.ofSeconds(30),
                    () -> taxRuleServiceId() != -1 && taxRuleServiceId() != oldServiceId);
            double swapSeconds = (System.nanoTime() - updating) / 1e9;
            System.out.printf("[omnitill-itests] %s: tax bundle update in effect after %.2f s%n", database(), swapSeconds);
            awaitSales(completed.get() + 20);

            assertEquals("0.1.0.hotswap", tax.getVersion().toString());
            String after = openCart(STORE);
            assertRate("21", addLine(after, "sku", "NTB-001", 1).get("taxes"));
            JsonNode stored = assertStatus(200, get("/api/v1/orders/" + soldBefore.get("id").asText())).json();
            assertEquals("an order keeps the tax it was sold with", soldBefore.get("taxes"), stored.get("taxes"));
            assertEquals(soldBefore.get("taxTotal"), stored.get("taxTotal"));

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
        try {
            Collection<ServiceReference<TaxRule>> refs = bundleContext.getServiceReferences(TaxRule.class,
                    "(omnitill.plugin.id=eu-vat)");
            return refs.isEmpty() ? -1 : (Long) refs.iterator().next().getProperty("service.id");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRate(String percent, JsonNode taxes) {
        assertEquals(taxes.toString(), 1, taxes.size());
        assertEquals(taxes.toString(), new BigDecimal(percent), taxes.get(0).get("rate").decimalValue());
    }

    /**
     * The installed EU VAT bundle as a newer version whose data raises Germany's standard rate from
     * today: what a franchise gets when a rate change is published. The rates are data, so only the
     * CSV and the version change.
     */
    private static byte[] withGermanStandardRate(Bundle bundle, String percent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new URL(bundle.getLocation()).openStream())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", "0.1.0.hotswap");
            try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().endsWith("/vat-rates.csv")) {
                        content = (new String(content, StandardCharsets.UTF_8) + "\nDE,standard," + percent + ","
                                + LocalDate.now() + ",MwSt " + percent + "%\n").getBytes(StandardCharsets.UTF_8);
                    }
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    jar.write(content);
                    jar.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private void awaitSales(int count) {
        await(count + " checkouts (have " + completed.get() + ", failures " + failures + ")", Duration.ofSeconds(120),
                () -> completed.get() >= count);
    }
}
