package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A file that bnd generated next to a class: read from the class path entry (a directory such as
 * {@code target/classes}, or a jar) the class was loaded from, so that a descriptor found belongs to the same
 * bundle as the class it describes.
 */
final class GeneratedFile {

    private final String path;
    private final String where;
    private final byte[] content;

    private GeneratedFile(String path, String where, byte[] content) {
        this.path = path;
        this.where = where;
        this.content = content;
    }

    /** The file at {@code path} (e.g. {@code OSGI-INF/x.xml}) beside {@code type}; fails the test if it is missing. */
    static GeneratedFile beside(Class<?> type, String path) {
        Path root = root(type);
        String where = root == null ? "the class path of " + type.getName() : root + " (where " + type.getName()
                + " was loaded from)";
        byte[] content;
        try {
            content = root == null ? fromClassLoader(type, path) : Files.isDirectory(root) ? fromDirectory(root, path)
                    : fromJar(root, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " in " + where, e);
        }
        if (content == null) {
            fail(path + " is missing in " + where + ": bnd-maven-plugin writes it at process-classes, so run the tests"
                    + " through Maven (mvn verify), or an IDE that runs that phase");
        }
        return new GeneratedFile(path, where, content);
    }

    String path() {
        return path;
    }

    String where() {
        return where;
    }

    byte[] bytes() {
        return content.clone();
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The file parsed as XML by the JDK's DOM parser, namespace aware, without DTDs or external entities. */
    Document xml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXException e) {
            return fail(path + " in " + where + " is not well-formed XML: " + e.getMessage() + "\n" + text());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root element of {@link #xml()}, which must have this local name, or the test fails. */
    Element root(String localName, String kind) {
        Element root = xml().getDocumentElement();
        if (!localName.equals(localName(root))) {
            fail(path + " in " + where + " is not " + kind + ": its root element is <" + root.getTagName() + ">\n"
                    + text());
        }
        return root;
    }

    // ------------------------------------------------------------------ DOM helpers

    /** The child elements with this local name, whatever their namespace (bnd writes them unqualified). */
    static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(localName(element))) {
                children.add(element);
            }
        }
        return children;
    }

    static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** An attribute's value, or {@code null} when it is absent (DOM would answer the empty string). */
    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    // ------------------------------------------------------------------ where the class came from

    private static Path root(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] fromDirectory(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private static byte[] fromJar(Path jar, String path) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(path);
            if (entry == null) {
                return null;
            }
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    private static byte[] fromClassLoader(Class<?> type, String path) throws IOException {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
