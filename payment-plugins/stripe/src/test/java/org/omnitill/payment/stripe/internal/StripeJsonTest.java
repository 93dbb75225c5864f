package org.omnitill.payment.stripe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StripeJsonTest {

    @Test
    void scrubbingRemovesKeysMaskedOrNotAndCardNumbers() {
        assertEquals("Invalid API Key provided: [api key]",
                StripeJson.scrub("Invalid API Key provided: sk_test_****************************wXyZ"));
        assertEquals("key [api key] and [api key]",
                StripeJson.scrub("key " + TestConfig.SECRET_KEY + " and rk_live_51AbC"));
        assertEquals("card [card number] or [card number]",
                StripeJson.scrub("card 4242424242424242 or 4000 0025 0000 3155"));
        assertEquals("request req_123456789012345 for EUR 1234.56",
                StripeJson.scrub("request req_123456789012345 for EUR 1234.56"));
        assertNull(StripeJson.scrub(null));
    }

    @Test
    void recognisesCardNumbersButNotIds() {
        assertTrue(StripeJson.containsCardNumber("5555-5555-5555-4444"));
        assertTrue(StripeJson.containsCardNumber("378282246310005"));
        assertFalse(StripeJson.containsCardNumber("pm_card_visa"));
        assertFalse(StripeJson.containsCardNumber("pi_3PmJqV2eZvKYlo2C1s0dG7yQ"));
        assertFalse(StripeJson.containsCardNumber("created 1723456789"));
    }

    @Test
    void readsIdsOfExpandedAndUnexpandedFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(
                "{\"a\": \"ch_1\", \"b\": {\"id\": \"ch_2\", \"object\": \"charge\"}, \"c\": null, \"d\": \"\"}");
        assertEquals("ch_1", StripeJson.id(json, "a"));
        assertEquals("ch_2", StripeJson.id(json, "b"));
        assertNull(StripeJson.id(json, "c"));
        assertNull(StripeJson.text(json, "d"));
        assertNull(StripeJson.text(json, "missing"));
    }
}
