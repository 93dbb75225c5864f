package org.omnitill.api.report;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.omnitill.api.money.Money;

/**
 * The sales of a period in one currency.
 *
 * @param orders the orders placed
 * @param units the items sold: pieces, plus one per line of a weighed or measured article
 * @param grossSales the orders' totals, tax included (before cash rounding)
 * @param taxTotal the tax in them
 * @param netSales gross sales less tax
 * @param refunds what the returns processed in the period refunded (they may return goods of earlier orders)
 * @param averageOrder gross sales per order, rounded half-up to the minor unit; zero without orders
 * @param byHour 24 entries, hour 0 to 23 of the stores' local time
 * @param byStore the stores in scope keeping this currency, by net sales (highest first), then id
 * @param byChannel the channels that sold, by net sales (highest first), then name
 * @param topProducts the ten articles with the highest net sales
 * @param sellThrough the ten articles sold most (in their unit), with their stock at the stores in scope
 * @param margin net sales against unit costs, where costs are known
 */
public record CurrencySales(
        Currency currency,
        long orders,
        BigDecimal units,
        Money grossSales,
        Money taxTotal,
        Money netSales,
        Money refunds,
        Money averageOrder,
        List<HourSales> byHour,
        List<StoreSales> byStore,
        List<ChannelSales> byChannel,
        List<ProductSales> topProducts,
        List<SellThrough> sellThrough,
        Margin margin) {

    public CurrencySales {
        byHour = List.copyOf(byHour);
        byStore = List.copyOf(byStore);
        byChannel = List.copyOf(byChannel);
        topProducts = List.copyOf(topProducts);
        sellThrough = List.copyOf(sellThrough);
    }

    /** Orders and net sales placed in one hour of the day, store-local (0 to 23). */
    public record HourSales(int hour, long orders, Money netSales) {
    }

    /** Orders and net sales of one store. */
    public record StoreSales(String storeId, String storeName, long orders, Money netSales) {
    }

    /** Orders and net sales of one sales channel. */
    public record ChannelSales(String channel, long orders, Money netSales) {
    }

    /** What one article sold: its quantity in its unit, and net sales. */
    public record ProductSales(String sku, String name, BigDecimal units, Money netSales) {
    }

    /**
     * How much of an article's stock sold: {@code sellThroughPercent = unitsSold / (unitsSold + onHand) * 100},
     * one decimal, null when both are zero. {@code onHand} is the stock now at the stores in scope.
     */
    public record SellThrough(String sku, String name, BigDecimal unitsSold, BigDecimal onHand,
            BigDecimal sellThroughPercent) {
    }

    /**
     * Net sales against what the goods cost, counting only the lines whose article has a unit cost at
     * its store (today's cost: costs are not recorded per sale). {@code margin = netSalesWithCost - cost};
     * {@code marginPercent} is the margin in percent of {@code netSalesWithCost} (one decimal; null when that
     * is zero); {@code costCoveragePercent} the share of all net sales that had a cost (one decimal; 0.0
     * without sales).
     */
    public record Margin(Money netSalesWithCost, Money cost, Money margin, BigDecimal marginPercent,
            BigDecimal costCoveragePercent) {
    }
}
