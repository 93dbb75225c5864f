package org.omnitill.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/** What bnd generated: the DS descriptors and the manifest headers Karaf relies on. */
class ComponentDescriptorTest {

    @Test
    void auditTrailIsAServiceNeedingTransactionsAndANodeIdentity() throws IOException {
        String xml = resource("/OSGI-INF/" + JpaAuditTrail.class.getName() + ".xml");
        assertTrue(xml.contains("<provide interface=\"org.omnitill.api.audit.AuditTrail\"/>"), xml);
        assertTrue(xml.contains("interface=\"org.omnitill.persistence.TransactionRunner\""), xml);
        assertTrue(xml.contains("interface=\"org.omnitill.persistence.NodeIdentity\""), xml);
    }

    @Test
    void platformAuditorStartsAtOnceAndListensSynchronouslyToConfigAdmin() throws IOException {
        String xml = resource("/OSGI-INF/" + PlatformChangeAuditor.class.getName() + ".xml");
        assertTrue(xml.contains("immediate=\"true\""), xml);
        assertTrue(xml.contains("<provide interface=\"org.osgi.service.cm.SynchronousConfigurationListener\"/>"), xml);
        assertTrue(xml.contains("interface=\"org.omnitill.api.audit.AuditTrail\""), xml);
    }

    @Test
    void manifestDeclaresTheShellCommandsAndExportsNothing() throws Exception {
        Path classes = Path.of(JpaAuditTrail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Attributes main;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            main = new Manifest(in).getMainAttributes();
        }
        assertEquals("org.omnitill.audit", main.getValue("Bundle-SymbolicName"));
        assertEquals("org.omnitill.audit.internal.shell", main.getValue("Karaf-Commands"));
        assertNull(main.getValue("Export-Package"));
        String imports = main.getValue("Import-Package");
        for (String pkg : new String[] {"action", "action.lifecycle"}) {
            assertTrue(imports.matches("(?s).*org\\.apache\\.karaf\\.shell\\.api\\." + pkg.replace(".", "\\.")
                    + ";(version=\"[^\"]*\";)?resolution:=optional.*"), imports);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ComponentDescriptorTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " was not generated; run the build through process-classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
