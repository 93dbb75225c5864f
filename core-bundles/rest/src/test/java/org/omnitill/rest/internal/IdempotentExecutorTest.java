package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.persistence.StoredResponse;

class IdempotentExecutorTest {

    private final Fakes.Database db = new Fakes.Database();
    private final Fakes.TransactionRunnerFake tx = new Fakes.TransactionRunnerFake(db);
    private final Fakes.IdempotencyStoreFake store = new Fakes.IdempotencyStoreFake(db, tx);
    private final IdempotentExecutor executor = new IdempotentExecutor(tx, store, OmnitillJson.newMapper());
    private final AtomicInteger runs = new AtomicInteger();

    private static IdempotentExecutor.Call call(String user, String key, String path, String body) {
        return new IdempotentExecutor.Call(user, key, "POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    private Object work() {
        return Map.of("id", "cart-" + runs.incrementAndGet());
    }

    @Test
    void withoutAKeyTheWorkRunsEveryTimeInATransactionAndNothingIsStored() {
        IdempotentExecutor.Outcome first = executor.execute(call("anna", null, "carts", "{}"), 201, this::work);
        IdempotentExecutor.Outcome second = executor.execute(call("anna", null, "carts", "{}"), 201, this::work);
        assertEquals(2, runs.get());
        assertEquals(new IdempotentExecutor.Outcome(201, "{\"id\":\"cart-1\"}", false), first);
        assertEquals("{\"id\":\"cart-2\"}", second.body());
        assertEquals(0, db.size());
        assertEquals(2, db.commits.get());
    }

    @Test
    void theFirstResponseIsStoredWithTheWorkAndReplayedForTheSameRequest() {
        IdempotentExecutor.Outcome first = executor.execute(call("anna", "k-1", "carts", "{\"store\":\"s1\"}"), 201, this::work);
        IdempotentExecutor.Outcome again = executor.execute(call("anna", "k-1", "carts", "{\"store\":\"s1\"}"), 201, this::work);

        assertEquals(1, runs.get());
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.status(), again.status());
        assertEquals(first.body(), again.body());
        StoredResponse stored = db.committed("anna", "k-1").orElseThrow();
        assertEquals(201, stored.status());
        assertEquals(first.body(), stored.body());
        assertEquals("POST carts " + IdempotentExecutor.sha256("{\"store\":\"s1\"}".getBytes(StandardCharsets.UTF_8)),
                stored.requestFingerprint());
    }

    @Test
    void aKeyReusedForAnotherBodyOrPathIs422AndRunsNothing() {
        executor.execute(call("anna", "k-1", "carts", "{\"store\":\"s1\"}"), 201, this::work);

        OmnitillException otherBody = assertThrows(OmnitillException.class,
                () -> executor.execute(call("anna", "k-1", "carts", "{\"store\":\"s2\"}"), 201, this::work));
        assertEquals("idempotency_key_reused", otherBody.code());
        assertEquals(ErrorKind.UNPROCESSABLE, otherBody.kind());

        OmnitillException otherPath = assertThrows(OmnitillException.class,
                () -> executor.execute(call("anna", "k-1", "carts/c1/lines", "{\"store\":\"s1\"}"), 201, this::work));
        assertEquals("idempotency_key_reused", otherPath.code());
        assertEquals(1, runs.get());
        assertEquals(1, db.size());
    }

    @Test
    void keysBelongToOneUser() {
        executor.execute(call("anna", "k-1", "carts", "{}"), 201, this::work);
        IdempotentExecutor.Outcome bob = executor.execute(call("bob", "k-1", "carts", "{}"), 201, this::work);
        assertFalse(bob.replayed());
        assertEquals(2, runs.get());
        assertEquals(2, db.size());
    }

    @Test
    void aFailedRequestIsNotStoredAndMayBeRetriedWithTheSameKey() {
        OmnitillException failure = OmnitillException.conflict("out_of_stock", "none left");
        assertSame(failure, assertThrows(OmnitillException.class,
                () -> executor.execute(call("anna", "k-1", "carts/c1/checkout", ""), 201, () -> {
                    throw failure;
                })));
        assertEquals(0, db.size());
        assertEquals(1, db.rollbacks.get());

        IdempotentExecutor.Outcome retry = executor.execute(call("anna", "k-1", "carts/c1/checkout", ""), 201, this::work);
        assertFalse(retry.replayed());
        assertEquals(1, db.size());
    }

