package org.omnitill.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;

/**
 * The one JSON configuration of the REST API. Money travels as {@code {"amount":"12.30","currency":"EUR"}}
 * with the amount as an exact decimal string; currencies as ISO codes; instants and dates as ISO
 * strings; other decimals as plain JSON numbers; enums by name. Unknown request properties are
 * ignored, trailing garbage is not.
 *
 * <p>A value refused while reading (an {@link OmnitillException} or an {@link IllegalArgumentException}
 * of an API value type) arrives wrapped in a {@code JsonMappingException} that knows the field's path;
 * {@link ErrorMapping#malformedJson} unwraps it again.
 */
final class OmnitillJson {

    private OmnitillJson() {
    }

    /** A new mapper with the Omnitill module; configure once, share freely (mappers are thread-safe). */
    static ObjectMapper newMapper() {
        SimpleModule module = new SimpleModule("omnitill");
        module.addSerializer(Money.class, new MoneySerializer());
        module.addDeserializer(Money.class, new MoneyDeserializer());
        module.addSerializer(Currency.class, ToStringSerializer.instance);
        module.addDeserializer(Currency.class, new FromStringDeserializer<>(Currency.class, Money::currency));
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class, OmnitillJson::instant));
        module.addSerializer(LocalDate.class, ToStringSerializer.instance);
        module.addDeserializer(LocalDate.class, new FromStringDeserializer<>(LocalDate.class, OmnitillJson::date));
        return JsonMapper.builder()
                .addModule(module)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date");
        }
    }

    static final class MoneySerializer extends StdSerializer<Money> {
        private static final long serialVersionUID = 1L;

        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currencyCode());
            gen.writeEndObject();
        }
    }

    /**
     * Reads {@code {"amount":"12.30","currency":"EUR"}}; the amount may also be a JSON number, read
     * exactly. {@link Money#of(BigDecimal, Currency)} refuses more decimals than the currency has.
     */
    static final class MoneyDeserializer extends StdDeserializer<Money> {
        private static final long serialVersionUID = 1L;

        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartObjectToken()) {
                throw invalidMoney("an amount of money must be an object like {\"amount\":\"12.30\",\"currency\":\"EUR\"}");
            }
            // ctxt.readTree, not p.readValueAsTree: the latter reads as a root value and trips FAIL_ON_TRAILING_TOKENS
            JsonNode node = ctxt.readTree(p);
            JsonNode amount = node.get("amount");
            JsonNode currency = node.get("currency");
            if (amount == null || amount.isNull()) {
                throw invalidMoney("an amount of money needs an \"amount\"");
            }
            if (currency == null || !currency.isTextual()) {
                throw invalidMoney("an amount of money needs a \"currency\" code such as \"EUR\"");
            }
            BigDecimal value;
            if (amount.isTextual()) {
                try {
                    value = new BigDecimal(amount.textValue().trim());
                } catch (NumberFormatException e) {
                    throw invalidMoney("'" + amount.textValue() + "' is not a decimal amount");
                }
            } else if (amount.isNumber()) {
                value = amount.decimalValue();
            } else {
                throw invalidMoney("\"amount\" must be a decimal string such as \"12.30\"");
            }
            return Money.of(value, Money.currency(currency.textValue()));
        }

        private static OmnitillException invalidMoney(String message) {
            return OmnitillException.invalid("invalid_money", message);
        }
    }

    /** A scalar written as a string; a parse failure is an {@link IllegalArgumentException}. */
    static final class FromStringDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final transient Function<String, T> parse;

        FromStringDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            return parse.apply(p.getText().trim());
        }
    }
}
