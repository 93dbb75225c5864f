package org.omnitill.order.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.device.DeviceException;
import org.omnitill.api.device.Receipt;
import org.omnitill.api.device.ReceiptPrinter;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.persistence.TransactionRunner;

class ReceiptPrintingTest {

    private final ReceiptPrinting printing = new ReceiptPrinting();
    private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
    private final Receipt receipt = new Receipt(null, "RECEIPT");

    @AfterEach
    void close() {
        printing.shutdown();
    }

    /** A printer that records its name and the receipt text it printed. */
    private ReceiptPrinter printer(String name) {
        return r -> printed.add(name + ":" + r.text());
    }

    /** What was printed, once everything queued has run. */
    private Set<String> drained(ReceiptPrinting p) {
        p.shutdown();
        return Set.copyOf(new ArrayList<>(printed));
    }

    @Test
    void printsOnThePrintersThatServeTheStore() {
        printing.addPrinter(printer("all"), Map.of());
        printing.addPrinter(printer("wildcard"), Map.of(PluginProperties.STORES, "*"));
        printing.addPrinter(printer("list"), Map.of(PluginProperties.STORES, "a, shop"));
        printing.addPrinter(printer("collection"), Map.of(PluginProperties.STORES, List.of("shop")));
        printing.addPrinter(printer("array"), Map.of(PluginProperties.STORES, new String[] {"b", "shop"}));
        printing.addPrinter(printer("prefix"), Map.of(PluginProperties.STORES, "shopping"));
        printing.addPrinter(printer("other"), Map.of(PluginProperties.STORES, new String[] {"a"}));

        printing.print(receipt, "shop", "order shop-000001");

        assertEquals(Set.of("all:RECEIPT", "wildcard:RECEIPT", "list:RECEIPT", "collection:RECEIPT",
                "array:RECEIPT"), drained(printing));
    }

    @Test
    void aRemovedPrinterPrintsNoMore() {
        ReceiptPrinter gone = printer("gone");
        printing.addPrinter(gone, Map.of());
        printing.addPrinter(printer("stays"), Map.of());
        printing.removePrinter(gone);

        printing.print(receipt, "shop", "order shop-000001");

        assertEquals(Set.of("stays:RECEIPT"), drained(printing));
    }

    @Test
    void aFailingPrinterIsLoggedAndTheOthersStillPrint() {
        printing.addPrinter(r -> {
            throw new DeviceException("paper out");
        }, Map.of(PluginProperties.STORES, "shop"));
        printing.addPrinter(r -> {
            throw new IllegalStateException("driver bug");
        }, Map.of(PluginProperties.STORES, "shop"));
        printing.addPrinter(printer("good"), Map.of(PluginProperties.STORES, "shop"));

        assertDoesNotThrow(() -> printing.print(receipt, "shop", "order shop-000001"));

        assertEquals(Set.of("good:RECEIPT"), drained(printing));
    }

    @Test
    void printsOffTheCallersThreadOnOneNamedDaemonWorker() throws Exception {
        BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
        printing.addPrinter(r -> threads.add(Thread.currentThread()), Map.of());

        printing.print(receipt, "shop", "order shop-000001");
        printing.print(receipt, "shop", "return R-shop-000001");

        Thread first = threads.poll(10, TimeUnit.SECONDS);
        Thread second = threads.poll(10, TimeUnit.SECONDS);
        assertEquals(ReceiptPrinting.THREAD_NAME, first.getName());
        assertTrue(first.isDaemon());
        assertTrue(first != Thread.currentThread());
        assertTrue(first == second, "one worker for sales and returns");
    }

    @Test
    void printsOnlyAfterTheCommitAndNeverForWorkThatRolledBack() {
        printing.addPrinter(printer("p"), Map.of());
        FakeTransactions tx = new FakeTransactions();

        tx.required(em -> {
            printing.printAfterCommit(tx, new Receipt(null, "COMMITTED"), "shop", "order shop-000001");
            assertTrue(printed.isEmpty(), "nothing prints before the commit");
            return null;
        });
        assertThrows(IllegalStateException.class, () -> tx.required(em -> {
            printing.printAfterCommit(tx, new Receipt(null, "ROLLED BACK"), "shop", "order shop-000002");
            throw new IllegalStateException("out of stock");
        }));

        assertEquals(Set.of("p:COMMITTED"), drained(printing));
    }

    @Test
    void afterShutdownAReceiptIsDroppedAndLoggedNotThrown() {
        printing.addPrinter(printer("p"), Map.of());
        printing.shutdown();

        assertDoesNotThrow(() -> printing.print(receipt, "shop", "order shop-000001"));
        assertDoesNotThrow(() -> printing.printAfterCommit(new FakeTransactions(), receipt, "shop", "x"));

        assertEquals(Set.of(), drained(printing));
    }

    @Test
    void theQueueIsBoundedAndAFullQueueDropsTheReceiptInsteadOfBlocking() throws Exception {
        ReceiptPrinting small = new ReceiptPrinting(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        small.addPrinter(r -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            printed.add(r.text());
        }, Map.of());
        try {
            small.print(new Receipt(null, "1"), "shop", "order 1");
            assertTrue(started.await(10, TimeUnit.SECONDS));
            small.print(new Receipt(null, "2"), "shop", "order 2"); // waits in the queue
            assertDoesNotThrow(() -> small.print(new Receipt(null, "3"), "shop", "order 3")); // no room: dropped
        } finally {
            release.countDown();
        }
        assertEquals(Set.of("1", "2"), drained(small));
    }

    @Test
    void withoutAPrinterForTheStoreNothingIsQueued() {
        printing.addPrinter(printer("elsewhere"), Map.of(PluginProperties.STORES, "other"));
        printing.print(receipt, "shop", "order shop-000001");
        assertEquals(Set.of(), drained(printing));
    }

    /** Runs work at once; after-commit actions run when the outermost work returns, never when it throws. */
    private static final class FakeTransactions implements TransactionRunner {
        private List<Runnable> pending;

        @Override
        public <T> T required(Function<EntityManager, T> work) {
            if (pending != null) {
                return work.apply(null);
            }
            pending = new ArrayList<>();
            T result;
            try {
                result = work.apply(null);
            } catch (RuntimeException e) {
                pending = null;
                throw e;
            }
            List<Runnable> actions = pending;
            pending = null;
            actions.forEach(Runnable::run);
            return result;
        }

        @Override
        public void afterCommit(Runnable action) {
            if (pending == null) {
                action.run();
            } else {
                pending.add(action);
            }
        }
    }
}
