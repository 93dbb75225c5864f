package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.omnitill.testkit.fixtures.Misdescribed;
import org.omnitill.testkit.fixtures.SampleListener;
import org.omnitill.testkit.fixtures.SamplePayment;
import org.omnitill.testkit.fixtures.Undescribed;

/** The metatype assertions, on hand-written descriptors in src/test/resources/OSGI-INF/metatype. */
class MetatypeDescriptorTest {

    private final MetatypeDescriptor payment = ComponentDescriptors.metatype(SamplePayment.Config.class);

    @Test
    void aDescriptorThatHoldsEverythingAssertedPasses() {
        payment.assertPid("org.omnitill.payment.sample")
                .assertAttribute("enabled")
                .assertAttributes("increments", "timeoutMillis")
                .assertAttribute(".secretKey", "Password")
                .assertAttribute("enabled", "Boolean", "true")
                .assertAttribute("increments", "String", "EUR:0.05,CHF:0.05")
                .assertNoAttribute("secretKey");
        assertEquals(SamplePayment.Config.class.getName(), payment.id());
        assertEquals(List.of("increments", "enabled", "timeoutMillis", ".secretKey"), payment.attributeIds());
        ComponentDescriptors.metatype(SampleListener.Config.class).assertFactoryPid("org.omnitill.sample.listener");
    }

    @Test
    void eachFailureSaysWhatIsWrongAndShowsTheDescriptor() {
        assertFails(() -> payment.assertPid("org.omnitill.payment.other"),
                "designates org.omnitill.testkit.fixtures.SamplePayment$Config for [pid=org.omnitill.payment.sample],"
                        + " not pid=org.omnitill.payment.other");
        assertFails(() -> payment.assertFactoryPid("org.omnitill.payment.sample"),
                "for [factoryPid=null], not factoryPid=org.omnitill.payment.sample");
        assertFails(() -> payment.assertAttributes("increments", "countries"),
                "defines no attribute countries; it defines [increments, enabled, timeoutMillis, .secretKey]");
        assertFails(() -> payment.assertAttribute(".secretKey", "String"), "defines .secretKey as Password, not String");
        assertFails(() -> payment.assertAttribute("enabled", "Boolean", "false"),
                "defines enabled with the default \"true\", not \"false\"");
        assertFails(() -> payment.assertAttribute(".secretKey", "Password", ""),
                "defines .secretKey with no default, not \"\"");
        assertFails(() -> payment.assertNoAttribute("enabled"), "defines the attribute enabled, which it should not");
    }

    @Test
    void aMissingDescriptorIsBlamedOnTheBuild() {
        Failures.assertFails(() -> ComponentDescriptors.metatype(Undescribed.Config.class),
                "OSGI-INF/metatype/org.omnitill.testkit.fixtures.Undescribed$Config.xml is missing in ");
    }

    @Test
    void aFileThatIsNoMetatypeDescriptorIsRefused() {
        Failures.assertFails(() -> ComponentDescriptors.metatype(Misdescribed.Config.class),
                "OSGI-INF/metatype/org.omnitill.testkit.fixtures.Misdescribed$Config.xml in ",
                "is not a metatype descriptor: its root element is <scr:component>\n", "<implementation class=");
    }

    /** The failure shows the descriptor, after what is wrong. */
    private static void assertFails(Executable assertion, String problem) {
        Failures.assertFails(assertion, "metatype org.omnitill.testkit.fixtures.SamplePayment$Config ", problem,
                "<Designate pid=\"org.omnitill.payment.sample\">");
    }
}
