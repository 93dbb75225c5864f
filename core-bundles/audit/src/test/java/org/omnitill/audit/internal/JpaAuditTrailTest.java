package org.omnitill.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.audit.AuditEntry;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditVerification;
import org.omnitill.persistence.testing.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JpaAuditTrailTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private final TestDatabase db = new TestDatabase();
    private final JpaAuditTrail audit = new JpaAuditTrail(db.tx(), () -> "node-1", Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        db.close();
    }

    private static AuditEvent event(int i) {
        return AuditEvent.success("cart.price.override", "alice", "cart/c" + i + "/line/1",
                Map.of("to", "0.50", "from", "1.00"));
    }

    private void append(int n) {
        for (int i = 1; i <= n; i++) {
            audit.record(event(i));
        }
    }

    private int sql(String statement) {
        return db.tx().required(em -> em.createNativeQuery(statement).executeUpdate());
    }

    private long entries() {
        return db.tx().required(em -> em.createQuery("SELECT COUNT(e) FROM AuditEntryEntity e", Long.class)
                .getSingleResult());
    }

    private static void assertBroken(AuditVerification v, long sequence, String reason) {
        assertFalse(v.intact(), v.toString());
        assertEquals(sequence, v.firstBrokenSequence(), v.toString());
        assertEquals(reason, v.reason());
    }

    @Test
    void emptyTrailIsIntact() {
        assertEquals(new AuditVerification(true, 0, null, null), audit.verify());
    }

    @Test
    void appendsAChainAndVerifiesIt() {
        AuditEntry first = audit.record(event(1));
        AuditEntry second = audit.record(event(2).approvedBy("bob"));

        assertEquals(1, first.sequence());
        assertEquals(AuditChain.GENESIS, first.previousHash());
        assertEquals(Instant.parse("2024-05-01T10:00:00.123Z"), first.occurredAt());
        assertEquals("node-1", first.nodeId());
        assertEquals(2, second.sequence());
        assertEquals(first.hash(), second.previousHash());
        assertEquals("bob", second.event().approver());
        assertEquals("{\"from\":\"1.00\",\"to\":\"0.50\"}", db.tx().required(em ->
                em.createQuery("SELECT e.detailsJson FROM AuditEntryEntity e WHERE e.sequence = 1", String.class)
                        .getSingleResult()));

        assertEquals(new AuditVerification(true, 2, null, null), audit.verify());
    }

    @Test
    void concurrentAppendsGetConsecutiveSequences() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<Long> sequences = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    sequences.add(audit.record(event(thread * 100 + i)).sequence());
                }
                return sequences;
            }));
        }
        start.countDown();
        Set<Long> all = new TreeSet<>();
        for (Future<List<Long>> r : results) {
            all.addAll(r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(400, all.size());
        assertEquals(1L, all.iterator().next());
        assertEquals(400L, ((TreeSet<Long>) all).last());
        assertEquals(new AuditVerification(true, 400, null, null), audit.verify());
    }

    @Test
    void anEditedRowBreaksTheChainThere() {
        append(10);
        assertEquals(1, sql("UPDATE OT_AUDIT_ENTRY SET ACTOR = 'mallory' WHERE SEQUENCE = 5"));
        AuditVerification v = audit.verify();
        assertBroken(v, 5, "hash does not match content");
        assertEquals(5, v.entriesChecked());
    }

    @Test
    void anEditedRowWithARecomputedHashBreaksTheNextLink() {
        append(10);
        String previous = db.tx().required(em -> (String) em.createNativeQuery(
                "SELECT PREVIOUS_HASH FROM OT_AUDIT_ENTRY WHERE SEQUENCE = 5").getSingleResult());
        String forged = AuditChain.hash(5, NOW.toEpochMilli(), "node-1", "cart.price.override", "mallory", null,
                "cart/c5/line/1", "success", "{\"from\":\"1.00\",\"to\":\"0.50\"}", previous);
        sql("UPDATE OT_AUDIT_ENTRY SET ACTOR = 'mallory', HASH = '" + forged + "' WHERE SEQUENCE = 5");
        assertBroken(audit.verify(), 6, "previous hash does not match entry 5");
    }

    @Test
    void aDeletedRowIsReportedMissing() {
        append(10);
        sql("DELETE FROM OT_AUDIT_ENTRY WHERE SEQUENCE = 5");
        assertBroken(audit.verify(), 5, "entry 5 is missing");
    }

    @Test
    void aDeletedLastRowIsDetected() {
        append(10);
        sql("DELETE FROM OT_AUDIT_ENTRY WHERE SEQUENCE = 10");
        assertBroken(audit.verify(), 10, "chain ends at 9 but head says 10");
    }

    @Test
    void aHeadWoundBackIsDetected() {
        append(10);
        sql("UPDATE OT_AUDIT_HEAD SET LAST_SEQUENCE = 8, LAST_HASH = (SELECT HASH FROM OT_AUDIT_ENTRY WHERE SEQUENCE = 8)");
        assertBroken(audit.verify(), 9, "chain ends at 10 but head says 8");
    }

    @Test
    void aHeadWithAForeignHashIsDetected() {
        append(3);
        sql("UPDATE OT_AUDIT_HEAD SET LAST_HASH = '" + "f".repeat(64) + "'");
        assertBroken(audit.verify(), 3, "head hash does not match entry 3");
    }

    @Test
    void verifiesAcrossPages() {
        append(JpaAuditTrail.PAGE + 2);
        assertEquals(new AuditVerification(true, JpaAuditTrail.PAGE + 2, null, null), audit.verify());
        sql("DELETE FROM OT_AUDIT_ENTRY WHERE SEQUENCE = " + (JpaAuditTrail.PAGE + 1));
        assertBroken(audit.verify(), JpaAuditTrail.PAGE + 1, "entry " + (JpaAuditTrail.PAGE + 1) + " is missing");
    }

    @Test
    void anEntryRollsBackWithTheActItRecords() {
        audit.record(event(1));
        assertThrows(IllegalStateException.class, () -> db.tx().required(em -> {
            audit.record(event(2));
            throw new IllegalStateException("the act failed");
        }));
        assertEquals(1, entries());
        assertEquals(2, audit.record(event(3)).sequence());
        assertEquals(new AuditVerification(true, 2, null, null), audit.verify());
    }

    @Test
    void anOverlongFieldIsRefusedBeforeTheDatabase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> audit.record(AuditEvent.success("a", "x".repeat(129), null, null)));
        assertTrue(e.getMessage().contains("actor"), e.getMessage());
        assertEquals(0, entries());
    }

    @Test
    void nodesStartingTogetherCreateOneHead() throws Exception {
        try (TestDatabase fresh = new TestDatabase()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JpaAuditTrail>> trails = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String node = "node-" + i;
                trails.add(pool.submit(() -> {
                    start.await();
                    return new JpaAuditTrail(fresh.tx(), () -> node);
                }));
            }
            start.countDown();
            for (Future<JpaAuditTrail> t : trails) {
                t.get(30, TimeUnit.SECONDS).record(event(1));
            }
            pool.shutdown();
            assertEquals(1L, (long) fresh.tx().required(em -> em.createQuery(
                    "SELECT COUNT(h) FROM AuditHeadEntity h", Long.class).getSingleResult()));
            AuditVerification v = trails.get(0).get().verify();
            assertTrue(v.intact(), v.toString());
            assertEquals(4, v.entriesChecked());
        }
    }

    @Test
    void aMissingHeadIsRecreatedOnlyWhileTheTrailIsEmpty() {
        sql("DELETE FROM OT_AUDIT_HEAD");
        assertEquals(1, audit.record(event(1)).sequence());
        sql("DELETE FROM OT_AUDIT_HEAD");
        assertThrows(IllegalStateException.class, () -> audit.record(event(2)));
        assertBroken(audit.verify(), 1, "chain ends at 1 but the head row is missing");
    }

    @Test
    void exportsJsonLines() throws Exception {
        audit.record(event(1));
        AuditEntry second = audit.record(new AuditEvent("auth.login.failed", "zoë", null, null, AuditEvent.FAILURE,
                Map.of("reason", "bad pin")));
        audit.record(event(3));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportJsonLines(2, 1, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        String[] lines = text.split("\n");
        assertEquals(1, lines.length);

        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertEquals(List.of("sequence", "occurredAt", "nodeId", "action", "actor", "approver", "target", "outcome",
                "details", "previousHash", "hash"), fieldNames(line));
        assertEquals(2, line.get("sequence").asLong());
        assertEquals("2024-05-01T10:00:00.123Z", line.get("occurredAt").asText());
        assertEquals("node-1", line.get("nodeId").asText());
        assertEquals("zoë", line.get("actor").asText());
        assertTrue(line.get("approver").isNull());
        assertTrue(line.get("target").isNull());
        assertEquals("failure", line.get("outcome").asText());
        assertEquals("bad pin", line.get("details").get("reason").asText());
        assertEquals(second.previousHash(), line.get("previousHash").asText());
        assertEquals(second.hash(), line.get("hash").asText());

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        audit.exportJsonLines(0, Integer.MAX_VALUE, all);
        assertEquals(3, all.toString(StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    void exportsAcrossPages() throws Exception {
        append(JpaAuditTrail.PAGE + 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportJsonLines(3, JpaAuditTrail.PAGE + 1, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(JpaAuditTrail.PAGE + 1, lines.length);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(3, mapper.readTree(lines[0]).get("sequence").asLong());
        assertEquals(JpaAuditTrail.PAGE + 3, mapper.readTree(lines[lines.length - 1]).get("sequence").asLong());
    }

    @Test
    void nothingIsExportedForANonPositiveLimit() throws Exception {
        append(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportJsonLines(1, 0, out);
        assertEquals(0, out.size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
