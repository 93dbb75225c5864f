package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;

/**
 * Payments against real plugins in the running distribution: a gift card from the gift card plugin's
 * ledger, and a card terminal played by the simulator bundle speaking the Adyen Terminal API over
 * HTTP. Split tender, partial refund to both, an idempotent retry, a terminal timeout resolved by
 * asking the terminal, and no card number anywhere in the database or the log.
 */
public class PaymentsIT extends SaleTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** The simulator's port, chosen in the test JVM before the container starts. */
    private static final int TERMINAL_PORT = freePort();

    private TerminalSimulator terminal;

    /** The simulator bundle at boot, listening on a free port, and the terminal plugin pointed at it. */
    @Override
    protected List<Option> extraOptions() {
        String simulator = "etc/org.omnitill.payment.cardterminal.simulator.cfg";
        String plugin = "etc/org.omnitill.payment.cardterminal.cfg";
        return List.of(
                features(omnitillFeaturesRepository(), "omnitill-payment-card-terminal-simulator"),
                editConfigurationFilePut(simulator, "port", Integer.toString(TERMINAL_PORT)),
                editConfigurationFilePut(simulator, "host", "127.0.0.1"),
                editConfigurationFilePut(plugin, "terminals",
                        "*=" + TerminalSimulator.DEFAULT_POI_ID + "@http://127.0.0.1:" + TERMINAL_PORT + "/nexo"),
                editConfigurationFilePut(plugin, "saleId", "omnitill-it"),
                editConfigurationFilePut(plugin, "connectTimeoutMillis", "2000"),
                editConfigurationFilePut(plugin, "readTimeoutMillis", "3000"),
                editConfigurationFilePut(plugin, "statusTimeoutMillis", "3000"));
    }

    @Before
    public void terminalSimulator() {
        await("the terminal simulator", SETTLE,
                () -> bundleContext.getServiceReference(TerminalSimulator.class) != null);
        terminal = bundleContext.getService(bundleContext.getServiceReference(TerminalSimulator.class));
        terminal.reset();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private String issueGiftCard(String amount) {
        return assertStatus(201, http("POST", "/api/v1/giftcards", Map.of("kind", "gift-card", "amount", amount,
                "currency", "EUR"), "supervisor", "supervisor")).json().get("card").get("number").asText();
    }

    private BigDecimal giftCardBalance(String number) {
        return new BigDecimal(assertStatus(200, get("/api/v1/giftcards/" + number)).json().get("balance").get("amount")
                .asText());
    }

    private JsonNode pay(String cartId, String method, String amount, Map<String, String> data, String key) {
        Object body = data == null ? Map.of("method", method, "amount", Map.of("amount", amount, "currency", "EUR"))
                : Map.of("method", method, "amount", Map.of("amount", amount, "currency", "EUR"), "data", data);
        return assertStatus(201, http("POST", "/api/v1/carts/" + cartId + "/payments", body, "cashier", "cashier",
                "Idempotency-Key", key)).json();
    }

    @Test
    public void aSalePaidHalfByGiftCardAndHalfByTerminalIsPartlyRefundedToBoth() {
        String card = issueGiftCard("20.00");
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "UMB-001", 2); // 2 x 14.99

        JsonNode byGiftCard = pay(cartId, "gift-card", "15.00", Map.of("giftCardNumber", card), "gc-1");
        assertEquals("CAPTURED", byGiftCard.get("tender").get("status").asText());
        assertEquals(0, new BigDecimal("5.00").compareTo(giftCardBalance(card)));
        JsonNode byTerminal = pay(cartId, "card-terminal", "14.98", null, "card-1");
        JsonNode tender = byTerminal.get("tender");
        assertEquals("CAPTURED", tender.get("status").asText());
        assertEquals(TerminalSimulator.MASKED_PAN, tender.get("maskedPan").asText());
        assertNotNull(tender.get("authorisationCode").asText());
        assertMoney("0.00", byTerminal.get("cart").get("due"));
        assertEquals(1, terminal.charges());

        JsonNode order = checkout(cartId);
        assertEquals(2, order.get("payments").size());
        JsonNode ret = assertStatus(201, http("POST", "/api/v1/orders/" + order.get("id").asText() + "/returns",
                Map.of("reason", "one too many", "lines", List.of(Map.of("lineId",
                        order.get("lines").get(0).get("id").asText(), "quantity", 1))), "supervisor", "supervisor",
                "Idempotency-Key", "return-1")).json();
        assertMoney("14.99", ret.get("refundTotal"));
        BigDecimal refundedToCard = BigDecimal.ZERO;
        for (JsonNode refund : ret.get("refunds")) {
            assertEquals(refund.toString(), "REFUNDED", refund.get("status").asText());
            if (refund.get("method").asText().equals("card-terminal")) {
                refundedToCard = new BigDecimal(refund.get("amount").get("amount").asText());
            }
        }
        // in proportion to what each paid: 15.00 and 14.98 of 29.98 -> 7.50 and 7.49
        assertEquals(0, new BigDecimal("7.49").compareTo(refundedToCard));
        assertEquals(1, terminal.reversals());
        assertEquals(0, new BigDecimal("12.50").compareTo(giftCardBalance(card)));
    }

    @Test
    public void aRetriedCardPaymentChargesOnce() {
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "PEN-001", 1);
        JsonNode first = pay(cartId, "card-terminal", "3.29", null, "retry-1");
        JsonNode again = pay(cartId, "card-terminal", "3.29", null, "retry-1");
        assertEquals(first.get("tender").get("id"), again.get("tender").get("id"));
        assertEquals(1, terminal.charges());
        assertEquals(1, cart(cartId).get("payments").size());
        checkout(cartId);
    }

    @Test
    public void aTerminalTimeoutIsResolvedByAskingTheTerminal() throws Exception {
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "NTB-001", 1);
        terminal.next("Payment", TerminalSimulator.Behaviour.HOLD);
        JsonNode unknown = pay(cartId, "card-terminal", "4.95", null, "slow-1");
        assertEquals("PENDING", unknown.get("tender").get("status").asText());
        assertMoney("4.95", unknown.get("cart").get("due"));
        assertEquals("payment_pending", errorCode(409, http("POST", "/api/v1/carts/" + cartId + "/payments",
                Map.of("method", "cash", "amount", Map.of("amount", "5.00", "currency", "EUR")), "cashier", "cashier")));

        terminal.release(); // the customer taps the card after all
        await("the pending payment to be settled", SETTLE,
                () -> "CAPTURED".equals(cart(cartId).get("payments").get(0).get("status").asText()));
        assertMoney("0.00", cart(cartId).get("due"));
        assertEquals(1, terminal.charges());
        checkout(cartId);
    }

    @Test
    public void noCardNumberIsStoredOrLogged() throws Exception {
        String cartId = openCart(BERLIN);
        addLine(cartId, "sku", "MUG-001", 1);
        pay(cartId, "card-terminal", "7.95", null, "pan-1");
        checkout(cartId);

        List<String> found = new ArrayList<>();
        ServiceReference<DataSource> reference = bundleContext
                .getServiceReferences(DataSource.class, "(osgi.jndi.service.name=omnitill)").iterator().next();
        DataSource dataSource = bundleContext.getService(reference);
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    int type = rs.getInt("DATA_TYPE");
                    boolean text = type == Types.VARCHAR || type == Types.CLOB || type == Types.LONGVARCHAR
                            || type == Types.CHAR || type == Types.NVARCHAR;
                    String schema = rs.getString("TABLE_SCHEM");
                    if (text && (table.toUpperCase().startsWith("OT_") || table.toUpperCase().startsWith("GC_"))
                            && !"INFORMATION_SCHEMA".equalsIgnoreCase(schema) && !"pg_catalog".equals(schema)) {
                        columns.add(new String[] {table, rs.getString("COLUMN_NAME")});
                    }
                }
            }
            assertTrue("found the tables: " + columns.size(), columns.size() > 20);
            for (String[] column : columns) {
                String sql = "SELECT COUNT(*) FROM " + column[0] + " WHERE CAST(" + column[1] + " AS VARCHAR(100000)) LIKE ?";
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setString(1, "%" + TerminalSimulator.TEST_PAN + "%");
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        } finally {
            bundleContext.ungetService(reference);
        }
        assertEquals("columns holding the test card number", List.of(), found);
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue("the log has the sales in it", text.length() > 0);
        assertFalse("the log holds the test card number", text.contains(TerminalSimulator.TEST_PAN));
    }
}
