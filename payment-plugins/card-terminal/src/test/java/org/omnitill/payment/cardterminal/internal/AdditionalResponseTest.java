package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Both formats of {@code Response.AdditionalResponse} in the Adyen Terminal API. */
class AdditionalResponseTest {

    private final ObjectMapper json = TerminalJson.mapper();

    @Test
    void urlEncodedPairs() {
        Map<String, String> values = AdditionalResponse.parse(
                "tid=47069832&refusalReason=05%20%3A%20Not%20enough%20balance&alias=H167852639363479&empty=", json);
        assertEquals("05 : Not enough balance", values.get("refusalReason"));
        assertEquals("H167852639363479", values.get("alias"));
        assertEquals("", values.get("empty"));
        assertEquals("Refused", AdditionalResponse.parse("refusalReason=Refused", json).get("refusalReason"));
    }

    @Test
    void base64EncodedJsonWithAdditionalData() {
        String object = "{\"additionalData\":{\"refusalReason\":\"Refused\",\"alias\":\"K1\"},\"message\":\"declined\"}";
        Map<String, String> values = AdditionalResponse.parse(
                Base64.getEncoder().encodeToString(object.getBytes(StandardCharsets.UTF_8)), json);
        assertEquals("Refused", values.get("refusalReason"));
        assertEquals("K1", values.get("alias"));
        assertEquals("declined", values.get("message"));
    }

    @Test
    void plainJsonAndNothing() {
        assertEquals("Refused", AdditionalResponse.parse("{\"refusalReason\":\"Refused\"}", json).get("refusalReason"));
        assertTrue(AdditionalResponse.parse(null, json).isEmpty());
        assertTrue(AdditionalResponse.parse("  ", json).isEmpty());
        assertTrue(AdditionalResponse.parse("no pairs here", json).isEmpty());
    }
}
