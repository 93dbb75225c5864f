package org.omnitill.cart.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.cart.CartStatus;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineDiscount;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.PaymentOutcome;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.channel.ChannelType;
import org.omnitill.api.channel.SalesChannel;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreView;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.api.tax.TaxableLine;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.persistence.model.CartEntity;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;
import org.omnitill.persistence.testing.TestPlugins.ExactPayment;
import org.omnitill.persistence.testing.TestPlugins.FlatVat;
import org.omnitill.persistence.testing.TestPlugins.Register;

class CartServiceImplTest {

    private final TestDatabase db = new TestDatabase();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private final CartServiceImpl carts = new CartServiceImpl(db.tx(), new JpaCatalogService(db.tx()),
            new JpaStoreService(db.tx()), clock);
    private final FlatVat vat = new FlatVat();

    @BeforeEach
    void seed() {
        db.tx().required(em -> {
            Fixtures.store(em, "shop", LocationType.STORE, "XX", "EUR", true);
            Fixtures.store(em, "net", LocationType.STORE, "XX", "EUR", false);
            Fixtures.store(em, "wh", LocationType.WAREHOUSE, "XX", "EUR", true);
            Fixtures.store(em, "far", LocationType.STORE, "YY", "EUR", true);
            Fixtures.product(em, "A", "Article A", "4006381333931", "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "W", "Cheese by weight", null, "standard", UnitOfMeasure.KILOGRAM);
            Fixtures.product(em, "Z", "Odd category", null, "mystery", UnitOfMeasure.EACH);
            for (String store : List.of("shop", "net", "far")) {
                Fixtures.price(em, "A", store, "2.99", "EUR");
                Fixtures.price(em, "W", store, "18.90", "EUR");
                Fixtures.price(em, "Z", store, "1.00", "EUR");
            }
            return null;
        });
        carts.addChannel(new Register(), Map.of(PluginProperties.ID, "register", "service.id", 1L));
        carts.addTaxRule(vat, Map.of(PluginProperties.ID, "flat", "service.id", 2L));
        carts.addPaymentMethod(new ExactPayment(), Map.of(PluginProperties.ID, "card", "service.id", 3L));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void assertError(ErrorKind kind, String code, Runnable call) {
        OmnitillException e = assertThrows(OmnitillException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(kind, e.kind());
    }

    @Test
    void pricesLinesByBarcodeAndSkuAndMergesTheSameArticle() {
        CartView cart = carts.create("shop", "register", "R1", "alice");
        cart = carts.addLine(cart.id(), new LineInput(null, "4006381333931", BigDecimal.ONE));
        cart = carts.addLine(cart.id(), new LineInput("A", null, new BigDecimal("2")));
        assertEquals(1, cart.lines().size());
        assertEquals(0, new BigDecimal("3").compareTo(cart.lines().get(0).quantity()));
        assertEquals(Money.of("8.97", "EUR"), cart.subtotal());
        // 8.97 gross at 20%: tax 1.495 -> 1.50 (half up), shown inside the total
        assertEquals(Money.of("1.50", "EUR"), cart.taxTotal());
        assertEquals(Money.of("8.97", "EUR"), cart.total());
        assertEquals(Money.of("8.97", "EUR"), cart.due());
        assertEquals(1, cart.taxes().size());
        assertEquals(Money.of("7.47", "EUR"), cart.taxes().get(0).taxableAmount());
        assertEquals(Money.of("8.97", "EUR"), cart.taxes().get(0).grossAmount());
    }

    @Test
    void addsTaxOnTopWhereShelfPricesAreNet() {
        CartView cart = carts.create("net", "register", null, "alice");
        cart = carts.addLine(cart.id(), new LineInput("A", null, new BigDecimal("3")));
        assertEquals(Money.of("8.97", "EUR"), cart.subtotal());
        assertEquals(Money.of("1.79", "EUR"), cart.taxTotal());
        assertEquals(Money.of("10.76", "EUR"), cart.total());
    }

    @Test
    void weighedGoodsRoundTheLineToTheCent() {
        String id = carts.create("shop", "register", null, "alice").id();
        CartView cart = carts.addLine(id, new LineInput("W", null, new BigDecimal("0.347")));
        // 18.90 * 0.347 = 6.5583 -> 6.56
        assertEquals(Money.of("6.56", "EUR"), cart.lines().get(0).lineTotal());
        assertError(ErrorKind.INVALID, "invalid_quantity",
                () -> carts.addLine(id, new LineInput("W", null, new BigDecimal("0.3471"))));
        assertError(ErrorKind.INVALID, "invalid_quantity",
                () -> carts.addLine(id, new LineInput("A", null, new BigDecimal("1.5"))));
    }

    @Test
    void rejectsBadLinesAndChangesNothing() {
        String id = carts.create("shop", "register", null, "alice").id();
        assertError(ErrorKind.NOT_FOUND, "product_not_found", () -> carts.addLine(id, new LineInput("NOPE", null, BigDecimal.ONE)));
        assertError(ErrorKind.NOT_FOUND, "product_not_found", () -> carts.addLine(id, new LineInput(null, "4006381333948", BigDecimal.ONE)));
        assertError(ErrorKind.INVALID, "invalid_barcode", () -> carts.addLine(id, new LineInput(null, "4006381333932", BigDecimal.ONE)));
        assertError(ErrorKind.INVALID, "invalid_line", () -> carts.addLine(id, new LineInput("A", "4006381333931", BigDecimal.ONE)));
        assertError(ErrorKind.INVALID, "invalid_line", () -> carts.addLine(id, new LineInput(null, null, BigDecimal.ONE)));
        assertError(ErrorKind.INVALID, "invalid_quantity", () -> carts.addLine(id, new LineInput("A", null, BigDecimal.ZERO)));
        assertError(ErrorKind.INVALID, "invalid_quantity", () -> carts.addLine(id, new LineInput("A", null, new BigDecimal("-2"))));
        assertError(ErrorKind.INVALID, "invalid_quantity", () -> carts.addLine(id, new LineInput("A", null, new BigDecimal("100000"))));
        assertError(ErrorKind.INVALID, "invalid_quantity", () -> carts.addLine(id, new LineInput("A", null, null)));
        // the tax rule refuses the category: the line must not stay on the cart
        assertError(ErrorKind.UNPROCESSABLE, "tax_category_unknown", () -> carts.addLine(id, new LineInput("Z", null, BigDecimal.ONE)));
        assertTrue(carts.cart(id).lines().isEmpty());
        assertError(ErrorKind.NOT_FOUND, "cart_not_found", () -> carts.addLine("nope", new LineInput("A", null, BigDecimal.ONE)));
    }

    @Test
    void changesAndRemovesLines() {
        CartView cart = carts.create("shop", "register", null, "alice");
        cart = carts.addLine(cart.id(), new LineInput("A", null, BigDecimal.ONE));
        String lineId = cart.lines().get(0).id();
        cart = carts.changeLine(cart.id(), lineId, new BigDecimal("4"));
        assertEquals(Money.of("11.96", "EUR"), cart.total());
        String cartId = cart.id();
        assertError(ErrorKind.INVALID, "invalid_quantity", () -> carts.changeLine(cartId, lineId, BigDecimal.ZERO));
        assertError(ErrorKind.NOT_FOUND, "line_not_found", () -> carts.changeLine(cartId, "x", BigDecimal.ONE));
        cart = carts.removeLine(cart.id(), lineId);
        assertTrue(cart.lines().isEmpty());
        assertEquals(Money.zero(cart.currency()), cart.total());
    }

    @Test
    void opensCartsOnlyOnInstalledChannelsAtStores() {
        assertError(ErrorKind.UNPROCESSABLE, "store_not_found", () -> carts.create("nowhere", "register", null, "a"));
        assertError(ErrorKind.UNPROCESSABLE, "channel_unavailable", () -> carts.create("shop", "webshop", null, "a"));
        assertError(ErrorKind.UNPROCESSABLE, "channel_not_allowed", () -> carts.create("wh", "register", null, "a"));
        assertError(ErrorKind.INVALID, "store_required", () -> carts.create(" ", "register", null, "a"));
    }

    @Test
    void paysInPartsUntilNothingIsDueAndThenRefusesMore() {
        String id = carts.addLine(carts.create("shop", "register", null, "a").id(),
                new LineInput("A", null, new BigDecimal("2"))).id();
        PaymentOutcome first = carts.pay(id, "card", Money.of("5.00", "EUR"));
        assertEquals(Money.of("0.98", "EUR"), first.cart().due());
        assertError(ErrorKind.UNPROCESSABLE, "overpayment", () -> carts.pay(id, "card", Money.of("1.00", "EUR")));
        assertError(ErrorKind.UNPROCESSABLE, "currency_mismatch", () -> carts.pay(id, "card", Money.of("0.98", "CHF")));
        assertError(ErrorKind.UNPROCESSABLE, "payment_method_unavailable", () -> carts.pay(id, "bitcoin", Money.of("0.98", "EUR")));
        assertError(ErrorKind.INVALID, "invalid_amount", () -> carts.pay(id, "card", Money.of("0.00", "EUR")));
        assertError(ErrorKind.CONFLICT, "cart_has_payments", () -> carts.addLine(id, new LineInput("A", null, BigDecimal.ONE)));
        PaymentOutcome second = carts.pay(id, "card", Money.of("0.98", "EUR"));
        assertTrue(second.cart().due().isZero());
        assertEquals(2, second.cart().payments().size());
        assertError(ErrorKind.CONFLICT, "cart_already_paid", () -> carts.pay(id, "card", Money.of("0.01", "EUR")));
    }

    @Test
    void withoutATaxRuleTheCartShowsNoTaxAndCannotBePaid() {
        String id = carts.addLine(carts.create("far", "register", null, "a").id(),
                new LineInput("A", null, BigDecimal.ONE)).id();
        CartView cart = carts.cart(id);
        assertFalse(cart.taxAvailable());
        assertError(ErrorKind.UNPROCESSABLE, "tax_rule_unavailable", () -> carts.pay(id, "card", Money.of("2.99", "EUR")));
    }

    @Test
    void aTaxRuleRemovedAtRuntimeStopsPaymentAndReturningItRestoresIt() {
        String id = carts.addLine(carts.create("shop", "register", null, "a").id(),
                new LineInput("A", null, BigDecimal.ONE)).id();
        carts.setTaxRuleSwapGrace(java.time.Duration.ZERO);
        carts.removeTaxRule(vat);
        assertFalse(carts.cart(id).taxAvailable());
        assertError(ErrorKind.UNPROCESSABLE, "tax_rule_unavailable", () -> carts.pay(id, "card", Money.of("2.99", "EUR")));
        carts.addTaxRule(vat, Map.of(PluginProperties.ID, "flat", "service.id", 9L));
        assertTrue(carts.pay(id, "card", Money.of("2.99", "EUR")).cart().due().isZero());
    }

    @Test
    void pricingDuringATaxBundleUpdateWaitsForTheNewRuleInsteadOfSellingUntaxed() throws Exception {
        String id = carts.addLine(carts.create("shop", "register", null, "a").id(),
                new LineInput("A", null, BigDecimal.ONE)).id();
        carts.setTaxRuleSwapGrace(java.time.Duration.ofSeconds(5));
        carts.removeTaxRule(vat);
        FlatVat updated = new FlatVat();
        Thread registrar = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            carts.addTaxRule(updated, Map.of(PluginProperties.ID, "flat", "service.id", 11L));
        });
        registrar.start();
        CartView cart = carts.cart(id);
        registrar.join();
        assertTrue(cart.taxAvailable(), "the cart must be priced with the new rule, not untaxed");
        assertTrue(carts.pay(id, "card", Money.of("2.99", "EUR")).cart().due().isZero());
    }

    @Test
    void afterTheSwapGraceACartWithoutARuleIsUntaxed() {
        String id = carts.addLine(carts.create("shop", "register", null, "a").id(),
                new LineInput("A", null, BigDecimal.ONE)).id();
        carts.setTaxRuleSwapGrace(java.time.Duration.ofMillis(200));
        carts.removeTaxRule(vat);
        long started = System.nanoTime();
        assertFalse(carts.cart(id).taxAvailable());
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
        assertFalse(carts.cart(id).taxAvailable());
    }

    @Test
    void aPaymentPluginThatDoesNotAddUpIsRefused() {
        carts.addPaymentMethod(request -> PaymentResult.captured(request.tendered(), request.tendered(),
                Money.zero(request.due().currency()), null), Map.of(PluginProperties.ID, "broken", "service.id", 4L));
        String id = carts.addLine(carts.create("shop", "register", null, "a").id(),
                new LineInput("A", null, BigDecimal.ONE)).id();
        assertError(ErrorKind.UNAVAILABLE, "payment_method_failed", () -> carts.pay(id, "broken", Money.of("2.99", "EUR")));
        assertTrue(carts.cart(id).payments().isEmpty());
    }

    // ---- test plugins and helpers for adjustments and tax context -------------------------------

    /** A flat-rate rule for some countries that records what it is asked and taxes nothing for an exempt customer. */
    static final class RecordingRule implements TaxRule {
        final TaxComponent component;
        final Set<String> countries;
        final List<TaxRequest> requests = new CopyOnWriteArrayList<>();

        RecordingRule(String code, String rate, String... countries) {
            this.component = new TaxComponent(countries[0], code, code, new BigDecimal(rate));
            this.countries = Set.of(countries);
        }

        @Override
        public boolean covers(TaxAddress address) {
            return countries.contains(address.country());
        }

        @Override
        public TaxCalculation calculate(TaxRequest request) {
            requests.add(request);
            List<LineTax> taxes = new ArrayList<>();
            if (request.exemptionCertificate() != null) {
                return new TaxCalculation(taxes);
            }
            BigDecimal rate = component.rate();
            for (TaxableLine line : request.lines()) {
                Money tax = request.pricesIncludeTax()
                        ? Money.rounded(line.amount().amount().multiply(rate).divide(rate.add(BigDecimal.valueOf(100)),
                                10, RoundingMode.HALF_UP), line.amount().currency(), RoundingMode.HALF_UP)
                        : line.amount().times(rate.movePointLeft(2), RoundingMode.HALF_UP);
                Money net = request.pricesIncludeTax() ? line.amount().minus(tax) : line.amount();
                taxes.add(new LineTax(line.lineId(), component, net, tax));
            }
            return new TaxCalculation(taxes);
        }

        TaxRequest last() {
            return requests.get(requests.size() - 1);
        }
    }

    /** An online shop: its carts ship. */
    static final class Webshop implements SalesChannel {
        @Override
        public ChannelType type() {
            return ChannelType.ONLINE;
        }

        @Override
        public boolean sellsAt(StoreView location) {
            return location.type() == LocationType.STORE;
        }
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private String cartWith(String store, String sku, String quantity) {
        return carts.addLine(carts.create(store, "register", null, "a").id(),
                new LineInput(sku, null, new BigDecimal(quantity))).id();
    }

    private static LineView only(CartView cart) {
        assertEquals(1, cart.lines().size());
        return cart.lines().get(0);
    }

    private static String lineOf(CartView cart) {
        return only(cart).id();
    }

    private static CartServiceImpl.Config config(long graceMillis, String... storeTaxRules) {
        return new CartServiceImpl.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CartServiceImpl.Config.class;
            }

            @Override
            public long taxRuleSwapGraceMillis() {
                return graceMillis;
            }

            @Override
            public String[] storeTaxRules() {
                return storeTaxRules;
            }
        };
    }

