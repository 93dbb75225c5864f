package org.omnitill.tax.indiagst.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of {@code gst-rates.csv}: the slab of a category from a date, for one sale-value band.
 *
 * @param category {@code hsn:<digits>} or a generic category code
 * @param maxUnitValue the highest sale value per piece (INR, excluding GST) of the band, or null for
 *        the top band (and for rows without bands)
 */
record RateRow(String category, GstSlab slab, BigDecimal maxUnitValue, LocalDate effectiveFrom, String description) {
}
