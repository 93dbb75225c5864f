package org.omnitill.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Check digits per the GS1 General Specifications, section 7.9 (mod-10, weights 3 and 1). */
class BarcodeTest {

    @Test
    void acceptsValidCodesOfEachSymbology() {
        assertEquals(Barcode.Symbology.EAN_13, Barcode.parse("4006381333931").symbology());
        assertEquals(Barcode.Symbology.UPC_A, Barcode.parse("036000291452").symbology());
        assertEquals(Barcode.Symbology.EAN_8, Barcode.parse("96385074").symbology());
        assertEquals("4006381333931", Barcode.parse(" 4006381333931 ").digits());
    }

    @Test
    void computesTheGs1CheckDigit() {
        assertEquals(1, Barcode.checkDigit("400638133393"));
        assertEquals(2, Barcode.checkDigit("03600029145"));
        assertEquals(4, Barcode.checkDigit("9638507"));
        assertEquals(0, Barcode.checkDigit("000000000000"));
    }

    @Test
    void rejectsWrongCheckDigitsLengthsAndCharacters() {
        assertThrows(IllegalArgumentException.class, () -> Barcode.parse("4006381333932"));
        assertThrows(IllegalArgumentException.class, () -> Barcode.parse("40063813339"));
        assertThrows(IllegalArgumentException.class, () -> Barcode.parse("40063813339a1"));
        assertThrows(IllegalArgumentException.class, () -> Barcode.parse(""));
        assertFalse(Barcode.isValid(null));
        assertTrue(Barcode.isValid("036000291452"));
    }

    @Test
    void upcAAndItsEan13FormAreTheSameArticle() {
        assertEquals(Barcode.parse("036000291452"), Barcode.parse("0036000291452"));
        assertEquals("00036000291452", Barcode.parse("036000291452").gtin14());
    }
}
