package org.omnitill.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.omnitill.api.audit.AuditEntry;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.audit.AuditVerification;
import org.omnitill.persistence.NodeIdentity;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.AuditEntryEntity;
import org.omnitill.persistence.model.AuditHeadEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Appends under a pessimistic lock on the single head row, inside the caller's transaction: entries get
 * consecutive sequence numbers across threads and nodes, and an entry commits or rolls back with the act
 * it records. The lock is held until that transaction ends, so callers should record last.
 */
@Component(service = AuditTrail.class)
public class JpaAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(JpaAuditTrail.class);

    /** Rows read per query by verify and export, so a long trail never sits in memory at once. */
    static final int PAGE = 1000;

    private static final String ROW_QUERY = "SELECT e.sequence, e.occurredAtMillis, e.nodeId, e.action, e.actor,"
            + " e.approver, e.target, e.outcome, e.detailsJson, e.previousHash, e.hash FROM AuditEntryEntity e"
            + " WHERE e.sequence > :after AND e.sequence <= :upTo ORDER BY e.sequence";

    private final TransactionRunner tx;
    private final NodeIdentity node;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Activate
    public JpaAuditTrail(@Reference TransactionRunner tx, @Reference NodeIdentity node) {
        this(tx, node, Clock.systemUTC());
    }

    JpaAuditTrail(TransactionRunner tx, NodeIdentity node, Clock clock) {
        this.tx = tx;
        this.node = node;
        this.clock = clock;
        createHeadIfMissing();
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        String nodeId = node.nodeId();
        checkLength("nodeId", nodeId, 64);
        checkLength("action", event.action(), 96);
        checkLength("actor", event.actor(), 128);
        checkLength("approver", event.approver(), 128);
        checkLength("target", event.target(), 255);
        checkLength("outcome", event.outcome(), 16);
        String detailsJson = detailsJson(event.details());
        return tx.required(em -> {
            AuditHeadEntity head = lockedHead(em);
            AuditEntryEntity e = new AuditEntryEntity();
            e.sequence = head.lastSequence + 1;
            e.occurredAtMillis = clock.instant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
            e.nodeId = nodeId;
            e.action = event.action();
            e.actor = event.actor();
            e.approver = event.approver();
            e.target = event.target();
            e.outcome = event.outcome();
            e.detailsJson = detailsJson;
            e.previousHash = head.lastHash;
            e.hash = AuditChain.hash(e.sequence, e.occurredAtMillis, e.nodeId, e.action, e.actor, e.approver,
                    e.target, e.outcome, e.detailsJson, e.previousHash);
            em.persist(e);
            head.lastSequence = e.sequence;
            head.lastHash = e.hash;
            return new AuditEntry(e.sequence, Instant.ofEpochMilli(e.occurredAtMillis), nodeId, event,
                    e.previousHash, e.hash);
        });
    }

    @Override
    public AuditVerification verify() {
        Head head = tx.required(JpaAuditTrail::head);
        // Entries appended while we read are beyond the head we read first, so they cannot look like a break.
        long upTo = head == null ? Long.MAX_VALUE : head.lastSequence();
        long checked = 0;
        long expected = 1;
        String previous = AuditChain.GENESIS;
        List<Row> page;
        do {
            page = page(expected - 1, upTo, PAGE);
            for (Row r : page) {
                checked++;
                if (r.sequence() != expected) {
                    return broken(checked, expected, "entry " + expected + " is missing");
                }
                if (!r.computedHash().equals(r.hash())) {
                    return broken(checked, expected, "hash does not match content");
                }
                if (!previous.equals(r.previousHash())) {
                    return broken(checked, expected, expected == 1 ? "previous hash of the first entry is not 64 zeros"
                            : "previous hash does not match entry " + (expected - 1));
                }
                previous = r.hash();
                expected++;
            }
        } while (page.size() == PAGE);

        long last = expected - 1;
        if (head == null) {
            return last == 0 ? new AuditVerification(true, 0, null, null)
                    : broken(checked, last, "chain ends at " + last + " but the head row is missing");
        }
        if (last != head.lastSequence()) {
            return broken(checked, last + 1, "chain ends at " + last + " but head says " + head.lastSequence());
        }
        if (!previous.equals(head.lastHash())) {
            return broken(checked, last, "head hash does not match entry " + last);
        }
        // Rows past the head are fine only if the head has moved on since (a concurrent append).
        Long max = tx.required(em -> em.createQuery("SELECT MAX(e.sequence) FROM AuditEntryEntity e", Long.class)
                .getSingleResult());
        if (max != null && max > last) {
            Head now = tx.required(JpaAuditTrail::head);
            long headNow = now == null ? 0 : now.lastSequence();
            if (headNow < max) {
                return broken(checked, last + 1, "chain ends at " + max + " but head says " + headNow);
            }
        }
        return new AuditVerification(true, checked, null, null);
    }

    @Override
    public void exportJsonLines(long fromSequence, int limit, OutputStream out) throws IOException {
        long after = Math.max(fromSequence, 1) - 1;
        int remaining = limit;
        while (remaining > 0) {
            int wanted = Math.min(PAGE, remaining);
            List<Row> page = page(after, Long.MAX_VALUE, wanted);
            for (Row r : page) {
                out.write(json.writeValueAsBytes(toJson(r)));
                out.write('\n');
                after = r.sequence();
            }
            remaining -= page.size();
            if (page.size() < wanted) {
                break;
            }
        }
        out.flush();
    }

    private ObjectNode toJson(Row r) {
        ObjectNode o = json.createObjectNode();
        o.put("sequence", r.sequence());
        o.put("occurredAt", Instant.ofEpochMilli(r.occurredAtMillis()).toString());
        o.put("nodeId", r.nodeId());
        o.put("action", r.action());
        o.put("actor", r.actor());
        o.put("approver", r.approver());
        o.put("target", r.target());
        o.put("outcome", r.outcome());
        JsonNode details;
        try {
            details = json.readTree(r.detailsJson());
        } catch (JsonProcessingException e) {
            // a tampered row must still be exportable, as evidence
            details = json.getNodeFactory().textNode(r.detailsJson());
        }
        o.set("details", details);
        o.put("previousHash", r.previousHash());
        o.put("hash", r.hash());
        return o;
    }

    /** Projections, not entities: a joined persistence context does not grow with every page read. */
    private List<Row> page(long after, long upTo, int size) {
        return tx.required(em -> em.createQuery(ROW_QUERY, Object[].class)
                .setParameter("after", after).setParameter("upTo", upTo).setMaxResults(size)
                .getResultList().stream().map(Row::of).toList());
    }

    private static Head head(EntityManager em) {
        AuditHeadEntity h = em.find(AuditHeadEntity.class, AuditHeadEntity.SINGLETON_ID);
        return h == null ? null : new Head(h.lastSequence, h.lastHash);
    }

    private static AuditHeadEntity lockedHead(EntityManager em) {
        AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.SINGLETON_ID,
                LockModeType.PESSIMISTIC_WRITE);
        if (head != null) {
            return head;
        }
        // Normally created at activation; starting over while entries exist would fork the chain.
        Long entries = em.createQuery("SELECT COUNT(e) FROM AuditEntryEntity e", Long.class).getSingleResult();
        if (entries > 0) {
            throw new IllegalStateException("the audit head row is missing while the trail has entries");
        }
        head = newHead();
        em.persist(head);
        em.flush();
        return head;
    }

    /** In its own transaction, before any record(): two nodes starting at once may both try; one insert wins. */
    private void createHeadIfMissing() {
        try {
            tx.required(em -> {
                if (em.find(AuditHeadEntity.class, AuditHeadEntity.SINGLETON_ID) == null) {
                    em.persist(newHead());
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (headExists()) {
                LOG.debug("Another node or thread created the audit head first", e);
            } else {
                // record() creates it on first use; the database may just not be reachable yet
                LOG.warn("Could not create the audit head row: {}", e.getClass().getName());
            }
        }
    }

    private boolean headExists() {
        try {
            return tx.required(JpaAuditTrail::head) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static AuditHeadEntity newHead() {
        AuditHeadEntity head = new AuditHeadEntity();
        head.id = AuditHeadEntity.SINGLETON_ID;
        head.lastSequence = 0;
        head.lastHash = AuditChain.GENESIS;
        return head;
    }

    private String detailsJson(Map<String, String> details) {
        try {
            return json.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** Checked before the insert, so an overlong field fails with its name rather than as an SQL error. */
    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("audit " + field + " is longer than " + max + " characters");
        }
    }

    private static AuditVerification broken(long checked, long sequence, String reason) {
        return new AuditVerification(false, checked, sequence, reason);
    }

    private record Head(long lastSequence, String lastHash) {
    }

    private record Row(long sequence, long occurredAtMillis, String nodeId, String action, String actor,
            String approver, String target, String outcome, String detailsJson, String previousHash, String hash) {

        static Row of(Object[] c) {
            return new Row(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), (String) c[2], (String) c[3],
                    (String) c[4], (String) c[5], (String) c[6], (String) c[7], (String) c[8], (String) c[9],
                    (String) c[10]);
        }

        String computedHash() {
            return AuditChain.hash(sequence, occurredAtMillis, nodeId, action, actor, approver, target, outcome,
                    detailsJson, previousHash);
        }
    }
}
