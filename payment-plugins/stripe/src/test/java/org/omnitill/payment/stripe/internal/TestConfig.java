package org.omnitill.payment.stripe.internal;

import java.lang.annotation.Annotation;

/** A {@link StripePayment.Config} as Config Admin would hand it over, for tests. */
record TestConfig(String apiBaseUrl, String _secretKey, String apiVersion, int connectTimeoutMillis,
        int readTimeoutMillis, int maxRetries) implements StripePayment.Config {

    static final String SECRET_KEY = "sk_test_51OmniTillNeverLogThisKey0a1b2c3d4e5f6g7h8i9j0wXyZ";

    /** The defaults of the metatype, against a stub at {@code baseUrl}. */
    static TestConfig against(String baseUrl) {
        return new TestConfig(baseUrl, SECRET_KEY, "2024-06-20", 2000, 5000, 2);
    }

    TestConfig withSecretKey(String key) {
        return new TestConfig(apiBaseUrl, key, apiVersion, connectTimeoutMillis, readTimeoutMillis, maxRetries);
    }

    TestConfig withReadTimeoutMillis(int millis) {
        return new TestConfig(apiBaseUrl, _secretKey, apiVersion, connectTimeoutMillis, millis, maxRetries);
    }

    TestConfig withMaxRetries(int retries) {
        return new TestConfig(apiBaseUrl, _secretKey, apiVersion, connectTimeoutMillis, readTimeoutMillis, retries);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return StripePayment.Config.class;
    }
}
