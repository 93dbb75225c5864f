package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
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
}
