package org.omnitill.payment.cardterminal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The {@code MessageHeader.ServiceID}s of the Terminal API: at most ten characters, unique per request
 * for a SaleID (Adyen Terminal API reference, MessageHeader).
 *
 * <p>A sale and a reversal get an id derived from our own idempotency key (payment id, refund id), so
 * that after a timeout or a restart a {@code TransactionStatusRequest} can name the transaction without
 * anything having been stored: one letter for the kind, then nine base-32 characters (45 bits) of the
 * SHA-256 of kind and key. Requests that are never looked up again (status, abort) get a random id with
 * a letter of their own, so they never collide with a derived one.
 */
final class ServiceIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int CHARS = 9;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServiceIds() {
    }

    /** The ServiceID of the {@code PaymentRequest} for a payment id. */
    static String payment(String paymentId) {
        return derived('P', paymentId);
    }

    /** The ServiceID of the {@code ReversalRequest} that voids a payment (cancel before checkout). */
    static String voidOf(String paymentId) {
        return derived('V', paymentId);
    }

    /** The ServiceID of the {@code ReversalRequest} of a refund. */
    static String refund(String refundId) {
        return derived('R', refundId);
    }

    /** A fresh ServiceID for a request nobody asks about later: {@code S}tatus or {@code A}bort. */
    static String oneOff(char kind) {
        if (kind != 'S' && kind != 'A') {
            throw new IllegalArgumentException("one-off ServiceIDs are S (status) or A (abort), not " + kind);
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return kind + base32(bytes);
    }

    private static String derived(char kind, String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
            return kind + base32(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The first {@value #CHARS} base-32 characters of the bytes (5 bits each). */
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(CHARS);
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits = (bits << 8) | (bytes[i] & 0xFF);
        }
        // 48 bits read; the top 45 make nine characters.
        for (int i = 0; i < CHARS; i++) {
            int shift = 48 - 5 * (i + 1);
            out.append(BASE32[(int) ((bits >>> shift) & 0x1F)]);
        }
        return out.toString();
    }
}
