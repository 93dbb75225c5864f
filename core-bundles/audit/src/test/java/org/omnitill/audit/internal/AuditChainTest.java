package org.omnitill.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final String ZEROS = "0".repeat(64);

    private static String hash(String action, String actor, String approver) {
        return AuditChain.hash(1, 1_700_000_000_123L, "node-1", action, actor, approver, "t", "success", "{}", ZEROS);
    }

    /** Computed independently (Python hashlib over the documented encoding): stored chains depend on it. */
    @Test
    void encodingIsStable() {
        assertEquals("68a540ce7052f99b3d53582473a7b2e81f09ac4d72cd85dd96daf2892b81254a",
                AuditChain.hash(1, 1_700_000_000_123L, "node-1", "cart.price.override", "alice", null,
                        "cart/1/line/2", "success", "{\"from\":\"1.00\",\"to\":\"0.50\"}", ZEROS));
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertNotEquals(hash("ab", "c", null), hash("a", "bc", null));
        assertNotEquals(hash("a", "", "b"), hash("a", "b", ""));
    }

    @Test
    void nullDiffersFromEmpty() {
        assertNotEquals(hash("a", "b", null), hash("a", "b", ""));
    }

    @Test
    void everyFieldCounts() {
        String base = AuditChain.hash(2, 5, "n", "a", "u", null, "t", "success", "{}", ZEROS);
        assertNotEquals(base, AuditChain.hash(3, 5, "n", "a", "u", null, "t", "success", "{}", ZEROS));
        assertNotEquals(base, AuditChain.hash(2, 6, "n", "a", "u", null, "t", "success", "{}", ZEROS));
        assertNotEquals(base, AuditChain.hash(2, 5, "m", "a", "u", null, "t", "success", "{}", ZEROS));
        assertNotEquals(base, AuditChain.hash(2, 5, "n", "a", "u", null, "t", "failure", "{}", ZEROS));
        assertNotEquals(base, AuditChain.hash(2, 5, "n", "a", "u", null, null, "success", "{}", ZEROS));
        assertNotEquals(base, AuditChain.hash(2, 5, "n", "a", "u", null, "t", "success", "{\"k\":\"v\"}", ZEROS));
        assertNotEquals(base, AuditChain.hash(2, 5, "n", "a", "u", null, "t", "success", "{}", "1".repeat(64)));
    }

    @Test
    void isLowerCaseHexSha256() {
        assertTrue(hash("a", "b", null).matches("[0-9a-f]{64}"));
        assertEquals(64, AuditChain.GENESIS.length());
    }
}
