package org.omnitill.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ReadCache<String, String> cache = ReadCache.of(Duration.ofSeconds(30), 100, nanos::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load(String value) {
        loads.incrementAndGet();
        return Optional.ofNullable(value);
    }

    @Test
    void aValueIsReadOnceUntilItExpires() {
        assertEquals(Optional.of("v1"), cache.get("k", () -> load("v1")));
        assertEquals(Optional.of("v1"), cache.get("k", () -> load("v2")));
        assertEquals(1, loads.get());

        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertEquals(Optional.of("v2"), cache.get("k", () -> load("v2")));
        assertEquals(2, loads.get());
    }

    @Test
    void anAbsentValueIsNotKept() {
        assertTrue(cache.get("k", () -> load(null)).isEmpty());
        assertEquals(Optional.of("added"), cache.get("k", () -> load("added")));
        assertEquals(2, loads.get());
    }

    @Test
    void invalidatingReadsAgain() {
        cache.get("k", () -> load("old"));
        cache.invalidateAll();
        assertEquals(Optional.of("new"), cache.get("k", () -> load("new")));
    }

    @Test
    void aReadThatOverlappedAWriteIsNotKept() {
        // the write starts (and empties the cache) while the read is loading: the read may hold old rows
        assertEquals(Optional.of("old"), cache.get("k", () -> {
            cache.invalidateAll();
            return load("old");
        }));
        assertEquals(Optional.of("new"), cache.get("k", () -> load("new")));
        assertEquals(2, loads.get());
    }

    @Test
    void zeroSecondsTurnsCachingOff() {
        ReadCache<String, String> off = ReadCache.of(Duration.ZERO, 100);
        assertFalse(off.isOn());
        off.get("k", () -> load("a"));
        assertEquals(Optional.of("b"), off.get("k", () -> load("b")));
        assertEquals(2, loads.get());
        assertFalse(ReadCache.of(Duration.ofSeconds(5), 0).isOn());
    }
}
