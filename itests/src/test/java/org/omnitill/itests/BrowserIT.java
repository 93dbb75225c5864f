package org.omnitill.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The register and the back office in a real browser against the real distribution: Debian's chromium,
 * headless, on the pages the runtime serves at {@code /omnitill/}. Each test checks what it did through
 * the REST API as well, so a page that only looks right does not pass. Screenshots of every page are kept
 * in {@code itests/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final String STORE = "berlin-mitte";
    private static final String COFFEE_BARCODE = "2000000010007"; // COF-001

    private static UnpackedDistribution karaf;
    private static HeadlessChromium browser;
    private static String soldOrderNumber;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        karaf = UnpackedDistribution.unpack("browser");
        // the card terminal simulator (installed by a test from the plugins API) on a free port, and every
        // register's terminal pointing at it
        int terminalPort = UnpackedDistribution.freePorts(1)[0];
        karaf.put("etc/org.omnitill.payment.cardterminal.simulator.cfg", "port", Integer.toString(terminalPort));
        karaf.put("etc/org.omnitill.payment.cardterminal.cfg", "terminals",
                "*=V400m-324688179@http://127.0.0.1:" + terminalPort + "/nexo");
        karaf.start();
        browser = HeadlessChromium.launch();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (karaf != null) {
                karaf.close();
            }
        }
    }

    @Test
    @Order(1)
    void aCashierCompletesASaleByKeyboardWithAScannedBarcode() throws Exception {
        String stockBefore = onHand("COF-001", STORE);
        signIn("cashier");
        browser.open(page("#/register"));
        openTill();
        browser.screenshot("register-empty");

        WebElement scan = browser.find("#scan-input");
        scan.sendKeys(COFFEE_BARCODE, Keys.ENTER); // what a barcode scanner types
        browser.find(".cart-line[data-sku='COF-001']");
        browser.find("#scan-input").sendKeys("tote", Keys.ENTER); // a name: search, then pick with Enter
        browser.find("button.search-result");
        browser.find("#scan-input").sendKeys(Keys.ENTER);
        browser.find(".cart-line[data-sku='BAG-001']");
        assertEquals(2, browser.all(".cart-line").size());
        browser.screenshot("register-cart");

        browser.find("#scan-input").sendKeys(Keys.F12);
        browser.find("#tender-panel");
        browser.screenshot("register-tender");
        WebElement amount = browser.find("#tender-amount");
        amount.clear();
        amount.sendKeys("50", Keys.ENTER);
        String receipt = browser.textContains("#receipt", "Order");
        soldOrderNumber = browser.find("#receipt-order-number").getText().trim();
        assertTrue(soldOrderNumber.startsWith(STORE + "-"), soldOrderNumber);
        assertTrue(receipt.contains(soldOrderNumber), receipt);
        assertTrue(browser.find("svg#receipt-barcode").isDisplayed());
        browser.screenshot("register-receipt");

        JsonNode order = karaf.call("GET", "/api/v1/orders/" + soldOrderNumber, null, "cashier", 200);
        assertEquals(2, order.get("lines").size());
        assertEquals(new BigDecimal(stockBefore).subtract(BigDecimal.ONE), new BigDecimal(onHand("COF-001", STORE)));

        browser.find("#new-sale").sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.findElements(By.cssSelector(".cart-line")).isEmpty());
    }

    @Test
    @Order(2)
    void aSaleIsSplitBetweenTheCardTerminalAndCashByKeyboard() throws Exception {
        karaf.call("POST", "/api/v1/plugins/features", Map.of("name", "omnitill-payment-card-terminal-simulator"),
                "admin", 200);
        signIn("cashier");
        browser.open(page("#/register"));
        browser.find("#scan-input").sendKeys(COFFEE_BARCODE, Keys.ENTER); // 16.99
        browser.find(".cart-line[data-sku='COF-001']");
        browser.find("#scan-input").sendKeys(Keys.F12);
        WebElement amount = browser.find("#tender-amount");
        amount.sendKeys("k"); // the card terminal
        browser.waitFor(d -> "true".equals(d.findElement(By.id("tender-card")).getAttribute("aria-pressed")));
        amount = browser.find("#tender-amount");
        amount.clear();
        amount.sendKeys("10.00", Keys.ENTER);
        browser.waitFor(d -> d.findElements(By.cssSelector("#tenders .tender")).size() == 1);
        browser.screenshot("register-split-card-paid");
        amount = browser.find("#tender-amount");
        amount.sendKeys("c"); // cash for the rest: Enter on an empty amount pays what is due
        amount.sendKeys(Keys.ENTER);
        String orderNumber = browser.find("#receipt-order-number").getText().trim();
        browser.screenshot("register-split-receipt");

        JsonNode payments = karaf.call("GET", "/api/v1/orders/" + orderNumber, null, "cashier", 200).get("payments");
        assertEquals(2, payments.size(), payments.toString());
        assertEquals("card-terminal", payments.get(0).get("method").asText());
        assertEquals("10.00", payments.get(0).get("amount").get("amount").asText());
        assertEquals("cash", payments.get(1).get("method").asText());
        assertEquals("6.99", payments.get(1).get("amount").get("amount").asText());
        browser.find("#scan-input").sendKeys(Keys.ENTER); // new sale
        browser.waitFor(d -> d.findElements(By.cssSelector(".cart-line")).isEmpty());
    }

    @Test
    @Order(3)
    void aBigDiscountIsRefusedWithoutApprovalAndGrantedWithIt() throws Exception {
        signIn("cashier");
        browser.open(page("#/register"));
        browser.find("#scan-input").sendKeys(COFFEE_BARCODE, Keys.ENTER);
        browser.find(".cart-line[data-sku='COF-001']");
        String totalBefore = browser.find("#cart-total").getText();

        browser.click(".cart-line[data-sku='COF-001'] button.line-discount");
        discount("25");
        browser.find("#approval-dialog");
        browser.screenshot("register-approval-prompt");
        browser.click("#approval-cancel");
        browser.gone("#approval-dialog");
        assertEquals(totalBefore, browser.find("#cart-total").getText(), "a refused discount changes nothing");

        // the discount dialog stays open after a refused approval, so the cashier may offer less
        if (browser.all("#discount-dialog").isEmpty()) {
            browser.click(".cart-line[data-sku='COF-001'] button.line-discount");
        }
        discount("25");
        browser.find("#approval-username").sendKeys("cashier");
        browser.find("#approval-secret").sendKeys("cashier", Keys.ENTER);
        browser.find("#approval-error"); // a cashier cannot approve
        WebElement user = browser.find("#approval-username");
        user.clear();
        user.sendKeys("supervisor");
        WebElement secret = browser.find("#approval-secret");
        secret.clear();
        secret.sendKeys("supervisor", Keys.ENTER);
        browser.gone("#approval-dialog");
        browser.waitFor(d -> !d.findElement(By.cssSelector("#cart-total")).getText().equals(totalBefore));
        browser.screenshot("register-discount-approved");

        String cartId = (String) browser.script("return JSON.parse(localStorage.getItem('omnitill.register.cart')).id;");
        JsonNode cart = karaf.call("GET", "/api/v1/carts/" + cartId, null, "cashier", 200);
        JsonNode line = cart.get("lines").get(0);
        assertEquals("4.25", line.get("discount").get("amount").asText(), "25 % of 16.99, approved: " + line);
        assertEquals("12.74", cart.get("total").get("amount").asText());
    }

    @Test
    @Order(4)
    void aReturnByTheReceiptBarcodeRefundsWithASupervisorsApproval() throws Exception {
        signIn("cashier");
        browser.open(page("#/register"));
        browser.click("#mode-return");
        browser.find("#return-lookup").sendKeys(soldOrderNumber, Keys.ENTER); // the scanner reads the receipt
        WebElement line = browser.find(".return-line");
        WebElement quantity = line.findElement(By.cssSelector("input.return-qty"));
        quantity.clear();
        quantity.sendKeys("1");
        browser.find("#return-reason").sendKeys("customer changed mind");
        browser.screenshot("register-return");
        browser.click("#return-submit");
        browser.find("#approval-username").sendKeys("supervisor");
        browser.find("#approval-secret").sendKeys("supervisor", Keys.ENTER);
        browser.find("#return-result .refund");
        browser.screenshot("register-return-refunded");

        JsonNode returns = karaf.call("GET", "/api/v1/orders/" + soldOrderNumber + "/returns", null, "cashier", 200);
        assertEquals(1, returns.size(), returns.toString());
    }

    @Test
    @Order(5)
    void theDashboardShowsTheDaysFigures() throws Exception {
        signIn("manager");
        browser.open(page("#/office/dashboard"));
        browser.find("#dashboard");
        String orders = browser.find("#kpi-orders").getText();
        assertTrue(orders.matches("(?s).*\\b2\\b.*"), "two sales so far: " + orders);
        for (String chart : new String[] {"#chart-by-hour", "#chart-by-store", "#chart-by-channel", "#chart-top-products"}) {
            WebElement canvas = browser.find("canvas" + chart);
            assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 50, chart + " is drawn");
        }
        assertFalse(browser.find("#kpi-net-sales").getText().isBlank());
        browser.screenshot("office-dashboard");

        browser.open(page("#/office/orders"));
        browser.find("tr.order-row[data-order-number='" + soldOrderNumber + "']").click();
        browser.textContains("#order-receipt", soldOrderNumber);
        browser.screenshot("office-orders");

        browser.open(page("#/office/inventory"));
        new Select(browser.find("select#inventory-location")).selectByValue(STORE);
        browser.find("tr.inventory-row[data-sku='COF-001']");
        browser.screenshot("office-inventory");
    }

    @Test
    @Order(6)
    void anAdminRemovesAndReinstallsAPluginFromThePluginsPage() throws Exception {
        signIn("admin");
        browser.open(page("#/office/plugins"));
        String printerFeature = "tr.plugin-feature-row[data-feature='omnitill-device-receipt-printer']";
        browser.find("tr.plugin-service-row[data-plugin='receipt-printer']");
        browser.screenshot("office-plugins");

        browser.click(printerFeature + " button.plugin-remove");
        browser.find("#confirm-dialog");
        browser.click("#confirm-ok");
        browser.waitFor(d -> d.findElements(By.cssSelector("tr.plugin-service-row[data-plugin='receipt-printer']")).isEmpty());
        assertFalse(plugins().contains("\"receipt-printer\""), "the printer plugin is gone from the runtime");
        browser.screenshot("office-plugins-removed");

        browser.click(printerFeature + " button.plugin-install");
        browser.textContains("tr.plugin-service-row[data-plugin='receipt-printer'] .plugin-state", "ACTIVE");
        assertTrue(plugins().contains("\"receipt-printer\""), "the printer plugin is back");
        browser.screenshot("office-plugins-reinstalled");
    }

    @Test
    @Order(7)
    void aPaymentMethodWhosePluginIsRemovedIsOfferedNoLonger() throws Exception {
        karaf.call("DELETE", "/api/v1/plugins/features/omnitill-payment-gift-card", null, "admin", 204);
        signIn("cashier");
        browser.open(page("#/register"));
        browser.find("#scan-input").sendKeys(COFFEE_BARCODE, Keys.ENTER);
        browser.find(".cart-line[data-sku='COF-001']");
        browser.find("#scan-input").sendKeys(Keys.F12);
        browser.find(".method-unavailable[data-method='gift-card']");
        assertFalse(browser.find("#tender-gift-card").isEnabled(), "no gift card payments without the plugin");
        assertTrue(browser.find("#tender-cash").isEnabled());
        browser.screenshot("register-plugin-unavailable");

        karaf.call("POST", "/api/v1/plugins/features", Map.of("name", "omnitill-payment-gift-card"), "admin", 200);
        browser.waitFor(d -> d.findElement(By.id("tender-gift-card")).isEnabled()); // the open panel notices
        browser.find("#tender-amount").sendKeys(Keys.ESCAPE);
        browser.gone("#tender-panel");
    }

    @Test
    @Order(8)
    void whenTheServerGoesAwayTheCartStaysAndPayingWaits() throws Exception {
        browser.find(".cart-line[data-sku='COF-001']"); // the sale of the tests before, still open
        int lines = browser.all(".cart-line").size();
        karaf.stop();
        browser.textContains("#server-state", "Offline");
        browser.find("#register-offline");
        assertFalse(browser.find("#pay").isEnabled(), "no payment can start while the server is away");
        assertEquals(lines, browser.all(".cart-line").size(), "the cart stays on screen");
        browser.screenshot("register-offline");
    }

    private static String plugins() throws Exception {
        return karaf.call("GET", "/api/v1/plugins", null, "admin", 200).toString();
    }

    private static void discount(String percent) {
        WebElement field = browser.find("#discount-percent");
        field.clear();
        field.sendKeys(percent);
        browser.click("#discount-apply");
    }

    /** The till is set up once per browser profile: store and register id, kept in local storage. */
    private static void openTill() {
        if (!browser.all("select#till-store").isEmpty()) {
            new Select(browser.find("select#till-store")).selectByValue(STORE);
            WebElement register = browser.find("#till-register");
            register.clear();
            register.sendKeys("till-7");
            browser.click("#till-open");
        }
        browser.find("#scan-input");
    }

    private static void signIn(String user) {
        browser.open(page(""));
        browser.script("sessionStorage.clear();");
        browser.open(page(""));
        browser.driver().navigate().refresh();
        browser.find("#login-username").sendKeys(user);
        browser.find("#login-password").sendKeys(user, Keys.ENTER);
        browser.textContains("#signed-in-user", user);
    }

    private static String page(String fragment) {
        return karaf.uri("/omnitill/" + fragment).toString();
    }

    private static String onHand(String sku, String location) throws Exception {
        for (JsonNode level : karaf.call("GET", "/api/v1/inventory/" + sku, null, "cashier", 200).get("locations")) {
            if (level.get("locationId").asText().equals(location)) {
                return level.get("onHand").asText();
            }
        }
        throw new AssertionError(sku + " has no stock at " + location);
    }
}
