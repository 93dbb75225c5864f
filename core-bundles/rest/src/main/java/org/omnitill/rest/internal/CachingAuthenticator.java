package org.omnitill.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Remembers successful logins for a short time so that a busy register does not run a JAAS login on
 * every request. Entries are keyed by the SHA-256 of {@code user:password} (the password itself is
 * never kept), expire after the time to live, and the least recently used is dropped beyond the bound.
 * Failed logins are not remembered: a wrong password always goes to the realm.
 */
final class CachingAuthenticator implements Authenticator {

    private final Authenticator delegate;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> cache;

    CachingAuthenticator(Authenticator delegate, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, String password) {
        String key = key(username, password);
        long now = nanoTime.getAsLong();
        synchronized (cache) {
            Entry entry = cache.get(key);
            if (entry != null) {
                if (now - entry.createdAt() < ttlNanos) {
                    return Optional.of(entry.user());
                }
                cache.remove(key);
            }
        }
        // outside the lock: a slow realm must not hold up every other request
        Optional<AuthenticatedUser> user = delegate.authenticate(username, password);
        user.ifPresent(u -> {
            synchronized (cache) {
                cache.put(key, new Entry(u, now));
            }
        });
        return user;
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private record Entry(AuthenticatedUser user, long createdAt) {
    }
}
