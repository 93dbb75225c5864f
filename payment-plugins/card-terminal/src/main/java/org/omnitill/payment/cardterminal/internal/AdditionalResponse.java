package org.omnitill.payment.cardterminal.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code Response.AdditionalResponse} of the Adyen Terminal API: either URL-encoded
 * {@code key=value&...} pairs (the default) or, when the terminal is set to it, a Base64-encoded JSON
 * object with an {@code additionalData} object (Adyen, "Terminal API: additional data in responses").
 * Both become one flat map; the keys this plugin reads are {@code refusalReason}, {@code message} and
 * {@code alias}. The text is never logged: it can hold card details.
 */
final class AdditionalResponse {

    private AdditionalResponse() {
    }

    static Map<String, String> parse(String text, ObjectMapper json) {
        Map<String, String> values = new HashMap<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        String trimmed = text.trim();
        JsonNode object = jsonObject(trimmed, json);
        if (object != null) {
            flatten(object, values);
            flatten(object.path("additionalData"), values);
            return values;
        }
        for (String pair : trimmed.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    /** The object if the text is JSON or Base64-encoded JSON, else null. */
    private static JsonNode jsonObject(String text, ObjectMapper json) {
        String candidate = text;
        if (!candidate.startsWith("{")) {
            if (candidate.indexOf('&') >= 0) {
                return null;
            }
            try {
                candidate = new String(Base64.getDecoder().decode(candidate), StandardCharsets.UTF_8).trim();
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            if (!candidate.startsWith("{")) {
                return null;
            }
        }
        try {
            JsonNode node = json.readTree(candidate);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static void flatten(JsonNode object, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getValue().isValueNode()) {
                into.putIfAbsent(field.getKey(), field.getValue().asText());
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
