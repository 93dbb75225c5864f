package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;

class RequestsTest {

    private final ObjectMapper json = OmnitillJson.newMapper();

    private static void assertInvalid(String code, Executable executable) {
        OmnitillException e = assertThrows(OmnitillException.class, executable);
        assertEquals(code, e.code());
        assertEquals(ErrorKind.INVALID, e.kind());
    }

    private <T> T body(String text, Class<T> type) {
        return Requests.body(json, text.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void anAbsentBodyIs400() {
        assertInvalid("missing_body", () -> Requests.body(json, null, RequestBodies.CreateCart.class));
        assertInvalid("missing_body", () -> Requests.body(json, new byte[0], RequestBodies.CreateCart.class));
        assertInvalid("missing_body", () -> body(" \r\n", RequestBodies.CreateCart.class));
        assertInvalid("missing_body", () -> body("null", RequestBodies.CreateCart.class));
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIs400() {
        assertInvalid("malformed_json", () -> body("{\"store\":", RequestBodies.CreateCart.class));
        assertInvalid("malformed_json", () -> body("[\"s1\"]", RequestBodies.CreateCart.class));
        assertInvalid("malformed_json", () -> body("\"s1\"", RequestBodies.CreateCart.class));
        assertInvalid("malformed_json", () -> body("{\"store\":[1]}", RequestBodies.CreateCart.class));
        assertInvalid("malformed_json", () -> body("{\"store\":\"s1\"}}", RequestBodies.CreateCart.class));
        assertInvalid("malformed_json", () -> body("store=s1", RequestBodies.CreateCart.class));
    }

    @Test
    void requiredFieldsMustNotBeNullOrBlank() {
        assertInvalid("missing_field", () -> Requests.required(null, "store"));
        assertInvalid("missing_field", () -> Requests.required(" ", "store"));
        assertEquals("s1", Requests.required(" s1 ", "store"));
        assertNull(Requests.optional(" "));
    }

    @Test
    void quantitiesArePositiveSensibleAndAtMostThreeDecimals() {
        for (String bad : new String[] { "0", "-1", "0.000", "10000.001", "10001", "1E+9", "1.2345", "0.0001" }) {
            assertInvalid("invalid_quantity", () -> Requests.quantity(new BigDecimal(bad)));
        }
        assertInvalid("invalid_quantity", () -> Requests.quantity(null));
        assertEquals(new BigDecimal("10000"), Requests.quantity(new BigDecimal("10000")));
        assertEquals(new BigDecimal("0.001"), Requests.quantity(new BigDecimal("0.001")));
        assertEquals(new BigDecimal("2.5"), Requests.quantity(new BigDecimal("2.500")));
        assertEquals(new BigDecimal("100"), Requests.quantity(new BigDecimal("1E+2")));
    }

    @Test
    void integerParametersAreCheckedNot404() {
        assertEquals(50, Requests.intParam(null, "limit", 50, 1, 200));
        assertEquals(50, Requests.intParam("", "limit", 50, 1, 200));
        assertEquals(200, Requests.intParam("200", "limit", 50, 1, 200));
        for (String bad : new String[] { "0", "201", "-1", "ten", "1.5", "99999999999" }) {
            assertInvalid("invalid_parameter", () -> Requests.intParam(bad, "limit", 50, 1, 200));
        }
    }

    @Test
    void barcodesAreCheckedWithTheirCheckDigit() {
        assertEquals("4006381333931", Requests.barcode("4006381333931").digits());
        assertInvalid("invalid_barcode", () -> Requests.barcode("4006381333932"));
        assertInvalid("invalid_barcode", () -> Requests.barcode("abc"));
    }
}
