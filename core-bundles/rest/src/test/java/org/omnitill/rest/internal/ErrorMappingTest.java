package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;

import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omnitill.api.catalog.Barcode;
import org.omnitill.api.catalog.Quantity;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;

class ErrorMappingTest {

    private final ObjectMapper json = OmnitillJson.newMapper();

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    @Test
    void omnitillExceptionsMapByKind() {
        assertError(400, "bad_thing", ErrorMapping.map(OmnitillException.invalid("bad_thing", "bad")));
        assertError(404, "cart_not_found", ErrorMapping.map(OmnitillException.notFound("cart_not_found", "no")));
        assertError(409, "out_of_stock", ErrorMapping.map(OmnitillException.conflict("out_of_stock", "none left")));
        assertError(422, "cart_not_paid", ErrorMapping.map(OmnitillException.unprocessable("cart_not_paid", "pay")));
        assertError(503, "tax_rule_unavailable",
                ErrorMapping.map(OmnitillException.unavailable("tax_rule_unavailable", "later")));
        ApiError error = ErrorMapping.map(OmnitillException.conflict("out_of_stock", "only 2 left of SKU-1"));
        assertEquals("only 2 left of SKU-1", error.message());
    }

    @Test
    void anOmnitillExceptionWrappedBySomethingElseStillMapsByKind() {
        assertError(409, "cart_closed",
                ErrorMapping.map(new IllegalStateException("wrapper", OmnitillException.conflict("cart_closed", "closed"))));
    }

