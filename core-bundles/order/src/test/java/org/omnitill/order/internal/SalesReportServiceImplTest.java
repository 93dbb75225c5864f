package org.omnitill.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.report.CurrencySales;
import org.omnitill.api.report.CurrencySales.ChannelSales;
import org.omnitill.api.report.CurrencySales.HourSales;
import org.omnitill.api.report.CurrencySales.Margin;
import org.omnitill.api.report.CurrencySales.ProductSales;
import org.omnitill.api.report.CurrencySales.SellThrough;
import org.omnitill.api.report.CurrencySales.StoreSales;
import org.omnitill.api.report.SalesReport;
import org.omnitill.api.store.LocationType;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.inventory.internal.JpaInventoryService;
import org.omnitill.persistence.model.OrderEntity;
import org.omnitill.persistence.model.OrderLineEntity;
import org.omnitill.persistence.model.OrderReturnEntity;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;

/**
 * The report's figures against orders written with known amounts: three currencies, stores in
 * Berlin (UTC+1 in December), Austin (UTC-6) and Kolkata (UTC+5:30) and one without a zone (UTC),
 * orders just inside and just outside the local day, refunds, and articles without a cost.
 */
class SalesReportServiceImplTest {

    static final LocalDate DAY = LocalDate.parse("2026-12-05");
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

    private final TestDatabase db = new TestDatabase();
    private final JpaStoreService stores = new JpaStoreService(db.tx());
    private final JpaCatalogService catalog = new JpaCatalogService(db.tx());
    private final JpaInventoryService inventory = new JpaInventoryService(db.tx(), () -> "node-1");
    private final SalesReportServiceImpl reports = new SalesReportServiceImpl(db.tx(), stores, catalog, inventory, NOW,
            SalesReportServiceImpl.BATCH);
    private final AtomicInteger numbers = new AtomicInteger();

