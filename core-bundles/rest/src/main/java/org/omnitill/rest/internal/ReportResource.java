package org.omnitill.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.omnitill.api.money.Money;
import org.omnitill.api.report.CurrencySales;
import org.omnitill.api.report.SalesReport;
import org.omnitill.api.report.SalesReportService;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /reports/sales?from=&to=&store=}: the dashboard's sales figures, for managers. Each
 * currency is a block of its own (amounts are never added across currencies); amounts, quantities and
 * percentages are decimal strings, counts are numbers.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(OmnitillApplication.SELECT)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.REPORT_READ)
public class ReportResource {

    private final SalesReportService reports;

    @Activate
    public ReportResource(@Reference SalesReportService reports) {
        this.reports = reports;
    }

    /** Dates default to today (the store's, else UTC's); both inclusive, at most 366 days apart. */
    @GET
    @Path("sales")
    public SalesJson sales(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("store") String store) {
        LocalDate first = Requests.date(from, "from");
        LocalDate last = Requests.date(to, "to");
        return SalesJson.of(reports.sales(first, last, Requests.optional(store)));
    }

    /** The report as the dashboard reads it. */
    public record SalesJson(LocalDate from, LocalDate to, String store, Instant generatedAt,
            List<CurrencyJson> currencies) {

        static SalesJson of(SalesReport report) {
            return new SalesJson(report.from(), report.to(), report.storeId(), report.generatedAt(),
                    report.currencies().stream().map(CurrencyJson::of).toList());
        }
    }

    /** One currency's figures, amounts in that currency. */
    public record CurrencyJson(String currency, long orders, String units, String grossSales, String taxTotal,
            String netSales, String refunds, String averageOrder, List<HourJson> byHour, List<StoreJson> byStore,
            List<ChannelJson> byChannel, List<ProductJson> topProducts, List<SellThroughJson> sellThrough,
            MarginJson margin) {

        static CurrencyJson of(CurrencySales c) {
            return new CurrencyJson(c.currency().getCurrencyCode(), c.orders(), decimal(c.units()),
                    amount(c.grossSales()), amount(c.taxTotal()), amount(c.netSales()), amount(c.refunds()),
                    amount(c.averageOrder()),
                    c.byHour().stream().map(h -> new HourJson(h.hour(), h.orders(), amount(h.netSales()))).toList(),
                    c.byStore().stream().map(s -> new StoreJson(s.storeId(), s.storeName(), s.orders(),
                            amount(s.netSales()))).toList(),
                    c.byChannel().stream().map(ch -> new ChannelJson(ch.channel(), ch.orders(),
                            amount(ch.netSales()))).toList(),
                    c.topProducts().stream().map(p -> new ProductJson(p.sku(), p.name(), decimal(p.units()),
                            amount(p.netSales()))).toList(),
                    c.sellThrough().stream().map(s -> new SellThroughJson(s.sku(), s.name(), decimal(s.unitsSold()),
                            decimal(s.onHand()), decimal(s.sellThroughPercent()))).toList(),
                    new MarginJson(amount(c.margin().netSalesWithCost()), amount(c.margin().cost()),
                            amount(c.margin().margin()), decimal(c.margin().marginPercent()),
                            decimal(c.margin().costCoveragePercent())));
        }
    }

    public record HourJson(int hour, long orders, String netSales) {
    }

    public record StoreJson(String storeId, String storeName, long orders, String netSales) {
    }

    public record ChannelJson(String channel, long orders, String netSales) {
    }

    public record ProductJson(String sku, String name, String units, String netSales) {
    }

    public record SellThroughJson(String sku, String name, String unitsSold, String onHand,
            String sellThroughPercent) {
    }

    public record MarginJson(String netSalesWithCost, String cost, String margin, String marginPercent,
            String costCoveragePercent) {
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
