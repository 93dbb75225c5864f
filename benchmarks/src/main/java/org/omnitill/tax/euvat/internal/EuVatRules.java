package org.omnitill.tax.euvat.internal;

import java.lang.annotation.Annotation;

import org.omnitill.api.tax.TaxRule;

/**
 * Builds the real {@link EuVatTaxRule} outside OSGi (its configuration type is package-private, hence this
 * class in the plugin's package name). Benchmark code only.
 */
public final class EuVatRules {

    private EuVatRules() {
    }

    /** The rule as the feature installs it: every country in the bundled rate data. */
    @SuppressWarnings("all")
    public static TaxRule allCountries() {
        return new EuVatTaxRule(new EuVatTaxRule.Config() {
            @Override
            public String[] countries() {
                return new String[] {EuVatTaxRule.ALL};
            }

            @Override
            public boolean ossRegistered() {
                return true;
            }

            @Override
            public boolean distanceSalesBelowThreshold() {
                return false;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return EuVatTaxRule.Config.class;
            }
        });
    }
}
