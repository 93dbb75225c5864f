package org.omnitill.tax.indiagst.internal;

import org.junit.jupiter.api.Test;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.testkit.ComponentDescriptors;

/** The DS and metatype descriptors bnd generated carry the plugin metadata and the configuration PID. */
class IndiaGstComponentDescriptorTest {

    @Test
    void componentPublishesThePluginPropertiesAndReadsItsPid() {
        ComponentDescriptors.assertPluginDescribesItself(IndiaGstTaxRule.class, PluginFamily.TAX, "india-gst",
                "India GST")
                .assertProvides(TaxRule.class)
                .assertConfigurationPid("org.omnitill.tax.indiagst")
                .assertModified("modified");
    }

    @Test
    void metatypeDescribesStatesAndZeroRating() {
        ComponentDescriptors.metatype(IndiaGstTaxRule.Config.class)
                .assertPid("org.omnitill.tax.indiagst")
                .assertAttribute("states")
                .assertAttribute("zeroRateCertifiedSupplies", "Boolean");
    }
}
