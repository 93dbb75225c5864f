package org.omnitill.order.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.omnitill.api.device.Receipt;
import org.omnitill.api.device.ReceiptPrinter;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the receipts of the order bundle (sales and returns): the whiteboard of
 * {@link ReceiptPrinter} services with the stores each serves ({@link PluginProperties#STORES}),
 * one bounded printing queue worked by one named thread, and printing only after the commit.
 * Printing never undoes a sale or a return: a printer that fails, a full queue and a queue that is
 * shutting down are logged (the order or return number, never the receipt text) and nothing else.
 *
 * <p><b>Why a DS component of its own</b> rather than a helper fed by printer references on each
 * service: DS references live on components, so a helper would still leave two whiteboards (two
 * sets of bind methods with store filters) and two printing threads. As one component that
 * {@link OrderServiceImpl} and {@link ReturnServiceImpl} both reference, the bundle tracks its
 * printers once, and sale and return receipts reach a shared printer one at a time, in the order
 * they committed. Its service type is this class, from a package the bundle does not export, so no
 * other bundle can see or use the service; the class is public only because SCR must construct it.
 */
@Component(service = ReceiptPrinting.class)
public final class ReceiptPrinting {

    /** Receipts that may wait for the printers; beyond this a receipt is not printed (and logged). */
    static final int QUEUE_CAPACITY = 256;
    static final String THREAD_NAME = "omnitill-receipt-printing";

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinting.class);

    /** Each printer with its {@link PluginProperties#STORES} value, {@code *} when it has none. */
    private final Map<ReceiptPrinter, Object> printers = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;

    public ReceiptPrinting() {
        this(QUEUE_CAPACITY);
    }

    ReceiptPrinting(int queueCapacity) {
        executor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, THREAD_NAME);
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Stops taking receipts and gives those queued up to 5 seconds to print. */
    @Deactivate
    void shutdown() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePrinter")
    void addPrinter(ReceiptPrinter printer, Map<String, Object> properties) {
        Object stores = properties.get(PluginProperties.STORES);
        printers.put(printer, stores == null ? "*" : stores);
    }

    void removePrinter(ReceiptPrinter printer) {
        printers.remove(printer);
    }

    /**
     * Prints {@code receipt} on the printers serving {@code storeId} once the transaction on this
     * thread has committed; never if it rolls back. The caller's transaction may be wider than the
     * service's own (idempotency records), so this is the only safe moment.
     *
     * @param what names the receipt in log messages, e.g. {@code "order shop-000001"}
     */
    void printAfterCommit(TransactionRunner tx, Receipt receipt, String storeId, String what) {
        tx.afterCommit(() -> print(receipt, storeId, what));
    }

    /** Queues {@code receipt} for the printers serving {@code storeId}, now. */
    void print(Receipt receipt, String storeId, String what) {
        List<ReceiptPrinter> targets = printers.entrySet().stream()
                .filter(e -> PluginProperties.servesStore(e.getValue(), storeId))
                .map(Map.Entry::getKey).toList();
        if (targets.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> targets.forEach(printer -> {
                try {
                    printer.print(receipt);
                } catch (Exception e) {
                    LOG.warn("Receipt of {} was not printed: {}", what, e.getMessage());
                    LOG.debug("Printer {} failed on the receipt of {}", printer, what, e);
                }
            }));
        } catch (RejectedExecutionException e) {
            LOG.warn("Receipt of {} was not printed: {}", what,
                    executor.isShutdown() ? "receipt printing is stopping" : "too many receipts are waiting to print");
        }
    }
}
