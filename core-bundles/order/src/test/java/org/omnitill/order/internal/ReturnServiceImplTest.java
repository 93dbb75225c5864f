package org.omnitill.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.LineView;
import org.omnitill.api.cart.TaxBreakdown;
import org.omnitill.api.cart.TenderView;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.device.Receipt;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.inventory.StockLevel;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.order.RefundView;
import org.omnitill.api.order.ReturnLineRequest;
import org.omnitill.api.order.ReturnRequest;
import org.omnitill.api.order.ReturnView;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.tax.LineTax;
import org.omnitill.api.tax.TaxAddress;
import org.omnitill.api.tax.TaxCalculation;
import org.omnitill.api.tax.TaxComponent;
import org.omnitill.api.tax.TaxRequest;
import org.omnitill.api.tax.TaxRule;
import org.omnitill.api.tax.TaxableLine;
import org.omnitill.cart.internal.CartServiceImpl;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.inventory.internal.JpaInventoryService;
import org.omnitill.persistence.model.OutboxEventEntity;
import org.omnitill.persistence.model.StockMovementEntity;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;
import org.omnitill.persistence.testing.TestPlugins.ExactPayment;
import org.omnitill.persistence.testing.TestPlugins.FlatVat;
import org.omnitill.persistence.testing.TestPlugins.Register;

class ReturnServiceImplTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:15:00Z"), ZoneOffset.UTC);

    private final TestDatabase db = new TestDatabase();
    private final JpaStoreService stores = new JpaStoreService(db.tx());
    private final JpaInventoryService inventory = new JpaInventoryService(db.tx(), () -> "node-1");
    private final CartServiceImpl carts = new CartServiceImpl(db.tx(), new JpaCatalogService(db.tx()), stores);
    private final ReceiptPrinting printing = new ReceiptPrinting();
    private final OrderServiceImpl orders = new OrderServiceImpl(db.tx(), carts, inventory, stores, () -> "node-1",
            printing, CLOCK);
    private final List<org.omnitill.api.audit.AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final org.omnitill.api.audit.AuditTrail audit = new RecordingAudit(audited);
    private final ReturnServiceImpl returns = new ReturnServiceImpl(db.tx(), inventory, stores, () -> "node-1",
            printing, audit, CLOCK);

    /** Keeps the audited events; the chain itself is the audit bundle's to test. */
    record RecordingAudit(List<org.omnitill.api.audit.AuditEvent> events) implements org.omnitill.api.audit.AuditTrail {
        @Override
        public org.omnitill.api.audit.AuditEntry record(org.omnitill.api.audit.AuditEvent event) {
            events.add(event);
            return new org.omnitill.api.audit.AuditEntry(events.size(), java.time.Instant.EPOCH, "node-1", event, "0", "0");
        }

        @Override
        public org.omnitill.api.audit.AuditVerification verify() {
            return new org.omnitill.api.audit.AuditVerification(true, events.size(), null, null);
        }

        @Override
        public void exportJsonLines(long fromSequence, int limit, java.io.OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }
    private final FlatVat vat = new FlatVat();
    private final TwoRateSalesTax salesTax = new TwoRateSalesTax();

    /** US-style sales tax: a state and a city component on every line, prices without tax. */
    static final class TwoRateSalesTax implements TaxRule {
        final TaxComponent state = new TaxComponent("US-ST", "US-ST", "State 5%", new BigDecimal("5"));
        final TaxComponent city = new TaxComponent("US-ST-CITY", "US-CITY", "City 2%", new BigDecimal("2"));

        @Override
        public boolean covers(TaxAddress address) {
            return "US".equals(address.country());
        }

        @Override
        public TaxCalculation calculate(TaxRequest request) {
            List<LineTax> taxes = new ArrayList<>();
            for (TaxableLine line : request.lines()) {
                for (TaxComponent c : List.of(state, city)) {
                    taxes.add(new LineTax(line.lineId(), c, line.amount(), line.amount()
                            .times(c.rate().movePointLeft(2), RoundingMode.HALF_UP)));
                }
            }
            return new TaxCalculation(taxes);
        }
    }

    @BeforeEach
    void seed() {
        db.tx().required(em -> {
            Fixtures.store(em, "shop", LocationType.STORE, "XX", "EUR", true);
            Fixtures.store(em, "other", LocationType.STORE, "XX", "EUR", true);
            Fixtures.store(em, "net", LocationType.STORE, "XX", "EUR", false);
            Fixtures.store(em, "us", LocationType.STORE, "US", "USD", false);
            Fixtures.product(em, "A", "Article A", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "B", "Article B", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "C", "Article C", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "W", "Cheese by weight", null, "standard", UnitOfMeasure.KILOGRAM);
            Fixtures.product(em, "M", "Mug", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "N", "Napkins", null, "standard", UnitOfMeasure.EACH);
            Fixtures.price(em, "A", "shop", "2.99", "EUR");
            Fixtures.price(em, "B", "shop", "10.00", "EUR");
            Fixtures.price(em, "W", "shop", "12.99", "EUR");
            Fixtures.price(em, "C", "net", "3.33", "EUR");
            Fixtures.price(em, "M", "us", "9.99", "USD");
            Fixtures.price(em, "N", "us", "4.99", "USD");
            Fixtures.stock(em, "shop", "A", "50");
            Fixtures.stock(em, "shop", "B", "10");
            Fixtures.stock(em, "shop", "W", "10");
            Fixtures.stock(em, "net", "C", "10");
            Fixtures.stock(em, "us", "M", "10");
            Fixtures.stock(em, "us", "N", "10");
            return null;
        });
        carts.addChannel(new Register(), Map.of(PluginProperties.ID, "register", "service.id", 1L));
        carts.addTaxRule(vat, Map.of(PluginProperties.ID, "flat", "service.id", 2L));
        carts.addTaxRule(salesTax, Map.of(PluginProperties.ID, "us", "service.id", 3L));
        carts.addPaymentMethod(new ExactPayment(), Map.of(PluginProperties.ID, "card", "service.id", 4L));
        carts.addPaymentMethod(new ExactPayment(), Map.of(PluginProperties.ID, "cash", "service.id", 5L));
        returns.addPaymentMethod(new ExactPayment(), Map.of(PluginProperties.ID, "card", "service.id", 4L));
        returns.addPaymentMethod(new ExactPayment(), Map.of(PluginProperties.ID, "cash", "service.id", 5L));
    }

    @AfterEach
    void close() {
        printing.shutdown();
        db.close();
    }

    // --- helpers ---

    private OrderView order(String store, Object... skuAndQuantity) {
        String id = carts.create(store, "register", "R1", "alice").id();
        Money due = null;
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            due = carts.addLine(id, new LineInput((String) skuAndQuantity[i], null,
                    new BigDecimal(skuAndQuantity[i + 1].toString()))).due();
        }
        carts.pay(id, "card", due);
        return orders.checkout(id, "alice");
    }

    private static LineView line(OrderView order, String sku) {
        return order.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow();
    }

    private static ReturnRequest request(String storeId, ReturnLineRequest... lines) {
        return new ReturnRequest(List.of(lines), "damaged", storeId, "bob", "carol");
    }

    private static ReturnLineRequest back(OrderView order, String sku, String quantity) {
        return new ReturnLineRequest(line(order, sku).id(), new BigDecimal(quantity));
    }

    private BigDecimal stock(String location, String sku) {
        return inventory.levels(sku).stream().filter(s -> s.locationId().equals(location)).map(StockLevel::onHand)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    private static void assertQuantity(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", was " + actual);
    }

    private long count(String jpql) {
        return db.tx().required(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    private static void assertError(ErrorKind kind, String code, Runnable call) {
        OmnitillException e = assertThrows(OmnitillException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(kind, e.kind());
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // --- tests ---

    @Test
    void aFullReturnRefundsExactlyTheTotalWithTheStoredTaxAndPutsTheStockBack() {
        OrderView order = order("shop", "A", 2, "B", 1);
        assertQuantity("48", stock("shop", "A"));

        ReturnView ret = returns.returnLines(order.id(),
                request(null, back(order, "A", "2"), back(order, "B", "1")));

        assertEquals("R-shop-000001", ret.number());
        assertEquals("shop", ret.storeId());
        assertEquals(order.id(), ret.orderId());
        assertEquals(order.orderNumber(), ret.orderNumber());
        assertEquals(order.total(), ret.refundTotal());
        assertEquals(order.taxTotal(), ret.taxTotal());
        assertEquals(order.taxes(), ret.taxes(), "the refunded tax per rate is the order's, to the cent");
        assertEquals(2, ret.lines().size());
        assertEquals(eur("5.98"), ret.lines().get(0).refund());
        assertEquals(line(order, "A").tax(), ret.lines().get(0).tax());
        assertEquals(1, ret.refunds().size());
        RefundView refund = ret.refunds().get(0);
        assertEquals("card", refund.method());
        assertEquals(TenderStatus.REFUNDED, refund.status());
        assertEquals(order.total(), refund.amount());
        assertEquals(order.payments().get(0).id(), refund.originalTenderId());
        assertEquals("Refunded by card.", refund.note());
        assertEquals("refund-" + refund.id(), refund.reference());
        assertEquals(List.of("order.refund"), audited.stream().map(org.omnitill.api.audit.AuditEvent::action).toList());
        assertEquals("carol", audited.get(0).approver());
        assertEquals("bob", ret.processedBy());
        assertEquals("carol", ret.approvedBy());
        assertEquals("damaged", ret.reason());
        assertEquals(CLOCK.instant(), ret.createdAt());

        assertQuantity("50", stock("shop", "A"));
        assertQuantity("10", stock("shop", "B"));
        List<StockMovementEntity> movements = db.tx().required(em -> em.createQuery(
                "SELECT m FROM StockMovementEntity m WHERE m.reason = 'return' ORDER BY m.sku",
                StockMovementEntity.class).getResultList());
        assertEquals(2, movements.size());
        assertEquals(ret.id(), movements.get(0).reference);
        List<OutboxEventEntity> events = db.tx().required(em -> em.createQuery(
                "SELECT e FROM OutboxEventEntity e WHERE e.eventType = 'order.returned'", OutboxEventEntity.class)
                .getResultList());
        assertEquals(1, events.size());
        assertEquals(ret.id(), events.get(0).aggregateId);
        assertEquals("shop", events.get(0).storeId);

        assertEquals(ret, returns.returnById(ret.id()));
        assertEquals(List.of(ret), returns.returnsOf(order.id()));
        assertError(ErrorKind.CONFLICT, "return_exceeds_sold",
                () -> returns.returnLines(order.id(), request(null, back(order, "B", "1"))));
    }

    @Test
    void threePartialReturnsOfALineRefundExactlyWhatWasPaidForIt() {
        // prices without tax: the line was paid 9.99 + 2.00 tax = 11.99, which three does not divide
        OrderView order = order("net", "C", 3);
        assertEquals(eur("11.99"), order.total());
        List<ReturnView> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            done.add(returns.returnLines(order.id(), request(null, back(order, "C", "1"))));
        }
        assertEquals(List.of(eur("4.00"), eur("3.99"), eur("4.00")),
                done.stream().map(ReturnView::refundTotal).toList());
        assertEquals(List.of(eur("0.67"), eur("0.66"), eur("0.67")),
                done.stream().map(ReturnView::taxTotal).toList());
        assertEquals(order.total(), done.stream().map(ReturnView::refundTotal).reduce(Money::plus).orElseThrow());
        Money taxRefunded = done.stream().flatMap(r -> r.taxes().stream()).map(TaxBreakdown::tax)
                .reduce(Money::plus).orElseThrow();
        assertEquals(order.taxes().get(0).tax(), taxRefunded);
        Money cardRefunded = done.stream().flatMap(r -> r.refunds().stream()).map(RefundView::amount)
                .reduce(Money::plus).orElseThrow();
        assertEquals(order.paid(), cardRefunded);
        assertEquals(List.of("R-net-000001", "R-net-000002", "R-net-000003"),
                returns.returnsOf(order.id()).stream().map(ReturnView::number).toList());
        assertQuantity("10", stock("net", "C"));
        assertError(ErrorKind.CONFLICT, "return_exceeds_sold",
                () -> returns.returnLines(order.id(), request(null, back(order, "C", "1"))));
    }

    @Test
    void weighedGoodsComeBackInGramsAndTheLastReturnTakesTheRest() {
        OrderView order = order("shop", "W", "1.235");
        Money paid = order.total();
        ReturnView first = returns.returnLines(order.id(), request(null, back(order, "W", "0.5")));
        ReturnView rest = returns.returnLines(order.id(), request(null, back(order, "W", "0.735")));
        assertEquals(paid, first.refundTotal().plus(rest.refundTotal()));
        assertEquals(new BigDecimal("0.5"), first.lines().get(0).quantity());
        OrderView another = order("shop", "W", "1");
        assertError(ErrorKind.INVALID, "invalid_quantity", () -> returns.returnLines(another.id(),
                request(null, back(another, "W", "0.0001"))));
    }

    @Test
    void refundsGoBackToTheOriginalTendersInProportionAndAddUpPerTender() {
        String cartId = carts.create("shop", "register", "R1", "alice").id();
        carts.addLine(cartId, new LineInput("A", null, new BigDecimal("2")));
        carts.addLine(cartId, new LineInput("B", null, BigDecimal.ONE));
        Money due = carts.pay(cartId, "cash", eur("5.00")).cart().due();
        carts.pay(cartId, "card", due);
        OrderView order = orders.checkout(cartId, "alice");
        assertEquals(2, order.payments().size());

        ReturnView first = returns.returnLines(order.id(), request(null, back(order, "A", "1")));
        ReturnView second = returns.returnLines(order.id(), request(null, back(order, "A", "1"), back(order, "B", "1")));

        Map<String, Money> refundedPerTender = new HashMap<>();
        for (ReturnView r : List.of(first, second)) {
            assertEquals(r.refundTotal(), r.refunds().stream().map(RefundView::amount).reduce(Money::plus).orElseThrow());
            r.refunds().forEach(f -> refundedPerTender.merge(f.originalTenderId(), f.amount(), Money::plus));
        }
        for (TenderView tender : order.payments()) {
            assertEquals(tender.amount(), refundedPerTender.get(tender.id()), tender.method());
        }
        RefundView cash = first.refunds().stream().filter(f -> f.method().equals("cash")).findFirst().orElseThrow();
        assertEquals(eur("0.94"), cash.amount(), "2.99 x 5.00 / 15.98");
        assertTrue(cash.note().contains("cash"), cash.note());
        assertTrue(first.receipt().contains("Cash"), first.receipt());
    }

    @Test
    void anOverReturnIsRefusedAndChangesNothing() {
        OrderView order = order("shop", "A", 2, "B", 1);
        returns.returnLines(order.id(), request(null, back(order, "A", "1")));

        // the first line would fit, the second does not: neither comes back
        assertError(ErrorKind.CONFLICT, "return_exceeds_sold", () -> returns.returnLines(order.id(),
                request(null, back(order, "B", "1"), back(order, "A", "2"))));
        // the same line twice counts with the sum
        assertError(ErrorKind.CONFLICT, "return_exceeds_sold", () -> returns.returnLines(order.id(),
                request(null, back(order, "A", "1"), back(order, "A", "1"))));

        assertQuantity("49", stock("shop", "A"));
        assertQuantity("9", stock("shop", "B"));
        assertEquals(1, returns.returnsOf(order.id()).size());
        assertEquals(1, count("SELECT COUNT(r) FROM RefundEntity r"));
        assertEquals(1, count("SELECT COUNT(e) FROM OutboxEventEntity e WHERE e.eventType = 'order.returned'"));
        assertEquals("R-shop-000002",
                returns.returnLines(order.id(), request(null, back(order, "A", "1"), back(order, "B", "1"))).number());
    }

    @Test
    void twoSimultaneousReturnsOfTheLastUnitCannotBothPass() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                OrderView order = order("shop", "A", 2);
                returns.returnLines(order.id(), request(null, back(order, "A", "1")));
                BigDecimal stockBefore = stock("shop", "A");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            return returns.returnLines(order.id(), request(null, back(order, "A", "1"))).number();
                        } catch (OmnitillException e) {
                            return e.code();
                        }
                    }));
                }
                start.countDown();
                Set<String> outcomes = new TreeSet<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                }
                assertEquals(2, outcomes.size(), outcomes.toString());
                assertTrue(outcomes.contains("return_exceeds_sold"), outcomes.toString());
                assertEquals(2, returns.returnsOf(order.id()).size());
                assertEquals(line(order, "A").lineTotal(), returns.returnsOf(order.id()).stream()
                        .map(ReturnView::refundTotal).reduce(Money::plus).orElseThrow());
                assertQuantity(stockBefore.add(BigDecimal.ONE).toPlainString(), stock("shop", "A"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void firstReturnsOfDifferentOrdersAtANewStoreGetDistinctNumbers() throws Exception {
        List<OrderView> sold = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sold.add(order("shop", "A", 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (OrderView order : sold) {
                results.add(pool.submit(() -> {
                    start.await();
                    return returns.returnLines(order.id(), request("other", back(order, "A", "1"))).number();
                }));
            }
            start.countDown();
            Set<String> numbers = new TreeSet<>();
            for (Future<String> f : results) {
                numbers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(Set.of("R-other-000001", "R-other-000002", "R-other-000003", "R-other-000004"), numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void goodsComeBackIntoStockAtTheChosenStore() {
        OrderView order = order("shop", "A", 2);
        assertQuantity("0", stock("other", "A"));
        ReturnView ret = returns.returnLines(order.id(), request("other", back(order, "A", "2")));
        assertEquals("R-other-000001", ret.number());
        assertEquals("other", ret.storeId());
        assertQuantity("2", stock("other", "A"));
        assertQuantity("48", stock("shop", "A"));
        assertTrue(ret.receipt().contains("Sold at"), ret.receipt());
        assertEquals(1, count("SELECT COUNT(e) FROM OutboxEventEntity e WHERE e.eventType = 'order.returned'"
                + " AND e.storeId = 'other'"));
        // the order's store keeps its own, independent return numbers
        OrderView again = order("shop", "A", 1);
        assertEquals("R-shop-000001", returns.returnLines(again.id(), request(null, back(again, "A", "1"))).number());
    }

    @Test
    void taxIsRefundedPerRateFromTheOrderEvenWhenTheRulesChanged() {
        OrderView order = order("shop", "A", 3);
        OrderView us = order("us", "M", 2, "N", 1);
        OrderView euros = order("shop", "A", 1);
        // today's rules and prices are gone: a return must not need them
        carts.removeTaxRule(vat);
        carts.removeTaxRule(salesTax);
        db.tx().required(em -> em.createQuery("DELETE FROM PriceEntity p").executeUpdate());

        ReturnView ret = returns.returnLines(order.id(), request(null, back(order, "A", "3")));
        assertEquals(order.taxes(), ret.taxes());
        assertEquals(order.total(), ret.refundTotal());

        // several rates on one line: the order keeps only the line's total, spread per rate as the order carried it
        assertEquals(2, us.taxes().size());
        assertNull(line(us, "M").taxCode());
        ReturnView all = returns.returnLines(us.id(), request(null, back(us, "M", "2"), back(us, "N", "1")));
        assertEquals(us.taxes(), all.taxes());
        assertEquals(us.total(), all.refundTotal());
        assertEquals("R-us-000001", all.number());

        assertError(ErrorKind.UNPROCESSABLE, "currency_mismatch",
                () -> returns.returnLines(euros.id(), request("us", back(euros, "A", "1"))));
    }

    @Test
    void theReturnReceiptShowsNegativeLinesTaxesRefundsAndStaffAndPrintsAfterCommit() throws Exception {
        BlockingQueue<Receipt> printed = new LinkedBlockingQueue<>();
        OrderView order = order("shop", "A", 2, "B", 1);
        // one printer whiteboard for sales and returns: attached after the sale, it gets only the return
        printing.addPrinter(printed::add, Map.of(PluginProperties.STORES, "shop"));
        ReturnView ret = returns.returnLines(order.id(), request(null, back(order, "A", "1"), back(order, "B", "1")));
        String text = ret.receipt();
        for (String expected : List.of("RETURN", "Return R-shop-000001", "Order shop-000001", "Article A",
                "  -1 x 2.99", "-2.99 A", "-10.00 A", "REFUND EUR", "-12.99", "Card", "A 20%", "-2.17",
                "Prices include tax.", "Processed by", "bob", "Approved by", "carol", "Reason: damaged",
                "2026-12-04 10:15")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
        }
        text.lines().forEach(l -> assertTrue(l.length() <= ReceiptLayout.WIDTH, "too wide: '" + l + "'"));
        assertEquals(text, returns.returnById(ret.id()).receipt());

        Receipt receipt = printed.poll(10, TimeUnit.SECONDS);
        assertNotNull(receipt);
        assertEquals(text, receipt.text());
        assertEquals("R-shop-000001", receipt.order().orderNumber(), "filed under the return's number");
        assertEquals(ret.refundTotal().negate(), receipt.order().total());

        // nothing prints for a return that failed
        assertError(ErrorKind.CONFLICT, "return_exceeds_sold",
                () -> returns.returnLines(order.id(), request(null, back(order, "B", "1"))));
        assertNull(printed.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void unknownOrdersLinesStoresAndMalformedRequestsAreRefused() {
        OrderView order = order("shop", "A", 2);
        assertError(ErrorKind.NOT_FOUND, "order_not_found",
                () -> returns.returnLines("nope", request(null, back(order, "A", "1"))));
        assertError(ErrorKind.NOT_FOUND, "order_not_found", () -> returns.returnLines(null, request(null,
                back(order, "A", "1"))));
        assertError(ErrorKind.NOT_FOUND, "line_not_found", () -> returns.returnLines(order.id(),
                request(null, new ReturnLineRequest("nope", BigDecimal.ONE))));
        OrderView another = order("shop", "B", 1);
        assertError(ErrorKind.NOT_FOUND, "line_not_found", () -> returns.returnLines(order.id(),
                request(null, back(another, "B", "1"))));
        assertError(ErrorKind.NOT_FOUND, "store_not_found",
                () -> returns.returnLines(order.id(), request("nowhere", back(order, "A", "1"))));
        assertError(ErrorKind.INVALID, "invalid_quantity",
                () -> returns.returnLines(order.id(), request(null, back(order, "A", "0"))));
        assertError(ErrorKind.INVALID, "invalid_quantity",
                () -> returns.returnLines(order.id(), request(null, back(order, "A", "-1"))));
        assertError(ErrorKind.INVALID, "invalid_quantity",
                () -> returns.returnLines(order.id(), request(null, back(order, "A", "0.5"))));
        assertError(ErrorKind.INVALID, "return_lines_required",
                () -> returns.returnLines(order.id(), request(null)));
        assertError(ErrorKind.INVALID, "return_lines_required", () -> returns.returnLines(order.id(), null));
        assertError(ErrorKind.INVALID, "return_lines_required", () -> returns.returnLines(order.id(),
                new ReturnRequest(java.util.Arrays.asList(back(order, "A", "1"), null), "x", null, "bob", null)));
        assertError(ErrorKind.INVALID, "reason_too_long", () -> returns.returnLines(order.id(),
                new ReturnRequest(List.of(back(order, "A", "1")), "x".repeat(256), null, "bob", null)));
        assertError(ErrorKind.INVALID, "reason_required", () -> returns.returnLines(order.id(),
                new ReturnRequest(List.of(back(order, "A", "1")), " ", null, "bob", null)));
        assertError(ErrorKind.NOT_FOUND, "return_not_found", () -> returns.returnById("nope"));
        assertError(ErrorKind.NOT_FOUND, "order_not_found", () -> returns.returnsOf("nope"));
        assertEquals(List.of(), returns.returnsOf(order.id()));
        assertQuantity("48", stock("shop", "A"));
    }

    @Test
    void aFailureMidwayLeavesNoHalfWrittenReturn() {
        InventoryService failsOnB = new InventoryService() {
            @Override
            public List<StockLevel> levels(String sku) {
                return inventory.levels(sku);
            }

            @Override
            public void remove(String locationId, String sku, BigDecimal quantity, String reason, String reference) {
                inventory.remove(locationId, sku, quantity, reason, reference);
            }

            @Override
            public void add(String locationId, String sku, BigDecimal quantity, String reason, String reference) {
                if (sku.equals("B")) {
                    throw new IllegalStateException("stock store is down");
                }
                inventory.add(locationId, sku, quantity, reason, reference);
            }

            @Override
            public org.omnitill.api.catalog.Page<org.omnitill.api.inventory.LocationStock> stockAt(String locationId,
                    String text, BigDecimal maxAvailable, int offset, int limit) {
                return inventory.stockAt(locationId, text, maxAvailable, offset, limit);
            }

            @Override
            public Map<String, BigDecimal> onHand(java.util.Collection<String> locationIds,
                    java.util.Collection<String> skus) {
                return inventory.onHand(locationIds, skus);
            }
        };
        ReturnServiceImpl failing = new ReturnServiceImpl(db.tx(), failsOnB, stores, () -> "node-1", printing,
                audit, CLOCK);
        OrderView order = order("shop", "A", 2, "B", 1);
        ReturnRequest all = request(null, back(order, "A", "2"), back(order, "B", "1"));
        assertThrows(IllegalStateException.class, () -> failing.returnLines(order.id(), all));

        assertQuantity("48", stock("shop", "A"));
        assertQuantity("9", stock("shop", "B"));
        assertEquals(List.of(), returns.returnsOf(order.id()));
        assertEquals(0, count("SELECT COUNT(r) FROM OrderReturnEntity r"));
        assertEquals(0, count("SELECT COUNT(l) FROM OrderReturnLineEntity l"));
        assertEquals(0, count("SELECT COUNT(t) FROM OrderReturnTaxEntity t"));
        assertEquals(0, count("SELECT COUNT(r) FROM RefundEntity r"));
        assertEquals(0, count("SELECT COUNT(s) FROM ReturnSequenceEntity s"));
        assertEquals(0, count("SELECT COUNT(m) FROM StockMovementEntity m WHERE m.reason = 'return'"));
        assertEquals(0, count("SELECT COUNT(e) FROM OutboxEventEntity e WHERE e.eventType = 'order.returned'"));

        ReturnView ret = returns.returnLines(order.id(), all);
        assertEquals("R-shop-000001", ret.number());
        assertEquals(order.total(), ret.refundTotal());
    }

    @Test
    void allocationIsProportionalExactAndNeverAboveAWeight() {
        List<Money> parts = ReturnServiceImpl.allocate(eur("0.10"), List.of(eur("0.01"), eur("0.01"), eur("0.01")));
        assertEquals(List.of(eur("0.04"), eur("0.03"), eur("0.03")), parts);
        assertEquals(List.of(eur("1.00"), eur("2.00")), ReturnServiceImpl.allocate(eur("3.00"),
                List.of(eur("1.00"), eur("2.00"))));
        assertEquals(List.of(eur("0.94"), eur("2.05")), ReturnServiceImpl.allocate(eur("2.99"),
                List.of(eur("5.00"), eur("10.98"))));
        assertEquals(eur("3.33"), ReturnServiceImpl.share(eur("9.99"), BigDecimal.ONE, new BigDecimal("3")));
        assertEquals(eur("9.99"), ReturnServiceImpl.share(eur("9.99"), new BigDecimal("3.000"), new BigDecimal("3")));
    }

    @Test
    void aRefundTheProviderRefusesFailsAndCanBePaidInCashWithApproval() {
        returns.removePaymentMethod(returns.methodFor("card"));
        returns.addPaymentMethod(new org.omnitill.api.payment.PaymentMethod() {
            @Override
            public org.omnitill.api.payment.PaymentResult pay(org.omnitill.api.payment.PaymentRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.omnitill.api.payment.RefundResult refund(org.omnitill.api.payment.RefundRequest request) {
                return org.omnitill.api.payment.RefundResult.failed(request.amount(), "card expired");
            }
        }, Map.of(PluginProperties.ID, "card", "service.id", 9L));
        OrderView order = order("shop", "A", 2, "B", 1);
        ReturnView ret = returns.returnLines(order.id(), request(null, back(order, "A", "1")));
        RefundView failed = ret.refunds().get(0);
        assertEquals(TenderStatus.FAILED, failed.status());
        assertTrue(failed.note().contains("card expired"), failed.note());

        ReturnView paid = returns.refundInCash(ret.id(), failed.id(), "bob", "mia");
        assertEquals(2, paid.refunds().size());
        RefundView cash = paid.refunds().get(1);
        assertEquals("cash", cash.method());
        assertEquals(TenderStatus.REFUNDED, cash.status());
        assertEquals(failed.amount(), cash.amount());
        assertEquals("order.refund.cash-fallback", audited.get(audited.size() - 1).action());
        assertEquals("mia", audited.get(audited.size() - 1).approver());
        OmnitillException again = assertThrows(OmnitillException.class,
                () -> returns.refundInCash(ret.id(), cash.id(), "bob", "mia"));
        assertEquals("refund_not_failed", again.code());
        int auditedBefore = audited.size();
        OmnitillException twice = assertThrows(OmnitillException.class,
                () -> returns.refundInCash(ret.id(), failed.id(), "bob", "mia"));
        assertEquals("refund_already_paid_in_cash", twice.code(), "the failed refund is paid out once, not per call");
        assertEquals(2, returns.returnsOf(order.id()).get(0).refunds().size());
        assertEquals(auditedBefore, audited.size());
        // the rest of the line can still come back, through the card
        returns.removePaymentMethod(returns.methodFor("card"));
        returns.addPaymentMethod(new ExactPayment(), Map.of(PluginProperties.ID, "card", "service.id", 10L));
        ReturnView rest = returns.returnLines(order.id(), request(null, back(order, "A", "1"), back(order, "B", "1")));
        assertEquals(TenderStatus.REFUNDED, rest.refunds().get(0).status());
    }

    @Test
    void withoutItsPluginARefundWaitsAndIsMadeOnceThePluginIsBack() {
        org.omnitill.api.payment.PaymentMethod card = returns.methodFor("card");
        returns.removePaymentMethod(card);
        OrderView order = order("shop", "A", 2, "B", 1);
        ReturnView ret = returns.returnLines(order.id(), request(null, back(order, "B", "1")));
        assertEquals(TenderStatus.PENDING, ret.refunds().get(0).status());
        assertTrue(ret.refunds().get(0).note().contains("not installed"), ret.refunds().get(0).note());

        returns.addPaymentMethod(card, Map.of(PluginProperties.ID, "card", "service.id", 11L));
        returns.executeRefunds(ret.id());
        assertEquals(TenderStatus.REFUNDED, returns.returnById(ret.id()).refunds().get(0).status());
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstReturn() {
        OrderView order = order("shop", "A", 2, "B", 1);
        ReturnRequest once = new ReturnRequest(List.of(back(order, "A", "1")), "damaged", null, "bob", "carol", "key-1");
        ReturnView first = returns.returnLines(order.id(), once);
        ReturnView again = returns.returnLines(order.id(), once);
        assertEquals(first.id(), again.id());
        assertEquals(1, returns.returnsOf(order.id()).size());
        assertQuantity("49", stock("shop", "A"));
    }
}