    @BeforeEach
    void seed() {
        db.tx().required(em -> {
            Fixtures.store(em, "berlin", LocationType.STORE, "DE", "EUR", true, "Europe/Berlin");
            Fixtures.store(em, "utc-shop", LocationType.STORE, "XX", "EUR", true);
            Fixtures.store(em, "austin", LocationType.STORE, "US", "USD", false, "America/Chicago");
            Fixtures.store(em, "kolkata", LocationType.STORE, "IN", "INR", true, "Asia/Kolkata");
            Fixtures.store(em, "wh", LocationType.WAREHOUSE, "DE", "EUR", true, "Europe/Berlin");
            Fixtures.product(em, "A", "Article A", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "B", "Article B", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "C", "Article C", null, "standard", UnitOfMeasure.EACH);
            Fixtures.product(em, "D", "Rice (per kg)", null, "standard", UnitOfMeasure.KILOGRAM);
            Fixtures.price(em, "A", "berlin", "5.95", "EUR", "2.50");
            Fixtures.price(em, "B", "berlin", "23.80", "EUR", null); // no cost: left out of the margin
            Fixtures.price(em, "A", "utc-shop", "5.00", "EUR", "2.00");
            Fixtures.price(em, "C", "austin", "10.00", "USD", "4.00");
            Fixtures.price(em, "D", "kolkata", "200", "INR", "150");
            Fixtures.stock(em, "berlin", "A", "17");
            Fixtures.stock(em, "berlin", "B", "3");
            Fixtures.stock(em, "wh", "A", "500"); // a warehouse is not a store: not in the sell-through
            Fixtures.stock(em, "austin", "C", "7");
            Fixtures.stock(em, "kolkata", "D", "9.500");

            // Berlin: 00:30 local on the 5th (23:30 UTC on the 4th) and 23:59 local; midnight after is the 6th
            order(em, "berlin", "register", "2026-12-04T23:30:00Z", "EUR", true, line("A", "2", "11.90", "1.90"));
            order(em, "berlin", "webshop", "2026-12-05T22:59:00Z", "EUR", true, line("B", "1", "23.80", "3.80"));
            order(em, "berlin", "register", "2026-12-05T23:00:00Z", "EUR", true, line("A", "1", "5.95", "0.95"));
            // no zone: the UTC day
            order(em, "utc-shop", "register", "2026-12-05T00:10:00Z", "EUR", true, line("A", "1", "5.00", "0.80"));
            order(em, "utc-shop", "register", "2026-12-04T23:59:00Z", "EUR", true, line("A", "1", "5.00", "0.80"));
            // Austin: 23:30 local on the 5th is the 6th in UTC; 23:59 local on the 4th is the 5th in UTC
            order(em, "austin", "register", "2026-12-06T05:30:00Z", "USD", false, line("C", "3", "30.00", "2.48"));
            order(em, "austin", "register", "2026-12-05T05:59:00Z", "USD", false, line("C", "1", "10.00", "0.83"));
            // Kolkata (UTC+5:30): local midnight is 18:30 UTC the day before; half a kilo weighed
            order(em, "kolkata", "register", "2026-12-04T18:30:00Z", "INR", true,
                    weighed(line("D", "0.500", "100", "5")));
            order(em, "kolkata", "register", "2026-12-04T18:29:59Z", "INR", true,
                    weighed(line("D", "0.500", "100", "5")));

            // refunds count on the day of the return, at the store that took it back, in its local day
            refund(em, "berlin", "2026-12-05T10:00:00Z", "EUR", "5.95");
            refund(em, "berlin", "2026-12-05T23:30:00Z", "EUR", "100.00");
            refund(em, "austin", "2026-12-06T03:00:00Z", "USD", "10.83");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** An order line as stored: article, quantity, line total and the tax in (or on) it. */
    private static OrderLineEntity line(String sku, String quantity, String lineTotal, String tax) {
        OrderLineEntity l = new OrderLineEntity();
        l.id = UUID.randomUUID().toString();
        l.sku = sku;
        l.name = "Article " + sku;
        l.quantity = new BigDecimal(quantity);
        l.unit = UnitOfMeasure.EACH;
        l.lineTotal = new BigDecimal(lineTotal);
        l.unitPrice = l.lineTotal.divide(l.quantity, 4, java.math.RoundingMode.HALF_UP);
        l.tax = new BigDecimal(tax);
        l.taxCategory = "standard";
        return l;
    }

    private static OrderLineEntity weighed(OrderLineEntity line) {
        line.unit = UnitOfMeasure.KILOGRAM;
        line.name = "Rice (per kg)";
        return line;
    }

    /** An order as checkout stores it: totals from its lines (gross where prices include tax). */
    private OrderEntity order(EntityManager em, String storeId, String channel, String placedAt, String currency,
            boolean pricesIncludeTax, OrderLineEntity... lines) {
        OrderEntity o = new OrderEntity();
        o.id = UUID.randomUUID().toString();
        o.orderNumber = storeId + "-" + String.format("%06d", numbers.incrementAndGet());
        o.storeId = storeId;
        o.channel = channel;
        o.registerId = "R1";
        o.cartId = UUID.randomUUID().toString();
        o.cashier = "alice";
        o.nodeId = "node-1";
        o.placedAt = Instant.parse(placedAt);
        o.currency = currency;
        o.pricesIncludeTax = pricesIncludeTax;
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        int lineNo = 1;
        for (OrderLineEntity l : lines) {
            l.order = o;
            l.lineNo = lineNo++;
            l.fulfilledFrom = storeId;
            subtotal = subtotal.add(l.lineTotal);
            tax = tax.add(l.tax);
            o.lines.add(l);
        }
        o.subtotal = subtotal;
        o.taxTotal = tax;
        o.total = pricesIncludeTax ? subtotal : subtotal.add(tax);
        o.rounding = BigDecimal.ZERO;
        o.paid = o.total;
        o.changeGiven = BigDecimal.ZERO;
        o.receiptText = "receipt";
        em.persist(o);
        return o;
    }

    private void refund(EntityManager em, String storeId, String createdAt, String currency, String amount) {
        OrderReturnEntity r = new OrderReturnEntity();
        r.id = UUID.randomUUID().toString();
        r.returnNumber = "R-" + storeId + "-" + numbers.incrementAndGet();
        r.storeId = storeId;
        r.orderId = UUID.randomUUID().toString(); // an order from before the period
        r.orderSequence = 1;
        r.orderNumber = storeId + "-000000";
        r.currency = currency;
        r.reason = "faulty";
        r.nodeId = "node-1";
        r.createdAt = Instant.parse(createdAt);
        r.refundTotal = new BigDecimal(amount);
        r.taxTotal = BigDecimal.ZERO;
        r.receiptText = "return receipt";
        em.persist(r);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Money inr(String amount) {
        return Money.of(amount, "INR");
    }

    private static CurrencySales block(SalesReport report, String currency) {
        return report.currencies().stream().filter(c -> c.currency().getCurrencyCode().equals(currency)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + currency + " in " + report));
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual, "expected " + expected + ", was " + actual);
    }

    private static HourSales hour(CurrencySales sales, int hour) {
        return sales.byHour().get(hour);
    }

    @Test
    void sumsEachCurrencyApartOverEachStoresLocalDay() {
        SalesReport report = reports.sales(DAY, DAY, null);
        assertEquals(DAY, report.from());
        assertEquals(DAY, report.to());
        assertNull(report.storeId());
        assertEquals(NOW.instant(), report.generatedAt());
        assertEquals(List.of("EUR", "INR", "USD"),
                report.currencies().stream().map(c -> c.currency().getCurrencyCode()).toList());

        CurrencySales eur = block(report, "EUR");
        assertEquals(3, eur.orders());
        assertDecimal("4", eur.units());
        assertEquals(eur("40.70"), eur.grossSales());
        assertEquals(eur("6.50"), eur.taxTotal());
        assertEquals(eur("34.20"), eur.netSales());
        assertEquals(eur("5.95"), eur.refunds());
        assertEquals(eur("13.57"), eur.averageOrder()); // 40.70 / 3 = 13.5666…
        assertEquals(24, eur.byHour().size());
        assertEquals(new HourSales(0, 2, eur("14.20")), hour(eur, 0)); // Berlin 00:30 and UTC 00:10
        assertEquals(new HourSales(23, 1, eur("20.00")), hour(eur, 23));
        assertEquals(new HourSales(12, 0, eur("0.00")), hour(eur, 12));
        assertEquals(List.of(new StoreSales("berlin", "Store berlin", 2, eur("30.00")),
                new StoreSales("utc-shop", "Store utc-shop", 1, eur("4.20"))), eur.byStore());
        assertEquals(List.of(new ChannelSales("webshop", 1, eur("20.00")), new ChannelSales("register", 2, eur("14.20"))),
                eur.byChannel());
        assertEquals(List.of(new ProductSales("B", "Article B", new BigDecimal("1"), eur("20.00")),
                new ProductSales("A", "Article A", new BigDecimal("3"), eur("14.20"))), eur.topProducts());
        // stock at the EUR stores only (Berlin 17 + UTC shop none; the warehouse's 500 do not count)
        assertEquals(List.of(new SellThrough("A", "Article A", new BigDecimal("3"), new BigDecimal("17"),
                new BigDecimal("15.0")), new SellThrough("B", "Article B", new BigDecimal("1"), new BigDecimal("3"),
                new BigDecimal("25.0"))), eur.sellThrough());
        // A has costs (2 x 2.50 in Berlin, 1 x 2.00 at the UTC shop), B has none
        assertEquals(new Margin(eur("14.20"), eur("7.00"), eur("7.20"), new BigDecimal("50.7"), new BigDecimal("41.5")),
                eur.margin());

        CurrencySales usd = block(report, "USD");
        assertEquals(1, usd.orders());
        assertDecimal("3", usd.units());
        assertEquals(usd("32.48"), usd.grossSales());
        assertEquals(usd("2.48"), usd.taxTotal());
        assertEquals(usd("30.00"), usd.netSales()); // prices exclude tax: the line total is net
        assertEquals(usd("10.83"), usd.refunds()); // 03:00 UTC on the 6th is 21:00 on the 5th in Austin
        assertEquals(usd("32.48"), usd.averageOrder());
        assertEquals(new HourSales(23, 1, usd("30.00")), hour(usd, 23));
        assertEquals(List.of(new StoreSales("austin", "Store austin", 1, usd("30.00"))), usd.byStore());
        assertEquals(List.of(new SellThrough("C", "Article C", new BigDecimal("3"), new BigDecimal("7"),
                new BigDecimal("30.0"))), usd.sellThrough());
        assertEquals(new Margin(usd("30.00"), usd("12.00"), usd("18.00"), new BigDecimal("60.0"), new BigDecimal("100.0")),
                usd.margin());

        CurrencySales inr = block(report, "INR");
        assertEquals(1, inr.orders());
        assertDecimal("1", inr.units()); // one weighed line is one item
        assertEquals(inr("100"), inr.grossSales());
        assertEquals(inr("95"), inr.netSales());
        assertEquals(inr("0"), inr.refunds());
        assertEquals(new HourSales(0, 1, inr("95")), hour(inr, 0));
        assertEquals(List.of(new ProductSales("D", "Rice (per kg)", new BigDecimal("0.5"), inr("95"))), inr.topProducts());
        assertEquals(List.of(new SellThrough("D", "Rice (per kg)", new BigDecimal("0.5"), new BigDecimal("9.5"),
                new BigDecimal("5.0"))), inr.sellThrough());
        // 150 a kilo x 0.5 kg = 75; 20 / 95 = 21.05 %
        assertEquals(new Margin(inr("95"), inr("75"), inr("20"), new BigDecimal("21.1"), new BigDecimal("100.0")),
                inr.margin());
    }

    @Test
    void aStoreReportHasThatStoreOnly() {
        SalesReport report = reports.sales(DAY, DAY, "berlin");
        assertEquals("berlin", report.storeId());
        assertEquals(List.of("EUR"), report.currencies().stream().map(c -> c.currency().getCurrencyCode()).toList());
        CurrencySales eur = report.currencies().get(0);
        assertEquals(2, eur.orders());
        assertEquals(eur("35.70"), eur.grossSales());
        assertEquals(eur("30.00"), eur.netSales());
        assertEquals(eur("5.95"), eur.refunds());
        assertEquals(List.of(new StoreSales("berlin", "Store berlin", 2, eur("30.00"))), eur.byStore());
        assertEquals(new Margin(eur("10.00"), eur("5.00"), eur("5.00"), new BigDecimal("50.0"), new BigDecimal("33.3")),
                eur.margin());
    }

    @Test
    void aPeriodOfSeveralDaysTakesEveryLocalDayInIt() {
        CurrencySales eur = block(reports.sales(DAY.minusDays(1), DAY.plusDays(1), null), "EUR");
        assertEquals(5, eur.orders());
        assertEquals(eur("51.65"), eur.grossSales());
        assertEquals(eur("105.95"), eur.refunds());
        CurrencySales inr = block(reports.sales(DAY.minusDays(1), DAY, null), "INR");
        assertEquals(2, inr.orders());
        assertDecimal("2", inr.units());
    }

    @Test
    void aDayWithoutSalesHasZerosForTheStoresCurrencies() {
        SalesReport quiet = reports.sales(DAY.plusDays(10), DAY.plusDays(10), null);
        assertEquals(List.of("EUR", "INR", "USD"),
                quiet.currencies().stream().map(c -> c.currency().getCurrencyCode()).toList());
        CurrencySales eur = block(quiet, "EUR");
        assertEquals(0, eur.orders());
        assertEquals(eur("0.00"), eur.averageOrder());
        assertEquals(List.of(new StoreSales("berlin", "Store berlin", 0, eur("0.00")),
                new StoreSales("utc-shop", "Store utc-shop", 0, eur("0.00"))), eur.byStore());
        assertEquals(List.of(), eur.topProducts());
        assertEquals(new Margin(eur("0.00"), eur("0.00"), eur("0.00"), null, new BigDecimal("0.0")), eur.margin());
        assertEquals(24, eur.byHour().size());
    }

    @Test
    void readsOrdersInBatchesWithoutLosingOrRepeatingAny() {
        SalesReportServiceImpl smallBatches = new SalesReportServiceImpl(db.tx(), stores, catalog, inventory, NOW, 2);
        db.tx().required(em -> {
            // four orders at the same instant: the batches must page past ties
            for (int i = 0; i < 4; i++) {
                order(em, "utc-shop", "register", "2026-12-05T08:00:00Z", "EUR", true, line("A", "1", "5.00", "0.80"));
            }
            return null;
        });
        assertEquals(reports.sales(DAY, DAY, null), smallBatches.sales(DAY, DAY, null));
        assertEquals(7, block(smallBatches.sales(DAY, DAY, null), "EUR").orders());
    }

    @Test
    void datesDefaultToTodayInTheStoresZone() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC);
        SalesReportServiceImpl late = new SalesReportServiceImpl(db.tx(), stores, catalog, inventory, lateEvening, 10);
        SalesReport chain = late.sales(null, null, null);
        assertEquals(DAY, chain.from());
        assertEquals(DAY, chain.to());
        SalesReport berlin = late.sales(null, null, "berlin"); // 00:30 on the 6th in Berlin
        assertEquals(DAY.plusDays(1), berlin.from());
        assertEquals(DAY.plusDays(1), berlin.to());
        assertEquals(1, berlin.currencies().get(0).orders());
    }

    @Test
    void refusesABackwardOrTooLongPeriodAndAnUnknownStore() {
        assertError(ErrorKind.INVALID, "invalid_date_range", () -> reports.sales(DAY, DAY.minusDays(1), null));
        assertError(ErrorKind.INVALID, "invalid_date_range",
                () -> reports.sales(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-02"), null));
        // 366 days is the most: a leap year
        assertEquals(LocalDate.parse("2028-12-31"),
                reports.sales(LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31"), null).to());
        assertError(ErrorKind.INVALID, "invalid_date_range", () -> reports.sales(null, DAY.minusDays(1), null));
        assertError(ErrorKind.NOT_FOUND, "store_not_found", () -> reports.sales(DAY, DAY, "nowhere"));
    }

    private static void assertError(ErrorKind kind, String code, Runnable call) {
        OmnitillException e = assertThrows(OmnitillException.class, call::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(kind, e.kind());
    }
}
