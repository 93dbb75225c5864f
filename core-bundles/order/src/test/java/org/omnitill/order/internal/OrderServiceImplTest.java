package org.omnitill.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.cart.CartStatus;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineDiscount;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.LineView;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.device.Receipt;
import org.omnitill.api.device.ReceiptPrinter;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderQuery;
import org.omnitill.api.order.OrderSummary;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.store.LocationType;
import org.omnitill.cart.internal.CartServiceImpl;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.inventory.internal.JpaInventoryService;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;
import org.omnitill.persistence.testing.TestPlugins.ExactPayment;
import org.omnitill.persistence.testing.TestPlugins.FlatVat;
import org.omnitill.persistence.testing.TestPlugins.Register;

class OrderServiceImplTest {

    private final TestDatabase db = new TestDatabase();
    private final JpaStoreService stores = new JpaStoreService(db.tx());
    private final JpaInventoryService inventory = new JpaInventoryService(db.tx(), () -> "node-1");
    private final CartServiceImpl carts = new CartServiceImpl(db.tx(), new JpaCatalogService(db.tx()), stores);
    private final ReceiptPrinting printing = new ReceiptPrinting();
    private final OrderServiceImpl orders = new OrderServiceImpl(db.tx(), carts, inventory, stores, () -> "node-1",
            printing, Clock.fixed(Instant.parse("2026-12-04T10:15:00Z"), ZoneOffset.UTC));
    private final FlatVat vat = new FlatVat();

    @BeforeEach
    void seed() {
        db.tx().required(em -> {
            Fixtures.store(em, "shop", LocationType.STORE, "XX", "EUR", true);
            Fixtures.product(em, "A", "Article A", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "B", "Article B", null, "standard", UnitOfMeasure.EACH);
            Fixtures.price(em, "A", "shop", "2.99", "EUR");
            Fixtures.price(em, "B", "shop", "10.00", "EUR");
            Fixtures.stock(em, "shop", "A", "5");
            Fixtures.stock(em, "shop", "B", "1");
            return null;
        });
        carts.addChannel(new Register(), Map.of(PluginProperties.ID, "register", "service.id", 1L));
        carts.addTaxRule(vat, Map.of(PluginProperties.ID, "flat", "service.id", 2L));
        carts.addPaymentMethod(new ExactPayment(), Map.of(PluginProperties.ID, "card", "service.id", 3L));
    }

    @AfterEach
    void close() {
        printing.shutdown();
        db.close();
    }

    private String paidCart(String sku, int quantity) {
        String id = carts.create("shop", "register", "R1", "alice").id();
        Money due = carts.addLine(id, new LineInput(sku, null, BigDecimal.valueOf(quantity))).due();
        carts.pay(id, "card", due);
        return id;
    }

    private BigDecimal stock(String sku) {
        return inventory.levels(sku).get(0).onHand();
    }

