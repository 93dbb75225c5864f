package org.omnitill.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the register and back office pages built into this bundle's {@code webapp/} folder under
 * {@code /omnitill/}. The pages are static; everything they show comes from {@code /api/v1}, so this servlet
 * needs no authentication of its own. It adds what the REST filter adds to API answers: a content security
 * policy (scripts, styles and requests only from this origin), no framing, no sniffing, no referrer.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("omnitill-web")
@HttpWhiteboardServletPattern({WebAppServlet.BASE, WebAppServlet.BASE + "/*"})
public class WebAppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String BASE = "/omnitill";
    static final String ROOT = "webapp";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Only plain relative paths: no dot segments, no backslashes, no encoded separators, no hidden files. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_][A-Za-z0-9._-]*)+");

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"),
            Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=UTF-8"));

    private final transient Function<String, URL> resources;

    @Activate
    public WebAppServlet(BundleContext context) {
        this(path -> context.getBundle().getEntry(path));
    }

    /** @param resources finds a file of the built pages by its path below the bundle root */
    WebAppServlet(Function<String, URL> resources) {
        this.resources = resources;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        securityHeaders(response);
        String path = request.getPathInfo();
        if (path == null) { // "/omnitill" itself: relative links in the page need the trailing slash
            response.setHeader("Location", request.getContextPath() + BASE + "/");
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        String extension = extension(path);
        URL file = SAFE_PATH.matcher(path).matches() && CONTENT_TYPES.containsKey(extension)
                ? resources.apply(ROOT + path) : null;
        if (file == null) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(CONTENT_TYPES.get(extension));
        // Vite puts a content hash in every asset name, so those never change; the page itself is revalidated
        // on every load so that an updated bundle takes effect at the next reload.
        response.setHeader("Cache-Control", path.startsWith("/assets/")
                ? "public, max-age=31536000, immutable" : "no-cache");
        URLConnection connection = file.openConnection();
        long length = connection.getContentLengthLong();
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