    @Test
    void malformedJsonIs400() {
        JsonProcessingException syntax = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"store\": ", RequestBodies.CreateCart.class));
        ApiError error = assertError(400, "malformed_json", ErrorMapping.map(syntax));
        assertTrue(error.message().contains("not valid JSON"), error.message());

        JsonProcessingException wrongType = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"store\": {\"a\": 1}}", RequestBodies.CreateCart.class));
        error = assertError(400, "malformed_json", ErrorMapping.map(wrongType));
        assertEquals("field 'store' has the wrong type or format", error.message());

        JsonProcessingException array = assertThrows(JsonProcessingException.class,
                () -> json.readValue("[1, 2]", RequestBodies.CreateCart.class));
        error = assertError(400, "malformed_json", ErrorMapping.map(array));
        assertFalse(error.message().contains("org.omnitill"), error.message());
    }

    @Test
    void malformedJsonReportedByTheRuntimeIs400() {
        JsonProcessingException syntax = assertThrows(JsonProcessingException.class, () -> json.readTree("{oops"));
        assertError(400, "malformed_json", ErrorMapping.map(new BadRequestException(syntax)));
        assertError(400, "malformed_json", ErrorMapping.map(new WebApplicationException(new RuntimeException(syntax), 400)));
    }

    @Test
    void illegalArgumentsOfTheApiValueTypesAre400WithTheirMessage() {
        IllegalArgumentException money = assertThrows(IllegalArgumentException.class,
                () -> Money.of(new BigDecimal("1.234"), Currency.getInstance("EUR")));
        ApiError error = assertError(400, "invalid_argument", ErrorMapping.map(money));
        assertEquals(money.getMessage(), error.message());

        IllegalArgumentException barcode = assertThrows(IllegalArgumentException.class, () -> Barcode.parse("123"));
        assertEquals(barcode.getMessage(), assertError(400, "invalid_argument", ErrorMapping.map(barcode)).message());

        IllegalArgumentException quantity = assertThrows(IllegalArgumentException.class,
                () -> Quantity.of(new BigDecimal("1.5"), UnitOfMeasure.EACH));
        assertEquals(quantity.getMessage(), assertError(400, "invalid_argument", ErrorMapping.map(quantity)).message());

        IllegalArgumentException currency = assertThrows(IllegalArgumentException.class, () -> Money.currency("XYZ"));
        assertEquals(currency.getMessage(), assertError(400, "invalid_argument", ErrorMapping.map(currency)).message());
    }

    @Test
    void otherIllegalArgumentsAre400WithoutTheirMessage() {
        ApiError error = assertError(400, "invalid_argument",
                ErrorMapping.map(new IllegalArgumentException("column CART_ID of table OT_CART")));
        assertFalse(error.message().contains("OT_CART"));
    }

    @Test
    void runtimeExceptionsOfJaxRsMapToTheirStatus() {
        assertError(404, "not_found", ErrorMapping.map(new NotFoundException()));
        ApiError notAllowed = assertError(405, "method_not_allowed",
                ErrorMapping.map(new NotAllowedException("GET", new String[] { "POST" })));
        assertEquals("GET,POST", notAllowed.headers().get(HttpHeaders.ALLOW));
        assertError(415, "unsupported_media_type", ErrorMapping.map(new NotSupportedException()));
        assertError(406, "not_acceptable", ErrorMapping.map(new NotAcceptableException()));
        assertError(400, "bad_request", ErrorMapping.map(new BadRequestException()));
        assertError(503, "unavailable", ErrorMapping.map(new ServiceUnavailableException()));
        assertError(500, "internal_error", ErrorMapping.map(new WebApplicationException(500)));
    }

    @Test
    void optimisticLockingIs409() {
        assertError(409, "concurrent_modification", ErrorMapping.map(new OptimisticLockException("version 3")));
        assertError(409, "concurrent_modification",
                ErrorMapping.map(new RollbackException("commit failed", new OptimisticLockException("version 3"))));
        // EclipseLink's own exception type, recognised by name
        assertError(409, "concurrent_modification",
                ErrorMapping.map(new RollbackException("commit failed", new OptimisticLockException("x") {
                    private static final long serialVersionUID = 1L;
                })));
        assertError(409, "concurrent_modification", ErrorMapping.map(
                new PersistenceException(new org.omnitill.rest.internal.eclipse.OptimisticLockException())));
    }

    @Test
    void anythingElseIsA500ThatLeaksNothing() {
        ApiError error = assertError(500, "internal_error",
                ErrorMapping.map(new IllegalStateException("password=hunter2 at jdbc:postgresql://db")));
        assertFalse(error.message().contains("hunter2"));
        assertFalse(error.message().contains("jdbc"));
        assertTrue(error.message().contains("incident"));
        assertError(500, "internal_error", ErrorMapping.map(new PersistenceException("unique constraint violated")));
        assertError(500, "internal_error", ErrorMapping.map(new NullPointerException()));
        assertError(500, "internal_error", ErrorMapping.map(new StackOverflowError()));
    }

    @Test
    void theMappersAnswerJsonBodies() throws Exception {
        Response response = new ThrowableMapper().toResponse(OmnitillException.notFound("cart_not_found", "no cart 7"));
        assertEquals(404, response.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        JsonNode body = json.readTree((String) response.getEntity());
        assertEquals("cart_not_found", body.get("error").textValue());
        assertEquals("no cart 7", body.get("message").textValue());
        assertEquals(2, body.size());

        Response notAllowed = new WebApplicationExceptionMapper().toResponse(new NotAllowedException("GET"));
        assertEquals(405, notAllowed.getStatus());
        assertEquals("GET", notAllowed.getHeaderString(HttpHeaders.ALLOW));
        assertEquals("method_not_allowed", json.readTree((String) notAllowed.getEntity()).get("error").textValue());
    }

    @Test
    void everyOmnitillKindHasAStatus() {
        for (ErrorKind kind : ErrorKind.values()) {
            ApiError error = ErrorMapping.map(new OmnitillException(kind, "code", "message"));
            assertTrue(error.status() >= 400 && error.status() < 600);
            assertTrue(error.status() != 500);
        }
    }

    private static ApiError assertError(int status, String code, ApiError error) {
        assertEquals(status, error.status(), error.toString());
        assertEquals(code, error.code(), error.toString());
        assertTrue(error.message() != null && !error.message().isBlank());
        return error;
    }
}
