package org.omnitill.demo.internal;

import java.math.BigDecimal;
import java.util.List;

import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.tax.TaxCategory;

/**
 * The demo retailer: two German stores, one Dutch store (cash rounds to 0.05 there) and a
 * warehouse, with about fifty articles. Barcodes use the GS1 prefix 200, which is reserved for
 * in-store numbering, so they never collide with real products.
 */
final class DemoCatalog {

    record Location(String id, String name, LocationType type, String country, String postalCode, String city) {
    }

    record Article(String sku, String name, String taxCategory, UnitOfMeasure unit, String priceDe, String priceNl) {

        /** A valid EAN-13 from the article's position: 200 + nine digits + the GS1 check digit. */
        String barcode(int position) {
            String data = "200" + String.format("%09d", 1000 + position);
            return data + Barcode.checkDigit(data);
        }

        String price(String country) {
            return "NL".equals(country) ? priceNl : priceDe;
        }
    }

    static final List<Location> LOCATIONS = List.of(
            new Location("berlin-mitte", "Omnitill Demo Berlin Mitte", LocationType.STORE, "DE", "10117", "Berlin"),
            new Location("hamburg-altona", "Omnitill Demo Hamburg Altona", LocationType.STORE, "DE", "22765", "Hamburg"),
            new Location("amsterdam-centrum", "Omnitill Demo Amsterdam Centrum", LocationType.STORE, "NL", "1012 JS",
                    "Amsterdam"),
            new Location("wh-kassel", "Omnitill Central Warehouse Kassel", LocationType.WAREHOUSE, "DE", "34117",
                    "Kassel"));

    private static final String STD = TaxCategory.STANDARD;
    private static final String RED = TaxCategory.REDUCED;
    private static final UnitOfMeasure PC = UnitOfMeasure.EACH;
    private static final UnitOfMeasure KG = UnitOfMeasure.KILOGRAM;

    static final List<Article> ARTICLES = List.of(
            new Article("COF-001", "Espresso beans 1 kg", RED, PC, "16.99", "17.49"),
            new Article("COF-002", "Filter coffee ground 500 g", RED, PC, "6.49", "6.79"),
            new Article("TEA-001", "Green tea, 20 bags", RED, PC, "2.79", "2.99"),
            new Article("TEA-002", "Earl Grey loose leaf 100 g", RED, PC, "4.49", "4.69"),
            new Article("MLK-001", "Whole milk 1 l", RED, PC, "1.19", "1.25"),
            new Article("MLK-002", "Oat drink 1 l", RED, PC, "1.99", "2.09"),
            new Article("BRD-001", "Sourdough bread 750 g", RED, PC, "3.95", "4.10"),
            new Article("BRD-002", "Butter croissant", RED, PC, "1.20", "1.35"),
            new Article("CHS-001", "Gouda, aged (per kg)", RED, KG, "18.90", "16.90"),
            new Article("CHS-002", "Emmental (per kg)", RED, KG, "21.50", "22.90"),
            new Article("FRU-001", "Apples Elstar (per kg)", RED, KG, "2.99", "2.79"),
            new Article("FRU-002", "Bananas (per kg)", RED, KG, "1.79", "1.69"),
            new Article("VEG-001", "Tomatoes on the vine (per kg)", RED, KG, "3.99", "3.79"),
            new Article("VEG-002", "Carrots 1 kg bag", RED, PC, "1.29", "1.19"),
            new Article("PAS-001", "Spaghetti 500 g", RED, PC, "1.49", "1.59"),
            new Article("PAS-002", "Penne rigate 500 g", RED, PC, "1.49", "1.59"),
            new Article("OIL-001", "Olive oil extra virgin 750 ml", RED, PC, "9.99", "10.49"),
            new Article("CHO-001", "Dark chocolate 70% 100 g", RED, PC, "2.29", "2.39"),
            new Article("CHO-002", "Milk chocolate hazelnut 100 g", RED, PC, "1.99", "2.09"),
            new Article("BKS-001", "Cookbook: Everyday Baking", RED, PC, "24.00", "24.99"),
            new Article("BKS-002", "City guide Berlin", RED, PC, "14.95", "15.50"),
            new Article("WAT-001", "Mineral water sparkling 1.5 l", STD, PC, "0.69", "0.79"),
            new Article("JUI-001", "Orange juice not from concentrate 1 l", STD, PC, "2.49", "2.59"),
            new Article("WIN-001", "Riesling dry 0.75 l", STD, PC, "8.99", "9.49"),
            new Article("BER-001", "Pilsner beer 0.5 l", STD, PC, "1.09", "1.19"),
            new Article("SOP-001", "Hand soap refill 500 ml", STD, PC, "2.95", "3.15"),
            new Article("SOP-002", "Dish washing liquid 750 ml", STD, PC, "1.85", "1.95"),
            new Article("TOO-001", "Toothpaste mint 75 ml", STD, PC, "1.45", "1.55"),
            new Article("TOO-002", "Toothbrush medium", STD, PC, "2.49", "2.59"),
            new Article("SHA-001", "Shampoo gentle 250 ml", STD, PC, "3.49", "3.69"),
            new Article("BAT-001", "Batteries AA, 8 pack", STD, PC, "6.99", "7.49"),
            new Article("BAT-002", "Batteries AAA, 4 pack", STD, PC, "4.49", "4.69"),
            new Article("USB-001", "USB-C charging cable 1 m", STD, PC, "9.99", "10.99"),
            new Article("USB-002", "USB wall charger 20 W", STD, PC, "19.99", "21.99"),
            new Article("HDP-001", "In-ear headphones", STD, PC, "29.99", "31.99"),
            new Article("MUG-001", "Coffee mug stoneware", STD, PC, "7.95", "8.45"),
            new Article("MUG-002", "Travel mug insulated 350 ml", STD, PC, "17.95", "18.95"),
            new Article("CND-001", "Scented candle vanilla", STD, PC, "5.95", "6.25"),
            new Article("NTB-001", "Notebook A5 dotted", STD, PC, "4.95", "5.25"),
            new Article("PEN-001", "Gel pen black, 3 pack", STD, PC, "3.29", "3.49"),
            new Article("UMB-001", "Umbrella compact", STD, PC, "14.99", "15.99"),
            new Article("SCK-001", "Socks cotton, 3 pairs", STD, PC, "9.95", "10.45"),
            new Article("TSH-001", "T-shirt organic cotton", STD, PC, "19.95", "21.95"),
            new Article("BAG-001", "Tote bag canvas", STD, PC, "3.50", "3.75"),
            new Article("BAG-002", "Paper carrier bag", STD, PC, "0.20", "0.25"),
            new Article("PLN-001", "Basil plant in pot", RED, PC, "2.49", "2.69"),
            new Article("FLW-001", "Tulips, bunch of 10", RED, PC, "4.99", "3.99"),
            new Article("DOG-001", "Dog treats 200 g", RED, PC, "2.99", "3.19"),
            new Article("CAT-001", "Cat food pouch 85 g", RED, PC, "0.65", "0.69"),
            new Article("GFT-001", "Gift wrap roll 2 m", STD, PC, "2.99", "3.29"));

    /** Opening stock: a few dozen per store, more in the warehouse; weighed goods in kilograms. */
    static BigDecimal openingStock(Location location, int position) {
        int base = location.type() == LocationType.WAREHOUSE ? 500 : 20 + (position * 7) % 60;
        return BigDecimal.valueOf(base);
    }

    private DemoCatalog() {
    }
}
