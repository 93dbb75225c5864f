package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CachingAuthenticatorTest {

    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    /** Every user's password is "pw-" + name. */
    private final Authenticator realm = (user, password) -> {
        logins.incrementAndGet();
        return password.equals("pw-" + user)
                ? Optional.of(new Authenticator.AuthenticatedUser(user, Set.of("cashier")))
                : Optional.empty();
    };
    private final CachingAuthenticator cache = new CachingAuthenticator(realm, Duration.ofSeconds(60), 3, now::get);

    @Test
    void aSuccessfulLoginIsRememberedForItsTimeToLive() {
        assertTrue(cache.authenticate("anna", "pw-anna").isPresent());
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertTrue(cache.authenticate("anna", "pw-anna").isPresent());
        assertEquals(1, logins.get());
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(cache.authenticate("anna", "pw-anna").isPresent());
        assertEquals(2, logins.get());
    }

    @Test
    void failedLoginsAreNotRemembered() {
        assertTrue(cache.authenticate("anna", "wrong").isEmpty());
        assertTrue(cache.authenticate("anna", "wrong").isEmpty());
        assertEquals(2, logins.get());
        assertEquals(0, cache.size());
    }

    @Test
    void anotherPasswordForACachedUserGoesToTheRealm() {
        assertTrue(cache.authenticate("anna", "pw-anna").isPresent());
        assertTrue(cache.authenticate("anna", "wrong").isEmpty());
        assertEquals(2, logins.get());
    }

    @Test
    void theCacheIsBounded() {
        for (String user : new String[] { "a", "b", "c", "d", "e" }) {
            cache.authenticate(user, "pw-" + user);
        }
        assertEquals(3, cache.size());
        cache.authenticate("a", "pw-a"); // evicted as the eldest
        assertEquals(6, logins.get());
    }

    @Test
    void concurrentRequestsWithTheSameCredentialsShareOneLogin() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowLogins = new AtomicInteger();
        Authenticator slowRealm = (user, password) -> {
            slowLogins.incrementAndGet();
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(new Authenticator.AuthenticatedUser(user, Set.of("cashier")));
        };
        CachingAuthenticator shared = new CachingAuthenticator(slowRealm, Duration.ofSeconds(60), 3, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Optional<Authenticator.AuthenticatedUser>> first = pool.submit(() -> shared.authenticate("anna", "pw"));
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            Future<Optional<Authenticator.AuthenticatedUser>> second = pool.submit(() -> shared.authenticate("anna", "pw"));
            Future<Optional<Authenticator.AuthenticatedUser>> third = pool.submit(() -> shared.authenticate("anna", "pw"));
            Thread.sleep(100); // let them reach the running login
            release.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS).isPresent());
            assertTrue(second.get(10, TimeUnit.SECONDS).isPresent());
            assertTrue(third.get(10, TimeUnit.SECONDS).isPresent());
            assertEquals(1, slowLogins.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
