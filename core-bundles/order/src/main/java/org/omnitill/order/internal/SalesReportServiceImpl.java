package org.omnitill.order.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.omnitill.api.catalog.CatalogService;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.money.Money;
import org.omnitill.api.report.CurrencySales;
import org.omnitill.api.report.CurrencySales.ChannelSales;
import org.omnitill.api.report.CurrencySales.HourSales;
import org.omnitill.api.report.CurrencySales.Margin;
import org.omnitill.api.report.CurrencySales.ProductSales;
import org.omnitill.api.report.CurrencySales.SellThrough;
import org.omnitill.api.report.CurrencySales.StoreSales;
import org.omnitill.api.report.SalesReport;
import org.omnitill.api.report.SalesReportService;
import org.omnitill.api.store.LocationType;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The sales report, read straight from the stored orders and returns (their figures as sold, never
 * recomputed).
 *
 * <p>Each store's day starts at midnight in its own zone, so stores are read in groups of one zone,
 * each with the exact instants of its period: a sale at 23:30 in Austin on the 5th is the 5th's
 * even though it is the 6th in UTC. Orders are read as a few columns each, in batches, so that a
 * year of a chain's orders does not have to fit in memory at once; lines are summed by the database
 * per store, article and unit.
 */
@Component(service = SalesReportService.class)
public class SalesReportServiceImpl implements SalesReportService {

    static final int TOP = 10;
    /** Orders read per query: a few columns each, so a batch stays small in memory. */
    static final int BATCH = 5_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TransactionRunner tx;
    private final StoreService stores;
    private final CatalogService catalog;
    private final InventoryService inventory;
    private final Clock clock;
    private final int batchSize;

    @Activate
    public SalesReportServiceImpl(@Reference TransactionRunner tx, @Reference StoreService stores,
            @Reference CatalogService catalog, @Reference InventoryService inventory) {
        this(tx, stores, catalog, inventory, Clock.systemUTC(), BATCH);
    }

