package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;

import org.junit.jupiter.api.Test;
import org.omnitill.api.security.Authenticated;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;

/**
 * The permission matrix and the endpoint table in {@code docs/security.md} are what the code
 * enforces: every resource method of this bundle declares its permission, and both tables match.
 */
class PermissionMatrixTest {

    private static final List<String> ROLES = List.of("cashier", "supervisor", "manager", "admin", "partner", "register");

    @Test
    void theReadmeShowsTheSameMatrix() throws IOException {
        assertEquals(table("docs/security.md", "matrix"), table("README.md", "matrix"));
    }

    @Test
    void theDocumentedMatrixIsTheEnforcedOne() throws IOException {
        Map<String, List<String>> documented = table("matrix");
        assertEquals(Permission.values().length, documented.size(), "one row per permission");
        for (Permission permission : Permission.values()) {
            List<String> cells = documented.get("`" + permission.code() + "`");
            assertTrue(cells != null, "docs/security.md has no row for " + permission.code());
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                boolean granted = PermissionMatrix.BY_ROLE.get(role).contains(permission);
                String expected = granted ? "✓" : approvable(role, permission) ? "approval" : "–";
                assertEquals(expected, cells.get(i), permission.code() + " for " + role);
            }
        }
    }

    /** A role that sells may borrow an override permission from a supervisor. */
    private static boolean approvable(String role, Permission permission) {
        return permission.needsApproval() && PermissionMatrix.BY_ROLE.get(role).contains(Permission.CART_SELL);
    }

    @Test
    void everyEndpointDeclaresTheDocumentedPermission() throws Exception {
        Map<String, String> inCode = new TreeMap<>();
        for (Class<?> type : resourceClasses()) {
            javax.ws.rs.Path base = type.getAnnotation(javax.ws.rs.Path.class);
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                javax.ws.rs.Path sub = method.getAnnotation(javax.ws.rs.Path.class);
                String path = "/" + base.value() + (sub == null ? "" : "/" + sub.value());
                inCode.put("`" + verb + " " + path + "`", required(type, method, path));
            }
        }
        Map<String, String> documented = new TreeMap<>();
        table("endpoints").forEach((endpoint, cells) -> documented.put(endpoint, cells.get(0)));
        assertEquals(documented, inCode);
    }

    @Test
    void onlyHealthAndLoginAreOpen() {
        assertTrue(AuthenticationFilter.isOpen("health"));
        assertTrue(AuthenticationFilter.isOpen("/auth/login/"));
        for (String path : new String[] { "auth/me", "auth/pin", "auth/logout", "audit", "carts", "" }) {
            assertFalse(AuthenticationFilter.isOpen(path), path);
        }
    }

    @Test
    void aMethodWithoutAPermissionIsClosedToEveryone() throws Exception {
        Method undeclared = Undeclared.class.getMethod("secret");
        OmnitillPrincipal admin = new OmnitillPrincipal("root", Set.of("admin"), null, null, null);
        SecurityRefusal refusal = org.junit.jupiter.api.Assertions.assertThrows(SecurityRefusal.class,
                () -> AuthorizationFilter.check(undeclared, Undeclared.class, admin));
        assertEquals(403, refusal.error().status());
    }

    @Test
    void aRoleWithoutThePermissionIsRefusedNamingIt() throws Exception {
        Method price = ProductResource.class.getMethod("setPrice", String.class, String.class, byte[].class,
                javax.ws.rs.core.SecurityContext.class);
        OmnitillPrincipal cashier = new OmnitillPrincipal("anna", Set.of("cashier"), null, null, null);
        SecurityRefusal refusal = org.junit.jupiter.api.Assertions.assertThrows(SecurityRefusal.class,
                () -> AuthorizationFilter.check(price, ProductResource.class, cashier));
        assertEquals("catalog.price.change", refusal.error().permission());
        AuthorizationFilter.check(price, ProductResource.class,
                new OmnitillPrincipal("mia", Set.of("manager"), null, null, null));
    }

    /** A resource someone forgot to annotate. */
    public static class Undeclared {
        @GET
        public String secret() {
            return "secret";
        }
    }

    private static String required(Class<?> type, Method method, String path) {
        if (path.equals("/health") || path.equals("/auth/login")) {
            return "open";
        }
        RequiresPermission permission = method.getAnnotation(RequiresPermission.class);
        boolean anyUser = method.isAnnotationPresent(Authenticated.class);
        if (permission == null && !anyUser) {
            permission = type.getAnnotation(RequiresPermission.class);
            anyUser = type.isAnnotationPresent(Authenticated.class);
        }
        if (anyUser) {
            return "any signed-in user";
        }
        return permission == null ? "NONE" : "`" + permission.value().code() + "`";
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    /** Every class of this bundle with a JAX-RS {@code @Path}, found in the compiled classes. */
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(AuthenticationFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PermissionMatrixTest.class.getClassLoader());
                if (type.isAnnotationPresent(javax.ws.rs.Path.class)) {
                    found.add(type);
                }
            }
        }
        assertTrue(found.size() >= 10, "found the resources: " + found);
        return found;
    }

    /** The rows of a table in docs/security.md between its start and end markers: first cell to the others. */
    private static Map<String, List<String>> table(String name) throws IOException {
        return table("docs/security.md", name);
    }

    private static Map<String, List<String>> table(String file, String name) throws IOException {
        Path doc = Path.of(System.getProperty("user.dir")).resolve("../../" + file).normalize();
        String text = Files.readString(doc);
        String section = text.substring(text.indexOf("<!-- " + name + ":start -->"), text.indexOf("<!-- " + name + ":end -->"));
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                cells.add(cell.trim());
            }
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return rows;
    }
}
