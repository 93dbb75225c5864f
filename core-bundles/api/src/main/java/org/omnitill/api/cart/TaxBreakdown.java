package org.omnitill.api.cart;

import java.math.BigDecimal;

import org.omnitill.api.money.Money;

/** The tax of one rate over a whole cart or order: net base, tax, and gross (base plus tax). */
public record TaxBreakdown(
        String jurisdiction,
        String code,
        String name,
        BigDecimal rate,
        Money taxableAmount,
        Money tax,
        Money grossAmount) {
}
