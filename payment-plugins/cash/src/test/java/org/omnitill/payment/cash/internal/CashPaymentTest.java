package org.omnitill.payment.cash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundRequest;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;

class CashPaymentTest {

    private final CashPayment cash = new CashPayment(config(
            new String[] {CashRounding.DEFAULT_CURRENCY_INCREMENTS},
            new String[] {CashRounding.DEFAULT_COUNTRY_INCREMENTS}));

    static CashPayment.Config config(String[] currencyIncrements, String[] countryIncrements) {
        return new CashPayment.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CashPayment.Config.class;
            }

            @Override
            public String[] currencyIncrements() {
                return currencyIncrements;
            }

            @Override
            public String[] countryIncrements() {
                return countryIncrements;
            }
        };
    }

    static PaymentRequest request(String country, String due, String tendered, String currency) {
        return new PaymentRequest("pay-1", "cart-1", "store-1", country, Money.of(due, currency),
                Money.of(tendered, currency));
    }

    private static Money m(String amount, String currency) {
        return Money.of(amount, currency);
    }

    private static void assertCaptured(PaymentResult result, String applied, String rounding, String change,
            String currency) {
        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals(m(applied, currency), result.applied(), "applied");
        assertEquals(m(rounding, currency), result.rounding(), "rounding");
        assertEquals(m(change, currency), result.change(), "change");
        assertNull(result.reference());
        assertNull(result.message());
    }

    @Test
    void givesChange() {
        assertTrue(cash.givesChange());
    }

    @Test
    void euroInGermanyIsExactAndGivesChange() {
        assertCaptured(cash.pay(request("DE", "12.33", "20.00", "EUR")), "12.33", "0.00", "7.67", "EUR");
    }

    @Test
    void swissFrancsRoundUpToFiveRappen() {
        assertCaptured(cash.pay(request("CH", "12.33", "20.00", "CHF")), "12.33", "0.02", "7.65", "CHF");
    }

    @Test
    void swissFrancsRoundDownToFiveRappen() {
        assertCaptured(cash.pay(request("CH", "12.32", "20.00", "CHF")), "12.32", "-0.02", "7.70", "CHF");
    }

    @Test
    void exactCashTotalNeedsNoChange() {
        assertCaptured(cash.pay(request("CH", "12.33", "12.35", "CHF")), "12.33", "0.02", "0.00", "CHF");
    }

    @Test
    void tenderBelowTheDueIsAPartialPaymentWithoutRounding() {
        assertCaptured(cash.pay(request("CH", "50.00", "20.00", "CHF")), "20.00", "0.00", "0.00", "CHF");
        assertCaptured(cash.pay(request("CH", "12.33", "10.00", "CHF")), "10.00", "0.00", "0.00", "CHF");
        assertCaptured(cash.pay(request("DE", "99.99", "50.00", "EUR")), "50.00", "0.00", "0.00", "EUR");
    }

    @Test
    void tenderBetweenTheDueAndARoundedUpCashTotalSettlesTheDueWithoutExceedingIt() {
        // 12.33 rounds to 12.35 in cash; 12.34 settles the due and the extra cent is rounding.
        assertCaptured(cash.pay(request("CH", "12.33", "12.34", "CHF")), "12.33", "0.01", "0.00", "CHF");
        // Tendering exactly the unrounded due settles it with no rounding at all.
        assertCaptured(cash.pay(request("CH", "12.33", "12.33", "CHF")), "12.33", "0.00", "0.00", "CHF");
    }

    /** Examples published with each rule (Rijksoverheid, unizo, Confesercenti, Canada Revenue Agency...). */
    @ParameterizedTest(name = "{0} {2}: {1} is paid in cash as {3}")
    @CsvSource({
            "NL, 23.37, EUR, 23.35",
            "NL, 8.89, EUR, 8.90",
            "BE, 12.92, EUR, 12.90",
            "BE, 12.93, EUR, 12.95",
            "BE, 12.97, EUR, 12.95",
            "BE, 12.98, EUR, 13.00",
            "IT, 5.52, EUR, 5.50",
            "IT, 5.54, EUR, 5.55",
            "IT, 58.98, EUR, 59.00",
            "FI, 14.97, EUR, 14.95",
            "IE, 5.96, EUR, 5.95",
            "IE, 5.98, EUR, 6.00",
            "SK, 10.02, EUR, 10.00",
            "SK, 10.03, EUR, 10.05",
            "DE, 23.37, EUR, 23.37",
            "AT, 8.89, EUR, 8.89",
            "FR, 12.98, EUR, 12.98",
            "CA, 1.01, CAD, 1.00",
            "CA, 1.03, CAD, 1.05",
            "CA, 1.08, CAD, 1.10",
            "AU, 161.44, AUD, 161.45",
            "AU, 236.51, AUD, 236.50",
            "NZ, 10.14, NZD, 10.10",
            "NZ, 10.16, NZD, 10.20",
            "DK, 405.24, DKK, 405.00",
            "DK, 405.25, DKK, 405.50",
            "DK, 405.74, DKK, 405.50",
            "DK, 405.85, DKK, 406.00",
            "SE, 99.49, SEK, 99.00",
            "SE, 99.50, SEK, 100.00",
            "NO, 15.20, NOK, 15.00",
            "NO, 15.50, NOK, 16.00",
            "CH, 17.87, CHF, 17.85",
            "CH, 17.88, CHF, 17.90",
            "US, 17.88, USD, 17.88"
    })
    void roundsTheCashTotalAsTheCountryDoes(String country, String due, String currency, String cashTotal) {
        PaymentResult result = cash.pay(request(country, due, "500.00", currency));
        Money expectedTotal = m(cashTotal, currency);
        assertCaptured(result, due, expectedTotal.minus(m(due, currency)).amount().toPlainString(),
                m("500.00", currency).minus(expectedTotal).amount().toPlainString(), currency);
    }

    @Test
    void swedishKronorRoundToWholeKronor() {
        assertCaptured(cash.pay(request("SE", "149.50", "200.00", "SEK")), "149.50", "0.50", "50.00", "SEK");
        assertCaptured(cash.pay(request("SE", "149.49", "200.00", "SEK")), "149.49", "-0.49", "51.00", "SEK");
    }

    @Test
    void euroRoundsInTheNetherlands() {
        assertCaptured(cash.pay(request("NL", "23.37", "50.00", "EUR")), "23.37", "-0.02", "26.65", "EUR");
        assertCaptured(cash.pay(request("nl", "8.89", "10.00", "EUR")), "8.89", "0.01", "1.10", "EUR");
    }

    @Test
    void withoutACountryOnlyTheCurrencyDecides() {
        assertCaptured(cash.pay(request(null, "12.33", "20.00", "CHF")), "12.33", "0.02", "7.65", "CHF");
        assertCaptured(cash.pay(request(null, "23.37", "50.00", "EUR")), "23.37", "0.00", "26.63", "EUR");
    }

    @Test
    void aCountryEntryWinsOverTheCurrencyEntry() {
        CashPayment configured = new CashPayment(config(new String[] {"EUR:0.10"}, new String[] {"NL:EUR:0.05"}));
        assertCaptured(configured.pay(request("NL", "23.37", "50.00", "EUR")), "23.37", "-0.02", "26.65", "EUR");
        assertCaptured(configured.pay(request("DE", "23.37", "50.00", "EUR")), "23.37", "0.03", "26.60", "EUR");
    }

    @Test
    void reconfigurationTakesEffectForTheNextPayment() {
        CashPayment configured = new CashPayment(config(new String[0], new String[0]));
        assertCaptured(configured.pay(request("CH", "12.33", "20.00", "CHF")), "12.33", "0.00", "7.67", "CHF");
        configured.modified(config(new String[] {"CHF:0.05"}, new String[0]));
        assertCaptured(configured.pay(request("CH", "12.33", "20.00", "CHF")), "12.33", "0.02", "7.65", "CHF");
    }

    @Test
    void nothingOwedIsDeclined() {
        for (String due : new String[] {"0.00", "-5.00"}) {
            PaymentResult result = cash.pay(request("CH", due, "20.00", "CHF"));
            assertEquals(TenderStatus.FAILED, result.status());
            assertEquals(Money.zero(Money.currency("CHF")), result.applied());
            assertEquals(Money.zero(Money.currency("CHF")), result.change());
            assertEquals(Money.zero(Money.currency("CHF")), result.rounding());
            assertNotNull(result.message());
            assertTrue(result.message().startsWith("Nothing is owed"), result.message());
        }
    }

    @Test
    void tenderInAnotherCurrencyIsRefused() {
        PaymentRequest request = new PaymentRequest("pay-1", "cart-1", "store-1", "CH", m("12.33", "CHF"),
                m("20.00", "EUR"));
        OmnitillException e = assertThrows(OmnitillException.class, () -> cash.pay(request));
        assertEquals(ErrorKind.INVALID, e.kind());
        assertEquals("tender_currency_mismatch", e.code());
    }

    @Test
    void tenderMustBePositive() {
        for (String tendered : new String[] {"0.00", "-1.00"}) {
            OmnitillException e = assertThrows(OmnitillException.class,
                    () -> cash.pay(request("CH", "12.33", tendered, "CHF")));
            assertEquals("tender_not_positive", e.code());
        }
    }

    @Test
    void voidingRefundingAndLookingUpCashNeedsNoProvider() {
        PaymentReference taken = new PaymentReference("p-1", "s-1",
                "R1", null, Money.of("12.30", "EUR"), java.util.Map.of());
        assertEquals(TenderStatus.VOIDED, cash.cancel(taken).status());
        assertEquals(TenderStatus.CAPTURED, cash.status(taken).status());
        RefundResult refund = cash.refund(new RefundRequest("r-1", taken,
                Money.of("4.10", "EUR"), "faulty"));
        assertEquals(TenderStatus.REFUNDED, refund.status());
        assertEquals(Money.of("4.10", "EUR"), refund.amount());
    }
}