    // ---- price overrides ---------------------------------------------------------------------

    @Test
    void aPriceOverrideReplacesTheUnitPriceKeepsTheRegularOneAndIsTaxedAtTheNewTotal() {
        String id = cartWith("shop", "A", "2");
        String lineId = lineOf(carts.cart(id));
        CartView cart = carts.overrideLinePrice(id, lineId, eur("1.99"), "  damaged packaging ");
        LineView line = only(cart);
        assertEquals(eur("1.99"), line.unitPrice());
        assertEquals(eur("2.99"), line.regularUnitPrice());
        assertTrue(line.priceOverridden());
        assertEquals("damaged packaging", line.priceOverrideReason());
        assertEquals(eur("3.98"), line.lineTotal());
        assertEquals(eur("0.00"), line.discount());
        // 3.98 gross at 20%: 0.6633 -> 0.66
        assertEquals(eur("0.66"), line.tax());
        assertEquals(eur("3.98"), cart.subtotal());
        assertEquals(eur("0.66"), cart.taxTotal());
        assertEquals(eur("3.98"), cart.due());
        assertEquals(cart, carts.cart(id), "the override is stored");

        // a second scan of the article is not merged into the overridden line: it sells at the catalog price
        cart = carts.addLine(id, new LineInput("A", null, BigDecimal.ONE));
        assertEquals(2, cart.lines().size());
        assertEquals(eur("2.99"), cart.lines().get(1).unitPrice());
        assertFalse(cart.lines().get(1).priceOverridden());
        assertEquals(eur("6.97"), cart.total());

        // overriding back to the regular price removes the override; zero is a valid price
        cart = carts.overrideLinePrice(id, lineId, eur("2.99"), "mistake");
        assertFalse(cart.lines().get(0).priceOverridden());
        assertEquals(null, cart.lines().get(0).priceOverrideReason());
        cart = carts.overrideLinePrice(id, lineId, eur("0.00"), "free sample");
        assertEquals(eur("0.00"), cart.lines().get(0).lineTotal());
        assertEquals(eur("0.00"), cart.lines().get(0).tax());
        assertEquals(eur("2.99"), cart.total());
    }

