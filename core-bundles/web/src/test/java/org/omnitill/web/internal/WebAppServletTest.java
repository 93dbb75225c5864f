package org.omnitill.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAppServletTest {

    @TempDir
    Path bundleRoot;

    private final List<String> asked = new ArrayList<>();
    private WebAppServlet servlet;
    private HttpServletResponse response;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @BeforeEach
    void pages() throws IOException {
        Files.createDirectories(bundleRoot.resolve("webapp/assets"));
        Files.writeString(bundleRoot.resolve("webapp/index.html"), "<!doctype html><title>Omnitill</title>");
        Files.writeString(bundleRoot.resolve("webapp/assets/main-3f2a.js"), "console.log(1)");
        Files.writeString(bundleRoot.resolve("secret.properties"), "key=value");
        servlet = new WebAppServlet(path -> {
            asked.add(path);
            Path file = bundleRoot.resolve(path);
            try {
                return Files.isRegularFile(file) ? file.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
    }

    private void get(String pathInfo) throws IOException {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getPathInfo()).thenReturn(pathInfo);
        when(request.getContextPath()).thenReturn("");
        servlet.doGet(request, response);
    }

    @Test
    void theBaseRedirectsToItsFolderSoThatRelativeLinksWork() throws IOException {
        get(null);
        verify(response).setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        verify(response).setHeader("Location", "/omnitill/");
    }

    @Test
    void theFolderServesThePageRevalidatedOnEveryLoad() throws IOException {
        get("/");
        verify(response).setContentType("text/html; charset=UTF-8");
        verify(response).setHeader("Cache-Control", "no-cache");
        verify(response).setHeader("Content-Security-Policy", WebAppServlet.CONTENT_SECURITY_POLICY);
        verify(response).setHeader("X-Frame-Options", "DENY");
        assertEquals("<!doctype html><title>Omnitill</title>", body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hashedAssetsAreCachedForAYear() throws IOException {
        get("/assets/main-3f2a.js");
        verify(response).setContentType("text/javascript; charset=UTF-8");
        verify(response).setHeader("Cache-Control", "public, max-age=31536000, immutable");
        assertEquals("console.log(1)", body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsNotFound() throws IOException {
        get("/assets/gone-0000.js");
        verify(response).sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Test
    void nothingOutsideThePagesCanBeReached() throws IOException {
        for (String path : List.of("/../secret.properties", "/assets/../../secret.properties", "/..%2fsecret.properties",
                "/.hidden.js", "/assets\\x.js", "//secret.properties")) {
            get(path);
        }
        get("/index.properties"); // not a type the pages use
        verify(response, org.mockito.Mockito.times(7)).sendError(HttpServletResponse.SC_NOT_FOUND);
        assertEquals(List.of(), asked, "no lookup may even be attempted for such paths");
        verify(response, never()).getOutputStream();
    }
}
