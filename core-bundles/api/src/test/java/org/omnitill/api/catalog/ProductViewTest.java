package org.omnitill.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProductViewTest {

    @Test
    void theCountryOverrideWinsElseTheDefault() {
        ProductView book = new ProductView("BKS-1", "Cookbook", List.of(), "reduced", UnitOfMeasure.EACH, List.of(),
                Map.of("ca", "books", "IN", "hsn:4901", "US", "standard"));
        assertEquals("books", book.taxCategoryIn("CA"));
        assertEquals("books", book.taxCategoryIn(" ca "));
        assertEquals("hsn:4901", book.taxCategoryIn("IN"));
        assertEquals("reduced", book.taxCategoryIn("DE"));
        assertEquals("reduced", book.taxCategoryIn(null));
        assertEquals(List.of("CA", "IN", "US"), List.copyOf(book.taxCategoriesByCountry().keySet()),
                "keys are upper case and ordered");
    }

    @Test
    void theOldConstructorAndNullMeanNoOverrides() {
        ProductView old = new ProductView("A", "A", List.of(), "standard", UnitOfMeasure.EACH, List.of());
        assertEquals(Map.of(), old.taxCategoriesByCountry());
        assertEquals("standard", old.taxCategoryIn("US"));
        assertEquals(old, new ProductView("A", "A", List.of(), "standard", UnitOfMeasure.EACH, List.of(), null));
    }

    @Test
    void theOverridesAreACopy() {
        Map<String, String> overrides = new HashMap<>(Map.of("US", "grocery"));
        ProductView coffee = new ProductView("C", "C", List.of(), "reduced", UnitOfMeasure.EACH, List.of(), overrides);
        overrides.put("CA", "basic-grocery");
        assertEquals(Map.of("US", "grocery"), coffee.taxCategoriesByCountry());
        assertThrows(UnsupportedOperationException.class, () -> coffee.taxCategoriesByCountry().put("IN", "x"));
        Map<String, String> nullCategory = new HashMap<>();
        nullCategory.put("US", null);
        assertThrows(NullPointerException.class,
                () -> new ProductView("C", "C", List.of(), "reduced", UnitOfMeasure.EACH, List.of(), nullCategory));
    }
}