    @Test
    void aPriceOverrideOnNetPricesAddsTaxOnTheNewTotal() {
        String id = cartWith("net", "A", "3");
        CartView cart = carts.overrideLinePrice(id, lineOf(carts.cart(id)), eur("2.00"), "price match");
        assertEquals(eur("6.00"), cart.subtotal());
        assertEquals(eur("1.20"), cart.taxTotal());
        assertEquals(eur("7.20"), cart.total());
    }

    @Test
    void badPriceOverridesAreRefusedAndChangeNothing() {
        String id = cartWith("shop", "A", "2");
        String lineId = lineOf(carts.cart(id));
        CartView before = carts.cart(id);
        assertError(ErrorKind.INVALID, "invalid_price", () -> carts.overrideLinePrice(id, lineId, null, "x"));
        assertError(ErrorKind.INVALID, "invalid_price", () -> carts.overrideLinePrice(id, lineId, eur("-0.01"), "x"));
        assertError(ErrorKind.INVALID, "invalid_price",
                () -> carts.overrideLinePrice(id, lineId, eur("100000000000.00"), "x"));
        assertError(ErrorKind.UNPROCESSABLE, "currency_mismatch",
                () -> carts.overrideLinePrice(id, lineId, Money.of("1.99", "CHF"), "x"));
        assertError(ErrorKind.INVALID, "reason_required", () -> carts.overrideLinePrice(id, lineId, eur("1.99"), null));
        assertError(ErrorKind.INVALID, "reason_required", () -> carts.overrideLinePrice(id, lineId, eur("1.99"), "  "));
        assertError(ErrorKind.INVALID, "reason_too_long",
                () -> carts.overrideLinePrice(id, lineId, eur("1.99"), "r".repeat(256)));
        assertError(ErrorKind.NOT_FOUND, "line_not_found", () -> carts.overrideLinePrice(id, "nope", eur("1.99"), "x"));
        assertError(ErrorKind.NOT_FOUND, "cart_not_found", () -> carts.overrideLinePrice("nope", lineId, eur("1.99"), "x"));
        assertEquals(before, carts.cart(id));
        // 255 characters are fine
        assertEquals("r".repeat(255), only(carts.overrideLinePrice(id, lineId, eur("1.99"), "r".repeat(255)))
                .priceOverrideReason());
    }

