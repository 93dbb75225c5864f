package org.omnitill.rest.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Locks a user name out after repeated failed sign-ins (password, PIN or approval alike): after
 * {@code maxFailures} failures in a row the name is locked for {@code lockout}, doubling with each
 * further lock-out up to {@code maxLockout}. While locked even the right secret is refused, so
 * guessing cannot go on. A success resets the count. Kept in memory per node, bounded.
 */
final class LoginGuard {

    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final long lockoutNanos;
    private final long maxLockoutNanos;
    private final LongSupplier nanoTime;
    private final Map<String, State> states = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    LoginGuard(int maxFailures, Duration lockout, Duration maxLockout, LongSupplier nanoTime) {
        this.maxFailures = Math.max(1, maxFailures);
        this.lockoutNanos = lockout.toNanos();
        this.maxLockoutNanos = Math.max(lockout.toNanos(), maxLockout.toNanos());
        this.nanoTime = nanoTime;
    }

    /** How long the name is still locked out; zero if it may try. */
    synchronized Duration lockedFor(String username) {
        State state = states.get(key(username));
        if (state == null || state.lockouts == 0) {
            return Duration.ZERO;
        }
        long left = state.lockedUntil - nanoTime.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Counts a failure; returns true when this failure locked the name out. */
    synchronized boolean failed(String username) {
        State state = states.computeIfAbsent(key(username), k -> new State());
        state.failures++;
        if (state.failures >= maxFailures) {
            long lockout = Math.min(maxLockoutNanos, lockoutNanos << Math.min(20, state.lockouts));
            state.lockedUntil = nanoTime.getAsLong() + lockout;
            state.lockouts++;
            state.failures = 0;
            return true;
        }
        return false;
    }

    synchronized void succeeded(String username) {
        states.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static final class State {
        int failures;
        int lockouts;
        long lockedUntil;
    }
}
