package org.omnitill.payment.cardterminal.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.omnitill.payment.cardterminal.internal.TerminalException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Terminal API transport: one {@code SaleToPOIRequest} POSTed as JSON, one {@code SaleToPOIResponse}
 * back in the HTTP response (Adyen, "Terminal API fundamentals": local communications POST to
 * {@code https://<terminal-ip>:8443/nexo}; cloud communications to the {@code /sync} endpoint with an
 * {@code x-api-key} header).
 *
 * <p>Neither request nor response bodies are ever logged (they carry card data), nor is the API key;
 * a failed exchange is reported as a {@link TerminalException} whose message says what happened in
 * words of our own.
 */
final class NexoClient {

    private static final Logger LOG = LoggerFactory.getLogger(NexoClient.class);

    private final HttpClient http;
    private final ObjectMapper json;
    private final String apiKey;

    NexoClient(HttpClient http, ObjectMapper json, String apiKey) {
        this.http = Objects.requireNonNull(http, "http");
        this.json = Objects.requireNonNull(json, "json");
        this.apiKey = apiKey == null ? "" : apiKey;
    }

    static HttpClient httpClient(TerminalSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!settings.trustStore().isEmpty()) {
            SSLContext tls = TerminalTrust.sslContext(settings.trustStore(), settings.trustStorePassword());
            builder.sslContext(tls);
        }
        return builder.build();
    }

    /**
     * Sends a message and returns the {@code SaleToPOIResponse} object of the answer, or a missing node
     * when the terminal answered with an empty body (as it does to an {@code AbortRequest}).
     */
    JsonNode send(Terminal terminal, ObjectNode message, Duration timeout) throws TerminalException {
        JsonNode header = message.path("SaleToPOIRequest").path("MessageHeader");
        String category = header.path("MessageCategory").asText();
        String serviceId = header.path("ServiceID").asText();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(terminal.endpoint())
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + category + " request", e);
        }
        if (!apiKey.isEmpty()) {
            request.header("x-api-key", apiKey);
        }
        LOG.debug("{} request {} to terminal {}", category, serviceId, terminal);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(Kind.NO_ANSWER, "interrupted while waiting for terminal " + terminal.poiId(), category,
                    serviceId);
        } catch (IOException e) {
            throw classify(e, terminal, timeout, category, serviceId);
        }
        return answer(response, terminal, category, serviceId);
    }

    private JsonNode answer(HttpResponse<byte[]> response, Terminal terminal, String category, String serviceId)
            throws TerminalException {
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            throw failed(Kind.REJECTED, "terminal " + terminal.poiId() + " refused the request (HTTP " + status
                    + (status == 401 || status == 403 ? ": check the API key" : "") + ")", category, serviceId);
        }
        if (status < 200 || status >= 300) {
            throw failed(Kind.NO_ANSWER, "terminal " + terminal.poiId() + " answered HTTP " + status, category,
                    serviceId);
        }
        byte[] body = response.body();
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            LOG.debug("{} request {}: empty answer", category, serviceId);
            return MissingNode.getInstance();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            // Never the parser's message: it may quote the body.
            throw failed(Kind.NO_ANSWER, "terminal " + terminal.poiId() + " sent an unreadable answer", category,
                    serviceId);
        }
        JsonNode answer = root == null ? MissingNode.getInstance() : root.path("SaleToPOIResponse");
        if (answer.isObject()) {
            String answered = answer.path("MessageHeader").path("ServiceID").asText(serviceId);
            if (!answered.equals(serviceId)) {
                throw failed(Kind.NO_ANSWER, "terminal " + terminal.poiId() + " answered another request", category,
                        serviceId);
            }
            LOG.debug("{} request {}: answered", category, serviceId);
            return answer;
        }
        JsonNode event = root == null ? MissingNode.getInstance()
                : root.path("SaleToPOIRequest").path("EventNotification");
        if ("Reject".equals(event.path("EventToNotify").asText())) {
            Map<String, String> details = AdditionalResponse.parse(event.path("EventDetails").asText(null), json);
            String why = CardDataGuard.text(details.getOrDefault("message", "message rejected"));
            throw failed(Kind.REJECTED, "terminal " + terminal.poiId() + " rejected the request: " + why, category,
                    serviceId);
        }
        throw failed(Kind.NO_ANSWER, "terminal " + terminal.poiId() + " sent an answer that is not a SaleToPOIResponse",
                category, serviceId);
    }

    private static TerminalException classify(IOException e, Terminal terminal, Duration timeout, String category,
            String serviceId) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnresolvedAddressException) {
                return failed(Kind.UNREACHABLE, "terminal " + terminal + " is not reachable", category, serviceId);
            }
            if (cause instanceof SSLHandshakeException) {
                return failed(Kind.UNREACHABLE, "terminal " + terminal
                        + " is not reachable: its TLS certificate was not accepted", category, serviceId);
            }
        }
        if (e instanceof HttpTimeoutException) {
            return failed(Kind.NO_ANSWER, "no answer from terminal " + terminal.poiId() + " within "
                    + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"), category, serviceId);
        }
        return failed(Kind.NO_ANSWER, "the connection to terminal " + terminal.poiId() + " broke off ("
                + e.getClass().getSimpleName() + ")", category, serviceId);
    }

    private static TerminalException failed(Kind kind, String message, String category, String serviceId) {
        LOG.info("{} request {}: {} ({})", category, serviceId, message, kind);
        return new TerminalException(kind, message);
    }
}