    @Test
    void aConcurrentTwinThatCommitsFirstWinsAndTheLoserReplaysItsResponse() throws Exception {
        CyclicBarrier bothLookedUp = new CyclicBarrier(2);
        IdempotentExecutor.Call call = call("anna", "k-1", "carts", "{\"store\":\"s1\"}");
        List<IdempotentExecutor.Outcome> outcomes = runTwice(() -> executor.execute(call, 201, () -> {
            await(bothLookedUp); // both have looked the key up and found nothing
            return work();
        }));

        assertEquals(2, runs.get(), "both did the work; the loser's was rolled back");
        assertEquals(1, db.size());
        assertEquals(1, db.rollbacks.get());
        assertEquals(outcomes.get(0).body(), outcomes.get(1).body(), "both answer with the winner's response");
        assertEquals(1, outcomes.stream().filter(IdempotentExecutor.Outcome::replayed).count());
        assertEquals(db.committed("anna", "k-1").orElseThrow().body(), outcomes.get(0).body());
    }

    @Test
    void aConcurrentTwinWithAnotherBodyMakesTheLoser422() throws Exception {
        CyclicBarrier bothLookedUp = new CyclicBarrier(2);
        AtomicInteger which = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = threads.invokeAll(List.of(() -> {
                String body = "{\"n\":" + which.incrementAndGet() + "}";
                try {
                    return executor.execute(call("anna", "k-1", "carts", body), 201, () -> {
                        await(bothLookedUp);
                        return work();
                    });
                } catch (OmnitillException e) {
                    return e;
                }
            }, () -> {
                String body = "{\"n\":" + which.incrementAndGet() + "}";
                try {
                    return executor.execute(call("anna", "k-1", "carts", body), 201, () -> {
                        await(bothLookedUp);
                        return work();
                    });
                } catch (OmnitillException e) {
                    return e;
                }
            }), 10, TimeUnit.SECONDS);
            long reused = 0;
            for (Future<Object> f : futures) {
                Object result = f.get();
                if (result instanceof OmnitillException e) {
                    assertEquals("idempotency_key_reused", e.code());
                    reused++;
                }
            }
            assertEquals(1, reused);
            assertEquals(1, db.size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPersistenceFailureWithoutAWinnerIsRethrown() {
        OptimisticLockException stale = new OptimisticLockException("cart changed");
        assertSame(stale, assertThrows(OptimisticLockException.class,
                () -> executor.execute(call("anna", "k-1", "carts/c1/lines", "{}"), 201, () -> {
                    throw stale;
                })));
        PersistenceException commit = new PersistenceException("disk full");
        tx.beforeCommit = () -> {
            throw commit;
        };
        assertSame(commit, assertThrows(PersistenceException.class,
                () -> executor.execute(call("anna", "k-2", "carts", "{}"), 201, this::work)));
        assertEquals(0, db.size());
    }

    @Test
    void keysMustBe1To255PrintableAsciiCharacters() {
        assertEquals("a", IdempotentExecutor.validKey("a"));
        assertEquals("x".repeat(255), IdempotentExecutor.validKey("x".repeat(255)));
        assertEquals("3f0a-9c ~!", IdempotentExecutor.validKey("3f0a-9c ~!"));
        for (String bad : new String[] { "", "   ", "x".repeat(256), "line\nbreak", "tab\t", "schlüssel", "\u0000" }) {
            OmnitillException e = assertThrows(OmnitillException.class,
                    () -> executor.execute(call("anna", bad, "carts", "{}"), 201, this::work), bad);
            assertEquals("invalid_idempotency_key", e.code());
        }
        assertEquals(0, runs.get());
    }

    @Test
    void fingerprintsFitTheStoreEvenForLongPaths() {
        String fingerprint = IdempotentExecutor.fingerprint(call("anna", "k", "carts/" + "x".repeat(2000) + "/lines", "{}"));
        assertTrue(fingerprint.length() <= 512, fingerprint);
        assertNotEquals(fingerprint,
                IdempotentExecutor.fingerprint(call("anna", "k", "carts/" + "y".repeat(2000) + "/lines", "{}")));
    }

    private static <T> List<T> runTwice(java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = threads.invokeAll(List.of(task, task), 10, TimeUnit.SECONDS);
            return List.of(futures.get(0).get(), futures.get(1).get());
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
