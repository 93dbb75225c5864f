package org.omnitill.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import org.omnitill.api.error.OmnitillException;

/**
 * A quantity as a JSON number ({@code 2}, {@code 0.25}) or a decimal string ({@code "0.250"}), read
 * exactly. Anything else is {@code invalid_quantity}; range checks are {@link Requests#quantity}'s.
 */
public final class QuantityDeserializer extends StdDeserializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    public QuantityDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_STRING:
                String text = p.getText().trim();
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw OmnitillException.invalid("invalid_quantity", "quantity '" + text + "' is not a decimal number");
                }
            default:
                throw OmnitillException.invalid("invalid_quantity", "quantity must be a number or a decimal string");
        }
    }
}
