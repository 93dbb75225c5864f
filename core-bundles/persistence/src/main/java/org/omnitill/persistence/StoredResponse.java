package org.omnitill.persistence;

/**
 * The first response given to a request with an idempotency key.
 *
 * @param requestFingerprint identifies the request (method, path, body hash); a key reused for a
 *        different request is an error, not a replay
 */
public record StoredResponse(String requestFingerprint, int status, String body) {
}
