package org.omnitill.payment.stripe.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The configuration in force, checked. The secret key never leaves this record except in the
 * {@code Authorization} header: {@link #toString()} says only whether one is set.
 *
 * @param apiBaseUrl e.g. {@code https://api.stripe.com}, without a trailing slash
 * @param secretKey {@code sk_live_...}, {@code sk_test_...} or a restricted {@code rk_...} key; empty when
 *        not configured
 * @param apiVersion the {@code Stripe-Version} header, or empty for the account's default version
 * @param maxRetries how often a rate-limited (429) request is tried again; at most one of them is spent
 *        on a network failure or a 5xx
 */
record StripeSettings(URI apiBaseUrl, String secretKey, String apiVersion, Duration connectTimeout,
        Duration readTimeout, int maxRetries) {

    static final int MAX_RETRIES_LIMIT = 10;

    StripeSettings {
        secretKey = secretKey == null ? "" : secretKey.trim();
        apiVersion = apiVersion == null ? "" : apiVersion.trim();
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("Stripe timeouts must be positive");
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException("maxRetries must be between 0 and " + MAX_RETRIES_LIMIT
                    + ", was " + maxRetries);
        }
    }

    static StripeSettings from(StripePayment.Config config) {
        return new StripeSettings(baseUrl(config.apiBaseUrl()), config._secretKey(), config.apiVersion(),
                Duration.ofMillis(config.connectTimeoutMillis()), Duration.ofMillis(config.readTimeoutMillis()),
                config.maxRetries());
    }

    private static URI baseUrl(String text) {
        String trimmed = text == null ? "" : text.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException("apiBaseUrl must be an http(s) URL, e.g. https://api.stripe.com; was '"
                        + trimmed + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("apiBaseUrl '" + trimmed + "' is not a URL", e);
        }
    }

    boolean configured() {
        return !secretKey.isEmpty();
    }

    /** A publishable key ({@code pk_...}) cannot create payments; an easy mistake to make. */
    boolean looksLikePublishableKey() {
        return secretKey.startsWith("pk_");
    }

    /** Plain http sends the key in clear text: only for a local stub or simulator. */
    boolean sendsKeyUnencrypted() {
        String host = apiBaseUrl.getHost();
        return "http".equalsIgnoreCase(apiBaseUrl.getScheme())
                && !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    @Override
    public String toString() {
        return "StripeSettings[apiBaseUrl=" + apiBaseUrl + ", secretKey=" + (configured() ? "(set)" : "(not set)")
                + ", apiVersion=" + (apiVersion.isEmpty() ? "(account default)" : apiVersion) + ", connectTimeout="
                + connectTimeout.toMillis() + "ms, readTimeout=" + readTimeout.toMillis() + "ms, maxRetries="
                + maxRetries + "]";
    }
}
