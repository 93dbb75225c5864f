package org.omnitill.rest.internal;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import org.omnitill.api.money.Money;

/** The JSON bodies the API accepts. Missing fields read as null; {@link Requests} checks them. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code POST /carts}. */
    record CreateCart(String store, String channel, String register) {
    }

    /** {@code POST /carts/{id}/lines}: exactly one of sku and barcode. */
    record AddLine(String sku, String barcode, @JsonDeserialize(using = QuantityDeserializer.class) BigDecimal quantity) {
    }

    /** {@code PATCH /carts/{id}/lines/{lineId}}. */
    record ChangeLine(@JsonDeserialize(using = QuantityDeserializer.class) BigDecimal quantity) {
    }

    /** {@code POST /carts/{id}/payments}. */
    record Pay(String method, Money amount, java.util.Map<String, String> data) {
    }

    /** {@code PUT /carts/{id}/lines/{lineId}/price}. */
    record PriceOverride(Money unitPrice, String reason) {
    }

    /** {@code PUT /carts/{id}/lines/{lineId}/discount}: exactly one of percent and amount. */
    record Discount(BigDecimal percent, Money amount, String reason) {
    }

    /** {@code PUT /carts/{id}/tax-exemption}. */
    record TaxExemption(String certificate) {
    }

    /** {@code PUT /carts/{id}/ship-to}. */
    record ShipTo(String country, String region, String postalCode, String city) {
    }
}
