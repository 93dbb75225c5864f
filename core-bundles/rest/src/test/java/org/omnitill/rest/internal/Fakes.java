package org.omnitill.rest.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.persistence.EntityExistsException;
import javax.persistence.EntityManager;
import javax.persistence.RollbackException;

import org.omnitill.persistence.IdempotencyStore;
import org.omnitill.persistence.StoredResponse;
import org.omnitill.persistence.TransactionRunner;

/**
 * An in-memory stand-in for the database behind {@link TransactionRunner} and
 * {@link IdempotencyStore}, honest where the executor depends on it: work joins the thread's
 * transaction, writes stay private to their transaction until it commits, a commit that would break
 * the unique (principal, key) constraint fails with a {@link RollbackException} as the JPA runner's
 * does, and any exception rolls everything back.
 */
final class Fakes {

    private Fakes() {
    }

    static final class Database {
        private final Map<String, StoredResponse> committed = new HashMap<>();
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();

        synchronized Optional<StoredResponse> committed(String principal, String key) {
            return Optional.ofNullable(committed.get(id(principal, key)));
        }

        synchronized int size() {
            return committed.size();
        }

        private synchronized void commit(Map<String, StoredResponse> staged) {
            for (String id : staged.keySet()) {
                if (committed.containsKey(id)) {
                    throw new RollbackException("unique constraint OT_IDEMPOTENCY_KEY violated",
                            new EntityExistsException(id));
                }
            }
            committed.putAll(staged);
        }

        static String id(String principal, String key) {
            return principal + "\u0000" + key;
        }
    }

    /** Transactions of one thread: a private write set, joined by nested calls. */
    static final class TransactionRunnerFake implements TransactionRunner {
        private final Database db;
        private final ThreadLocal<Map<String, StoredResponse>> current = new ThreadLocal<>();
        private final ThreadLocal<java.util.List<Runnable>> afterCommit = new ThreadLocal<>();
        /** Runs just before a commit, to let a test order concurrent commits. */
        volatile Runnable beforeCommit = () -> { };

        TransactionRunnerFake(Database db) {
            this.db = db;
        }

        @Override
        public <T> T required(Function<EntityManager, T> work) {
            if (current.get() != null) {
                return work.apply(null);
            }
            Map<String, StoredResponse> staged = new HashMap<>();
            java.util.List<Runnable> actions = new java.util.ArrayList<>();
            current.set(staged);
            afterCommit.set(actions);
            T result;
            try {
                result = work.apply(null);
                beforeCommit.run();
                db.commit(staged);
                db.commits.incrementAndGet();
            } catch (RuntimeException | Error e) {
                db.rollbacks.incrementAndGet();
                throw e;
            } finally {
                current.remove();
                afterCommit.remove();
            }
            actions.forEach(Runnable::run);
            return result;
        }

        @Override
        public void afterCommit(Runnable action) {
            java.util.List<Runnable> actions = afterCommit.get();
            if (actions == null) {
                action.run();
            } else {
                actions.add(action);
            }
        }

        Map<String, StoredResponse> transaction() {
            Map<String, StoredResponse> staged = current.get();
            if (staged == null) {
                throw new IllegalStateException("the idempotency store joins the caller's transaction; there is none");
            }
            return staged;
        }
    }

    static final class IdempotencyStoreFake implements IdempotencyStore {
        private final Database db;
        private final TransactionRunnerFake tx;

        IdempotencyStoreFake(Database db, TransactionRunnerFake tx) {
            this.db = db;
            this.tx = tx;
        }

        @Override
        public Optional<StoredResponse> find(String principal, String key) {
            StoredResponse mine = tx.transaction().get(Database.id(principal, key));
            return mine != null ? Optional.of(mine) : db.committed(principal, key);
        }

        @Override
        public void save(String principal, String key, StoredResponse response) {
            if (tx.transaction().putIfAbsent(Database.id(principal, key), response) != null) {
                throw new EntityExistsException("already saved in this transaction");
            }
        }
    }
}
