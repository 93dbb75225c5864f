package org.omnitill.payment.stripe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;

/** Stripe docs, "Supported currencies": zero-decimal, three-decimal and special-case currencies. */
class StripeAmountsTest {

    @ParameterizedTest(name = "{1} {0} is sent as {2}")
    @CsvSource({
            "12.34, EUR, 1234",
            "0.50, USD, 50",
            "1500, JPY, 1500",
            "50000, KRW, 50000",
            "1000, CLP, 1000",
            "5, ISK, 500",
            "1000.00, MGA, 1000",
            "5.120, KWD, 5120",
            "2500.00, HUF, 250000"
    })
    void amountsAreSentInStripesSmallestUnit(String amount, String currency, long expected) {
        Money money = Money.of(amount, currency);
        assertEquals(expected, StripeAmounts.toStripe(money));
        assertEquals(money, StripeAmounts.fromStripe(expected, currency.toLowerCase()));
    }

    @ParameterizedTest(name = "{1} {0} cannot be charged")
    @CsvSource({"1000.50, MGA", "5.125, KWD", "1.005, BHD"})
    void amountsStripeCannotExpressAreRefused(String amount, String currency) {
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> StripeAmounts.toStripe(Money.of(amount, currency)));
        assertEquals("amount_not_supported_by_stripe", e.code());
    }

    @ParameterizedTest
    @CsvSource({"EUR, eur", "JPY, jpy"})
    void currencyCodesAreLowerCase(String currency, String expected) {
        assertEquals(expected, StripeAmounts.currencyCode(Money.zero(Money.currency(currency))));
    }
}