    SalesReportServiceImpl(TransactionRunner tx, StoreService stores, CatalogService catalog,
            InventoryService inventory, Clock clock, int batchSize) {
        this.tx = tx;
        this.stores = stores;
        this.catalog = catalog;
        this.inventory = inventory;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public SalesReport sales(LocalDate from, LocalDate to, String storeId) {
        List<StoreView> scope;
        ZoneId todayZone = ZoneOffset.UTC;
        if (storeId != null) {
            StoreView store = stores.store(storeId).orElseThrow(() -> OmnitillException.notFound("store_not_found",
                    "there is no store '" + storeId + "'"));
            scope = List.of(store);
            todayZone = store.zoneId();
        } else {
            scope = stores.stores();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, todayZone);
        LocalDate first = from == null ? today : from;
        LocalDate last = to == null ? today : to;
        if (last.isBefore(first)) {
            throw OmnitillException.invalid("invalid_date_range", "to (" + last + ") is before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw OmnitillException.invalid("invalid_date_range", "a report covers at most " + MAX_DAYS + " days");
        }

        Map<String, StoreView> byId = new LinkedHashMap<>();
        scope.forEach(s -> byId.put(s.id(), s));
        Map<Currency, Totals> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        // every currency a selling location of the scope keeps gets a block, with zeros if nothing sold
        for (StoreView store : scope) {
            if (storeId != null || store.type() == LocationType.STORE) {
                totals.computeIfAbsent(store.currency(), Totals::new).locations.add(store.id());
            }
        }
        Map<ZoneId, List<String>> zones = scope.stream().collect(Collectors.groupingBy(StoreView::zoneId,
                LinkedHashMap::new, Collectors.mapping(StoreView::id, Collectors.toList())));
        tx.required(em -> {
            zones.forEach((zone, ids) -> {
                Instant start = first.atStartOfDay(zone).toInstant();
                Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
                readOrders(em, ids, start, end, zone, totals);
                readLines(em, ids, start, end, totals);
                readRefunds(em, ids, start, end, totals);
            });
            return null;
        });

        Map<String, Map<String, Money>> costs = new HashMap<>();
        List<CurrencySales> currencies = new ArrayList<>();
        for (Totals t : totals.values()) {
            currencies.add(t.result(byId, costs));
        }
        return new SalesReport(first, last, storeId, now, currencies);
    }

    /** Each order counts once: by currency, store-local hour, store and channel. */
    private void readOrders(EntityManager em, List<String> storeIds, Instant start, Instant end, ZoneId zone,
            Map<Currency, Totals> totals) {
        Instant afterAt = null;
        String afterId = null;
        while (true) {
            // keyset paging: the next batch starts after the last order of this one, whatever was placed meanwhile
            String after = afterAt == null ? ""
                    : " AND (o.placedAt > :afterAt OR (o.placedAt = :afterAt AND o.id > :afterId))";
            var query = em.createQuery("SELECT o.id, o.placedAt, o.storeId, o.channel, o.currency, o.total, o.taxTotal"
                            + " FROM OrderEntity o WHERE o.storeId IN :stores AND o.placedAt >= :start"
                            + " AND o.placedAt < :end" + after + " ORDER BY o.placedAt, o.id", Object[].class)
                    .setParameter("stores", storeIds).setParameter("start", start).setParameter("end", end);
            if (afterAt != null) {
                query.setParameter("afterAt", afterAt).setParameter("afterId", afterId);
            }
            List<Object[]> rows = query.setMaxResults(batchSize).getResultList();
            for (Object[] row : rows) {
                Instant placedAt = (Instant) row[1];
                Totals t = totals.computeIfAbsent(Money.currency((String) row[4]), Totals::new);
                t.order((String) row[2], (String) row[3], placedAt.atZone(zone).getHour(), (BigDecimal) row[5],
                        (BigDecimal) row[6]);
            }
            if (rows.size() < batchSize) {
                return;
            }
            Object[] lastRow = rows.get(rows.size() - 1);
            afterId = (String) lastRow[0];
            afterAt = (Instant) lastRow[1];
        }
    }

    /** Order lines summed per store, currency, article and unit by the database. */
    private void readLines(EntityManager em, List<String> storeIds, Instant start, Instant end,
            Map<Currency, Totals> totals) {
        List<Object[]> rows = em.createQuery("SELECT o.storeId, o.currency, o.pricesIncludeTax, l.sku, l.unit,"
                        + " SUM(l.quantity), COUNT(l), SUM(l.lineTotal), SUM(l.tax), MAX(l.name)"
                        + " FROM OrderLineEntity l JOIN l.order o"
                        + " WHERE o.storeId IN :stores AND o.placedAt >= :start AND o.placedAt < :end"
                        + " GROUP BY o.storeId, o.currency, o.pricesIncludeTax, l.sku, l.unit", Object[].class)
                .setParameter("stores", storeIds).setParameter("start", start).setParameter("end", end)
                .getResultList();
        for (Object[] row : rows) {
            boolean pricesIncludeTax = (Boolean) row[2];
            BigDecimal lineTotal = (BigDecimal) row[7];
            // a gross line total holds its tax; a net one (US, Canada) does not
            BigDecimal net = pricesIncludeTax ? lineTotal.subtract((BigDecimal) row[8]) : lineTotal;
            totals.computeIfAbsent(Money.currency((String) row[1]), Totals::new).lines((String) row[0],
                    (String) row[3], (String) row[9], (UnitOfMeasure) row[4], (BigDecimal) row[5],
                    ((Number) row[6]).longValue(), net);
        }
    }

    /** Refunds of returns made in the period at the locations in scope (of orders of any date). */
    private void readRefunds(EntityManager em, List<String> storeIds, Instant start, Instant end,
            Map<Currency, Totals> totals) {
        em.createQuery("SELECT r.currency, SUM(r.refundTotal) FROM OrderReturnEntity r WHERE r.storeId IN :stores"
                        + " AND r.createdAt >= :start AND r.createdAt < :end GROUP BY r.currency", Object[].class)
                .setParameter("stores", storeIds).setParameter("start", start).setParameter("end", end)
                .getResultList().forEach(row -> {
                    Totals t = totals.computeIfAbsent(Money.currency((String) row[0]), Totals::new);
                    t.refunds = t.refunds.add((BigDecimal) row[1]);
                });
    }

    /** What one article sold in one currency. */
    private static final class Product {
        final String sku;
        String name;
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;

        Product(String sku) {
            this.sku = sku;
        }
    }

    /** One line group of the database's sums: an article at a store, in one unit. */
    private record LineGroup(String storeId, String sku, BigDecimal quantity, BigDecimal net) {
    }

    /** The running sums of one currency, exact until the result rounds them. */
    private final class Totals {
        final Currency currency;
        /** The locations whose stock and (zero) sales the block shows: selling stores in scope, and any that sold. */
        final Set<String> locations = new LinkedHashSet<>();
        long orders;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        final long[] hourOrders = new long[24];
        final BigDecimal[] hourNet = new BigDecimal[24];
        final Map<String, Long> storeOrders = new HashMap<>();
        final Map<String, BigDecimal> storeNet = new HashMap<>();
        final Map<String, Long> channelOrders = new HashMap<>();
        final Map<String, BigDecimal> channelNet = new HashMap<>();
        final Map<String, Product> products = new HashMap<>();
        final List<LineGroup> lineGroups = new ArrayList<>();

        Totals(Currency currency) {
            this.currency = currency;
            java.util.Arrays.fill(hourNet, BigDecimal.ZERO);
        }

        void order(String storeId, String channel, int hour, BigDecimal total, BigDecimal taxTotal) {
            BigDecimal net = total.subtract(taxTotal);
            orders++;
            gross = gross.add(total);
            tax = tax.add(taxTotal);
            hourOrders[hour]++;
            hourNet[hour] = hourNet[hour].add(net);
            locations.add(storeId);
            storeOrders.merge(storeId, 1L, Long::sum);
            storeNet.merge(storeId, net, BigDecimal::add);
            channelOrders.merge(channel, 1L, Long::sum);
            channelNet.merge(channel, net, BigDecimal::add);
        }

        void lines(String storeId, String sku, String name, UnitOfMeasure unit, BigDecimal quantity, long lineCount,
                BigDecimal net) {
            // an item is a piece, or one weighed or measured line (0.347 kg of cheese is one item)
            units = units.add(unit == UnitOfMeasure.EACH ? quantity : BigDecimal.valueOf(lineCount));
            Product product = products.computeIfAbsent(sku, Product::new);
            product.name = product.name == null ? name : product.name;
            product.units = product.units.add(quantity);
            product.net = product.net.add(net);
            lineGroups.add(new LineGroup(storeId, sku, quantity, net));
        }

        CurrencySales result(Map<String, StoreView> scope, Map<String, Map<String, Money>> costsByStore) {
            BigDecimal net = gross.subtract(tax);
            List<HourSales> byHour = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                byHour.add(new HourSales(hour, hourOrders[hour], money(hourNet[hour])));
            }
            List<StoreSales> byStore = locations.stream()
                    .map(id -> new StoreSales(id, scope.containsKey(id) ? scope.get(id).name() : id,
                            storeOrders.getOrDefault(id, 0L), money(storeNet.getOrDefault(id, BigDecimal.ZERO))))
                    .sorted(Comparator.comparing(StoreSales::netSales).reversed().thenComparing(StoreSales::storeId))
                    .toList();
            List<ChannelSales> byChannel = channelOrders.keySet().stream()
                    .map(channel -> new ChannelSales(channel, channelOrders.get(channel), money(channelNet.get(channel))))
                    .sorted(Comparator.comparing(ChannelSales::netSales).reversed().thenComparing(ChannelSales::channel))
                    .toList();
            List<ProductSales> topProducts = products.values().stream()
                    .sorted(Comparator.comparing((Product p) -> p.net).reversed().thenComparing(p -> p.sku))
                    .limit(TOP).map(p -> new ProductSales(p.sku, p.name, plain(p.units), money(p.net))).toList();
            return new CurrencySales(currency, orders, plain(units), money(gross), money(tax), money(net),
                    money(refunds), orders == 0 ? Money.zero(currency) : Money.rounded(gross.divide(
                            BigDecimal.valueOf(orders), currency.getDefaultFractionDigits() + 2, RoundingMode.HALF_UP),
                            currency, RoundingMode.HALF_UP),
                    byHour, byStore, byChannel, topProducts, sellThrough(), margin(costsByStore));
        }

        private List<SellThrough> sellThrough() {
            List<Product> top = products.values().stream()
                    .sorted(Comparator.comparing((Product p) -> p.units).reversed().thenComparing(p -> p.sku))
                    .limit(TOP).toList();
            Map<String, BigDecimal> onHand = top.isEmpty() ? Map.of()
                    : inventory.onHand(locations, top.stream().map(p -> p.sku).toList());
            return top.stream().map(p -> {
                BigDecimal stock = onHand.getOrDefault(p.sku, BigDecimal.ZERO);
                BigDecimal both = p.units.add(stock);
                BigDecimal percent = both.signum() <= 0 ? null
                        : p.units.multiply(HUNDRED).divide(both, 1, RoundingMode.HALF_UP);
                return new SellThrough(p.sku, p.name, plain(p.units), plain(stock), percent);
            }).toList();
        }

        /** Lines whose article has a cost at their store, in this currency, against that cost; the rest counts in coverage only. */
        private Margin margin(Map<String, Map<String, Money>> costsByStore) {
            BigDecimal linesNet = BigDecimal.ZERO;
            BigDecimal netWithCost = BigDecimal.ZERO;
            BigDecimal cost = BigDecimal.ZERO;
            for (LineGroup group : lineGroups) {
                linesNet = linesNet.add(group.net());
                Money unitCost = costsByStore.computeIfAbsent(group.storeId(), catalog::unitCosts).get(group.sku());
                if (unitCost != null && unitCost.currency().equals(currency)) {
                    netWithCost = netWithCost.add(group.net());
                    cost = cost.add(unitCost.amount().multiply(group.quantity()));
                }
            }
            Money withCost = money(netWithCost);
            Money costs = Money.rounded(cost, currency, RoundingMode.HALF_UP);
            Money margin = withCost.minus(costs);
            BigDecimal marginPercent = withCost.isZero() ? null
                    : margin.amount().multiply(HUNDRED).divide(withCost.amount(), 1, RoundingMode.HALF_UP);
            // the share is of the lines' net sales, the same sums as its numerator, so it never exceeds 100
            BigDecimal coverage = linesNet.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                    : netWithCost.multiply(HUNDRED).divide(linesNet, 1, RoundingMode.HALF_UP);
            return new Margin(withCost, costs, margin, marginPercent, coverage);
        }

        /** Sums of stored amounts, which have the currency's decimals (stored with trailing zeros). */
        private Money money(BigDecimal amount) {
            return Money.rounded(amount, currency, RoundingMode.HALF_UP);
        }
    }

    /** 31 rather than 31.000; weighed quantities keep their decimals. */
    static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
