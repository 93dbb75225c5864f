package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.testkit.fixtures.Malformed;
import org.omnitill.testkit.fixtures.Misdescribed;
import org.omnitill.testkit.fixtures.SampleListener;
import org.omnitill.testkit.fixtures.SamplePayment;
import org.omnitill.testkit.fixtures.Undescribed;

/** The DS descriptor assertions, on hand-written descriptors in src/test/resources/OSGI-INF. */
class ComponentDescriptorTest {

    private final ComponentDescriptor payment = ComponentDescriptors.of(SamplePayment.class);
    private final ComponentDescriptor listener = ComponentDescriptors.of(SampleListener.class);

    @Test
    void aDescriptorThatHoldsEverythingAssertedPasses() {
        ComponentDescriptors.assertPluginDescribesItself(SamplePayment.class, PluginFamily.PAYMENT, "sample",
                "Sample & test")
                .assertProvides(PaymentMethod.class)
                .assertConfigurationPid("org.omnitill.payment.sample")
                .assertConfigurationPolicy("optional")
                .assertModified("modified")
                .assertImmediate(false)
                .assertProperty(PluginProperties.ID, "sample")
                .assertProperty("enabled", true)
                .assertProperty("timeoutMillis", 5000)
                .assertProperty("increments", new String[] {"EUR:0.05", "CHF:0.05"})
                .assertHasProperty(".secretKey")
                .assertNoProperty("secretKey")
                .assertReference(AuditTrail.class, Map.of("cardinality", "0..1", "policy", "dynamic"))
                .assertReference(DataSource.class, Map.of("name", "dataSource", "cardinality", "1..1",
                        "target", "(osgi.jndi.service.name=omnitill)"));
        assertEquals(SamplePayment.class.getName(), payment.name());
        assertEquals(List.of("true"), payment.properties().get("enabled"));
    }

    @Test
    void attributesTheXmlLeavesOutHaveTheirDefaults() {
        listener.assertProvidesNoService()
                .assertConfigurationPid(SampleListener.class.getName())
                .assertConfigurationPolicy("require")
                .assertImmediate(true)
                .assertActivate("start")
                .assertDeactivate("stop")
                .assertProperty(PluginProperties.ID, "listener")
                .assertReference(AuditTrail.class, Map.of("cardinality", "1..1", "policy", "static",
                        "policy-option", "reluctant"));
    }

    @Test
    void eachFailureSaysWhatIsWrongAndShowsTheDescriptor() {
        assertFails(() -> payment.assertProvides(TaxRule.class),
                "does not provide org.omnitill.api.tax.TaxRule; it provides [org.omnitill.api.payment.PaymentMethod]");
        assertFails(() -> payment.assertProvidesNoService(), "provides services");
        assertFails(() -> payment.assertConfigurationPid("org.omnitill.payment.other"),
                "reads the configuration PIDs [org.omnitill.payment.sample], not [org.omnitill.payment.other]");
        assertFails(() -> payment.assertConfigurationPolicy("require"), "has configuration-policy = optional, not require");
        assertFails(() -> listener.assertModified("modified"), "has modified unset, not modified");
        assertFails(() -> payment.assertImmediate(true), "has immediate = false, not true");
        assertFails(() -> payment.assertProperty(PluginProperties.ID, "cash"),
                "has the property omnitill.plugin.id = \"sample\" (String), not \"cash\" (String)");
        assertFails(() -> payment.assertProperty("timeoutMillis", "5000"),
                "has the property timeoutMillis = \"5000\" (Integer), not \"5000\" (String)");
        assertFails(() -> payment.assertProperty("increments", "EUR:0.05"),
                "has the property increments = [EUR:0.05, CHF:0.05] (String)");
        assertFails(() -> payment.assertHasProperty("apiKey"), "has no property apiKey; its properties are [increments,");
        assertFails(() -> payment.assertNoProperty(".secretKey"), "has the property .secretKey, which it should not");
        assertFails(() -> listener.assertReference(DataSource.class), "does not reference javax.sql.DataSource");
        assertFails(() -> payment.assertReference(AuditTrail.class, Map.of("cardinality", "1..1")),
                "references org.omnitill.api.audit.AuditTrail with [{cardinality=0..1}], not {cardinality=1..1}");
    }

    @Test
    void aPluginMustProvideAServiceAndBelongToAKnownFamily() {
        assertFails(() -> listener.assertPluginDescribesItself(PluginFamily.PAYMENT, "listener", "Listener"),
                "provides no service, so the core never sees its plugin properties");
        assertFails(() -> payment.assertPluginDescribesItself(PluginFamily.TAX, "sample", "Sample & test"),
                "has the property omnitill.plugin.family = \"payment\" (String), not \"tax\" (String)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> payment.assertPluginFamily("payments"));
        assertEquals("payments is no plugin family; the families are [payment, device, channel, tax]", e.getMessage());
    }

    @Test
    void aMissingDescriptorIsBlamedOnTheBuild() {
        Failures.assertFails(() -> ComponentDescriptors.of(Undescribed.class),
                "OSGI-INF/org.omnitill.testkit.fixtures.Undescribed.xml is missing in ", "test-classes",
                "process-classes");
    }

    @Test
    void theDescriptorMustDescribeTheClass() {
        assertFails(() -> ComponentDescriptors.of(Misdescribed.class),
                "is not implemented by org.omnitill.testkit.fixtures.Misdescribed but by "
                        + "org.omnitill.testkit.fixtures.SamplePayment");
    }

    @Test
    void aDocumentTypeIsRefusedSoNoExternalEntityIsRead() {
        Failures.assertFails(() -> ComponentDescriptors.of(Malformed.class),
                "OSGI-INF/org.omnitill.testkit.fixtures.Malformed.xml in ", "is not well-formed XML: ", "DOCTYPE");
    }

    /** The failure shows the descriptor, after what is wrong. */
    private static void assertFails(Executable assertion, String problem) {
        Failures.assertFails(assertion, "component org.omnitill.testkit.fixtures.", problem,
                "\n--- OSGI-INF/org.omnitill.testkit.fixtures.", "<implementation class=");
    }
}
