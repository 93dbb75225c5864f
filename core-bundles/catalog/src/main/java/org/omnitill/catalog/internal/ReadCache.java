package org.omnitill.catalog.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * What was last read from the database under a key, kept for a short time. Catalog reads happen on
 * every scan while articles, prices and stores change a few times a day.
 *
 * <p>A write made through this node calls {@link #invalidateAll()} when it starts and again once it has
 * committed, so this node never serves a value older than its own last write. A read that ran while such
 * a write was in progress is not kept: it may have seen the old rows (the generation check). Writes made
 * by another node sharing the database are seen once an entry expires. Absent results are never kept,
 * so an article added elsewhere is found on the next scan.
 */
final class ReadCache<K, V> {

    /** Null when caching is off: every read goes to the database. */
    private final Cache<K, V> entries;
    private final AtomicLong generation = new AtomicLong();

    private ReadCache(Cache<K, V> entries) {
        this.entries = entries;
    }

    static <K, V> ReadCache<K, V> off() {
        return new ReadCache<>(null);
    }

    /** A cache of at most {@code maxEntries} values, each for {@code ttl}; off when either is zero or less. */
    static <K, V> ReadCache<K, V> of(Duration ttl, long maxEntries) {
        return of(ttl, maxEntries, Ticker.systemTicker());
    }

    /** As {@link #of(Duration, long)}, with the time source that expiry reads (tests). */
    static <K, V> ReadCache<K, V> of(Duration ttl, long maxEntries, Ticker ticker) {
        if (ttl.isZero() || ttl.isNegative() || maxEntries <= 0) {
            return off();
        }
        return new ReadCache<>(Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries)
                .ticker(ticker).build());
    }

    Optional<V> get(K key, Supplier<Optional<V>> load) {
        if (entries == null) {
            return load.get();
        }
        V kept = entries.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = generation.get();
        Optional<V> loaded = load.get();
        if (loaded.isPresent() && generation.get() == before) {
            entries.put(key, loaded.get());
            // a write may have started between the check and the put: then drop what was just put
            if (generation.get() != before) {
                entries.invalidate(key);
            }
        }
        return loaded;
    }

    void invalidateAll() {
        generation.incrementAndGet();
        if (entries != null) {
            entries.invalidateAll();
        }
    }

    boolean isOn() {
        return entries != null;
    }
}
