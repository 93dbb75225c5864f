package org.omnitill.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.money.Money;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.tax.TaxCategory;

/**
 * The demo retailer: two German stores, one Dutch store (cash rounds to 0.05 there), one store each
 * in Austin (Texas), Toronto (Ontario) and Bengaluru (Karnataka), and a warehouse, with fifty
 * articles. Barcodes use the GS1 prefix 200, which is reserved for in-store numbering, so they never
 * collide with real products.
 *
 * <h2>Tax</h2>
 * Each store is taxed by the plugin of its country; the cart configuration (PID
 * {@code org.omnitill.cart}) that pins them is {@link #STORE_TAX_RULES}. Without it each store is
 * taxed by the one installed rule that covers it, which is the same as long as only these four are
 * installed.
 *
 * <p>An article's default tax category is its EU VAT category ({@code reduced} or {@code standard},
 * the same codes in DE and NL). Category codes belong to a tax rule, so in the US, Canada and India
 * the article's {@link Kind} picks the code of that country's plugin (see the plugins' READMEs; the
 * Indian codes follow the GST rates in force since 2025-09-22), stored for every article as its
 * override in that country. The kinds are a demo's approximation of what the goods are, not tax
 * advice: a real catalog classifies each article per jurisdiction.
 *
 * <h2>Prices</h2>
 * EU stores have the price columns of {@link #ARTICLES} (DE for the German stores, NL for Amsterdam),
 * VAT included. The other stores' prices are derived from the German price, in {@code BigDecimal}
 * with explicit rounding, so that they look like shelf prices (see {@link #price(Article, Location)}):
 * <ul>
 * <li>USD: EUR × 1.1, rounded up to the next ten cents, less one cent (16.99 → 18.689 → 18.69),
 * excluding sales tax, as US shelf prices are;</li>
 * <li>CAD: EUR × 1.5, the same rounding (16.99 → 25.485 → 25.49), excluding GST/HST;</li>
 * <li>INR: EUR × 90, rounded half-up to whole rupees (16.99 → 1529.1 → 1529.00), GST included as
 * an MRP is.</li>
 * </ul>
 * The factors are round numbers near the exchange rates, not quotes. Most articles also have a unit
 * cost at each store ({@link #unitCost}), a few have none.
 */
final class DemoCatalog {

    /**
     * A store or warehouse of the demo. {@code region} is the ISO 3166-2 subdivision without the
     * country prefix: a US state, a Canadian province or an Indian state, which their tax rules need;
     * the EU stores carry theirs for completeness (EU VAT does not use it). {@code timeZone} is the
     * IANA zone of the store's business day.
     */
    record Location(String id, String name, LocationType type, String country, String region, String postalCode,
            String city, String currency, boolean pricesIncludeTax, String timeZone) {
    }

    /**
     * What an article is, for taxes outside the EU: the tax category code it has for the US
     * ({@code us-sales-tax}), Canadian ({@code canada-sales-tax}) and Indian ({@code india-gst}) rules.
     */
    enum Kind {
        /** Food for home consumption: US grocery (exempt in TX), zero-rated basic grocery in Canada, 5% GST. */
        FOOD("grocery", "basic-grocery", "reduced"),
        /** Unprocessed staples (fresh fruit and vegetables, plain bread): as food, but exempt from GST. */
        STAPLE("grocery", "basic-grocery", "exempt"),
        /** Fresh milk: as food, and exempt from GST under its HSN heading 0401. */
        FRESH_MILK("grocery", "basic-grocery", "hsn:0401"),
        /**
         * Chocolate and sweets: not grocery in the US (candy is catalogued {@code standard}) nor basic
         * grocery in Canada (confectionery is taxable); 5% GST since 2025-09-22.
         */
        CONFECTIONERY("standard", "standard", "reduced"),
        /**
         * Carbonated drinks: taxable like soft drinks in the US (simplified: states differ on
         * unsweetened sparkling water) and Canada; unsweetened mineral and aerated water 5% GST since
         * 2025-09-22.
         */
        CARBONATED("standard", "standard", "reduced"),
        /**
         * Wine and beer: taxable in the US and Canada; alcoholic liquor for human consumption is outside
         * GST in India (a non-taxable supply, which the CGST Act counts as exempt, s. 2(47), 2(78));
         * the state excise and VAT on it are not modelled.
         */
        ALCOHOL("standard", "standard", "exempt"),
        /** Printed books: taxable in the US; HST with the provincial part rebated in Ontario; exempt from GST. */
        BOOK("standard", "books", "hsn:4901"),
        /** Clothing: US {@code clothing} (taxable in TX); GST 5% for a piece up to Rs 2500 (the demo's are). */
        APPAREL("clothing", "standard", "reduced"),
        /** Live plants and cut flowers: taxable in the US and Canada, exempt from GST. */
        PLANT("standard", "standard", "exempt"),
        /** Pet food: taxable everywhere outside the EU. */
        PET_FOOD("standard", "standard", "standard"),
        /** Everything else: general merchandise. */
        STANDARD("standard", "standard", "standard");

