package org.omnitill.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.ProductView;
import org.omnitill.api.money.Money;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.api.tax.TaxableLine;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.demo.internal.DemoCatalog.Location;
import org.omnitill.inventory.internal.JpaInventoryService;
import org.omnitill.persistence.testing.TestDatabase;

/**
 * The demo against the real tax plugins, as the cart uses them: every article, with its category in
 * the store's country, priced and taxed in every demo store by the plugin {@link DemoCatalog#STORE_TAX_RULES}
 * names. The plugins are created as Declarative Services would, with their configuration defaults.
 */
class DemoTaxTest {

    /** A date after the GST rates of 2025-09-22 and inside every plugin's data. */
    private static final LocalDate SALE_DATE = LocalDate.of(2026, 3, 2);

    /** The implementation class of each plugin, by plugin id. */
    private static final Map<String, String> PLUGINS = Map.of(
            "eu-vat", "org.omnitill.tax.euvat.internal.EuVatTaxRule",
            "us-sales-tax", "org.omnitill.tax.ussalestax.internal.UsSalesTaxRule",
            "canada-sales-tax", "org.omnitill.tax.canada.internal.CanadaSalesTaxRule",
            "india-gst", "org.omnitill.tax.indiagst.internal.IndiaGstTaxRule");

    private static TestDatabase db;
    private static JpaCatalogService catalog;
    private static JpaStoreService stores;

    @BeforeAll
    static void load() {
        db = new TestDatabase();
        new DemoDataLoader(db.tx(), new JpaInventoryService(db.tx(), () -> "node-1"), DemoDataLoaderTest.config(true));
        catalog = new JpaCatalogService(db.tx());
        stores = new JpaStoreService(db.tx());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The store id to plugin id entries of {@link DemoCatalog#STORE_TAX_RULES}. */
    private static Map<String, String> storeTaxRules() {
        return List.of(DemoCatalog.STORE_TAX_RULES.split(",")).stream().map(String::strip)
                .map(e -> e.split("=")).collect(Collectors.toMap(e -> e[0], e -> e[1], (a, b) -> {
                    throw new AssertionError("twice: " + a);
                }, LinkedHashMap::new));
    }

    /** The plugin as the DS runtime creates it: its constructor given a configuration of defaults. */
    private static TaxRule plugin(String pluginId) {
        try {
            Class<?> rule = Class.forName(PLUGINS.get(pluginId));
            Class<?> config = Class.forName(rule.getName() + "$Config");
            Object defaults = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "annotationType" -> config;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "defaults of " + config.getName();
                        default -> method.getDefaultValue();
                    });
            return (TaxRule) rule.getConstructor(config).newInstance(defaults);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create the plugin " + pluginId, e);
        }
    }

    /** Taxes one piece of each of the skus in the store, as the cart would: store address, store-country categories. */
    private static TaxCalculation sell(String storeId, List<String> skus) {
        StoreView store = stores.store(storeId).orElseThrow();
        List<TaxableLine> lines = new ArrayList<>();
        for (String sku : skus) {
            ProductView product = catalog.product(sku).orElseThrow();
            Money price = catalog.price(sku, storeId).orElseThrow(() -> new AssertionError(sku + " not sold at " + storeId));
            assertEquals(store.currency(), price.currency(), sku + " at " + storeId);
            lines.add(new TaxableLine(sku, sku, product.taxCategoryIn(store.country()), price));
        }
        TaxAddress address = new TaxAddress(store.country(), store.region(), store.postalCode(), store.city());
        TaxRule rule = plugin(storeTaxRules().get(storeId));
        assertTrue(rule.covers(address), storeId);
        return rule.calculate(new TaxRequest(address, null, "register", SALE_DATE, store.currency(),
                store.pricesIncludeTax(), lines, null));
    }

