package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.report.CurrencySales;
import org.omnitill.api.report.CurrencySales.ChannelSales;
import org.omnitill.api.report.CurrencySales.HourSales;
import org.omnitill.api.report.CurrencySales.Margin;
import org.omnitill.api.report.CurrencySales.ProductSales;
import org.omnitill.api.report.CurrencySales.SellThrough;
import org.omnitill.api.report.CurrencySales.StoreSales;
import org.omnitill.api.report.SalesReport;
import org.omnitill.api.report.SalesReportService;

/** The sales report's parameters and its JSON. */
class ReportResourceTest {

    static final LocalDate DAY = LocalDate.parse("2026-12-05");

    private final SalesReportService service = mock(SalesReportService.class);
    private final ReportResource resource = new ReportResource(service);
    private final ObjectMapper json = OmnitillJson.newMapper();

    /** The EUR figures of the order bundle's report test (SalesReportServiceImplTest), as the service answers them. */
    static SalesReport example() {
        List<HourSales> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(hour == 0 ? new HourSales(0, 2, Views.eur("14.20"))
                    : hour == 23 ? new HourSales(23, 1, Views.eur("20.00")) : new HourSales(hour, 0, Views.eur("0.00")));
        }
        CurrencySales eur = new CurrencySales(Views.EUR, 3, new BigDecimal("4"), Views.eur("40.70"), Views.eur("6.50"),
                Views.eur("34.20"), Views.eur("5.95"), Views.eur("13.57"), hours,
                List.of(new StoreSales("berlin-mitte", "Omnitill Demo Berlin Mitte", 2, Views.eur("30.00")),
                        new StoreSales("hamburg-altona", "Omnitill Demo Hamburg Altona", 1, Views.eur("4.20"))),
                List.of(new ChannelSales("webshop", 1, Views.eur("20.00")), new ChannelSales("register", 2, Views.eur("14.20"))),
                List.of(new ProductSales("USB-002", "USB wall charger 20 W", new BigDecimal("1"), Views.eur("20.00")),
                        new ProductSales("SOP-001", "Hand soap refill 500 ml", new BigDecimal("3"), Views.eur("14.20"))),
                List.of(new SellThrough("SOP-001", "Hand soap refill 500 ml", new BigDecimal("3"), new BigDecimal("17"),
                        new BigDecimal("15.0")), new SellThrough("USB-002", "USB wall charger 20 W", new BigDecimal("1"),
                        new BigDecimal("3"), new BigDecimal("25.0"))),
                new Margin(Views.eur("14.20"), Views.eur("7.00"), Views.eur("7.20"), new BigDecimal("50.7"),
                        new BigDecimal("41.5")));
        return new SalesReport(DAY, DAY, null, Instant.parse("2026-12-05T12:00:00Z"), List.of(eur));
    }

    @Test
    void answersEachCurrencyWithAmountsAsStringsAndCountsAsNumbers() throws Exception {
        when(service.sales(DAY, DAY, null)).thenReturn(example());
        String body = json.writeValueAsString(resource.sales("2026-12-05", "2026-12-05", null));
        JsonNode report = json.readTree(body);
        assertEquals("2026-12-05", report.get("from").textValue());
        assertEquals("2026-12-05", report.get("to").textValue());
        assertEquals(true, report.get("store").isNull());
        assertEquals("2026-12-05T12:00:00Z", report.get("generatedAt").textValue());
        JsonNode eur = report.get("currencies").get(0);
        assertEquals("{\"currency\":\"EUR\",\"orders\":3,\"units\":\"4\",\"grossSales\":\"40.70\",\"taxTotal\":\"6.50\","
                + "\"netSales\":\"34.20\",\"refunds\":\"5.95\",\"averageOrder\":\"13.57\"}",
                ((ObjectNode) eur.deepCopy()).without(List.of("byHour", "byStore", "byChannel", "topProducts",
                        "sellThrough", "margin")).toString());
        assertEquals(24, eur.get("byHour").size());
        assertEquals("{\"hour\":0,\"orders\":2,\"netSales\":\"14.20\"}", eur.get("byHour").get(0).toString());
        assertEquals("{\"storeId\":\"berlin-mitte\",\"storeName\":\"Omnitill Demo Berlin Mitte\",\"orders\":2,"
                + "\"netSales\":\"30.00\"}", eur.get("byStore").get(0).toString());
        assertEquals("{\"channel\":\"webshop\",\"orders\":1,\"netSales\":\"20.00\"}", eur.get("byChannel").get(0).toString());
        assertEquals("{\"sku\":\"USB-002\",\"name\":\"USB wall charger 20 W\",\"units\":\"1\",\"netSales\":\"20.00\"}",
                eur.get("topProducts").get(0).toString());
        assertEquals("{\"sku\":\"SOP-001\",\"name\":\"Hand soap refill 500 ml\",\"unitsSold\":\"3\",\"onHand\":\"17\","
                + "\"sellThroughPercent\":\"15.0\"}", eur.get("sellThrough").get(0).toString());
        assertEquals("{\"netSalesWithCost\":\"14.20\",\"cost\":\"7.00\",\"margin\":\"7.20\",\"marginPercent\":\"50.7\","
                + "\"costCoveragePercent\":\"41.5\"}", eur.get("margin").toString());
    }

    @Test
    void anUnknownMarginPercentIsNull() throws Exception {
        SalesReport report = example();
        CurrencySales c = report.currencies().get(0);
        CurrencySales noCosts = new CurrencySales(c.currency(), c.orders(), c.units(), c.grossSales(), c.taxTotal(),
                c.netSales(), c.refunds(), c.averageOrder(), c.byHour(), c.byStore(), c.byChannel(), c.topProducts(),
                c.sellThrough(), new Margin(Views.eur("0.00"), Views.eur("0.00"), Views.eur("0.00"), null,
                        new BigDecimal("0.0")));
        when(service.sales(null, null, "berlin-mitte")).thenReturn(new SalesReport(DAY, DAY, "berlin-mitte",
                report.generatedAt(), List.of(noCosts)));
        JsonNode answer = json.readTree(json.writeValueAsString(resource.sales(null, " ", " berlin-mitte ")));
        assertEquals("berlin-mitte", answer.get("store").textValue());
        assertEquals(true, answer.get("currencies").get(0).get("margin").get("marginPercent").isNull());
        assertEquals("0.0", answer.get("currencies").get(0).get("margin").get("costCoveragePercent").textValue());
    }

    @Test
    void badDatesAre400BeforeTheServiceIsAsked() {
        for (String bad : new String[] { "2026-12-32", "today", "2026-12-05T00:00:00Z", "05/12/2026" }) {
            OmnitillException e = assertThrows(OmnitillException.class, () -> resource.sales(bad, null, null));
            assertEquals("invalid_date", e.code());
            assertEquals(ErrorKind.INVALID, e.kind());
            assertEquals("invalid_date", assertThrows(OmnitillException.class,
                    () -> resource.sales(null, bad, null)).code());
        }
        verifyNoInteractions(service);
    }

    @Test
    void theServicesRefusalsKeepTheirStatus() {
        when(service.sales(DAY, DAY.minusDays(1), null)).thenThrow(
                OmnitillException.invalid("invalid_date_range", "to (2026-12-04) is before from (2026-12-05)"));
        when(service.sales(DAY, DAY, "nowhere")).thenThrow(OmnitillException.notFound("store_not_found", "no such store"));
        assertEquals(400, ErrorMapping.map(assertThrows(OmnitillException.class,
                () -> resource.sales("2026-12-05", "2026-12-04", null))).status());
        assertEquals(404, ErrorMapping.map(assertThrows(OmnitillException.class,
                () -> resource.sales("2026-12-05", "2026-12-05", "nowhere"))).status());
    }
}
