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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class BasicAuthFilterTest {

    /** Knows one user, anna/secret, with the role cashier; records every login attempt. */
    private final List<String> attempts = new ArrayList<>();
    private final Authenticator fake = (user, password) -> {
        attempts.add(user);
        return "anna".equals(user) && "secret".equals(password)
                ? Optional.of(new Authenticator.AuthenticatedUser("anna", Set.of("cashier")))
                : Optional.empty();
    };
    private final BasicAuthFilter filter = new BasicAuthFilter(fake);

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
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

    private static void assertUnauthorized(Response response) throws Exception {
        assertEquals(401, response.getStatus());
        assertEquals("Basic realm=\"omnitill\"", response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        JsonNode body = OmnitillJson.newMapper().readTree((String) response.getEntity());
        assertEquals("unauthorized", body.get("error").textValue());
    }

    @Test
    void healthIsOpen() {
        for (String path : new String[] { "health", "/health", "health/" }) {
            ContainerRequestContext request = request(path, null);
            filter.filter(request);
            verify(request, never()).abortWith(any());
        }
        assertTrue(attempts.isEmpty());
    }

    @Test
    void everythingElseNeedsCredentials() throws Exception {
        for (String path : new String[] { "carts", "plugins", "", "healthz", "health/x", "does/not/exist" }) {
            ContainerRequestContext request = request(path, null);
            filter.filter(request);
            assertUnauthorized(abortedWith(request));
        }
    }

    @Test
    void aMissingHeaderIs401() throws Exception {
        ContainerRequestContext request = request("carts", null);
        filter.filter(request);
        assertUnauthorized(abortedWith(request));
        assertTrue(attempts.isEmpty());
    }

    @Test
    void aWrongSchemeIs401() throws Exception {
        ContainerRequestContext request = request("carts", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x");
        filter.filter(request);
        assertUnauthorized(abortedWith(request));
        assertTrue(attempts.isEmpty());
    }

    @Test
    void malformedBase64Is401() throws Exception {
        ContainerRequestContext request = request("carts", "Basic %%%not-base64%%%");
        filter.filter(request);
        assertUnauthorized(abortedWith(request));
        assertTrue(attempts.isEmpty());
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        ContainerRequestContext request = request("carts", basic("anna:guess"));
        filter.filter(request);
        assertUnauthorized(abortedWith(request));
        assertEquals(List.of("anna"), attempts);
    }

    @Test
    void validCredentialsSetTheSecurityContext() {
        ContainerRequestContext request = request("carts", basic("anna:secret"));
        filter.filter(request);
        verify(request, never()).abortWith(any());
        ArgumentCaptor<SecurityContext> context = ArgumentCaptor.forClass(SecurityContext.class);
        verify(request).setSecurityContext(context.capture());
        SecurityContext security = context.getValue();
        assertEquals("anna", security.getUserPrincipal().getName());
        assertTrue(security.isUserInRole("cashier"));
        assertFalse(security.isUserInRole("admin"));
        assertEquals(SecurityContext.BASIC_AUTH, security.getAuthenticationScheme());
    }

    @Test
    void parsesBasicCredentials() {
        assertEquals(Optional.of(new BasicAuthFilter.Credentials("anna", "secret")),
                BasicAuthFilter.credentials(basic("anna:secret")));
        assertEquals(Optional.of(new BasicAuthFilter.Credentials("anna", "se:cr:et")),
                BasicAuthFilter.credentials(basic("anna:se:cr:et")));
        assertEquals(Optional.of(new BasicAuthFilter.Credentials("jürgen", "pässwort")),
                BasicAuthFilter.credentials("basic  " + Base64.getEncoder()
                        .encodeToString("jürgen:pässwort".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Optional.of(new BasicAuthFilter.Credentials("anna", "")), BasicAuthFilter.credentials(basic("anna:")));
    }

    @Test
    void refusesWhatIsNotBasicCredentials() {
        for (String header : new String[] { null, "", "   ", "Basic", "Basic ", "Basic !!!", "Basic YW5uYQ=x",
                "Digest username=\"anna\"", "Bearer abc", basic("no-colon"), basic(":secret"),
                "Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xff, (byte) 0xfe, ':', 'x' }) }) {
            assertEquals(Optional.empty(), BasicAuthFilter.credentials(header), String.valueOf(header));
        }
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertFalse(new BasicAuthFilter.Credentials("anna", "secret").toString().contains("secret"));
    }
}
