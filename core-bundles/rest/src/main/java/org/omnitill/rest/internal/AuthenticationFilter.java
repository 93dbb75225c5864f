package org.omnitill.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authentication for the whole application: HTTP Basic against Karaf's JAAS realm, or a bearer token
 * from {@code POST /auth/login} or {@code POST /auth/pin}. It runs before resource matching, so every
 * path (a plugin's, or one that does not exist) needs credentials; only {@code /health} and
 * {@code /auth/login} are open. What the user may then do is the {@link AuthorizationFilter}'s business.
 *
 * <p>Neither passwords, tokens nor the Authorization header are ever logged.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(AuthenticationFilter.NAME)
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String NAME = "omnitill.auth";
    static final String HTTP_REALM = "omnitill";

    private final SecurityService security;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public AuthenticationFilter(@Reference SecurityService security) {
        this.security = security;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen(request.getUriInfo().getPath())) {
            return;
        }
        try {
            OmnitillPrincipal user = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            SecurityContext original = request.getSecurityContext();
            boolean secure = original != null && original.isSecure();
            request.setSecurityContext(new OmnitillSecurityContext(user, secure));
        } catch (SecurityRefusal refusal) {
            request.abortWith(ErrorMapping.toResponse(refusal.error(), json));
        }
    }

    private OmnitillPrincipal authenticate(String header) {
        if (header == null || header.isBlank()) {
            throw SecurityRefusal.unauthorized("unauthorized",
                    "authentication required: HTTP Basic, or a bearer token from POST /api/v1/auth/login");
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        String scheme = space > 0 ? value.substring(0, space) : value;
        String rest = space > 0 ? value.substring(space + 1).trim() : "";
        if (scheme.equalsIgnoreCase("Bearer") && !rest.isEmpty()) {
            return security.bearer(rest);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            Credentials credentials = decodeUserAndSecret(rest).orElseThrow(() ->
                    SecurityRefusal.unauthorized("unauthorized", "the Basic credentials are not base64(user:password)"));
            return security.password(credentials.username(), credentials.password(), "basic");
        }
        throw SecurityRefusal.unauthorized("unauthorized", "use HTTP Basic or a bearer token");
    }

    /** Paths under the application that need no credentials. */
    static boolean isOpen(String path) {
        String p = trimSlashes(path);
        return p.equals("health") || p.equals("auth/login");
    }

    static String trimSlashes(String path) {
        String p = path == null ? "" : path;
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(start, end);
    }

    /** The user name and password of a {@code Basic} Authorization header; empty when it is anything else. */
    static Optional<Credentials> credentials(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        return decodeUserAndSecret(value.substring(space + 1).trim());
    }

    /** {@code base64(user:secret)}; empty when not Base64, not UTF-8, or without the colon. */
    static Optional<Credentials> decodeUserAndSecret(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    /** A user name and password; {@link #toString()} never shows the password. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }
}
