package org.omnitill.payment.cash.internal;

import java.util.Objects;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundRequest;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Cash: the customer hands over notes and coins and gets change. The cash total is rounded to the
 * smallest coin in circulation where the country or currency requires it (see {@link CashRounding});
 * the rounding difference is reported on the tender, never folded into the amount applied.
 */
@Component(service = PaymentMethod.class, configurationPid = CashPayment.PID, property = {
        PluginProperties.ID + "=cash",
        PluginProperties.FAMILY + "=" + PluginFamily.PAYMENT,
        PluginProperties.NAME + "=Cash" })
@Designate(ocd = CashPayment.Config.class)
public class CashPayment implements PaymentMethod {

    static final String PID = "org.omnitill.payment.cash";

    @ObjectClassDefinition(name = "Omnitill cash payment",
            description = "Cash rounding: the increment a cash total is rounded to, halves up.")
    @interface Config {

        @AttributeDefinition(name = "Increments per currency",
                description = "Comma-separated CUR:increment entries, e.g. CHF:0.05,SEK:1.00. "
                        + "Applies in every country unless a country entry overrides it.")
        String[] currencyIncrements() default CashRounding.DEFAULT_CURRENCY_INCREMENTS;

        @AttributeDefinition(name = "Increments per country",
                description = "Comma-separated CC:CUR:increment entries, e.g. NL:EUR:0.05; "
                        + "they win over the currency entries.")
        String[] countryIncrements() default CashRounding.DEFAULT_COUNTRY_INCREMENTS;
    }

    private volatile CashRounding rounding;

    @Activate
    public CashPayment(Config config) {
        this(rounding(config));
    }

    CashPayment(CashRounding rounding) {
        this.rounding = Objects.requireNonNull(rounding, "rounding");
    }

    @Modified
    void modified(Config config) {
        this.rounding = rounding(config);
    }

    private static CashRounding rounding(Config config) {
        return CashRounding.parse(config.currencyIncrements(), config.countryIncrements());
    }

    @Override
    public boolean givesChange() {
        return true;
    }

    /** Cash is counted at the till: nothing outside this process takes part. */
    @Override
    public boolean settlesInProcess() {
        return true;
    }

    /**
     * Takes cash towards the amount due.
     * <ul>
     * <li>Tendered at least the cash total (the due rounded): the due is settled, the rounding is the
     * cash total minus the due (negative when rounded down) and the rest is change.</li>
     * <li>Tendered at least the due but less than a cash total rounded up (CHF 12.34 towards a due of
     * 12.33 whose cash total is 12.35): the due is settled and the surplus counts as rounding, with no
     * change, so that the amount applied never exceeds the due.</li>
     * <li>Tendered less than that: a partial payment of exactly what was tendered, without rounding;
     * the cart stays open for the rest.</li>
     * </ul>
     * In every case tendered = applied + rounding + change.
     */
    @Override
    public PaymentResult pay(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        Money due = request.due();
        Money tendered = request.tendered();
        if (due == null || tendered == null) {
            throw OmnitillException.invalid("payment_amount_missing", "A cash payment needs the amount due and the amount tendered");
        }
        if (!tendered.isSameCurrency(due)) {
            throw OmnitillException.invalid("tender_currency_mismatch", "Cash tendered in " + tendered.currencyCode()
                    + " cannot pay an amount due in " + due.currencyCode());
        }
        Money zero = Money.zero(due.currency());
        if (!due.isPositive()) {
            return PaymentResult.declined(zero, "Nothing is owed on this cart (amount due " + due + ")");
        }
        if (!tendered.isPositive()) {
            throw OmnitillException.invalid("tender_not_positive", "Cash tendered must be more than zero, was " + tendered);
        }
        Money cashTotal = rounding.cashAmount(due, request.country());
        if (!tendered.isLessThan(cashTotal)) {
            return PaymentResult.captured(due, tendered.minus(cashTotal), cashTotal.minus(due), null);
        }
        if (!tendered.isLessThan(due)) {
            return PaymentResult.captured(due, zero, tendered.minus(due), null);
        }
        return PaymentResult.captured(tendered, zero, zero, null);
    }

    /** Cash is settled over the counter: a cash tender is never pending, so it stands as it was taken. */
    @Override
    public PaymentResult status(PaymentReference payment) {
        Objects.requireNonNull(payment, "payment");
        Money zero = Money.zero(payment.amount().currency());
        return PaymentResult.captured(payment.amount(), zero, zero, payment.reference());
    }

    /** Voiding a cash tender is handing the notes back: nothing to ask anyone. */
    @Override
    public PaymentResult cancel(PaymentReference payment) {
        Objects.requireNonNull(payment, "payment");
        Money zero = Money.zero(payment.amount().currency());
        return new PaymentResult(TenderStatus.VOIDED, zero, zero, zero, payment.reference(), null);
    }

    /** A cash refund is paid out of the drawer, the exact amount (cash rounding is not refunded). */
    @Override
    public RefundResult refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.amount() == null || !request.amount().isPositive()) {
            throw OmnitillException.invalid("refund_amount_invalid", "A cash refund needs a positive amount");
        }
        return RefundResult.refunded(request.amount(), request.refundId());
    }

    @Override
    public RefundResult refundStatus(RefundRequest request) {
        return refund(request);
    }
}
