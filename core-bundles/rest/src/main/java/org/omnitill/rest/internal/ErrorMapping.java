package org.omnitill.rest.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.persistence.LockTimeoutException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PessimisticLockException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.omnitill.api.error.OmnitillException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP errors. Client mistakes are 4xx with a message meant for
 * the client; anything unexpected is a 500 with a generic message and an incident id that is also in
 * the log, next to the stack trace.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String API_PACKAGE = "org.omnitill.api.";
    private static final int MAX_CAUSE_DEPTH = 32;

    private ErrorMapping() {
    }

    static ApiError map(Throwable t) {
        if (t instanceof SecurityRefusal refusal) {
            return refusal.error();
        }
        if (t instanceof OmnitillException e) {
            return omnitill(e);
        }
        if (t instanceof WebApplicationException e) {
            return webApplication(e);
        }
        if (t instanceof JsonProcessingException e) {
            return json(e);
        }
        if (t instanceof IllegalArgumentException e) {
            return illegalArgument(e);
        }
        if (isConcurrentModification(t)) {
            LOG.debug("concurrent modification", t);
            return new ApiError(409, "concurrent_modification",
                    "the data was changed by another request at the same time; reload and try again");
        }
        SecurityRefusal refusal = find(t, SecurityRefusal.class);
        if (refusal != null) {
            return refusal.error();
        }
        OmnitillException wrapped = find(t, OmnitillException.class);
        if (wrapped != null) {
            return omnitill(wrapped);
        }
        return internal(t);
    }

    /** The error as a JSON response, with its body already written so no other provider is involved. */
    static Response toResponse(ApiError error, ObjectMapper json) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(write(error, json));
        error.headers().forEach(response::header);
        return response.build();
    }

    static String write(ApiError error, ObjectMapper json) {
        try {
            return json.writeValueAsString(error.body());
        } catch (JsonProcessingException e) {
            // two strings cannot fail to serialise; keep a valid body all the same
            return "{\"error\":\"internal_error\",\"message\":\"an internal error occurred\"}";
        }
    }

    /**
     * A body that could not be read as the expected JSON. If reading failed because a value was
     * refused (a bad currency, a bad quantity), that refusal is the error instead.
     */
    static RuntimeException malformedJson(JsonProcessingException e) {
        OmnitillException omnitill = find(e, OmnitillException.class);
        if (omnitill != null) {
            return omnitill;
        }
        IllegalArgumentException illegal = find(e, IllegalArgumentException.class);
        if (illegal != null) {
            return illegal;
        }
        return OmnitillException.invalid("malformed_json", describe(e));
    }

    private static ApiError omnitill(OmnitillException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
        if (status == 503) {
            LOG.warn("unavailable: {} ({})", e.getMessage(), e.code());
        } else {
            LOG.debug("request refused: {} ({})", e.getMessage(), e.code());
        }
        return new ApiError(status, e.code(), e.getMessage() != null ? e.getMessage() : e.code());
    }

    private static ApiError webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof OmnitillException || cause instanceof IllegalArgumentException
                || cause instanceof JsonProcessingException) {
            return map(cause);
        }
        JsonProcessingException json = find(e, JsonProcessingException.class);
        if (json != null) {
            return json(json);
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (e instanceof NotFoundException || status == 404) {
            return new ApiError(404, "not_found", "there is no resource at this path");
        }
        if (e instanceof NotAllowedException || status == 405) {
            Map<String, String> headers = new HashMap<>();
            String allow = e.getResponse() != null ? e.getResponse().getHeaderString(HttpHeaders.ALLOW) : null;
            if (allow != null && !allow.isBlank()) {
                headers.put(HttpHeaders.ALLOW, allow);
            }
            return new ApiError(405, "method_not_allowed", "this method is not allowed on this resource", headers);
        }
        if (e instanceof NotSupportedException || status == 415) {
            return new ApiError(415, "unsupported_media_type", "the request body must be application/json");
        }
        if (e instanceof NotAcceptableException || status == 406) {
            return new ApiError(406, "not_acceptable", "the resource cannot be represented in an accepted media type");
        }
        if (status >= 400 && status < 500) {
            LOG.debug("client error {}", status, e);
            return new ApiError(status, clientErrorCode(status), clientErrorMessage(status));
        }
        if (status == 503) {
            LOG.warn("service unavailable: {}", e.getMessage());
            return new ApiError(503, "unavailable", "the service is temporarily unavailable");
        }
        return internal(e);
    }

    private static ApiError json(JsonProcessingException e) {
        RuntimeException refused = malformedJson(e);
        if (refused instanceof IllegalArgumentException illegal) {
            return illegalArgument(illegal);
        }
        return omnitill((OmnitillException) refused);
    }

    /**
     * The API's value types (Money, Barcode, Quantity) explain what was wrong in their messages, which
     * are safe to show. Any other illegal argument is still the caller's mistake as far as we can tell,
     * but its message is not ours to show, so it is logged and replaced.
     */
    private static ApiError illegalArgument(IllegalArgumentException e) {
        StackTraceElement[] trace = e.getStackTrace();
        boolean fromApi = trace.length > 0 && trace[0].getClassName().startsWith(API_PACKAGE);
        if (fromApi && e.getMessage() != null) {
            LOG.debug("invalid argument: {}", e.getMessage());
            return new ApiError(400, "invalid_argument", e.getMessage());
        }
        LOG.warn("illegal argument outside the API's value types, answered as 400", e);
        return new ApiError(400, "invalid_argument", "a value in the request is not valid");
    }

    private static ApiError internal(Throwable t) {
        String incident = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        LOG.error("internal error, incident {}", incident, t);
        return new ApiError(500, "internal_error", "an internal error occurred (incident " + incident + ")");
    }

    /** A message about malformed JSON that names where, never our classes. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "' has the wrong type or format";
        }
        if (e instanceof StreamReadException read && read.getLocation() != null) {
            return "the request body is not valid JSON (line " + read.getLocation().getLineNr()
                    + ", column " + read.getLocation().getColumnNr() + ")";
        }
        if (e instanceof JsonMappingException) {
            return "the request body does not have the expected structure (a JSON object)";
        }
        return "the request body is not valid JSON";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean isConcurrentModification(Throwable t) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.size() < MAX_CAUSE_DEPTH && seen.add(c); c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof PessimisticLockException
                    || c instanceof LockTimeoutException
                    // EclipseLink's own, without depending on EclipseLink
                    || c.getClass().getName().endsWith(".OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.size() < MAX_CAUSE_DEPTH && seen.add(c); c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String clientErrorCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 422 -> "unprocessable";
            case 429 -> "too_many_requests";
            default -> "client_error";
        };
    }

    private static String clientErrorMessage(int status) {
        return switch (status) {
            case 400 -> "the request is not valid";
            case 401 -> "authentication required";
            case 403 -> "not allowed";
            case 409 -> "the request conflicts with the current state";
            case 413 -> "the request body is too large";
            case 422 -> "the request cannot be carried out";
            case 429 -> "too many requests";
            default -> "the request cannot be served";
        };
    }
}
