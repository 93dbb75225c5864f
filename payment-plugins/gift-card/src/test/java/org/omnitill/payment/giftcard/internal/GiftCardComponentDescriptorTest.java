package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/** What bnd generated: DS descriptors (OSGi Compendium R8 chapter 112), metatype, and the manifest's imports. */
class GiftCardComponentDescriptorTest {

    @Test
    void bothPaymentMethodsPublishThePluginProperties() throws IOException {
        String gift = resource("/OSGI-INF/" + GiftCardPayment.class.getName() + ".xml");
        assertTrue(gift.contains("<provide interface=\"org.omnitill.api.payment.PaymentMethod\"/>"), gift);
        assertTrue(gift.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"gift-card\""), gift);
        assertTrue(gift.contains("name=\"omnitill.plugin.family\" type=\"String\" value=\"payment\""), gift);
        assertTrue(gift.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"Gift card\""), gift);

        String credit = resource("/OSGI-INF/" + StoreCreditPayment.class.getName() + ".xml");
        assertTrue(credit.contains("<provide interface=\"org.omnitill.api.payment.PaymentMethod\"/>"), credit);
        assertTrue(credit.contains("name=\"omnitill.plugin.id\" type=\"String\" value=\"store-credit\""), credit);
        assertTrue(credit.contains("name=\"omnitill.plugin.name\" type=\"String\" value=\"Store credit\""), credit);
    }

    @Test
    void theLedgerUsesThePlatformDataSourceAndReadsItsPid() throws IOException {
        String xml = resource("/OSGI-INF/" + GiftCardLedger.class.getName() + ".xml");
        assertTrue(xml.contains("configuration-pid=\"org.omnitill.payment.giftcard\""), xml);
        assertTrue(xml.contains("modified=\"modified\""), xml);
        assertTrue(xml.contains("name=\"dataSource\" interface=\"javax.sql.DataSource\""
                + " target=\"(osgi.jndi.service.name=omnitill)\""), xml);

        String metatype = resource("/OSGI-INF/metatype/" + GiftCardLedger.Config.class.getName() + ".xml");
        assertTrue(metatype.contains("pid=\"org.omnitill.payment.giftcard\""), metatype);
        assertTrue(metatype.contains("id=\"maxBalance\""), metatype);
    }

    @Test
    void theResourceJoinsTheOmnitillApplication() throws IOException {
        String xml = resource("/OSGI-INF/" + GiftCardResource.class.getName() + ".xml");
        assertTrue(xml.contains("name=\"osgi.jaxrs.resource\" type=\"Boolean\" value=\"true\""), xml);
        assertTrue(xml.contains("name=\"osgi.jaxrs.application.select\" type=\"String\""
                + " value=\"(osgi.jaxrs.name=omnitill)\""), xml);
        assertTrue(xml.contains("interface=\"org.omnitill.api.audit.AuditTrail\""), xml);
        assertTrue(xml.contains("cardinality=\"0..1\""), xml);
    }

    @Test
    void theBundleImportsTheWhiteboardAndNothingOfTheCoreButTheApi() throws IOException {
        Path file = Path.of("target", "classes", "META-INF", "MANIFEST.MF");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(file)) {
            manifest = new Manifest(in);
        }
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertTrue(imports.contains("org.osgi.service.jaxrs.whiteboard;version=\"[1.0,2)\""), imports);
        assertTrue(imports.contains("javax.sql"), imports);
        assertFalse(imports.contains("org.omnitill.persistence"), imports);
        assertFalse(imports.contains("javax.persistence"), imports);
        assertFalse(imports.contains("org.h2"), imports);
        assertFalse(imports.contains("org.postgresql"), imports);
        assertTrue(manifest.getMainAttributes().getValue("Export-Package") == null, "exports nothing");
    }

    /** A file bnd wrote into target/classes at process-classes, before the tests run. */
    private static String resource(String path) throws IOException {
        Path file = Path.of("target", "classes").resolve(path.substring(1));
        assertTrue(Files.isRegularFile(file), () -> file + " was not generated");
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
