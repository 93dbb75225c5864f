package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omnitill.api.payment.CardDetails;

class CardDataGuardTest {

    @Test
    void aProperlyMaskedPanIsKept() {
        assertEquals("411111******1111", CardDataGuard.maskedPan("411111******1111"));
        assertEquals("**** **** **** 1111", CardDataGuard.maskedPan("**** **** **** 1111"));
        assertNull(CardDataGuard.maskedPan(" "));
    }

    @Test
    void aFullNumberIsMaskedToSixAndFour() {
        String masked = CardDataGuard.maskedPan("4111 1111 1111 1111");
        assertEquals("411111******1111", masked);
        // CardDetails itself refuses more than ten digits
        new CardDetails("visa", masked, null, null);
    }

    @Test
    void cardNumbersInFreeTextAreMasked() {
        String text = CardDataGuard.text("declined card 5555-5555-5555-4444 at 12:03, ref 123456");
        assertFalse(text.contains("5555-5555-5555-4444"), text);
        assertTrue(text.contains("555555******4444"), text);
        assertTrue(text.contains("ref 123456"), text);
        assertTrue(CardDataGuard.text("x".repeat(500)).length() < 210);
    }
}
