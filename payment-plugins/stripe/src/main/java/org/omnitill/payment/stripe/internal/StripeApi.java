package org.omnitill.payment.stripe.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to Stripe's REST API (https://docs.stripe.com/api): form-encoded requests, JSON answers,
 * {@code Authorization: Bearer <secret key>}, and an {@code Idempotency-Key} on every POST.
 *
 * <p>Retries, always with the same idempotency key, so that Stripe replays the stored result instead of
 * acting twice (API reference, "Idempotent requests"):
 * <ul>
 * <li>HTTP 429 (rate limited, API reference "Rate limits"), and 409 when Stripe says
 * {@code Stripe-Should-Retry: true} (a concurrent request with the same key): up to
 * {@link StripeSettings#maxRetries()} more tries, waiting {@code Retry-After} seconds when the answer
 * has the header, otherwise 0.5 s doubling each time; waits are capped at 5 s.</li>
 * <li>No answer (connection refused or reset, timeout) or a 5xx: one more try, unless
 * {@code maxRetries} is 0.</li>
 * </ul>
 * Whatever is still unanswered after that is {@link StripeResponse.Outcome#UNKNOWN}. Nothing here logs a
 * request body, a header or the key; answers are logged at debug by status and request id only.
 */
final class StripeApi {

    /** Waits between tries; tests substitute one that only records. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(StripeApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_AGENT = "Omnitill-Stripe/0.1 (java.net.http)";

    private final StripeSettings settings;
    private final HttpClient http;
    private final Sleeper sleeper;

    StripeApi(StripeSettings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // HTTP/1.1: Stripe serves it, and it keeps the plain-http test stubs free of h2c upgrades.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    StripeSettings settings() {
        return settings;
    }

    /** A POST with {@code form} as its body and {@code idempotencyKey} as its {@code Idempotency-Key}. */
    StripeResponse post(String path, StripeForm form, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("every POST to Stripe needs an idempotency key");
        }
        HttpRequest request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(form.encode()))
                .build();
        return exchange("POST " + path, request);
    }

    /** A GET of {@code path} with {@code query} as its query string. */
    StripeResponse get(String path, StripeForm query) {
        String target = query.isEmpty() ? path : path + "?" + query.encode();
        return exchange("GET " + path, request(target).GET().build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.apiBaseUrl() + pathAndQuery))
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + settings.secretKey())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (!settings.apiVersion().isEmpty()) {
            builder.header("Stripe-Version", settings.apiVersion());
        }
        return builder;
    }

    private StripeResponse exchange(String what, HttpRequest request) {
        int rateLimitedRetries = 0;
        boolean failureRetried = settings.maxRetries() == 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                String problem = "no answer from Stripe to " + what + " (" + describe(e) + ")";
                if (failureRetried) {
                    LOG.info("{}; the outcome is unknown", problem);
                    return StripeResponse.unknown(0, problem);
                }
                failureRetried = true;
                LOG.info("{}; trying once more with the same idempotency key", problem);
                if (!pause(backoff(1))) {
                    return StripeResponse.unknown(0, problem + "; interrupted");
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StripeResponse.unknown(0, "interrupted while waiting for Stripe's answer to " + what);
            }

            int status = response.statusCode();
            String requestId = response.headers().firstValue("Request-Id").orElse("-");
            LOG.debug("Stripe answered {} with HTTP {} (request {}{})", what, status, requestId,
                    response.headers().firstValue("Idempotent-Replayed").map(r -> ", replayed").orElse(""));
            if (retryableLater(response)) {
                String problem = "Stripe is rate limiting " + what + " (HTTP " + status + ")";
                if (rateLimitedRetries >= settings.maxRetries()) {
                    LOG.info("{}; gave up after {} tries, the outcome is unknown", problem, rateLimitedRetries + 1);
                    return StripeResponse.unknown(status, problem);
                }
                rateLimitedRetries++;
                Duration wait = retryAfter(response).orElse(backoff(rateLimitedRetries));
                LOG.info("{}; trying again in {} ms with the same idempotency key", problem, wait.toMillis());
                if (!pause(wait)) {
                    return StripeResponse.unknown(status, problem + "; interrupted");
                }
                continue;
            }
            if (status >= 500) {
                String problem = "Stripe failed on " + what + " (HTTP " + status + ", request " + requestId + ")";
                if (failureRetried || shouldNotRetry(response)) {
                    LOG.info("{}; the outcome is unknown", problem);
                    return StripeResponse.unknown(status, problem);
                }
                failureRetried = true;
                LOG.info("{}; trying once more with the same idempotency key", problem);
                if (!pause(backoff(1))) {
                    return StripeResponse.unknown(status, problem + "; interrupted");
                }
                continue;
            }
            return interpret(what, status, requestId, response.body());
        }
    }

    private static StripeResponse interpret(String what, int status, String requestId, String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return StripeResponse.unknown(status, "Stripe's answer to " + what + " (HTTP " + status + ", request "
                    + requestId + ") is not a JSON object");
        }
        if (status >= 200 && status < 300) {
            return new StripeResponse(StripeResponse.Outcome.OK, status, json, null);
        }
        JsonNode error = json.path("error");
        String message = StripeJson.scrub(Optional.ofNullable(StripeJson.text(error, "message"))
                .orElse("HTTP " + status));
        if (status == 409) {
            // An idempotency conflict: another request with this key exists or is running; its outcome decides.
            return new StripeResponse(StripeResponse.Outcome.UNKNOWN, status, json,
                    "Stripe reported a conflict on " + what + ": " + message);
        }
        StripeResponse.Outcome outcome = status == 402 && "card_error".equals(StripeJson.text(error, "type"))
                ? StripeResponse.Outcome.CARD_ERROR
                : StripeResponse.Outcome.REJECTED;
        return new StripeResponse(outcome, status, json, message);
    }

    /** 429, or a 409 that Stripe marks as worth trying again (a request with the same key is still running). */
    private static boolean retryableLater(HttpResponse<?> response) {
        int status = response.statusCode();
        return status == 429 || (status == 409 && response.headers().firstValue("Stripe-Should-Retry")
                .map("true"::equalsIgnoreCase).orElse(false));
    }

    private static boolean shouldNotRetry(HttpResponse<?> response) {
        return response.headers().firstValue("Stripe-Should-Retry").map("false"::equalsIgnoreCase).orElse(false);
    }

    /** {@code Retry-After} in seconds (RFC 9110 section 10.2.3; Stripe does not send the date form), capped. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0 ? Optional.empty() : Optional.of(min(Duration.ofSeconds(seconds), MAX_BACKOFF));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** 0.5 s, 1 s, 2 s, 4 s, then 5 s. */
    static Duration backoff(int retry) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(Math.max(retry - 1, 0), 10);
        return min(Duration.ofMillis(millis), MAX_BACKOFF);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private boolean pause(Duration duration) {
        try {
            sleeper.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + StripeJson.scrub(message));
    }

    @Override
    public String toString() {
        return "StripeApi[" + settings + "]";
    }
}
