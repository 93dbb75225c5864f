package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.omnitill.api.cart.CartStatus;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;

class OmnitillJsonTest {

    private final ObjectMapper json = OmnitillJson.newMapper();

    @Test
    void moneyIsAnObjectWithTheAmountAsAnExactDecimalString() throws Exception {
        assertEquals("{\"amount\":\"12.30\",\"currency\":\"EUR\"}", json.writeValueAsString(Money.of("12.30", "EUR")));
        assertEquals("{\"amount\":\"1200\",\"currency\":\"JPY\"}", json.writeValueAsString(Money.of("1200", "JPY")));
        assertEquals("{\"amount\":\"-0.05\",\"currency\":\"CHF\"}", json.writeValueAsString(Money.of("-0.05", "CHF")));
    }

    @Test
    void moneyRoundTripsExactly() throws Exception {
        for (String amount : new String[] { "0.00", "12.30", "0.10", "99999999999999.99", "-3.07" }) {
            Money money = Money.of(amount, "EUR");
            Money back = json.readValue(json.writeValueAsString(money), Money.class);
            assertEquals(money, back);
            assertEquals(amount, back.amount().toPlainString());
        }
    }

    @Test
    void moneyAmountMayBeAJsonNumberReadWithoutBinaryRounding() throws Exception {
        Money money = json.readValue("{\"amount\":0.1,\"currency\":\"EUR\"}", Money.class);
        assertEquals(Money.of("0.10", "EUR"), money);
        assertEquals(Money.of("20.00", "EUR"), json.readValue("{\"amount\":20,\"currency\":\"eur\"}", Money.class));
    }

