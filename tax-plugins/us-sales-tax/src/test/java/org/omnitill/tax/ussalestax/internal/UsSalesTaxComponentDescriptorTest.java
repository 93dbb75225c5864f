package org.omnitill.tax.ussalestax.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.testkit.ComponentDescriptors;

/** bnd generated the DS and metatype descriptors with the plugin metadata and the configuration PID. */
class UsSalesTaxComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() {
        ComponentDescriptors.assertPluginDescribesItself(UsSalesTaxRule.class, PluginFamily.TAX, "us-sales-tax",
                "US sales tax")
                .assertProvides(TaxRule.class)
                .assertConfigurationPid("org.omnitill.tax.ussalestax")
                .assertModified("modified");
    }

    @Test
    void metatypeDescribesTheStates() {
        ComponentDescriptors.metatype(UsSalesTaxRule.Config.class)
                .assertPid("org.omnitill.tax.ussalestax")
                .assertAttribute("states");
    }

    @Test
    void theDataFilesAreInsideTheBundle() throws IOException {
        for (String file : new String[] {SalesTaxData.JURISDICTIONS, SalesTaxData.ZIP_CODES, SalesTaxData.TAXABILITY}) {
            try (InputStream in = SalesTaxData.class.getResourceAsStream(file)) {
                assertNotNull(in, file + " is missing; run the build through process-classes");
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\nstate,"), file);
            }
        }
    }
}