    // ---- line discounts ----------------------------------------------------------------------

    @Test
    void aPercentDiscountIsStoredAsMoneyRoundedHalfUpAndTheLineIsTaxedAfterIt() {
        String id = cartWith("shop", "A", "3");
        String lineId = lineOf(carts.cart(id));
        CartView cart = carts.discountLine(id, lineId, LineDiscount.ofPercent(new BigDecimal("10"), "loyal customer"));
        LineView line = only(cart);
        // 10% of 8.97 = 0.897 -> 0.90
        assertEquals(eur("0.90"), line.discount());
        assertEquals(0, new BigDecimal("10").compareTo(line.discountPercent()));
        assertEquals("loyal customer", line.discountReason());
        assertEquals(eur("8.07"), line.lineTotal());
        assertEquals(eur("8.97"), line.undiscountedTotal());
        assertEquals(eur("2.99"), line.unitPrice(), "a discount leaves the unit price alone");
        // 8.07 gross at 20%: 1.345 -> 1.35
        assertEquals(eur("1.35"), line.tax());
        assertEquals(eur("8.07"), cart.total());
        assertEquals(cart, carts.cart(id), "the discount is stored");

        // a new discount replaces the old one: 12.5% of 8.97 = 1.12125 -> 1.12
        cart = carts.discountLine(id, lineId, LineDiscount.ofPercent(new BigDecimal("12.50"), "coupon"));
        assertEquals(eur("1.12"), only(cart).discount());
        assertEquals("12.5", only(cart).discountPercent().toPlainString());
        assertEquals(eur("7.85"), cart.total());

        // a percent discount follows the quantity: 12.5% of 2.99 = 0.37375 -> 0.37
        cart = carts.changeLine(id, lineId, BigDecimal.ONE);
        assertEquals(eur("0.37"), only(cart).discount());
        assertEquals(eur("2.62"), cart.total());

        // a scan of the same article is not merged into the discounted line
        cart = carts.addLine(id, new LineInput("A", null, BigDecimal.ONE));
        assertEquals(2, cart.lines().size());
        assertEquals(eur("0.00"), cart.lines().get(1).discount());
        assertEquals(null, cart.lines().get(1).discountPercent());

        cart = carts.removeLineDiscount(id, lineId);
        assertEquals(eur("0.00"), cart.lines().get(0).discount());
        assertEquals(null, cart.lines().get(0).discountReason());
        assertEquals(eur("5.98"), cart.total());
        // taking off a discount that is not there changes nothing but is no error
        assertEquals(eur("5.98"), carts.removeLineDiscount(id, lineId).total());
    }

