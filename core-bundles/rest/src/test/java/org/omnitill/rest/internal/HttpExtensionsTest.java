package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.money.Money;

/** The JSON provider and the security headers. */
class HttpExtensionsTest {

    private static final Annotation[] NONE = new Annotation[0];
    private final JsonProvider provider = new JsonProvider();

    @Test
    void theProviderHandlesJsonButLeavesRawBodiesToTheRuntime() {
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        assertTrue(provider.isWriteable(CartView.class, CartView.class, NONE, json));
        assertTrue(provider.isWriteable(List.class, List.class, NONE, new MediaType("application", "problem+json")));
        assertTrue(provider.isReadable(Money.class, Money.class, NONE, json));
        assertFalse(provider.isWriteable(CartView.class, CartView.class, NONE, MediaType.TEXT_PLAIN_TYPE));
        for (Class<?> raw : new Class<?>[] { String.class, byte[].class, InputStream.class }) {
            assertFalse(provider.isWriteable(raw, raw, NONE, json), raw.getName());
            assertFalse(provider.isReadable(raw, raw, NONE, json), raw.getName());
        }
    }

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void theProviderWritesAndReadsWithTheOmnitillMapper() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(Views.cart("c1"), CartView.class, CartView.class, NONE, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\"total\":{\"amount\":\"30.75\",\"currency\":\"EUR\"}"), text);

        Object money = provider.readFrom((Class) Money.class, Money.class, NONE, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(),
                new ByteArrayInputStream("{\"amount\":\"5.00\",\"currency\":\"CHF\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Money.of("5.00", "CHF"), money);

        Object list = provider.readFrom((Class) List.class, new GenericType<List<Money>>() { }.getType(), NONE,
                MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(),
                new ByteArrayInputStream("[{\"amount\":\"5.00\",\"currency\":\"CHF\"}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(Money.of("5.00", "CHF")), list);
    }

    private static MultivaluedMap<String, Object> respond(String path) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath()).thenReturn(path);
        when(request.getUriInfo()).thenReturn(uri);
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        when(response.getHeaders()).thenReturn(headers);
        new SecurityHeadersFilter().filter(request, response);
        return headers;
    }

    @Test
    void everyResponseForbidsSniffingAndFraming() {
        MultivaluedMap<String, Object> headers = respond("products");
        assertEquals("nosniff", headers.getFirst("X-Content-Type-Options"));
        assertEquals("DENY", headers.getFirst("X-Frame-Options"));
        assertNull(headers.getFirst(HttpHeaders.CACHE_CONTROL));
    }

    @Test
    void cartsAndOrdersAreNeverCached() {
        for (String path : new String[] { "carts", "/carts/c1", "carts/c1/lines/l1", "orders/o1/receipt" }) {
            assertEquals("no-store", respond(path).getFirst(HttpHeaders.CACHE_CONTROL), path);
        }
        assertNull(respond("cartsx").getFirst(HttpHeaders.CACHE_CONTROL));
    }
}
