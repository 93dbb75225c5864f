package org.omnitill.cart.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.PaymentOutcome;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.store.LocationType;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
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
}
