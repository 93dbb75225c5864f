package org.omnitill.tax.indiagst.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of one category in force from one date: a single row, or rows by sale value per piece
 * (apparel at 5% up to Rs 1000 a piece and 12% above). Sorted by their upper bound, the row without
 * one last.
 */
final class Bands {

    private final RateRow[] rows;

    private Bands(RateRow[] rows) {
        this.rows = rows;
    }

    /**
     * @throws IllegalArgumentException unless exactly one row has no upper bound
     */
    static Bands of(List<RateRow> rows) {
        List<RateRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(RateRow::maxUnitValue, Comparator.nullsLast(Comparator.naturalOrder())));
        long open = sorted.stream().filter(row -> row.maxUnitValue() == null).count();
        if (open != 1) {
            RateRow first = sorted.get(0);
            throw new IllegalArgumentException(first.category() + " from " + first.effectiveFrom() + " has " + open
                    + " rows without max_unit_value; the bands need exactly one (the top band)");
        }
        return new Bands(sorted.toArray(RateRow[]::new));
    }

    /** Whether the rate depends on the sale value per piece. */
    boolean banded() {
        return rows.length > 1;
    }

    /** The row of the band a sale value per piece falls in ("not exceeding" the bound: inclusive). */
    RateRow forUnitValue(BigDecimal unitValue) {
        for (RateRow row : rows) {
            if (row.maxUnitValue() == null || unitValue.compareTo(row.maxUnitValue()) <= 0) {
                return row;
            }
        }
        throw new IllegalStateException("no top band"); // of() guarantees one
    }

    /** The row of a category without bands. */
    RateRow only() {
        return rows[0];
    }
}