        private final Map<String, String> byCountry;

        Kind(String us, String ca, String in) {
            this.byCountry = Map.of("US", us, "CA", ca, "IN", in);
        }

        /** The category code in {@code US}, {@code CA} or {@code IN}; null for other countries. */
        String taxCategoryIn(String country) {
            return byCountry.get(country);
        }
    }

    record Article(String sku, String name, String taxCategory, Kind kind, UnitOfMeasure unit, String priceDe,
            String priceNl) {

        /** A valid EAN-13 from the article's position: 200 + nine digits + the GS1 check digit. */
        String barcode(int position) {
            String data = "200" + String.format("%09d", 1000 + position);
            return data + Barcode.checkDigit(data);
        }

        /**
         * The article's tax category in each country whose tax rule has codes of its own, ordered by
         * country; stored even where it equals the default, so that a change of the (EU) default never
         * changes it.
         */
        Map<String, String> taxCategoryOverrides() {
            Map<String, String> overrides = new TreeMap<>();
            for (String country : OVERRIDE_COUNTRIES) {
                overrides.put(country, kind.taxCategoryIn(country));
            }
            return overrides;
        }
    }

    /** The countries whose tax rule has category codes other than EU VAT's. */
    static final List<String> OVERRIDE_COUNTRIES = List.of("CA", "IN", "US");

    static final List<Location> LOCATIONS = List.of(
            new Location("berlin-mitte", "Omnitill Demo Berlin Mitte", LocationType.STORE, "DE", "BE", "10117",
                    "Berlin", "EUR", true, "Europe/Berlin"),
            new Location("hamburg-altona", "Omnitill Demo Hamburg Altona", LocationType.STORE, "DE", "HH", "22765",
                    "Hamburg", "EUR", true, "Europe/Berlin"),
            new Location("amsterdam-centrum", "Omnitill Demo Amsterdam Centrum", LocationType.STORE, "NL", "NH",
                    "1012 JS", "Amsterdam", "EUR", true, "Europe/Amsterdam"),
            new Location("austin-downtown", "Omnitill Demo Austin Downtown", LocationType.STORE, "US", "TX", "78701",
                    "Austin", "USD", false, "America/Chicago"),
            new Location("toronto-queen-west", "Omnitill Demo Toronto Queen West", LocationType.STORE, "CA", "ON",
                    "M5V 2T6", "Toronto", "CAD", false, "America/Toronto"),
            new Location("bengaluru-mg-road", "Omnitill Demo Bengaluru MG Road", LocationType.STORE, "IN", "KA",
                    "560001", "Bengaluru", "INR", true, "Asia/Kolkata"),
            new Location("wh-kassel", "Omnitill Central Warehouse Kassel", LocationType.WAREHOUSE, "DE", "HE", "34117",
                    "Kassel", "EUR", true, "Europe/Berlin"));

    /**
     * The {@code storeTaxRules} entry of the cart configuration ({@code etc/org.omnitill.cart.cfg})
     * that taxes each demo store by its country's plugin (their {@code omnitill.plugin.id}).
     */
    static final String STORE_TAX_RULES = "berlin-mitte=eu-vat, hamburg-altona=eu-vat, amsterdam-centrum=eu-vat,"
            + " austin-downtown=us-sales-tax, toronto-queen-west=canada-sales-tax, bengaluru-mg-road=india-gst";

    private static final String STD = TaxCategory.STANDARD;
    private static final String RED = TaxCategory.REDUCED;
    private static final UnitOfMeasure PC = UnitOfMeasure.EACH;
    private static final UnitOfMeasure KG = UnitOfMeasure.KILOGRAM;