    private static void assertError(ErrorKind kind, String code, Runnable call) {
        OmnitillException e = assertThrows(OmnitillException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(kind, e.kind());
    }

    @Test
    void checkoutPlacesAnImmutableOrderAndTakesStock() {
        String cartId = carts.create("shop", "register", "R1", "alice").id();
        carts.addLine(cartId, new LineInput("A", null, new BigDecimal("2")));
        Money due = carts.addLine(cartId, new LineInput("B", null, BigDecimal.ONE)).due();
        carts.pay(cartId, "card", due);

        OrderView order = orders.checkout(cartId, "alice");

        assertEquals("shop-000001", order.orderNumber());
        assertEquals(Money.of("15.98", "EUR"), order.total());
        assertEquals(order.total(), order.paid());
        assertEquals(2, order.lines().size());
        assertEquals(1, order.taxes().size());
        assertEquals(1, order.payments().size());
        assertEquals("alice", order.cashier());
        assertEquals(0, new BigDecimal("3").compareTo(stock("A")));
        assertEquals(0, BigDecimal.ZERO.compareTo(stock("B")));
        assertEquals(CartStatus.CHECKED_OUT, carts.cart(cartId).status());
        assertEquals(order.id(), carts.cart(cartId).orderId());
        assertEquals(order, orders.order(order.id()));
        String receipt = orders.receipt(order.id());
        assertTrue(receipt.contains("shop-000001"), receipt);
        assertTrue(receipt.contains("TOTAL EUR"), receipt);
        assertTrue(receipt.contains("15.98"), receipt);
        assertError(ErrorKind.CONFLICT, "cart_closed", () -> orders.checkout(cartId, "alice"));
        assertError(ErrorKind.CONFLICT, "cart_closed", () -> carts.addLine(cartId, new LineInput("A", null, BigDecimal.ONE)));
    }

    @Test
    void anUnpaidCartIsRefusedAndNothingChanges() {
        String cartId = carts.create("shop", "register", null, "alice").id();
        carts.addLine(cartId, new LineInput("A", null, BigDecimal.ONE));
        assertError(ErrorKind.UNPROCESSABLE, "cart_not_paid", () -> orders.checkout(cartId, "alice"));
        assertEquals(0, new BigDecimal("5").compareTo(stock("A")));
        assertEquals(CartStatus.OPEN, carts.cart(cartId).status());
        assertError(ErrorKind.NOT_FOUND, "cart_not_found", () -> orders.checkout("nope", "alice"));
        assertError(ErrorKind.NOT_FOUND, "order_not_found", () -> orders.order("nope"));
    }

    @Test
    void outOfStockRollsBackEverythingIncludingTheOtherLinesAndTheNumber() {
        String cartId = carts.create("shop", "register", null, "alice").id();
        carts.addLine(cartId, new LineInput("A", null, BigDecimal.ONE));
        Money due = carts.addLine(cartId, new LineInput("B", null, new BigDecimal("2"))).due();
        carts.pay(cartId, "card", due);
        assertError(ErrorKind.CONFLICT, "out_of_stock", () -> orders.checkout(cartId, "alice"));
        assertEquals(0, new BigDecimal("5").compareTo(stock("A")));
        assertEquals(0, BigDecimal.ONE.compareTo(stock("B")));
        assertEquals(CartStatus.OPEN, carts.cart(cartId).status());
        assertEquals("shop-000001", orders.checkout(paidCart("A", 1), "alice").orderNumber());
    }

    @Test
    void withoutATaxRuleCheckoutIsRefused() {
        String cartId = paidCart("A", 1);
        carts.removeTaxRule(vat);
        assertError(ErrorKind.UNPROCESSABLE, "tax_rule_unavailable", () -> orders.checkout(cartId, "alice"));
        carts.addTaxRule(vat, Map.of(PluginProperties.ID, "flat", "service.id", 7L));
        assertEquals(CartStatus.OPEN, carts.cart(cartId).status());
        orders.checkout(cartId, "alice");
    }

    @Test
    void concurrentCheckoutsSellExactlyTheStockWithUniqueNumbers() throws Exception {
        List<String> cartIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cartIds.add(paidCart("A", 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (String id : cartIds) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return orders.checkout(id, "alice").orderNumber();
                } catch (OmnitillException e) {
                    assertEquals("out_of_stock", e.code());
                    return null;
                }
            }));
        }
        start.countDown();
        Set<String> numbers = new TreeSet<>();
        int refused = 0;
        for (Future<String> f : results) {
            String number = f.get(60, TimeUnit.SECONDS);
            if (number == null) {
                refused++;
            } else {
                numbers.add(number);
            }
        }
        pool.shutdown();
        assertEquals(Set.of("shop-000001", "shop-000002", "shop-000003", "shop-000004", "shop-000005"), numbers);
        assertEquals(15, refused);
        assertEquals(0, BigDecimal.ZERO.compareTo(stock("A")));
    }

    @Test
    void printsTheReceiptOnPrintersServingTheStoreAndAFailingPrinterDoesNotUndoTheSale() throws Exception {
        BlockingQueue<Receipt> printed = new LinkedBlockingQueue<>();
        ReceiptPrinter good = printed::add;
        ReceiptPrinter elsewhere = r -> printed.add(new Receipt(r.order(), "WRONG STORE"));
        ReceiptPrinter broken = r -> {
            throw new org.omnitill.api.device.DeviceException("paper out");
        };
        printing.addPrinter(broken, Map.of());
        printing.addPrinter(good, Map.of(PluginProperties.STORES, new String[] {"shop"}));
        printing.addPrinter(elsewhere, Map.of(PluginProperties.STORES, "other"));
        OrderView order = orders.checkout(paidCart("A", 1), "alice");
        Receipt receipt = printed.poll(10, TimeUnit.SECONDS);
        assertEquals(order.id(), receipt.order().id());
        assertEquals(orders.receipt(order.id()), receipt.text());
        assertTrue(printed.poll(200, TimeUnit.MILLISECONDS) == null, "only the printer of the store prints");
        printing.removePrinter(good);
        orders.checkout(paidCart("A", 1), "alice");
        assertTrue(printed.poll(300, TimeUnit.MILLISECONDS) == null);
    }

    @Test
    void checkoutCopiesPriceOverridesDiscountsAndTheExemptionAndTheReceiptShowsThem() {
        String cartId = carts.create("shop", "register", "R1", "alice").id();
        carts.addLine(cartId, new LineInput("A", null, new BigDecimal("2")));
        CartView cart = carts.addLine(cartId, new LineInput("B", null, BigDecimal.ONE));
        String lineA = cart.lines().get(0).id();
        String lineB = cart.lines().get(1).id();
        carts.overrideLinePrice(cartId, lineA, Money.of("1.99", "EUR"), "damaged packaging");
        carts.discountLine(cartId, lineB, LineDiscount.ofPercent(BigDecimal.TEN, "loyal customer"));
        cart = carts.setTaxExemption(cartId, "EX-2026-0042");
        // A: 2 x 1.99 = 3.98; B: 10.00 - 1.00 = 9.00
        assertEquals(Money.of("12.98", "EUR"), cart.total());
        carts.pay(cartId, "card", cart.due());

        OrderView order = orders.checkout(cartId, "alice");

        assertEquals(Money.of("12.98", "EUR"), order.total());
        LineView a = order.lines().get(0);
        assertEquals(Money.of("1.99", "EUR"), a.unitPrice());
        assertEquals(Money.of("2.99", "EUR"), a.regularUnitPrice());
        assertEquals("damaged packaging", a.priceOverrideReason());
        assertTrue(a.priceOverridden());
        assertEquals(Money.of("0.00", "EUR"), a.discount());
        LineView b = order.lines().get(1);
        assertEquals(Money.of("10.00", "EUR"), b.unitPrice());
        assertFalse(b.priceOverridden());
        assertEquals(Money.of("1.00", "EUR"), b.discount());
        assertEquals(0, BigDecimal.TEN.compareTo(b.discountPercent()));
        assertEquals("loyal customer", b.discountReason());
        assertEquals(Money.of("9.00", "EUR"), b.lineTotal());
        assertEquals(Money.of("1.50", "EUR"), b.tax());
        // the stored order reads back the same
        assertEquals(order, orders.order(order.id()));
        assertEquals(cart.lines().get(1).discount(), orders.order(order.id()).lines().get(1).discount());

        String receipt = orders.receipt(order.id());
        List<String> rows = List.of(receipt.split("\n"));
        assertTrue(rows.stream().allMatch(r -> r.length() <= ReceiptLayout.WIDTH), receipt);
        int at = rows.indexOf("Article A");
        assertEquals(row("  2 x 1.99", "3.98 A"), rows.get(at + 1), receipt);
        assertEquals("  Price override 2.99 -> 1.99", rows.get(at + 2), receipt);
        int bt = rows.indexOf("Article B");
        // the amount column shows the price before the discount and the discount under it: it adds up to the total
        assertEquals(row("  1 x 10.00", "10.00 A"), rows.get(bt + 1), receipt);
        assertEquals(row("  Discount 10%", "-1.00  "), rows.get(bt + 2), receipt);
        assertTrue(receipt.contains("Tax exemption certificate EX-2026-0042"), receipt);
        assertEquals(1, rows.stream().filter(r -> r.contains("Discount")).count(), receipt);
        assertEquals(1, rows.stream().filter(r -> r.contains("Price override")).count(), receipt);
    }

    /** A receipt row: text on the left, an amount column on the right, 42 columns in all. */
    private static String row(String left, String right) {
        return left + " ".repeat(ReceiptLayout.WIDTH - left.length() - right.length()) + right;
    }

    @Test
    void aLongExemptionCertificateIsPrintedWhole() {
        String cartId = carts.create("shop", "register", null, "alice").id();
        carts.addLine(cartId, new LineInput("A", null, BigDecimal.ONE));
        String certificate = "CERT-" + "0123456789".repeat(6);
        Money due = carts.setTaxExemption(cartId, certificate).due();
        carts.pay(cartId, "card", due);
        String receipt = orders.receipt(orders.checkout(cartId, "alice").id());
        assertTrue(receipt.replace("\n  ", "").contains(certificate), receipt);
        assertTrue(List.of(receipt.split("\n")).stream().allMatch(r -> r.length() <= ReceiptLayout.WIDTH), receipt);
    }

    @Test
    void aStoreWhoseConfiguredTaxPluginIsMissingCannotCheckOutAndTheErrorNamesIt() {
        String cartId = paidCart("A", 1);
        carts.configure(new CartServiceImpl.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CartServiceImpl.Config.class;
            }

            @Override
            public long taxRuleSwapGraceMillis() {
                return 0;
            }

            @Override
            public String[] storeTaxRules() {
                return new String[] {"shop=eu-vat"};
            }
        });
        OmnitillException e = assertThrows(OmnitillException.class, () -> orders.checkout(cartId, "alice"));
        assertEquals("tax_rule_unavailable", e.code());
        assertEquals(ErrorKind.UNPROCESSABLE, e.kind());
        assertTrue(e.getMessage().contains("'eu-vat'") && e.getMessage().contains("store shop"), e.getMessage());
        assertEquals(CartStatus.OPEN, carts.cart(cartId).status());
        assertEquals(0, new BigDecimal("5").compareTo(stock("A")));
        carts.addTaxRule(new FlatVat(), Map.of(PluginProperties.ID, "eu-vat", "service.id", 8L));
        assertEquals(CartStatus.CHECKED_OUT, carts.cart(orders.checkout(cartId, "alice").cartId()).status());
    }

    /** Checkout as of a point in time, for orders placed at different moments. */
    private OrderView checkoutAt(String instant, String store, String channel, String sku) {
        OrderServiceImpl at = new OrderServiceImpl(db.tx(), carts, inventory, stores, () -> "node-1", printing,
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
        String id = carts.create(store, channel, "R1", "alice").id();
        Money due = carts.addLine(id, new LineInput(sku, null, BigDecimal.ONE)).due();
        carts.pay(id, "card", due);
        return at.checkout(id, "alice");
    }

    private static List<String> numbers(org.omnitill.api.catalog.Page<OrderSummary> page) {
        return page.items().stream().map(OrderSummary::orderNumber).toList();
    }

    private static OrderQuery query(String text, String store, String channel, String from, String before) {
        return new OrderQuery(text, store, channel, from == null ? null : Instant.parse(from),
                before == null ? null : Instant.parse(before), 0, 50);
    }

    @Test
    void anOrderIsFoundByItsIdOrItsNumber() {
        OrderView order = orders.checkout(paidCart("A", 1), "alice");
        assertEquals(order, orders.order("shop-000001"));
        assertEquals(order, orders.order(" shop-000001 "));
        assertEquals(orders.receipt(order.id()), orders.receipt("shop-000001"));
        assertEquals(order.id(), orders.orderIdOf("shop-000001"));
        assertEquals(order.id(), orders.orderIdOf(order.id()));
        assertError(ErrorKind.NOT_FOUND, "order_not_found", () -> orders.orderIdOf("shop-000002"));
        assertError(ErrorKind.NOT_FOUND, "order_not_found", () -> orders.orderIdOf(null));
        assertError(ErrorKind.NOT_FOUND, "order_not_found", () -> orders.order(" "));
        assertError(ErrorKind.NOT_FOUND, "order_not_found", () -> orders.receipt("SHOP-000001"));
    }

    @Test
    void searchListsOrderSummariesNewestFirstAndFilters() {
        db.tx().required(em -> {
            Fixtures.store(em, "kiosk", LocationType.STORE, "XX", "EUR", true);
            Fixtures.price(em, "A", "kiosk", "3.10", "EUR");
            Fixtures.stock(em, "kiosk", "A", "5");
            return null;
        });
        carts.addChannel(new Register(), Map.of(PluginProperties.ID, "webshop", "service.id", 4L));
        OrderView first = checkoutAt("2026-12-01T09:00:00Z", "shop", "register", "A");
        OrderView second = checkoutAt("2026-12-02T09:00:00Z", "shop", "webshop", "B");
        OrderView third = checkoutAt("2026-12-03T09:00:00Z", "kiosk", "register", "A");

        org.omnitill.api.catalog.Page<OrderSummary> all = orders.search(query(null, null, null, null, null));
        assertEquals(List.of("kiosk-000001", "shop-000002", "shop-000001"), numbers(all));
        assertEquals(3, all.total());
        assertEquals(new OrderSummary(second.id(), "shop-000002", "shop", "webshop", "R1", "alice",
                Instant.parse("2026-12-02T09:00:00Z"), second.currency(), Money.of("10.00", "EUR"),
                Money.of("1.67", "EUR"), 1, Money.of("0.00", "EUR")), all.items().get(1));

        assertEquals(List.of("kiosk-000001"), numbers(orders.search(query("KIOSK", null, null, null, null))));
        assertEquals(List.of("kiosk-000001", "shop-000001"), numbers(orders.search(query("-000001", null, null, null, null))));
        assertEquals(List.of(), numbers(orders.search(query("%", null, null, null, null))));
        assertEquals(List.of("shop-000002", "shop-000001"), numbers(orders.search(query(null, "shop", null, null, null))));
        assertEquals(List.of("shop-000002"), numbers(orders.search(query(null, null, "webshop", null, null))));
        assertEquals(List.of("shop-000002"), numbers(orders.search(
                query(null, null, null, "2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z"))));
        // the start is inclusive, the end exclusive
        assertEquals(List.of("kiosk-000001"), numbers(orders.search(
                query(null, null, null, "2026-12-03T09:00:00Z", "2026-12-03T09:00:00.001Z"))));
        assertEquals(List.of(), numbers(orders.search(
                query(null, null, null, "2026-12-01T00:00:00Z", "2026-12-01T09:00:00Z"))));

        org.omnitill.api.catalog.Page<OrderSummary> page = orders.search(new OrderQuery(null, null, null, null, null, 1, 1));
        assertEquals(List.of("shop-000002"), numbers(page));
        assertEquals(3, page.total());
        assertEquals(1, page.offset());
        assertEquals(1, page.limit());
        assertEquals(first.id(), orders.search(new OrderQuery(null, null, null, null, null, 2, 5)).items().get(0).id());
        assertEquals(third.id(), all.items().get(0).id());
    }

    @Test
    void summariesShowWhatWasRefundedSoFar() {
        OrderView order = orders.checkout(paidCart("A", 2), "alice");
        ReturnServiceImpl returns = new ReturnServiceImpl(db.tx(), inventory, stores, () -> "node-1", printing,
                new ReturnServiceImplTest.RecordingAudit(new ArrayList<>()), Clock.fixed(Instant.parse("2026-12-04T11:00:00Z"),
                ZoneOffset.UTC));
        returns.returnLines(order.id(), new org.omnitill.api.order.ReturnRequest(List.of(
                new org.omnitill.api.order.ReturnLineRequest(order.lines().get(0).id(), BigDecimal.ONE)), "faulty",
                null, "bob", "sam"));
        OrderSummary summary = orders.search(query(null, null, null, null, null)).items().get(0);
        assertEquals(Money.of("2.99", "EUR"), summary.refunded());
        assertEquals(Money.of("5.98", "EUR"), summary.total());
        assertEquals(1, summary.lineCount());
    }

    @Test
    void searchRefusesBadPagingAndABackwardPeriod() {
        assertError(ErrorKind.INVALID, "invalid_parameter",
                () -> orders.search(new OrderQuery(null, null, null, null, null, -1, 50)));
        assertError(ErrorKind.INVALID, "invalid_parameter",
                () -> orders.search(new OrderQuery(null, null, null, null, null, 0, 0)));
        assertError(ErrorKind.INVALID, "invalid_date_range",
                () -> orders.search(query(null, null, null, "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z")));
    }

    @Test
    void receiptsPrintTheStoresLocalTimeOrTheServersWhenTheStoreHasNoZone() {
        String utc = orders.receipt(orders.checkout(paidCart("A", 1), "alice").id());
        assertTrue(utc.contains("2026-12-04 10:15"), utc);
        db.tx().required(em -> {
            em.find(org.omnitill.persistence.model.StoreEntity.class, "shop").timeZone = "Asia/Kolkata";
            return null;
        });
        String kolkata = orders.receipt(orders.checkout(paidCart("A", 1), "alice").id());
        assertTrue(kolkata.contains("2026-12-04 15:45"), kolkata);
    }

    @Test
    void theSalesReportAddsUpCheckedOutOrdersAsTheyWereSold() {
        db.tx().required(em -> {
            em.find(org.omnitill.persistence.model.PriceEntity.class, em.createQuery(
                    "SELECT p.id FROM PriceEntity p WHERE p.sku = 'A'", String.class).getSingleResult()).unitCost =
                    new BigDecimal("1.20");
            return null;
        });
        String cartId = carts.create("shop", "register", "R1", "alice").id();
        carts.addLine(cartId, new LineInput("A", null, new BigDecimal("2")));
        Money due = carts.addLine(cartId, new LineInput("B", null, BigDecimal.ONE)).due();
        carts.pay(cartId, "card", due);
        OrderView big = orders.checkout(cartId, "alice");
        OrderView small = orders.checkout(paidCart("A", 1), "alice");

        SalesReportServiceImpl reports = new SalesReportServiceImpl(db.tx(), stores, new JpaCatalogService(db.tx()),
                inventory, Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC), 100);
        org.omnitill.api.report.CurrencySales eur = reports.sales(null, null, null).currencies().get(0);
        assertEquals(2, eur.orders());
        assertEquals(big.total().plus(small.total()), eur.grossSales());
        assertEquals(big.taxTotal().plus(small.taxTotal()), eur.taxTotal());
        assertEquals(eur.grossSales().minus(eur.taxTotal()), eur.netSales());
        assertEquals(0, new BigDecimal("4").compareTo(eur.units()));
        // the lines' net sales add up to the orders': all of A's (3 x 2.99 gross) has a cost, B's none
        org.omnitill.api.report.CurrencySales.Margin margin = eur.margin();
        Money netOfA = eur.topProducts().stream().filter(p -> p.sku().equals("A")).findFirst().orElseThrow().netSales();
        assertEquals(eur.netSales(), eur.topProducts().stream().map(p -> p.netSales()).reduce(Money::plus).orElseThrow());
        assertEquals(netOfA, margin.netSalesWithCost());
        assertEquals(Money.of("3.60", "EUR"), margin.cost());
        assertEquals(2, eur.byHour().get(10).orders()); // placed 10:15 UTC, at a store without a zone
    }
}
