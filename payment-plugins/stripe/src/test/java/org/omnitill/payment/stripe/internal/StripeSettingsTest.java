package org.omnitill.payment.stripe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StripeSettingsTest {

    @Test
    void toStringSaysWhetherAKeyIsSetButNeverShowsIt() {
        StripeSettings settings = StripeSettings.from(TestConfig.against("https://api.stripe.com/"));
        String text = settings.toString();
        assertFalse(text.contains(TestConfig.SECRET_KEY), text);
        assertFalse(text.contains("sk_"), text);
        assertTrue(text.contains("secretKey=(set)"), text);
        assertEquals("https://api.stripe.com", settings.apiBaseUrl().toString());
        assertTrue(StripeSettings.from(TestConfig.against("https://api.stripe.com").withSecretKey("  "))
                .toString().contains("secretKey=(not set)"));
    }

    @Test
    void recognisesAPublishableKeyAndPlainHttpToAnotherHost() {
        assertTrue(StripeSettings.from(TestConfig.against("https://api.stripe.com").withSecretKey("pk_test_123"))
                .looksLikePublishableKey());
        assertTrue(StripeSettings.from(TestConfig.against("http://stripe.example")).sendsKeyUnencrypted());
        assertFalse(StripeSettings.from(TestConfig.against("http://localhost:12111")).sendsKeyUnencrypted());
        assertFalse(StripeSettings.from(TestConfig.against("https://api.stripe.com")).sendsKeyUnencrypted());
    }

    @Test
    void refusesAConfigurationThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> StripeSettings.from(TestConfig.against("ftp://stripe")));
        assertThrows(IllegalArgumentException.class, () -> StripeSettings.from(TestConfig.against("not a url")));
        assertThrows(IllegalArgumentException.class,
                () -> StripeSettings.from(TestConfig.against("https://api.stripe.com").withMaxRetries(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> StripeSettings.from(TestConfig.against("https://api.stripe.com").withReadTimeoutMillis(0)));
    }
}