    @Test
    void percentDiscountsOnWeighedGoodsAndNetPricesRoundToTheCent() {
        String weighed = cartWith("shop", "W", "0.347");
        // 6.56 * 33.33% = 2.186448 -> 2.19
        CartView cart = carts.discountLine(weighed, lineOf(carts.cart(weighed)),
                LineDiscount.ofPercent(new BigDecimal("33.33"), "end of day"));
        assertEquals(eur("2.19"), only(cart).discount());
        assertEquals(eur("4.37"), cart.total());

        String net = cartWith("net", "A", "1");
        // 10% of 2.99 = 0.299 -> 0.30; 2.69 net, tax 0.538 -> 0.54
        cart = carts.discountLine(net, lineOf(carts.cart(net)), LineDiscount.ofPercent(BigDecimal.TEN, "staff"));
        assertEquals(eur("2.69"), cart.subtotal());
        assertEquals(eur("0.54"), cart.taxTotal());
        assertEquals(eur("3.23"), cart.total());

        // 100% gives the line away
        cart = carts.discountLine(net, lineOf(cart), LineDiscount.ofPercent(new BigDecimal("100.00"), "gift"));
        assertEquals(eur("0.00"), cart.total());
    }

    @Test
    void anAmountDiscountStaysTheSameMoneyAndMayNotExceedTheLine() {
        String id = cartWith("shop", "A", "3");
        String lineId = lineOf(carts.cart(id));
        LineDiscount oneEuro = LineDiscount.ofAmount(eur("1.00"), "scratch");
        // 1.00 of 8.97 is 11.1483% (rounded up, never understated)
        assertEquals(new BigDecimal("11.1483"), oneEuro.percentOf(eur("8.97")));
        CartView cart = carts.discountLine(id, lineId, oneEuro);
        LineView line = only(cart);
        assertEquals(eur("1.00"), line.discount());
        assertEquals(null, line.discountPercent());
        assertEquals(eur("7.97"), line.lineTotal());
        assertEquals(new BigDecimal("11.1483"), LineDiscount.percentage(line.discount(), line.undiscountedTotal()));

        cart = carts.changeLine(id, lineId, BigDecimal.ONE);
        assertEquals(eur("1.00"), only(cart).discount());
        assertEquals(eur("1.99"), cart.total());

        // a price override that would leave less than the discount is refused
        CartView before = carts.cart(id);
        assertError(ErrorKind.UNPROCESSABLE, "discount_exceeds_line",
                () -> carts.overrideLinePrice(id, lineId, eur("0.50"), "x"));
        assertEquals(before, carts.cart(id));
        // and so is a discount above the line total; the whole line total is allowed
        assertError(ErrorKind.UNPROCESSABLE, "discount_exceeds_line",
                () -> carts.discountLine(id, lineId, LineDiscount.ofAmount(eur("3.00"), "x")));
        assertEquals(before, carts.cart(id));
        assertEquals(eur("0.00"), carts.discountLine(id, lineId, LineDiscount.ofAmount(eur("2.99"), "x")).total());

        // a quantity change that would leave less than an amount discount is refused
        String other = cartWith("shop", "W", "1");
        String weighedLine = lineOf(carts.cart(other));
        carts.discountLine(other, weighedLine, LineDiscount.ofAmount(eur("10.00"), "x"));
        CartView weighed = carts.cart(other);
        assertError(ErrorKind.UNPROCESSABLE, "discount_exceeds_line",
                () -> carts.changeLine(other, weighedLine, new BigDecimal("0.5")));
        assertEquals(weighed, carts.cart(other));
    }

    @Test
    void badDiscountsAreRefusedAndChangeNothing() {
        String id = cartWith("shop", "A", "3");
        String lineId = lineOf(carts.cart(id));
        carts.discountLine(id, lineId, LineDiscount.ofPercent(BigDecimal.TEN, "first"));
        CartView before = carts.cart(id);
        for (LineDiscount bad : List.of(
                new LineDiscount(BigDecimal.TEN, eur("1.00"), "both"),
                new LineDiscount(null, null, "neither"),
                LineDiscount.ofPercent(BigDecimal.ZERO, "zero"),
                LineDiscount.ofPercent(new BigDecimal("-5"), "negative"),
                LineDiscount.ofPercent(new BigDecimal("100.01"), "too much"),
                LineDiscount.ofPercent(new BigDecimal("10.125"), "three decimals"),
                LineDiscount.ofAmount(eur("0.00"), "zero"),
                LineDiscount.ofAmount(eur("-1.00"), "negative"))) {
            assertError(ErrorKind.INVALID, "invalid_discount", () -> carts.discountLine(id, lineId, bad));
        }
        assertError(ErrorKind.INVALID, "invalid_discount", () -> carts.discountLine(id, lineId, null));
        assertError(ErrorKind.UNPROCESSABLE, "currency_mismatch",
                () -> carts.discountLine(id, lineId, LineDiscount.ofAmount(Money.of("1.00", "CHF"), "x")));
        assertError(ErrorKind.UNPROCESSABLE, "discount_exceeds_line",
                () -> carts.discountLine(id, lineId, LineDiscount.ofAmount(eur("8.98"), "x")));
        assertError(ErrorKind.INVALID, "reason_required",
                () -> carts.discountLine(id, lineId, LineDiscount.ofPercent(BigDecimal.ONE, null)));
        assertError(ErrorKind.INVALID, "reason_too_long",
                () -> carts.discountLine(id, lineId, LineDiscount.ofPercent(BigDecimal.ONE, "r".repeat(256))));
        assertError(ErrorKind.NOT_FOUND, "line_not_found",
                () -> carts.discountLine(id, "nope", LineDiscount.ofPercent(BigDecimal.ONE, "x")));
        assertError(ErrorKind.NOT_FOUND, "line_not_found", () -> carts.removeLineDiscount(id, "nope"));
        assertEquals(before, carts.cart(id));
        assertEquals(eur("0.90"), only(carts.cart(id)).discount());
    }

