package org.omnitill.cart.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.TimeUnit;

import org.omnitill.api.cart.CartView;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.persistence.model.CartEntity;
import org.omnitill.persistence.model.CartLineEntity;
import org.omnitill.api.cart.CartStatus;
import org.omnitill.tax.euvat.internal.EuVatRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Prices a cart of 50 lines in a German store (VAT-inclusive shelf prices) with the real {@link CartPricer} and
 * the real EU VAT rule, the work every add-line and checkout request repeats. No database, no OSGi.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CartPricingBenchmark {

    private static final String[] CATEGORIES = {"standard", "reduced", "standard", "reduced", "zero"};

    @Param({"50"})
    public int lines;

    private CartEntity cart;
    private StoreView store;
    private TaxRule rule;
    private LocalDate saleDate;

    @Setup
    public void setUp() {
        Currency eur = Currency.getInstance("EUR");
        store = new StoreView("hamburg-altona", "Omnitill Demo Hamburg Altona", LocationType.STORE, "DE", null,
                "22765", "Hamburg", eur, true);
        rule = EuVatRules.allCountries();
        saleDate = LocalDate.now();
        cart = new CartEntity();
        cart.id = "00000000-0000-0000-0000-000000000001";
        cart.storeId = store.id();
        cart.channel = "register";
        cart.status = CartStatus.OPEN;
        cart.currency = "EUR";
        cart.pricesIncludeTax = true;
        cart.createdAt = Instant.now();
        cart.updatedAt = cart.createdAt;
        for (int i = 1; i <= lines; i++) {
            CartLineEntity line = new CartLineEntity();
            line.id = String.format("00000000-0000-0000-0000-%012d", i);
            line.cart = cart;
            line.lineNo = i;
            line.sku = String.format("SKU-%03d", i);
            line.name = "Article " + i;
            line.barcode = String.format("2000000%05d0", i);
            line.quantity = i % 7 == 0 ? new BigDecimal("0.347") : BigDecimal.valueOf(1 + i % 3);
            line.unit = i % 7 == 0 ? UnitOfMeasure.KILOGRAM : UnitOfMeasure.EACH;
            line.unitPrice = new BigDecimal(String.format("%d.%02d", 1 + i % 20, (i * 37) % 100));
            line.taxCategory = CATEGORIES[i % CATEGORIES.length];
            cart.lines.add(line);
        }
        CartView check = CartPricer.price(cart, store, rule, saleDate);
        if (!check.taxAvailable() || check.lines().size() != lines || check.taxTotal().isZero()) {
            throw new IllegalStateException("the set-up cart is not priced and taxed as expected: " + check);
        }
    }

    /** Line totals, taxes per line and per rate, totals: what {@code CartPricer.price} does per request. */
    @Benchmark
    public CartView priceCartWithEuVat() {
        return CartPricer.price(cart, store, rule, saleDate);
    }

    /** The same cart without a tax rule: the share of the price that is the cart's own arithmetic. */
    @Benchmark
    public CartView priceCartWithoutTax() {
        return CartPricer.price(cart, store, null, saleDate);
    }
}
