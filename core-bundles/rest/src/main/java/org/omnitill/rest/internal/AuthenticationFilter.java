package org.omnitill.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * HTTP Basic authentication for the whole application, checked against Karaf's JAAS realm
 * {@code karaf}. It runs before resource matching, so every path (a plugin's, or one that does not
 * exist) needs credentials; only {@code /health} is open. A request without valid credentials is
 * answered 401 with {@code WWW-Authenticate: Basic realm="omnitill"}.
 *
 * <p>Neither passwords nor the Authorization header are ever logged.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(BasicAuthFilter.NAME)
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthFilter implements ContainerRequestFilter {

    public static final String NAME = "omnitill.auth";
    static final String JAAS_REALM = "karaf";
    static final String HTTP_REALM = "omnitill";
    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    static final int CACHE_SIZE = 1_000;

    private final Authenticator authenticator;
    private final ObjectMapper json = OmnitillJson.newMapper();

    @Activate
    public BasicAuthFilter() {
        this(new CachingAuthenticator(new JaasAuthenticator(JAAS_REALM), CACHE_TTL, CACHE_SIZE, System::nanoTime));
    }

    BasicAuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen(request.getUriInfo().getPath())) {
            return;
        }
        Optional<Authenticator.AuthenticatedUser> user = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> authenticator.authenticate(c.username(), c.password()));
        if (user.isEmpty()) {
            request.abortWith(unauthorized());
            return;
        }
        SecurityContext original = request.getSecurityContext();
        boolean secure = original != null && original.isSecure();
        request.setSecurityContext(new OmnitillSecurityContext(user.get(), secure));
    }

    /** Paths under the application that need no credentials. */
    static boolean isOpen(String path) {
        String p = path == null ? "" : path;
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(start, end).equals("health");
    }

    /**
     * The user name and password of a {@code Basic} Authorization header; empty when the header is
     * missing, of another scheme, not Base64, not UTF-8, or without the colon.
     */
    static Optional<Credentials> credentials(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(space + 1).trim());
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

    private Response unauthorized() {
        ApiError error = new ApiError(401, "unauthorized", "authentication required: use HTTP Basic with a user of the server");
        return Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + HTTP_REALM + "\"")
                .entity(ErrorMapping.write(error, json))
                .build();
    }

    /** A user name and password; {@link #toString()} never shows the password. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }
}
