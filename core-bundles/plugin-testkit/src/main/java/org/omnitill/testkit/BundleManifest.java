package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The OSGi manifest bnd wrote for the bundle a class belongs to ({@code META-INF/MANIFEST.MF} of its class path
 * entry), with assertions on its headers and on the packages it imports and exports. Each assertion returns the
 * manifest; each failure shows the header concerned.
 *
 * <pre>
 * BundleManifest.of(GiftCardLedger.class)
 *         .assertImports("org.osgi.service.jaxrs.whiteboard", "version=\"[1.0,2)\"")
 *         .assertImportsNothingFrom("org.omnitill.persistence")
 *         .assertExportsNothing();
 * </pre>
 */
public final class BundleManifest {

    private final GeneratedFile file;
    private final Attributes main;

    private BundleManifest(GeneratedFile file) {
        this.file = file;
        try {
            this.main = new Manifest(new ByteArrayInputStream(file.bytes())).getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path() + " in " + file.where(), e);
        }
    }

    /** The manifest of the bundle (directory or jar) {@code anyClassOfTheBundle} was loaded from. */
    public static BundleManifest of(Class<?> anyClassOfTheBundle) {
        return new BundleManifest(GeneratedFile.beside(anyClassOfTheBundle, "META-INF/MANIFEST.MF"));
    }

    /** A main header's value, or {@code null}. */
    public String header(String name) {
        return main.getValue(name);
    }

    /** That the main header {@code name} has this value. */
    public BundleManifest assertHeader(String name, String value) {
        if (!value.equals(header(name))) {
            failWith(name + " is " + (header(name) == null ? "absent" : "\"" + header(name) + '"') + ", not \"" + value
                    + '"');
        }
        return this;
    }

    /** That the manifest has no main header {@code name}. */
    public BundleManifest assertNoHeader(String name) {
        if (header(name) != null) {
            failWith(name + " is \"" + header(name) + "\", expected none");
        }
        return this;
    }

    /** That the bundle exports no package. */
    public BundleManifest assertExportsNothing() {
        return assertNoHeader("Export-Package");
    }

    /**
     * That the bundle imports {@code packageName} with each of these attributes or directives, as bnd writes
     * them: {@code version="[1.0,2)"}, {@code resolution:=optional}.
     */
    public BundleManifest assertImports(String packageName, String... parameters) {
        return assertClause("Import-Package", packageName, parameters);
    }

    /** That the bundle exports {@code packageName} with each of these attributes or directives. */
    public BundleManifest assertExports(String packageName, String... parameters) {
        return assertClause("Export-Package", packageName, parameters);
    }

    /** That the bundle imports neither the package {@code prefix} nor any package below it. */
    public BundleManifest assertImportsNothingFrom(String prefix) {
        for (String name : clauses("Import-Package").keySet()) {
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                failWith("Import-Package has " + name + ", nothing of " + prefix + " expected: "
                        + header("Import-Package"));
            }
        }
        return this;
    }

    /**
     * The clauses of a header such as Import-Package, by package name, each with its attributes and directives
     * as written ({@code version="[1.0,2)"}); a clause naming several packages gives each of them.
     */
    public Map<String, List<String>> clauses(String header) {
        Map<String, List<String>> clauses = new LinkedHashMap<>();
        String value = header(header);
        if (value == null) {
            return clauses;
        }
        for (String clause : split(value, ',')) {
            List<String> names = new ArrayList<>();
            List<String> parameters = new ArrayList<>();
            for (String part : split(clause, ';')) {
                (part.contains("=") ? parameters : names).add(part);
            }
            for (String name : names) {
                clauses.put(name, parameters);
            }
        }
        return clauses;
    }

    private BundleManifest assertClause(String header, String packageName, String... parameters) {
        List<String> actual = clauses(header).get(packageName);
        if (actual == null) {
            failWith(header + " has no " + packageName + ": " + header(header));
        }
        for (String parameter : parameters) {
            if (!actual.contains(parameter)) {
                failWith(header + " has " + packageName + " with " + actual + ", not " + parameter);
            }
        }
        return this;
    }

    /** Splits at {@code separator} outside double quotes, trimming each part. */
    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString().trim());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().trim());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    private void failWith(String problem) {
        fail("manifest " + Objects.requireNonNullElse(header("Bundle-SymbolicName"), "") + ": " + problem + "\n--- "
                + file.path() + " in " + file.where());
    }
}
