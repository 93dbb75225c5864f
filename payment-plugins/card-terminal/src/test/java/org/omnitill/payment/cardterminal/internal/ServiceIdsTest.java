package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** MessageHeader.ServiceID: 1 to 10 characters (Adyen Terminal API reference). */
class ServiceIdsTest {

    @Test
    void derivedIdsAreStableAcrossCallsAndRestarts() {
        assertEquals(ServiceIds.payment("cart-1:key-1"), ServiceIds.payment("cart-1:key-1"));
        // Pinned: if the derivation changed, payments left pending before an upgrade could no longer be found.
        // "P" + the first 45 bits of SHA-256("P:pay-1") in RFC 4648 base-32.
        assertEquals("PR7UUB64CO", ServiceIds.payment("pay-1"));
    }

    @Test
    void atMostTenCharactersAndDistinctPerKindAndKey() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            for (String id : new String[] {ServiceIds.payment("p" + i), ServiceIds.voidOf("p" + i),
                    ServiceIds.refund("p" + i), ServiceIds.oneOff('S'), ServiceIds.oneOff('A')}) {
                assertEquals(10, id.length(), id);
                assertTrue(id.matches("[PVRSA][A-Z2-7]{9}"), id);
                assertTrue(seen.add(id), "repeated " + id);
            }
        }
        assertNotEquals(ServiceIds.payment("x"), ServiceIds.refund("x"));
    }

    @Test
    void refusesBlankKeysAndUnknownKinds() {
        assertThrows(IllegalArgumentException.class, () -> ServiceIds.payment(" "));
        assertThrows(NullPointerException.class, () -> ServiceIds.refund(null));
        assertThrows(IllegalArgumentException.class, () -> ServiceIds.oneOff('P'));
    }
}