    @Test
    void moneyWithMoreDecimalsThanTheCurrencyIsRefusedByTheApiValueType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> json.readValue("{\"amount\":\"12.345\",\"currency\":\"EUR\"}", Money.class));
        assertTrue(e.getMessage().contains("more decimals"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> json.readValue("{\"amount\":\"1.5\",\"currency\":\"JPY\"}", Money.class));
    }

    @Test
    void moneyWithAnUnknownCurrencyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> json.readValue("{\"amount\":\"1.00\",\"currency\":\"XYZ\"}", Money.class));
        assertTrue(e.getMessage().contains("ISO 4217"), e.getMessage());
    }

    @Test
    void incompleteOrMistypedMoneyIsInvalidMoney() {
        for (String body : new String[] { "{\"amount\":\"1.00\"}", "{\"currency\":\"EUR\"}", "\"12.30\"", "12.3",
                "{\"amount\":\"abc\",\"currency\":\"EUR\"}", "{\"amount\":true,\"currency\":\"EUR\"}",
                "{\"amount\":\"1\",\"currency\":7}" }) {
            OmnitillException e = assertThrows(OmnitillException.class, () -> json.readValue(body, Money.class), body);
            assertEquals("invalid_money", e.code());
            assertEquals(ErrorKind.INVALID, e.kind());
        }
    }

    @Test
    void moneyInsideARequestBodyIsReadAndItsErrorsSurfaceUnwrapped() throws Exception {
        RequestBodies.Pay pay = json.readValue(
                "{\"method\":\"cash\",\"amount\":{\"amount\":\"20.00\",\"currency\":\"EUR\"}}", RequestBodies.Pay.class);
        assertEquals(Money.of("20.00", "EUR"), pay.amount());
        byte[] tooPrecise = "{\"method\":\"cash\",\"amount\":{\"amount\":\"20.001\",\"currency\":\"EUR\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Requests.body(json, tooPrecise, RequestBodies.Pay.class));
        assertTrue(e.getMessage().contains("more decimals"), e.getMessage());
        byte[] noCurrency = "{\"method\":\"cash\",\"amount\":{\"amount\":\"20\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("invalid_money", assertThrows(OmnitillException.class,
                () -> Requests.body(json, noCurrency, RequestBodies.Pay.class)).code());
    }

    @Test
    void currencyIsItsIsoCode() throws Exception {
        assertEquals("\"EUR\"", json.writeValueAsString(Currency.getInstance("EUR")));
        assertEquals(Currency.getInstance("CHF"), json.readValue("\"chf\"", Currency.class));
        assertThrows(IllegalArgumentException.class, () -> json.readValue("\"EURO\"", Currency.class));
    }

    @Test
    void instantsAndDatesAreIsoStrings() throws Exception {
        Instant instant = Instant.parse("2026-12-04T10:15:30.123Z");
        assertEquals("\"2026-12-04T10:15:30.123Z\"", json.writeValueAsString(instant));
        assertEquals(instant, json.readValue("\"2026-12-04T10:15:30.123Z\"", Instant.class));
        assertEquals("\"2026-12-04\"", json.writeValueAsString(LocalDate.of(2026, 12, 4)));
        assertEquals(LocalDate.of(2026, 12, 4), json.readValue("\"2026-12-04\"", LocalDate.class));
        assertThrows(IllegalArgumentException.class, () -> json.readValue("\"yesterday\"", Instant.class));
    }

    @Test
    void decimalsArePlainNumbersAndEnumsTheirNames() throws Exception {
        assertEquals("1000", json.writeValueAsString(new BigDecimal("1E+3")));
        assertEquals("0.0000001", json.writeValueAsString(new BigDecimal("1E-7")));
        assertEquals("\"OPEN\"", json.writeValueAsString(CartStatus.OPEN));
    }

    @Test
    void aCartViewHasTheShapeClientsExpect() throws Exception {
        String text = json.writeValueAsString(Views.cart("c1"));
        assertTrue(text.contains("\"quantity\":2.500,"), text);
        JsonNode cart = json.readTree(text);
        assertEquals("c1", cart.get("id").textValue());
        assertEquals("EUR", cart.get("currency").textValue());
        assertEquals("OPEN", cart.get("status").textValue());
        assertEquals("30.75", cart.get("total").get("amount").textValue());
        assertEquals("2026-12-04T10:15:30Z", cart.get("createdAt").textValue());
        JsonNode line = cart.get("lines").get(0);
        assertTrue(line.get("quantity").isNumber());
        assertEquals("KILOGRAM", line.get("unit").textValue());
        assertEquals("7", cart.get("taxes").get(0).get("rate").asText());
        assertTrue(cart.get("registerId").isNull());
    }

    @Test
    void requestsIgnoreUnknownPropertiesButNotTrailingGarbage() throws Exception {
        RequestBodies.CreateCart create = json.readValue(
                "{\"store\":\"s1\",\"channel\":\"register\",\"colour\":\"blue\"}", RequestBodies.CreateCart.class);
        assertEquals("s1", create.store());
        assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"store\":\"s1\"} {}", RequestBodies.CreateCart.class));
    }

    @Test
    void quantityIsANumberOrADecimalString() throws Exception {
        assertEquals(new BigDecimal("2"), json.readValue("{\"quantity\":2}", RequestBodies.ChangeLine.class).quantity());
        assertEquals(new BigDecimal("0.250"),
                json.readValue("{\"quantity\":\"0.250\"}", RequestBodies.ChangeLine.class).quantity());
        assertEquals(new BigDecimal("0.1"), json.readValue("{\"quantity\":0.1}", RequestBodies.ChangeLine.class).quantity());
        for (String body : new String[] { "{\"quantity\":\"two\"}", "{\"quantity\":true}", "{\"quantity\":[1]}" }) {
            OmnitillException e = assertThrows(OmnitillException.class,
                    () -> Requests.body(json, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            RequestBodies.ChangeLine.class), body);
            assertEquals("invalid_quantity", e.code());
        }
        assertFalse(json.readValue("{}", RequestBodies.ChangeLine.class).quantity() != null);
    }
}
