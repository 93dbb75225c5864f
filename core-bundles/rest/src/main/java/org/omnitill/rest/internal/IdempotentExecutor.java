package org.omnitill.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import javax.persistence.PersistenceException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.persistence.IdempotencyStore;
import org.omnitill.persistence.StoredResponse;
import org.omnitill.persistence.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a POST at most once per {@code Idempotency-Key} and user. In one transaction it looks the key
 * up; a stored response for the same request (method, path and SHA-256 of the body) is replayed, one
 * for a different request is {@code idempotency_key_reused} (422); otherwise the work runs (the
 * services join the transaction), its result is serialised and saved with the key, and all of it
 * commits together. If a concurrent request with the same key commits first, ours fails at commit;
 * the winner's response is then read in a new transaction and replayed. Failures are never stored:
 * a failed request changed nothing and may be retried with the same key.
 *
 * <p>Without a key the work still runs in one transaction, with its result serialised inside it.
 */
final class IdempotentExecutor {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    /** Paths longer than this are hashed in the fingerprint, which the store keeps in 512 characters. */
    private static final int MAX_PATH_IN_FINGERPRINT = 300;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentExecutor.class);

    private final TransactionRunner tx;
    private final IdempotencyStore store;
    private final ObjectMapper json;

    IdempotentExecutor(TransactionRunner tx, IdempotencyStore store, ObjectMapper json) {
        this.tx = tx;
        this.store = store;
        this.json = json;
    }

    /**
     * A POST to run.
     *
     * @param principal the authenticated user's name: keys are per user
     * @param key the Idempotency-Key header, or null if the client sent none
     * @param path the request path below the application, e.g. {@code carts/42/lines}
     * @param body the request body as received (empty if none)
     */
    record Call(String principal, String key, String method, String path, byte[] body) {
    }

    /** The response to give: a status and a JSON body, and whether it is a replay of an earlier one. */
    record Outcome(int status, String body, boolean replayed) {
    }

    /** Runs {@code work} (unless replaying) and answers {@code status} with its result as JSON. */
    Outcome execute(Call call, int status, Supplier<?> work) {
        String key = validKey(call.key());
        if (key == null) {
            return tx.required(em -> new Outcome(status, serialize(work.get()), false));
        }
        String fingerprint = fingerprint(call);
        try {
            return tx.required(em -> {
                Optional<StoredResponse> earlier = store.find(call.principal(), key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), fingerprint);
                }
                String body = serialize(work.get());
                store.save(call.principal(), key, new StoredResponse(fingerprint, status, body));
                return new Outcome(status, body, false);
            });
        } catch (PersistenceException commitFailure) {
            Optional<StoredResponse> winner;
            try {
                winner = tx.required(em -> store.find(call.principal(), key));
            } catch (RuntimeException lookupFailure) {
                if (lookupFailure != commitFailure) {
                    commitFailure.addSuppressed(lookupFailure);
                }
                throw commitFailure;
            }
            if (winner.isEmpty()) {
                throw commitFailure;
            }
            LOG.debug("a concurrent request with the same idempotency key won; replaying its response");
            return replay(winner.get(), fingerprint);
        }
    }

    private static Outcome replay(StoredResponse stored, String fingerprint) {
        if (!stored.requestFingerprint().equals(fingerprint)) {
            throw OmnitillException.unprocessable("idempotency_key_reused",
                    "this Idempotency-Key was already used for a different request");
        }
        return new Outcome(stored.status(), stored.body(), true);
    }

    private String serialize(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + (result == null ? "null" : result.getClass().getName()), e);
        }
    }

    /** The key, or null when none was sent; anything but 1 to 255 printable ASCII characters is refused. */
    static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.isBlank()) {
            throw invalidKey();
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalidKey();
            }
        }
        return key;
    }

    private static OmnitillException invalidKey() {
        return OmnitillException.invalid("invalid_idempotency_key",
                KEY_HEADER + " must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
    }

    /** {@code METHOD path sha256(body)}; a very long path is itself hashed. */
    static String fingerprint(Call call) {
        String path = call.path() == null ? "" : call.path();
        if (path.length() > MAX_PATH_IN_FINGERPRINT) {
            path = "sha256:" + sha256(path.getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = call.body() == null ? new byte[0] : call.body();
        return call.method() + " " + path + " " + sha256(body);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
