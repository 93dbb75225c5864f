package org.omnitill.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit entry. Every field is encoded unambiguously before hashing: numbers as 8 bytes,
 * strings as a presence byte, a 4-byte length and their UTF-8 bytes, so that ("ab", "c") and
 * ("a", "bc") differ, and so do null and "". Changing this encoding breaks every stored chain.
 */
final class AuditChain {

    /** The previous hash of the first entry, and the head's hash while the trail is empty. */
    static final String GENESIS = "0".repeat(64);

    /** Hashed first, so that a later encoding can never produce the same bytes as this one. */
    private static final String FORMAT = "omnitill-audit-v1";

    private AuditChain() {
    }

    static String hash(long sequence, long occurredAtMillis, String nodeId, String action, String actor,
            String approver, String target, String outcome, String detailsJson, String previousHash) {
        MessageDigest sha = sha256();
        string(sha, FORMAT);
        number(sha, sequence);
        number(sha, occurredAtMillis);
        string(sha, nodeId);
        string(sha, action);
        string(sha, actor);
        string(sha, approver);
        string(sha, target);
        string(sha, outcome);
        string(sha, detailsJson);
        string(sha, previousHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void number(MessageDigest sha, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (value >>> shift));
        }
    }

    private static void string(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        int n = bytes.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
