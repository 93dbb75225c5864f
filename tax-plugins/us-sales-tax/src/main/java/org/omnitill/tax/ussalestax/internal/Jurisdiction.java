package org.omnitill.tax.ussalestax.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

import org.omnitill.api.error.OmnitillException;

/** A state, county, city or special district with its dated general rates (immutable). */
record Jurisdiction(String code, String state, Level level, NavigableMap<LocalDate, JurisdictionRate> rates) {

    /**
     * The rate in force on the date.
     *
     * @throws OmnitillException {@code UNPROCESSABLE tax_rate_not_in_force} before the first rate
     */
    JurisdictionRate rateOn(LocalDate date) {
        Map.Entry<LocalDate, JurisdictionRate> inForce = rates.floorEntry(date);
        if (inForce == null) {
            throw OmnitillException.unprocessable("tax_rate_not_in_force", "No sales tax rate of " + code + " on "
                    + date + ": the rate data starts on " + rates.firstKey());
        }
        return inForce.getValue();
    }
}