    // ---- closed carts and carts with payments -------------------------------------------------

    @Test
    void noAdjustmentOnceAPaymentWasTakenOrTheCartIsClosed() {
        String id = cartWith("shop", "A", "2");
        String lineId = lineOf(carts.cart(id));
        carts.pay(id, "card", eur("1.00"));
        CartView paid = carts.cart(id);
        List<Runnable> adjustments = List.of(
                () -> carts.overrideLinePrice(id, lineId, eur("1.00"), "x"),
                () -> carts.discountLine(id, lineId, LineDiscount.ofPercent(BigDecimal.TEN, "x")),
                () -> carts.removeLineDiscount(id, lineId),
                () -> carts.setTaxExemption(id, "EX-1"),
                () -> carts.setTaxExemption(id, null),
                () -> carts.setShipTo(id, TaxAddress.country("AT")),
                () -> carts.setShipTo(id, null));
        for (Runnable adjustment : adjustments) {
            assertError(ErrorKind.CONFLICT, "cart_has_payments", adjustment);
        }
        assertEquals(paid, carts.cart(id));

        db.tx().required(em -> {
            em.find(CartEntity.class, id).status = CartStatus.CHECKED_OUT;
            return null;
        });
        CartView closed = carts.cart(id);
        for (Runnable adjustment : adjustments) {
            assertError(ErrorKind.CONFLICT, "cart_closed", adjustment);
        }
        assertEquals(closed, carts.cart(id));
    }

    // ---- tax exemption and ship-to -------------------------------------------------------------

    @Test
    void theExemptionCertificateReachesTheTaxRule() {
        RecordingRule rule = new RecordingRule("XX-REC", "20", "XX");
        carts.addTaxRule(rule, Map.of(PluginProperties.ID, "rec", "service.id", 20L, "service.ranking", 10));
        String id = cartWith("shop", "A", "1");
        assertEquals(null, rule.last().exemptionCertificate());
        assertEquals("register", rule.last().channel());
        assertEquals(null, rule.last().destination());
        assertEquals(eur("0.50"), carts.cart(id).taxTotal());

        CartView cart = carts.setTaxExemption(id, "  EX-2026-0042 ");
        assertEquals("EX-2026-0042", cart.taxExemptionCertificate());
        assertEquals("EX-2026-0042", rule.last().exemptionCertificate());
        assertEquals(eur("0.00"), cart.taxTotal(), "this rule exempts certified customers");
        assertEquals(cart, carts.cart(id), "the certificate is stored");

        assertError(ErrorKind.INVALID, "invalid_certificate", () -> carts.setTaxExemption(id, "C".repeat(129)));
        assertError(ErrorKind.INVALID, "invalid_certificate", () -> carts.setTaxExemption(id, "EX\n1"));
        assertEquals(cart, carts.cart(id));

        cart = carts.setTaxExemption(id, " ");
        assertEquals(null, cart.taxExemptionCertificate());
        assertEquals(null, rule.last().exemptionCertificate());
        assertEquals(eur("0.50"), cart.taxTotal());
    }

    @Test
    void aShippedCartIsTaxedAtItsDestination() {
        carts.addChannel(new Webshop(), Map.of(PluginProperties.ID, "webshop", "service.id", 20L));
        RecordingRule austria = new RecordingRule("AT-VAT", "20", "AT");
        carts.addTaxRule(austria, Map.of(PluginProperties.ID, "at-vat", "service.id", 21L));
        String id = carts.addLine(carts.create("shop", "webshop", null, "web").id(),
                new LineInput("A", null, BigDecimal.ONE)).id();
        assertEquals("flat", carts.cart(id).taxRuleId());

        CartView cart = carts.setShipTo(id, new TaxAddress(" at ", " ", "1010", " Wien "));
        TaxAddress vienna = new TaxAddress("AT", null, "1010", "Wien");
        assertEquals(vienna, cart.shipTo());
        assertEquals(vienna, austria.last().destination());
        assertEquals("XX", austria.last().origin().country());
        assertEquals("webshop", austria.last().channel());
        assertEquals("at-vat", cart.taxRuleId());
        assertEquals("AT-VAT", cart.taxes().get(0).code());
        assertEquals(eur("0.50"), cart.taxTotal());
        assertEquals(cart, carts.cart(id), "the destination is stored");

        // nobody taxes the US here: refused, and nothing changes
        assertError(ErrorKind.UNPROCESSABLE, "tax_jurisdiction_not_covered",
                () -> carts.setShipTo(id, new TaxAddress("US", "WA", "98101", "Seattle")));
        assertError(ErrorKind.INVALID, "invalid_address", () -> carts.setShipTo(id, TaxAddress.country("ZZ")));
        assertError(ErrorKind.INVALID, "invalid_address", () -> carts.setShipTo(id, TaxAddress.country(null)));
        assertError(ErrorKind.INVALID, "invalid_address",
                () -> carts.setShipTo(id, new TaxAddress("AT", null, "1".repeat(17), null)));
        assertEquals(cart, carts.cart(id));

        cart = carts.setShipTo(id, null);
        assertEquals(null, cart.shipTo());
        assertEquals("flat", cart.taxRuleId());
        assertEquals("XX-VAT", cart.taxes().get(0).code());
        assertTrue(carts.pay(id, "card", cart.due()).cart().due().isZero());
    }

