package org.omnitill.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.persistence.StoredResponse;
import org.omnitill.persistence.model.OrderSequenceEntity;
import org.omnitill.persistence.testing.TestDatabase;

class JpaTransactionRunnerTest {

    private final TestDatabase db = new TestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    private long sequences() {
        return db.tx().required(em -> em.createQuery("SELECT COUNT(s) FROM OrderSequenceEntity s", Long.class)
                .getSingleResult());
    }

    private static OrderSequenceEntity sequence(String store) {
        OrderSequenceEntity s = new OrderSequenceEntity();
        s.storeId = store;
        return s;
    }

    @Test
    void commitsWorkThatReturns() {
        db.tx().required(em -> {
            em.persist(sequence("a"));
            return null;
        });
        assertEquals(1, sequences());
    }

    @Test
    void nestedCallsShareOneTransactionAndAFailureAnywhereRollsBackAll() {
        assertThrows(IllegalStateException.class, () -> db.tx().required(outer -> {
            outer.persist(sequence("a"));
            return db.tx().required(inner -> {
                assertTrue(inner == outer, "nested work must join the outer EntityManager");
                inner.persist(sequence("b"));
                throw new IllegalStateException("boom");
            });
        }));
        assertEquals(0, sequences());
    }

    @Test
    void aSwallowedNestedFailureStillPreventsCommit() {
        assertThrows(IllegalStateException.class, () -> db.tx().required(outer -> {
            outer.persist(sequence("a"));
            try {
                db.tx().required(inner -> {
                    throw new IllegalArgumentException("bad input");
                });
            } catch (IllegalArgumentException expected) {
                // an outer caller that ignores the failure must not commit half the work
            }
            return null;
        }));
        assertEquals(0, sequences());
    }

    @Test
    void afterCommitActionsRunOnlyWhenTheOutermostTransactionCommits() {
        java.util.List<String> done = new java.util.ArrayList<>();
        db.tx().required(outer -> db.tx().required(inner -> {
            db.tx().afterCommit(() -> done.add("committed"));
            assertTrue(done.isEmpty(), "nothing runs before the outer commit");
            return null;
        }));
        assertEquals(java.util.List.of("committed"), done);
        assertThrows(IllegalStateException.class, () -> db.tx().required(em -> {
            db.tx().afterCommit(() -> done.add("rolled back"));
            throw new IllegalStateException("boom");
        }));
        assertEquals(java.util.List.of("committed"), done);
        db.tx().afterCommit(() -> done.add("no transaction"));
        assertEquals(java.util.List.of("committed", "no transaction"), done);
    }

    @Test
    void idempotencyKeysAreUniquePerPrincipal() {
        JpaIdempotencyStore store = new JpaIdempotencyStore(db.tx());
        store.save("alice", "k1", new StoredResponse("POST /carts", 201, "{}"));
        store.save("bob", "k1", new StoredResponse("POST /carts", 201, "{\"b\":1}"));
        assertEquals("{}", store.find("alice", "k1").orElseThrow().body());
        assertEquals(201, store.find("bob", "k1").orElseThrow().status());
        assertTrue(store.find("alice", "k2").isEmpty());
        assertThrows(PersistenceException.class,
                () -> store.save("alice", "k1", new StoredResponse("POST /carts", 201, "{}")));
    }
}
