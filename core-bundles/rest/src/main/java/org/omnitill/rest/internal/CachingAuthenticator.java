package org.omnitill.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers successful logins for a short time so that a busy register does not run a JAAS login on
 * every request. Entries are keyed by the SHA-256 of {@code user:password} (the password itself is
 * never kept), expire after the time to live, and the least recently used is dropped beyond the bound.
 * Failed logins are not remembered: a wrong password always goes to the realm.
 *
 * <p>When an entry is missing or has expired, only one request per key asks the realm; requests with
 * the same credentials arriving meanwhile wait for its answer instead of each running a login (a bcrypt
 * hash of tens of milliseconds of CPU): otherwise every busy register's entry expiring at once set off
 * a burst of concurrent logins.
 */
final class CachingAuthenticator implements Authenticator {

    private final Authenticator delegate;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> cache;
    private final Map<String, CompletableFuture<Optional<AuthenticatedUser>>> inFlight = new ConcurrentHashMap<>();

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
        Optional<AuthenticatedUser> cached = fresh(key, now);
        if (cached.isPresent()) {
            return cached;
        }
        // outside the lock: a slow realm must not hold up every other request
        CompletableFuture<Optional<AuthenticatedUser>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<AuthenticatedUser>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Optional<AuthenticatedUser> user = fresh(key, now);
            if (user.isPresent()) {
                // a login with these credentials finished between our look-up and now
                mine.complete(user);
                return user;
            }
            user = delegate.authenticate(username, password);
            user.ifPresent(u -> {
                synchronized (cache) {
                    cache.put(key, new Entry(u, now));
                }
            });
            mine.complete(user);
            return user;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The remembered user for the key if the entry is still fresh; an expired entry is dropped. */
    private Optional<AuthenticatedUser> fresh(String key, long now) {
        synchronized (cache) {
            Entry entry = cache.get(key);
            if (entry != null) {
                if (now - entry.createdAt() < ttlNanos) {
                    return Optional.of(entry.user());
                }
                cache.remove(key);
            }
        }
        return Optional.empty();
    }

    /** The answer of the login that another request with the same credentials is running. */
    private static Optional<AuthenticatedUser> await(CompletableFuture<Optional<AuthenticatedUser>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
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
