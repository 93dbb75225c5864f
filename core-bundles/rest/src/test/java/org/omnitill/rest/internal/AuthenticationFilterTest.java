package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.omnitill.persistence.testing.TestDatabase;

class AuthenticationFilterTest {

    private final TestDatabase db = new TestDatabase();
    private final SecurityTesting.RecordingAudit audit = new SecurityTesting.RecordingAudit();
    private final SecurityTesting.ManualTime time = new SecurityTesting.ManualTime();
    private final SecurityService security = SecurityTesting.service(db.tx(), audit, Map.of(), time.clock(), time);
    private final AuthenticationFilter filter = new AuthenticationFilter(security);

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static ContainerRequestContext request(String path, String authorization) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn(path);
        when(request.getUriInfo()).thenReturn(uri);
        when(request.getHeaderString(HttpHeaders.AUTHORIZATION)).thenReturn(authorization);
        return request;
    }

    private static Response abortedWith(ContainerRequestContext request) {
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(response.capture());
        verify(request, never()).setSecurityContext(any());
        return response.getValue();
    }

    private static JsonNode assertStatus(int status, String error, Response response) throws Exception {
        assertEquals(status, response.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        JsonNode body = OmnitillJson.newMapper().readTree((String) response.getEntity());
        assertEquals(error, body.get("error").textValue());
        return body;
    }

    private static void assertUnauthorized(Response response) throws Exception {
        assertStatus(401, "unauthorized", response);
        String challenge = response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
        assertTrue(challenge.contains("Basic realm=\"omnitill\"") && challenge.contains("Bearer"), challenge);
    }

    private SecurityContext authenticated(String authorization) {
        ContainerRequestContext request = request("carts", authorization);
        filter.filter(request);
        verify(request, never()).abortWith(any());
        ArgumentCaptor<SecurityContext> context = ArgumentCaptor.forClass(SecurityContext.class);
        verify(request).setSecurityContext(context.capture());
        return context.getValue();
    }

    @Test
    void healthAndLoginAreOpen() {
        for (String path : new String[] { "health", "/health", "health/", "auth/login", "/auth/login/" }) {
            ContainerRequestContext request = request(path, null);
            filter.filter(request);
            verify(request, never()).abortWith(any());
        }
        assertTrue(audit.events.isEmpty());
    }

    @Test
    void everythingElseNeedsCredentials() throws Exception {
        for (String path : new String[] { "carts", "plugins", "", "healthz", "health/x", "auth/me", "auth/pin",
                "auth/login/x", "does/not/exist" }) {
            ContainerRequestContext request = request(path, null);
            filter.filter(request);
            assertUnauthorized(abortedWith(request));
        }
    }

    @Test
    void aMissingHeaderOrUnknownSchemeIs401() throws Exception {
        for (String header : new String[] { null, "", "Digest x", "Negotiate abc", "Bearer" }) {
            ContainerRequestContext request = request("carts", header);
            filter.filter(request);
            assertUnauthorized(abortedWith(request));
        }
        assertTrue(audit.events.isEmpty(), "nobody tried a password");
    }

    @Test
    void malformedBase64Is401() throws Exception {
        ContainerRequestContext request = request("carts", "Basic %%%not-base64%%%");
        filter.filter(request);
        assertUnauthorized(abortedWith(request));
    }

    @Test
    void aWrongPasswordIs401AndAudited() throws Exception {
        ContainerRequestContext request = request("carts", basic("anna:guess"));
        filter.filter(request);
        assertUnauthorized(abortedWith(request));
        assertEquals(List.of("auth.login.failed"), audit.actions());
        assertEquals("anna", audit.events.get(0).actor());
        assertEquals("basic", audit.events.get(0).details().get("method"));
        assertFalse(audit.events.get(0).details().toString().contains("guess"), "the password is never recorded");
    }

    @Test
    void validCredentialsSetTheSecurityContext() {
        SecurityContext context = authenticated(basic("anna:secret"));
        assertEquals("anna", context.getUserPrincipal().getName());
        assertTrue(context.isUserInRole("cashier"));
        assertFalse(context.isUserInRole("admin"));
        assertEquals(SecurityContext.BASIC_AUTH, context.getAuthenticationScheme());
    }

    @Test
    void aTokenFromLoginAuthenticatesUntilItExpires() throws Exception {
        TokenService.IssuedToken token = security.login("anna", "secret");
        SecurityContext context = authenticated("Bearer " + token.token());
        assertEquals("anna", context.getUserPrincipal().getName());
        assertEquals("Bearer", context.getAuthenticationScheme());
        assertTrue(context.isUserInRole("cashier"));

        time.advanceSeconds(8 * 3600 + 1);
        ContainerRequestContext expired = request("carts", "Bearer " + token.token());
        filter.filter(expired);
        assertStatus(401, "invalid_token", abortedWith(expired));
    }

    @Test
    void aLoggedOutTokenIsRefused() throws Exception {
        TokenService.IssuedToken token = security.login("anna", "secret");
        security.logout(security.bearer(token.token()));
        ContainerRequestContext request = request("carts", "Bearer " + token.token());
        filter.filter(request);
        assertStatus(401, "invalid_token", abortedWith(request));
        assertEquals(List.of("auth.login", "auth.logout"), audit.actions());
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        TokenService other = new TokenService("another-secret-another-secret-32".getBytes(StandardCharsets.UTF_8),
                java.time.Duration.ofHours(1), time.clock());
        for (String token : new String[] { other.issue("anna", Set.of("admin"), null).token(), "not.a.jwt",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm5hIn0." }) {
            ContainerRequestContext request = request("carts", "Bearer " + token);
            filter.filter(request);
            assertStatus(401, "invalid_token", abortedWith(request));
        }
    }

    @Test
    void repeatedFailuresLockTheUserOutEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            ContainerRequestContext wrong = request("carts", basic("anna:guess" + i));
            filter.filter(wrong);
            assertUnauthorized(abortedWith(wrong));
        }
        ContainerRequestContext right = request("carts", basic("anna:secret"));
        filter.filter(right);
        Response locked = abortedWith(right);
        assertStatus(429, "login_locked", locked);
        assertEquals("60", locked.getHeaderString("Retry-After"));
        assertEquals("true", audit.events.get(4).details().get("lockedOut"));

        time.advanceSeconds(61);
        assertEquals("anna", authenticated(basic("anna:secret")).getUserPrincipal().getName());
    }

    @Test
    void parsesBasicCredentials() {
        assertEquals(Optional.of(new AuthenticationFilter.Credentials("anna", "secret")),
                AuthenticationFilter.credentials(basic("anna:secret")));
        assertEquals(Optional.of(new AuthenticationFilter.Credentials("anna", "se:cr:et")),
                AuthenticationFilter.credentials(basic("anna:se:cr:et")));
        assertEquals(Optional.of(new AuthenticationFilter.Credentials("jürgen", "pässwort")),
                AuthenticationFilter.credentials("basic  " + Base64.getEncoder()
                        .encodeToString("jürgen:pässwort".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Optional.of(new AuthenticationFilter.Credentials("anna", "")), AuthenticationFilter.credentials(basic("anna:")));
    }

    @Test
    void refusesWhatIsNotBasicCredentials() {
        for (String header : new String[] { null, "", "   ", "Basic", "Basic ", "Basic !!!", "Basic YW5uYQ=x",
                "Digest username=\"anna\"", "Bearer abc", basic("no-colon"), basic(":secret"),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xff, (byte) 0xfe, ':', 'x' }) }) {
            assertEquals(Optional.empty(), AuthenticationFilter.credentials(header), String.valueOf(header));
        }
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertFalse(new AuthenticationFilter.Credentials("anna", "secret").toString().contains("secret"));
    }
}
