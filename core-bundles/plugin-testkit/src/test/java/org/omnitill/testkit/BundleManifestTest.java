package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.testkit.fixtures.Undescribed;

/** The manifest of the bundle a class was loaded from: a directory like target/classes, or a jar. */
class BundleManifestTest {

    private static final String MANIFEST = "Manifest-Version: 1.0\r\n"
            + "Bundle-SymbolicName: org.omnitill.sample\r\n"
            + "Import-Package: javax.sql,org.apache.karaf.shell.api.action;resolution:=optional;version=\"[4.4,5)\",\r\n"
            + " org.omnitill.api.payment;version=\"[1.0,2)\",org.osgi.service.jaxrs.whiteboard;version=\"[1.0,2)\"\r\n"
            + "Export-Package: org.omnitill.sample;org.omnitill.sample.spi;version=\"1.0.0\";uses:=\"a,b\"\r\n"
            + "\r\n";

    @TempDir
    Path temp;

    @Test
    void readsTheManifestOfAClassesDirectory() throws Exception {
        BundleManifest manifest = BundleManifest.of(load(classesDirectory()));

        assertEquals("org.omnitill.sample", manifest.header("Bundle-SymbolicName"));
        manifest.assertHeader("Bundle-SymbolicName", "org.omnitill.sample")
                .assertNoHeader("Karaf-Commands")
                .assertImports("javax.sql")
                .assertImports("org.apache.karaf.shell.api.action", "resolution:=optional")
                .assertImports("org.osgi.service.jaxrs.whiteboard", "version=\"[1.0,2)\"")
                .assertImportsNothingFrom("org.omnitill.persistence")
                .assertImportsNothingFrom("org.h2")
                .assertExports("org.omnitill.sample.spi", "version=\"1.0.0\"");
        assertEquals(Map.of("org.omnitill.sample", List.of("version=\"1.0.0\"", "uses:=\"a,b\""),
                "org.omnitill.sample.spi", List.of("version=\"1.0.0\"", "uses:=\"a,b\"")),
                manifest.clauses("Export-Package"));
        assertNull(manifest.header("Karaf-Commands"));
    }

    @Test
    void readsTheManifestOfAJar() throws Exception {
        Path jar = temp.resolve("bundle.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            write(out, "META-INF/MANIFEST.MF", MANIFEST.getBytes(StandardCharsets.UTF_8));
            write(out, classFile(), classBytes());
        }

        BundleManifest.of(load(jar)).assertHeader("Bundle-SymbolicName", "org.omnitill.sample");
    }

    @Test
    void eachFailureSaysWhatIsWrong() throws Exception {
        BundleManifest manifest = BundleManifest.of(load(classesDirectory()));

        assertFails(() -> manifest.assertHeader("Karaf-Commands", "x"), "Karaf-Commands is absent, not \"x\"");
        assertFails(manifest::assertExportsNothing, "Export-Package is \"org.omnitill.sample;");
        assertFails(() -> manifest.assertImports("org.h2"), "Import-Package has no org.h2: javax.sql,");
        assertFails(() -> manifest.assertImports("javax.sql", "resolution:=optional"),
                "Import-Package has javax.sql with [], not resolution:=optional");
        assertFails(() -> manifest.assertImportsNothingFrom("org.omnitill"),
                "Import-Package has org.omnitill.api.payment, nothing of org.omnitill expected");
    }

    @Test
    void aMissingManifestIsBlamedOnTheBuild() {
        // the kit's own test classes: a directory without a manifest
        Failures.assertFails(() -> BundleManifest.of(Undescribed.class), "META-INF/MANIFEST.MF is missing in ",
                "process-classes");
    }

    private static void assertFails(Executable assertion, String problem) {
        Failures.assertFails(assertion, "manifest org.omnitill.sample: ", problem);
    }

    /** A directory like target/classes with the manifest and {@link Undescribed}. */
    private Path classesDirectory() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), MANIFEST, StandardCharsets.UTF_8);
        Path marker = classes.resolve(classFile());
        Files.createDirectories(marker.getParent());
        Files.write(marker, classBytes());
        return classes;
    }

    /** {@link Undescribed}, loaded again from {@code root} alone. */
    private static Class<?> load(Path root) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        Class<?> type = loader.loadClass(Undescribed.class.getName());
        assertEquals(loader, type.getClassLoader());
        return type;
    }

    private static String classFile() {
        return Undescribed.class.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes() throws IOException {
        try (InputStream in = Undescribed.class.getResourceAsStream("Undescribed.class")) {
            return in.readAllBytes();
        }
    }

    private static void write(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(content);
        jar.closeEntry();
    }
}
