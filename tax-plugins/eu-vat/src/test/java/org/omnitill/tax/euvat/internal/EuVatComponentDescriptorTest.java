package org.omnitill.tax.euvat.internal;

import org.junit.jupiter.api.Test;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.testkit.ComponentDescriptors;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class EuVatComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() {
        ComponentDescriptors.assertPluginDescribesItself(EuVatTaxRule.class, PluginFamily.TAX, "eu-vat", "EU VAT")
                .assertProvides(TaxRule.class)
                .assertConfigurationPid("org.omnitill.tax.euvat")
                .assertModified("modified");
    }

    @Test
    void metatypeDescribesTheCountriesAndTheOssSettings() {
        ComponentDescriptors.metatype(EuVatTaxRule.Config.class)
                .assertPid("org.omnitill.tax.euvat")
                .assertAttribute("countries")
                .assertAttribute("ossRegistered", "Boolean", "true")
                .assertAttribute("distanceSalesBelowThreshold", "Boolean", "false");
    }
}
