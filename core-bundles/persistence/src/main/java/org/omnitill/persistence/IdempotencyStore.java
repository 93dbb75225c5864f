package org.omnitill.persistence;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Remembers the response to each request sent with an {@code Idempotency-Key}, per user, so that a
 * retry returns the first result instead of doing the work again. Both methods join the caller's
 * transaction; save the response in the same transaction as the work it describes.
 */
@ProviderType
public interface IdempotencyStore {

    Optional<StoredResponse> find(String principal, String key);

    /**
     * Records the response. If a concurrent request with the same key commits first, the caller's
     * transaction fails at commit with a {@link javax.persistence.PersistenceException}; the caller
     * then reads the winner's response with {@link #find}.
     */
    void save(String principal, String key, StoredResponse response);
}
