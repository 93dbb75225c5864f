package org.omnitill.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void piecesAreWholeNumbers() {
        assertEquals(new BigDecimal("3"), Quantity.of(new BigDecimal("3.000"), UnitOfMeasure.EACH).value());
        assertThrows(IllegalArgumentException.class, () -> Quantity.of(new BigDecimal("1.5"), UnitOfMeasure.EACH));
    }

    @Test
    void weighedGoodsHaveUpToThreeDecimals() {
        assertEquals(new BigDecimal("0.350"), Quantity.of(new BigDecimal("0.35"), UnitOfMeasure.KILOGRAM).value());
        assertThrows(IllegalArgumentException.class, () -> Quantity.of(new BigDecimal("0.3505"), UnitOfMeasure.KILOGRAM));
        assertEquals("0.350 kg", Quantity.of(new BigDecimal("0.35"), UnitOfMeasure.KILOGRAM).toString());
    }

    @Test
    void addsOnlyTheSameUnit() {
        assertEquals(Quantity.pieces(5), Quantity.pieces(2).plus(Quantity.pieces(3)));
        assertThrows(IllegalArgumentException.class,
                () -> Quantity.pieces(1).plus(Quantity.of(BigDecimal.ONE, UnitOfMeasure.KILOGRAM)));
        assertFalse(Quantity.pieces(0).isPositive());
    }
}
