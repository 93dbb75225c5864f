package org.omnitill.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Responses of POSTs, fresh or replayed alike. */
final class Responses {

    private Responses() {
    }

    /** The outcome's status and JSON body, marked {@code Idempotent-Replayed: true} if it is a replay. */
    static Response of(IdempotentExecutor.Outcome outcome) {
        return builder(outcome).build();
    }

    /**
     * As {@link #of}, with {@code Location} pointing at {@code collection/{id}}, the id taken from the
     * body; so a replay names the same resource as the first response did.
     */
    static Response created(IdempotentExecutor.Outcome outcome, UriInfo uri, String collection, ObjectMapper json) {
        Response.ResponseBuilder response = builder(outcome);
        String id = idOf(outcome.body(), json);
        if (id != null) {
            response.location(location(uri.getBaseUri(), collection, id));
        }
        return response.build();
    }

    private static Response.ResponseBuilder builder(IdempotentExecutor.Outcome outcome) {
        Response.ResponseBuilder response = Response.status(outcome.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(outcome.body());
        if (outcome.replayed()) {
            response.header(IdempotentExecutor.REPLAYED_HEADER, "true");
        }
        return response;
    }

    static URI location(URI base, String collection, String id) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + collection + "/" + encodeSegment(id));
    }

    static String idOf(String body, ObjectMapper json) {
        // reads up to the top-level "id" (views put it first), not the whole body: an order's carries its receipt
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isId = "id".equals(parser.getCurrentName());
                JsonToken value = parser.nextToken();
                if (isId) {
                    return value == JsonToken.VALUE_STRING && !parser.getText().isEmpty() ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Percent-encodes all but RFC 3986's unreserved characters. */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