    @Test
    void aLineTakesTheArticlesTaxCategoryInTheStoresCountry() {
        db.tx().required(em -> {
            Fixtures.taxCategory(em, "Z", "XX", "standard");
            Fixtures.taxCategory(em, "Z", "AT", "reduced");
            return null;
        });
        // "shop" is in XX: the XX code replaces the default "mystery", which the flat XX VAT would refuse
        CartView cart = carts.addLine(carts.create("shop", "register", null, "a").id(),
                new LineInput("Z", null, BigDecimal.ONE));
        assertEquals("standard", only(cart).taxCategory());
        // 1.00 gross at 20%: 0.1667 -> 0.17
        assertEquals(eur("0.17"), cart.taxTotal());

        // "far" is in YY, where Z has no code of its own: the default
        RecordingRule yy = new RecordingRule("YY-TAX", "10", "YY");
        carts.addTaxRule(yy, Map.of(PluginProperties.ID, "yy", "service.id", 22L));
        CartView far = carts.addLine(carts.create("far", "register", null, "a").id(),
                new LineInput("Z", null, BigDecimal.ONE));
        assertEquals("mystery", only(far).taxCategory());
        assertEquals("mystery", yy.last().lines().get(0).taxCategory());

        // shipped from XX to AT (taxed by the AT rule): still XX's code, never AT's
        carts.addChannel(new Webshop(), Map.of(PluginProperties.ID, "webshop", "service.id", 20L));
        RecordingRule austria = new RecordingRule("AT-VAT", "20", "AT");
        carts.addTaxRule(austria, Map.of(PluginProperties.ID, "at-vat", "service.id", 21L));
        String id = carts.create("shop", "webshop", null, "web").id();
        carts.setShipTo(id, TaxAddress.country("AT"));
        CartView shipped = carts.addLine(id, new LineInput("Z", null, BigDecimal.ONE));
        assertEquals("at-vat", shipped.taxRuleId());
        assertEquals("standard", only(shipped).taxCategory());
        assertEquals("standard", austria.last().lines().get(0).taxCategory());
    }

    @Test
    void aRegisterSaleDoesNotShip() {
        carts.addTaxRule(new RecordingRule("AT-VAT", "20", "AT"), Map.of(PluginProperties.ID, "at-vat", "service.id", 21L));
        String id = cartWith("shop", "A", "1");
        CartView before = carts.cart(id);
        assertError(ErrorKind.UNPROCESSABLE, "ship_to_not_allowed", () -> carts.setShipTo(id, TaxAddress.country("AT")));
        assertEquals(before, carts.cart(id));
        assertEquals(null, carts.setShipTo(id, null).shipTo(), "clearing is always allowed");
    }

    // ---- tax rule per store from configuration -------------------------------------------------

    @Test
    void aStoreConfiguredWithATaxRuleIsTaxedByItEvenWhenAnotherRanksHigher() {
        RecordingRule special = new RecordingRule("XX-SPECIAL", "10", "XX");
        carts.addTaxRule(special, Map.of(PluginProperties.ID, "special", "service.id", 20L, "service.ranking", -5));
        carts.configure(config(3000, "shop = special", "", "garbage", "net="));
        String shop = cartWith("shop", "A", "1");
        String net = cartWith("net", "A", "1");
        CartView shopCart = carts.cart(shop);
        assertEquals("special", shopCart.taxRuleId());
        assertEquals("XX-SPECIAL", shopCart.taxes().get(0).code());
        // 2.99 gross at 10%: 0.2718 -> 0.27
        assertEquals(eur("0.27"), shopCart.taxTotal());
        assertEquals("register", special.last().channel());
        // the malformed entries are ignored: net keeps the highest-ranked covering rule
        assertEquals("flat", carts.cart(net).taxRuleId());
        assertEquals("XX-VAT", carts.cart(net).taxes().get(0).code());

        // '*' applies to the stores without an entry of their own
        carts.setStoreTaxRules("*=special", "shop=flat");
        assertEquals("XX-VAT", carts.cart(shop).taxes().get(0).code());
        assertEquals("XX-SPECIAL", carts.cart(net).taxes().get(0).code());

        carts.configure(config(3000));
        assertEquals("XX-VAT", carts.cart(shop).taxes().get(0).code());
        assertEquals("XX-VAT", carts.cart(net).taxes().get(0).code());
    }

    @Test
    void aStoreWhoseConfiguredTaxRuleIsNotInstalledCannotSellButOtherStoresCan() {
        carts.setTaxRuleSwapGrace(java.time.Duration.ZERO);
        carts.setStoreTaxRules("shop=eu-vat");
        String shop = cartWith("shop", "A", "1");
        CartView cart = carts.cart(shop);
        assertFalse(cart.taxAvailable(), "the installed 'flat' rule covers the store but must not stand in");
        assertEquals("eu-vat", cart.taxRuleId());
        assertEquals(eur("0.00"), cart.taxTotal());
        OmnitillException e = assertThrows(OmnitillException.class, () -> carts.pay(shop, "card", eur("2.99")));
        assertEquals("tax_rule_unavailable", e.code());
        assertTrue(e.getMessage().contains("'eu-vat'") && e.getMessage().contains("shop"), e.getMessage());
        assertTrue(carts.cart(shop).payments().isEmpty());

        String net = cartWith("net", "A", "1");
        assertTrue(carts.cart(net).taxAvailable());
        assertTrue(carts.pay(net, "card", carts.cart(net).due()).cart().due().isZero());

        carts.addTaxRule(new RecordingRule("XX-EU", "20", "XX"), Map.of(PluginProperties.ID, "eu-vat", "service.id", 30L));
        cart = carts.cart(shop);
        assertTrue(cart.taxAvailable());
        assertEquals("XX-EU", cart.taxes().get(0).code());
        assertTrue(carts.pay(shop, "card", eur("2.99")).cart().due().isZero());
    }