    static final List<Article> ARTICLES = List.of(
            new Article("COF-001", "Espresso beans 1 kg", RED, Kind.FOOD, PC, "16.99", "17.49"),
            new Article("COF-002", "Filter coffee ground 500 g", RED, Kind.FOOD, PC, "6.49", "6.79"),
            new Article("TEA-001", "Green tea, 20 bags", RED, Kind.FOOD, PC, "2.79", "2.99"),
            new Article("TEA-002", "Earl Grey loose leaf 100 g", RED, Kind.FOOD, PC, "4.49", "4.69"),
            new Article("MLK-001", "Whole milk 1 l", RED, Kind.FRESH_MILK, PC, "1.19", "1.25"),
            new Article("MLK-002", "Oat drink 1 l", RED, Kind.FOOD, PC, "1.99", "2.09"),
            new Article("BRD-001", "Sourdough bread 750 g", RED, Kind.STAPLE, PC, "3.95", "4.10"),
            new Article("BRD-002", "Butter croissant", RED, Kind.FOOD, PC, "1.20", "1.35"),
            new Article("CHS-001", "Gouda, aged (per kg)", RED, Kind.FOOD, KG, "18.90", "16.90"),
            new Article("CHS-002", "Emmental (per kg)", RED, Kind.FOOD, KG, "21.50", "22.90"),
            new Article("FRU-001", "Apples Elstar (per kg)", RED, Kind.STAPLE, KG, "2.99", "2.79"),
            new Article("FRU-002", "Bananas (per kg)", RED, Kind.STAPLE, KG, "1.79", "1.69"),
            new Article("VEG-001", "Tomatoes on the vine (per kg)", RED, Kind.STAPLE, KG, "3.99", "3.79"),
            new Article("VEG-002", "Carrots 1 kg bag", RED, Kind.STAPLE, PC, "1.29", "1.19"),
            new Article("PAS-001", "Spaghetti 500 g", RED, Kind.FOOD, PC, "1.49", "1.59"),
            new Article("PAS-002", "Penne rigate 500 g", RED, Kind.FOOD, PC, "1.49", "1.59"),
            new Article("OIL-001", "Olive oil extra virgin 750 ml", RED, Kind.FOOD, PC, "9.99", "10.49"),
            new Article("CHO-001", "Dark chocolate 70% 100 g", RED, Kind.CONFECTIONERY, PC, "2.29", "2.39"),
            new Article("CHO-002", "Milk chocolate hazelnut 100 g", RED, Kind.CONFECTIONERY, PC, "1.99", "2.09"),
            new Article("BKS-001", "Cookbook: Everyday Baking", RED, Kind.BOOK, PC, "24.00", "24.99"),
            new Article("BKS-002", "City guide Berlin", RED, Kind.BOOK, PC, "14.95", "15.50"),
            new Article("WAT-001", "Mineral water sparkling 1.5 l", STD, Kind.CARBONATED, PC, "0.69", "0.79"),
            new Article("JUI-001", "Orange juice not from concentrate 1 l", STD, Kind.FOOD, PC, "2.49", "2.59"),
            new Article("WIN-001", "Riesling dry 0.75 l", STD, Kind.ALCOHOL, PC, "8.99", "9.49"),
            new Article("BER-001", "Pilsner beer 0.5 l", STD, Kind.ALCOHOL, PC, "1.09", "1.19"),
            new Article("SOP-001", "Hand soap refill 500 ml", STD, Kind.STANDARD, PC, "2.95", "3.15"),
            new Article("SOP-002", "Dish washing liquid 750 ml", STD, Kind.STANDARD, PC, "1.85", "1.95"),
            new Article("TOO-001", "Toothpaste mint 75 ml", STD, Kind.STANDARD, PC, "1.45", "1.55"),
            new Article("TOO-002", "Toothbrush medium", STD, Kind.STANDARD, PC, "2.49", "2.59"),
            new Article("SHA-001", "Shampoo gentle 250 ml", STD, Kind.STANDARD, PC, "3.49", "3.69"),
            new Article("BAT-001", "Batteries AA, 8 pack", STD, Kind.STANDARD, PC, "6.99", "7.49"),
            new Article("BAT-002", "Batteries AAA, 4 pack", STD, Kind.STANDARD, PC, "4.49", "4.69"),
            new Article("USB-001", "USB-C charging cable 1 m", STD, Kind.STANDARD, PC, "9.99", "10.99"),
            new Article("USB-002", "USB wall charger 20 W", STD, Kind.STANDARD, PC, "19.99", "21.99"),
            new Article("HDP-001", "In-ear headphones", STD, Kind.STANDARD, PC, "29.99", "31.99"),
            new Article("MUG-001", "Coffee mug stoneware", STD, Kind.STANDARD, PC, "7.95", "8.45"),
            new Article("MUG-002", "Travel mug insulated 350 ml", STD, Kind.STANDARD, PC, "17.95", "18.95"),
            new Article("CND-001", "Scented candle vanilla", STD, Kind.STANDARD, PC, "5.95", "6.25"),
            new Article("NTB-001", "Notebook A5 dotted", STD, Kind.STANDARD, PC, "4.95", "5.25"),
            new Article("PEN-001", "Gel pen black, 3 pack", STD, Kind.STANDARD, PC, "3.29", "3.49"),
            new Article("UMB-001", "Umbrella compact", STD, Kind.STANDARD, PC, "14.99", "15.99"),
            new Article("SCK-001", "Socks cotton, 3 pairs", STD, Kind.APPAREL, PC, "9.95", "10.45"),
            new Article("TSH-001", "T-shirt organic cotton", STD, Kind.APPAREL, PC, "19.95", "21.95"),
            new Article("BAG-001", "Tote bag canvas", STD, Kind.STANDARD, PC, "3.50", "3.75"),
            new Article("BAG-002", "Paper carrier bag", STD, Kind.STANDARD, PC, "0.20", "0.25"),
            new Article("PLN-001", "Basil plant in pot", RED, Kind.PLANT, PC, "2.49", "2.69"),
            new Article("FLW-001", "Tulips, bunch of 10", RED, Kind.PLANT, PC, "4.99", "3.99"),
            new Article("DOG-001", "Dog treats 200 g", RED, Kind.PET_FOOD, PC, "2.99", "3.19"),
            new Article("CAT-001", "Cat food pouch 85 g", RED, Kind.PET_FOOD, PC, "0.65", "0.69"),
            new Article("GFT-001", "Gift wrap roll 2 m", STD, Kind.STANDARD, PC, "2.99", "3.29"));

