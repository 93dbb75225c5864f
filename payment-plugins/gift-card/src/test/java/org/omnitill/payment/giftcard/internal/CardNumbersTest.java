package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.api.error.OmnitillException;

/** Numbers and their Luhn check digit (ISO/IEC 7812-1, Annex B). */
class CardNumbersTest {

    @Test
    void luhnAgreesWithPublishedExamples() {
        // the worked example of the Luhn algorithm (Wikipedia "Luhn algorithm"): 7992739871 + check digit 3
        assertEquals('3', CardNumbers.checkDigit("7992739871"));
        assertTrue(CardNumbers.hasValidCheckDigit("79927398713"));
        assertFalse(CardNumbers.hasValidCheckDigit("79927398710"));
        // a well-known test card number (not a real account)
        assertTrue(CardNumbers.hasValidCheckDigit("4111111111111111"));
    }

    @Test
    void generatedNumbersAreSixteenDigitsStartingWithNineAndPassLuhn() {
        CardNumbers numbers = new CardNumbers(new Random(1));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String gift = numbers.next(AccountKind.GIFT_CARD);
            assertTrue(gift.matches("9[0-9]{15}"), gift);
            assertTrue(CardNumbers.hasValidCheckDigit(gift), gift);
            assertEquals(gift, CardNumbers.normalise(gift));
            seen.add(gift);
            String credit = numbers.next(AccountKind.STORE_CREDIT);
            assertTrue(credit.matches("SC-9[0-9]{15}"), credit);
            assertEquals(credit, CardNumbers.normalise(credit));
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        String number = new CardNumbers(new Random(2)).next(AccountKind.GIFT_CARD);
        for (int i = 0; i < number.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != number.charAt(i)) {
                    String typo = number.substring(0, i) + d + number.substring(i + 1);
                    assertFalse(CardNumbers.hasValidCheckDigit(typo), typo);
                }
            }
        }
    }

    @Test
    void normalisingAcceptsWhatCashiersType() {
        String number = new CardNumbers(new Random(3)).next(AccountKind.GIFT_CARD);
        String grouped = number.substring(0, 4) + " " + number.substring(4, 8) + "-" + number.substring(8, 12) + " "
                + number.substring(12);
        assertEquals(number, CardNumbers.normalise(" " + grouped + " "));
        assertEquals("SC-" + number, CardNumbers.normalise("sc" + number));
        assertEquals("SC-" + number, CardNumbers.normalise("SC-" + grouped));
        assertEquals(AccountKind.STORE_CREDIT, AccountKind.ofNumber(CardNumbers.normalise("sc-" + number)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "9abcdefghijklmno", "91234567890123456", "XX-9000000000000000",
            "90000000000000001"})
    void malformedNumbersAreRefused(String input) {
        OmnitillException e = assertThrows(OmnitillException.class, () -> CardNumbers.normalise(input));
        assertEquals("invalid_card_number", e.code());
        assertFalse(e.getMessage().contains(input), "the message does not echo the number");
    }

    @Test
    void masksKeepTheLastFourDigitsOnly() {
        assertEquals("…4242", CardNumbers.mask("9000000000004242"));
        assertEquals("SC-…4242", CardNumbers.mask("SC-9000000000004242"));
        assertEquals("************4242", CardNumbers.maskedForReceipt("9000000000004242"));
        assertEquals("SC-************4242", CardNumbers.maskedForReceipt("SC-9000000000004242"));
        assertEquals("duplicate key (…4242) at 2026-01-01, code 23505",
                CardNumbers.redact("duplicate key (9000000000004242) at 2026-01-01, code 23505"));
    }
}