    @Test
    void aConfiguredTaxRuleMustCoverTheTaxedAddress() {
        carts.addChannel(new Webshop(), Map.of(PluginProperties.ID, "webshop", "service.id", 20L));
        carts.addTaxRule(new RecordingRule("AT-VAT", "20", "AT"), Map.of(PluginProperties.ID, "at-vat", "service.id", 21L));
        carts.addTaxRule(new RecordingRule("EU-VAT", "20", "XX", "AT"), Map.of(PluginProperties.ID, "eu", "service.id", 22L));
        carts.setStoreTaxRules("shop=at-vat", "net=eu");
        OmnitillException e = assertThrows(OmnitillException.class, () -> carts.create("shop", "register", null, "a"));
        assertEquals("tax_jurisdiction_not_covered", e.code());
        assertTrue(e.getMessage().contains("'at-vat'") && e.getMessage().contains("XX"), e.getMessage());

        String id = carts.addLine(carts.create("net", "webshop", null, "web").id(),
                new LineInput("A", null, BigDecimal.ONE)).id();
        assertEquals("EU-VAT", carts.setShipTo(id, TaxAddress.country("AT")).taxes().get(0).code());
        CartView before = carts.cart(id);
        // the 'flat' rule covers XX, but net is configured with 'eu', which does not cover the US
        e = assertThrows(OmnitillException.class, () -> carts.setShipTo(id, TaxAddress.country("US")));
        assertEquals("tax_jurisdiction_not_covered", e.code());
        assertEquals(before, carts.cart(id));
    }

    @Test
    void aConfiguredTaxRuleThatIsBeingUpdatedIsWaitedForInsteadOfReplaced() throws Exception {
        RecordingRule special = new RecordingRule("XX-SPECIAL", "10", "XX");
        carts.addTaxRule(special, Map.of(PluginProperties.ID, "special", "service.id", 20L));
        carts.setStoreTaxRules("shop=special");
        String id = cartWith("shop", "A", "1");
        carts.setTaxRuleSwapGrace(java.time.Duration.ofSeconds(5));
        carts.removeTaxRule(special);
        Thread registrar = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            carts.addTaxRule(new RecordingRule("XX-SPECIAL-2", "10", "XX"),
                    Map.of(PluginProperties.ID, "special", "service.id", 23L));
        });
        registrar.start();
        CartView cart = carts.cart(id);
        registrar.join();
        assertTrue(cart.taxAvailable());
        assertEquals("XX-SPECIAL-2", cart.taxes().get(0).code(), "neither untaxed nor taxed by 'flat'");

        carts.setTaxRuleSwapGrace(java.time.Duration.ofMillis(100));
        carts.setStoreTaxRules("shop=gone");
        assertFalse(carts.cart(id).taxAvailable());
    }

    @Test
    void storeTaxRuleEntriesAreReadStrictly() {
        StoreTaxRules rules = StoreTaxRules.parse(new String[] {" berlin-mitte = eu-vat ", "seattle-downtown=us-sales-tax",
                "*=eu-vat", "", "nonsense", "=x", "a=b=c", "berlin-mitte=other"});
        assertEquals("other", rules.pluginFor("berlin-mitte"));
        assertEquals("us-sales-tax", rules.pluginFor("seattle-downtown"));
        assertEquals("eu-vat", rules.pluginFor("anywhere"));
        assertEquals(4, rules.problems().size(), rules.problems().toString());
        assertEquals(null, StoreTaxRules.parse(null).pluginFor("x"));
        StoreTaxRules fromCfg = StoreTaxRules.parse(new String[] {"berlin-mitte=eu-vat, seattle-downtown=us-sales-tax,"});
        assertEquals("eu-vat", fromCfg.pluginFor("berlin-mitte"));
        assertEquals("us-sales-tax", fromCfg.pluginFor("seattle-downtown"));
        assertTrue(fromCfg.problems().isEmpty());
        assertEquals(null, StoreTaxRules.parse(new String[] {"a=b"}).pluginFor("x"));
    }

    @Test
    void theOneZeroConstructorsOfTheViewsStillWork() {
        LineView line = new LineView("l1", 1, "A", "Article A", null, BigDecimal.ONE, UnitOfMeasure.EACH, eur("2.99"),
                eur("2.99"), "standard", "XX-VAT", eur("0.50"));
        assertEquals(eur("2.99"), line.regularUnitPrice());
        assertEquals(eur("0.00"), line.discount());
        assertFalse(line.priceOverridden());
        assertEquals(eur("2.99"), line.undiscountedTotal());
        CartView cart = new CartView("c", "shop", "register", null, CartStatus.OPEN, eur("0").currency(), true,
                List.of(line), List.of(), true, eur("2.99"), eur("0.50"), eur("2.99"), eur("0"), eur("0"), eur("2.99"),
                eur("0"), List.of(), null, Instant.EPOCH, Instant.EPOCH);
        assertEquals(null, cart.taxExemptionCertificate());
        assertEquals(null, cart.shipTo());
        assertEquals(null, cart.taxRuleId());
        assertEquals(BigDecimal.TEN, LineDiscount.ofPercent(BigDecimal.TEN, "x").percentOf(eur("3.00")));
        assertEquals(eur("0.30"), LineDiscount.ofPercent(BigDecimal.TEN, "x").amountOf(eur("2.99")));
        assertEquals(new BigDecimal("100"), LineDiscount.percentage(eur("1.00"), eur("0.00")));
        assertEquals(BigDecimal.ZERO, LineDiscount.percentage(eur("0.00"), eur("5.00")));
        assertThrows(IllegalArgumentException.class, () -> new LineDiscount(null, null, "x").percentOf(eur("1.00")));
    }
}