    private static final BigDecimal USD_PER_EUR = new BigDecimal("1.1");
    private static final BigDecimal CAD_PER_EUR = new BigDecimal("1.5");
    private static final BigDecimal INR_PER_EUR = new BigDecimal("90");
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /**
     * The article's shelf price at a store, in the store's currency: the EUR columns for EUR stores
     * (NL for the Netherlands, else DE), derived from the DE price for USD, CAD and INR (see the class
     * comment).
     *
     * @throws IllegalArgumentException for a currency the demo has no rule for
     */
    static Money price(Article article, Location location) {
        Currency currency = Money.currency(location.currency());
        BigDecimal eur = new BigDecimal(article.priceDe());
        BigDecimal amount = switch (location.currency()) {
            case "EUR" -> new BigDecimal("NL".equals(location.country()) ? article.priceNl() : article.priceDe());
            case "USD" -> endingInNine(eur.multiply(USD_PER_EUR));
            case "CAD" -> endingInNine(eur.multiply(CAD_PER_EUR));
            case "INR" -> eur.multiply(INR_PER_EUR).setScale(0, RoundingMode.HALF_UP);
            default -> throw new IllegalArgumentException("no demo price rule for " + location.currency());
        };
        return Money.of(amount, currency);
    }

    /** Rounded up to the next ten cents, less a cent: 18.689 → 18.69, 0.22 → 0.29, 25.50 → 25.49. */
    private static BigDecimal endingInNine(BigDecimal exact) {
        return exact.setScale(1, RoundingMode.CEILING).subtract(CENT);
    }

    /**
     * What one unit of the article costs the store, for the dashboard's margin: 45 % to 65 % of its shelf
     * price at that store (varying with the article's position, rounded half-up to the currency's minor
     * unit), so the same article costs in proportion everywhere. Every ninth article from the fifth on
     * (milk, carrots, juice, AAA batteries, the umbrella, gift wrap) has none, so that the report shows
     * margins "where costs are known".
     */
    static Optional<Money> unitCost(Article article, int position, Location location) {
        if (position % 9 == 4) {
            return Optional.empty();
        }
        Money price = price(article, location);
        BigDecimal percent = BigDecimal.valueOf(45 + (position * 7) % 21);
        return Optional.of(Money.rounded(price.amount().multiply(percent).movePointLeft(2), price.currency(),
                RoundingMode.HALF_UP));
    }

    /** Opening stock: a few dozen per store, more in the warehouse; weighed goods in kilograms. */
    static BigDecimal openingStock(Location location, int position) {
        int base = location.type() == LocationType.WAREHOUSE ? 500 : 20 + (position * 7) % 60;
        return BigDecimal.valueOf(base);
    }

    private DemoCatalog() {
    }
}
