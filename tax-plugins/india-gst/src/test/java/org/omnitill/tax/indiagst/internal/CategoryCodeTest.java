package org.omnitill.tax.indiagst.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryCodeTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({
            "hsn:8517,            8517,     ,",
            "' HSN:8517 12 00 ',  85171200, ,",
            "hsn:8517.12.00,      85171200, ,",
            "hsn:6109@799,        6109,     , 799",
            "hsn:6109@ 1299.50,   6109,     , 1299.50",
            "hsn:61@0,            61,       , 0",
            "Standard,            ,         standard,",
            "reduced-2,           ,         reduced-2,"
    })
    void parses(String category, String digits, String generic, String unitValue) {
        CategoryCode code = CategoryCode.parse(category);
        assertEquals(digits, code.hsnDigits());
        assertEquals(generic, code.generic());
        if (unitValue == null) {
            assertNull(code.unitValue());
        } else {
            assertEquals(0, new BigDecimal(unitValue).compareTo(code.unitValue()));
        }
        assertEquals(digits != null ? "hsn:" + digits : generic, code.display());
    }
}