    @Test
    void storeTaxRulesNameEveryDemoStoreAndTheInstalledPluginIds() {
        assertEquals(DemoCatalog.LOCATIONS.stream().filter(l -> l.type() == LocationType.STORE).map(Location::id)
                .toList(), List.copyOf(storeTaxRules().keySet()));
        Pattern id = Pattern.compile("name=\"omnitill.plugin.id\" type=\"String\" value=\"([^\"]+)\"");
        for (Map.Entry<String, String> plugin : PLUGINS.entrySet()) {
            String descriptor = "OSGI-INF/" + plugin.getValue() + ".xml";
            try (InputStream in = DemoTaxTest.class.getClassLoader().getResourceAsStream(descriptor)) {
                assertNotNull(in, descriptor);
                Matcher m = id.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertTrue(m.find(), descriptor);
                assertEquals(plugin.getKey(), m.group(1), descriptor);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void everyDemoArticleCanBeSoldInEveryDemoStore() {
        List<String> skus = DemoCatalog.ARTICLES.stream().map(DemoCatalog.Article::sku).toList();
        for (String store : storeTaxRules().keySet()) {
            TaxCalculation taxes = sell(store, skus);
            assertTrue(taxes.lineTaxes().stream().anyMatch(t -> t.tax().isPositive()), store);
            for (LineTax tax : taxes.lineTaxes()) {
                assertTrue(skus.contains(tax.lineId()), store + ": " + tax);
                assertFalse(tax.tax().isNegative(), store + ": " + tax);
            }
        }
    }

    /** Each component as code, taxable amount and tax, e.g. {@code IN-CGST-2.5 1456.19 36.40}. */
    private static List<String> taxes(String store, String sku) {
        return sell(store, List.of(sku)).lineTaxes().stream().map(t -> t.component().code() + " "
                + t.taxableAmount().amount().toPlainString() + " " + t.tax().amount().toPlainString()).toList();
    }

    @Test
    void espressoBeansAreFoodEverywhere() {
        // USD 18.69, grocery: Texas exempts food, so no jurisdiction taxes the line
        assertEquals(List.of(), taxes("austin-downtown", "COF-001"));
        // CAD 25.49, basic grocery: zero-rated for the HST
        assertEquals(List.of("CA-ON-HST-ZERO-RATED 25.49 0.00"), taxes("toronto-queen-west", "COF-001"));
        // MRP INR 1529 at 5%: 1529 x 5/105 = 72.81 in the price, taxable value 1456.19, of which 2.5% is 36.40
        // each for CGST and SGST (the invoice's round-off is the remaining paisa)
        assertEquals(List.of("IN-CGST-2.5 1456.19 36.40", "IN-KA-SGST-2.5 1456.19 36.40"),
                taxes("bengaluru-mg-road", "COF-001"));
        // EUR 16.99 at 7%: 1.11 in the price
        assertEquals(List.of("DE-VAT-REDUCED 15.88 1.11"), taxes("berlin-mitte", "COF-001"));
    }

    @Test
    void aChargerIsTaxedAtEachStandardRateAndABookAsABook() {
        // USD 21.99 x 8.25% = 1.814 -> 1.81, rounded once and shown per jurisdiction
        assertEquals(List.of("US-TX-SALES 21.99 1.37", "US-TX-AUSTIN-SALES 21.99 0.22", "US-TX-CAPMETRO-SALES 21.99 0.22"),
                taxes("austin-downtown", "USB-002"));
        assertEquals(List.of("CA-ON-HST 29.99 3.90"), taxes("toronto-queen-west", "USB-002"));
        // MRP INR 1799 at 18%: 274.42 in the price, CGST and SGST 9% of 1524.58 = 137.21 each
        assertEquals(List.of("IN-CGST-9 1524.58 137.21", "IN-KA-SGST-9 1524.58 137.21"),
                taxes("bengaluru-mg-road", "USB-002"));
        // Ontario rebates the provincial part of the HST on printed books: 5% of CAD 35.99
        assertEquals(List.of("CA-ON-HST-POS-REBATE 35.99 1.80"), taxes("toronto-queen-west", "BKS-001"));
        assertEquals(List.of("IN-GST-EXEMPT 2160.00 0.00"), taxes("bengaluru-mg-road", "BKS-001"));
        assertEquals(List.of("IN-GST-EXEMPT 107.00 0.00"), taxes("bengaluru-mg-road", "MLK-001"), "hsn:0401");
    }
}
