package org.omnitill.api.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantity of an article in its unit: whole pieces, or a weight or length with up to three
 * decimals. Zero and negative quantities are allowed here (a return is negative); whether a use
 * accepts them is the caller's rule.
 */
public final class Quantity {

    private final BigDecimal value;
    private final UnitOfMeasure unit;

    private Quantity(BigDecimal value, UnitOfMeasure unit) {
        this.value = value;
        this.unit = unit;
    }

    /** @throws IllegalArgumentException if the value has more decimals than the unit allows */
    public static Quantity of(BigDecimal value, UnitOfMeasure unit) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        BigDecimal normalized = value.stripTrailingZeros();
        if (normalized.scale() > unit.maxDecimals()) {
            throw new IllegalArgumentException(unit == UnitOfMeasure.EACH
                    ? "quantity " + value.toPlainString() + " must be a whole number of pieces"
                    : "quantity " + value.toPlainString() + " has more than " + unit.maxDecimals() + " decimals");
        }
        return new Quantity(normalized.setScale(unit.maxDecimals()), unit);
    }

    public static Quantity pieces(long count) {
        return of(BigDecimal.valueOf(count), UnitOfMeasure.EACH);
    }

    public BigDecimal value() {
        return value;
    }

    public UnitOfMeasure unit() {
        return unit;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public Quantity plus(Quantity other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot add " + other.unit + " to " + unit);
        }
        return new Quantity(value.add(other.value), unit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.equals(q.value) && unit == q.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, unit);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.symbol();
    }
}
