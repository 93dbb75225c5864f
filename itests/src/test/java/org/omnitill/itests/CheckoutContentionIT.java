package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.omnitill.api.inventory.InventoryService;

/** 64 buyers race for the last 10 units of one article: exactly 10 orders, the rest a clear out-of-stock answer, stock 0. */
public class CheckoutContentionIT extends SaleTestSupport {

    private static final String SKU = "UMB-001";
    private static final int UNITS = 10;
    private static final int BUYERS = 64;

    @Inject
    protected InventoryService inventory;

    @Test
    public void concurrentCheckoutsSellExactlyTheLastUnits() throws Exception {
        // bring the article down to its last few units at the store
        BigDecimal surplus = onHand(SKU, AMSTERDAM).subtract(BigDecimal.valueOf(UNITS));
        if (surplus.signum() > 0) {
            inventory.remove(AMSTERDAM, SKU, surplus, "count-correction", "CheckoutContentionIT");
        }
        assertEquals(0, BigDecimal.valueOf(UNITS).compareTo(onHand(SKU, AMSTERDAM)));

        List<String> carts = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            carts.add(paidCart(AMSTERDAM, SKU, 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (String cartId : carts) {
            answers.add(pool.submit(() -> {
                go.await();
                return post("/api/v1/carts/" + cartId + "/checkout", null);
            }));
        }
        go.countDown();
        int sold = 0;
        int outOfStock = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get(120, TimeUnit.SECONDS);
            if (response.status() == 201) {
                sold++;
            } else {
                assertEquals("out_of_stock", errorCode(409, response));
                outOfStock++;
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(UNITS, sold);
        assertEquals(BUYERS - UNITS, outOfStock);
        assertEquals(0, BigDecimal.ZERO.compareTo(onHand(SKU, AMSTERDAM)));
        long open = carts.stream().filter(id -> cart(id).get("status").asText().equals("OPEN")).count();
        assertEquals("carts refused for stock stay open, with their payments", BUYERS - UNITS, open);
    }
}
