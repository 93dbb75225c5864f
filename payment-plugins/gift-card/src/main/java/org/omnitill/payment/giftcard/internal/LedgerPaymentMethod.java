package org.omnitill.payment.giftcard.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.CardDetails;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundRequest;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paying with an account of the {@link GiftCardLedger}: the two plugins {@code gift-card} and
 * {@code store-credit} differ only in the kind of account they accept.
 *
 * <p>How the SPI's outcomes map: a refusal of the ledger (unknown or blocked card, not enough on it,
 * wrong currency) is {@code FAILED} with a message for the cashier; a database failure is
 * {@code PENDING}, because the transaction may or may not have committed, and {@link #status} tells
 * later. A request the plugin cannot even read (no card number, tender above the amount due) is an
 * {@link OmnitillException}, like any other bad input.
 */
abstract class LedgerPaymentMethod implements PaymentMethod {

    /** The {@code data} key with the account number the customer pays with. */
    static final String NUMBER_KEY = "giftCardNumber";
    /** Accepted as well, e.g. for store credit. */
    static final String ACCOUNT_KEY = "accountNumber";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPaymentMethod.class);

    private final GiftCardLedger ledger;
    private final AccountKind kind;

    LedgerPaymentMethod(GiftCardLedger ledger, AccountKind kind) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.kind = kind;
    }

    /** Never: a card pays exactly what is tendered, at most what is due. */
    @Override
    public boolean givesChange() {
        return false;
    }

    /** Redeems exactly the tendered amount from the account in {@code data}. */
    @Override
    public PaymentResult pay(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        Money due = request.due();
        Money tendered = request.tendered();
        if (due == null || tendered == null) {
            throw OmnitillException.invalid("payment_amount_missing",
                    "a " + kind.code() + " payment needs the amount due and the amount tendered");
        }
        if (!tendered.isSameCurrency(due)) {
            throw OmnitillException.invalid("tender_currency_mismatch",
                    "tendered in " + tendered.currencyCode() + " towards an amount due in " + due.currencyCode());
        }
        Money zero = Money.zero(due.currency());
        if (!due.isPositive()) {
            return PaymentResult.declined(zero, "Nothing is owed on this cart (amount due " + due + ")");
        }
        if (!tendered.isPositive()) {
            throw OmnitillException.invalid("tender_not_positive", "the amount tendered must be more than zero");
        }
        if (tendered.isGreaterThan(due)) {
            throw OmnitillException.unprocessable("overpayment",
                    kind.code() + " pays at most the amount due (" + due + "); it gives no change");
        }
        String number = requiredNumber(request.data());
        try {
            Movement movement = ledger.redeem(kind, number, tendered, request.paymentId(), actor(request));
            return captured(movement.entry());
        } catch (OmnitillException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                return PaymentResult.pending(zero, null,
                        "the gift card ledger did not answer; the payment is checked again");
            }
            LOG.debug("{} payment {} declined: {}", kind.code(), request.paymentId(), e.code());
            return PaymentResult.declined(zero, e.getMessage());
        }
    }

    @Override
    public PaymentResult status(PaymentReference payment) {
        Money zero = Money.zero(payment.amount().currency());
        GiftCardLedger.PaymentState state;
        try {
            state = ledger.paymentState(number(payment.data()), payment.paymentId(), actor(payment));
        } catch (OmnitillException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                return PaymentResult.pending(zero, payment.reference(), "the gift card ledger did not answer");
            }
            return PaymentResult.declined(zero, e.getMessage());
        }
        if (state.captured()) {
            return captured(state.redemption());
        }
        if (state.voided()) {
            return new PaymentResult(TenderStatus.VOIDED, zero, zero, zero, state.voiding().id(),
                    "the redemption was voided", null);
        }
        return PaymentResult.declined(zero, "nothing was taken from the card for this payment");
    }

    /** Puts what the payment took back on the account: {@code VOIDED}, or {@code FAILED} with the reason. */
    @Override
    public PaymentResult cancel(PaymentReference payment) {
        Money zero = Money.zero(payment.amount().currency());
        Optional<Movement> voided;
        try {
            voided = ledger.voidRedemption(number(payment.data()), payment.paymentId(), actor(payment));
        } catch (OmnitillException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                throw e; // unknown: the core keeps the tender and the void can be asked for again
            }
            return PaymentResult.declined(zero, e.getMessage());
        }
        String reference = voided.map(m -> m.entry().id()).orElse(null);
        return new PaymentResult(TenderStatus.VOIDED, zero, zero, zero, reference,
                voided.isPresent() ? null : "no such account; nothing was taken", null);
    }

    /** Puts the amount back on the account the payment was taken from. */
    @Override
    public RefundResult refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        PaymentReference original = request.original();
        try {
            Movement movement = ledger.refundToCard(number(original.data()), original.paymentId(), request.amount(),
                    request.refundId(), actor(original));
            return refunded(movement.entry(), request.amount());
        } catch (OmnitillException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                return new RefundResult(TenderStatus.PENDING, request.amount(), null,
                        "the gift card ledger did not answer; the refund is checked again");
            }
            LOG.debug("{} refund {} refused: {}", kind.code(), request.refundId(), e.code());
            return RefundResult.failed(request.amount(), e.getMessage());
        }
    }

    @Override
    public RefundResult refundStatus(RefundRequest request) {
        PaymentReference original = request.original();
        Optional<LedgerEntry> entry;
        try {
            entry = ledger.refundState(number(original.data()), original.paymentId(), request.refundId(),
                    actor(original));
        } catch (OmnitillException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                return new RefundResult(TenderStatus.PENDING, request.amount(), null,
                        "the gift card ledger did not answer");
            }
            return RefundResult.failed(request.amount(), e.getMessage());
        }
        return entry.map(e -> refunded(e, request.amount()))
                .orElseGet(() -> RefundResult.failed(request.amount(), "no such account; nothing was refunded"));
    }

    private static RefundResult refunded(LedgerEntry entry, Money requested) {
        if (entry.isClosingMarker()) {
            return RefundResult.failed(requested, "this refund was given up; nothing was put back on the card");
        }
        return RefundResult.refunded(entry.amount(), entry.id());
    }

    private static PaymentResult captured(LedgerEntry redemption) {
        String number = redemption.accountNumber();
        CardDetails card = new CardDetails(AccountKind.ofNumber(number).code(), CardNumbers.maskedForReceipt(number),
                null, null);
        return PaymentResult.capturedByCard(redemption.amount().negate(), redemption.id(), card);
    }

    /** The account number in the data, or null. */
    static String number(Map<String, String> data) {
        String number = data.get(NUMBER_KEY);
        return number == null || number.isBlank() ? data.get(ACCOUNT_KEY) : number;
    }

    private String requiredNumber(Map<String, String> data) {
        String number = number(data);
        if (number == null || number.isBlank()) {
            throw OmnitillException.invalid("card_number_required", "a " + kind.code() + " payment needs the "
                    + NUMBER_KEY + " (or " + ACCOUNT_KEY + ") in its data");
        }
        return number;
    }

    private static String actor(PaymentRequest request) {
        return till(request.storeId(), request.registerId());
    }

    private static String actor(PaymentReference payment) {
        return till(payment.storeId(), payment.registerId());
    }

    /** Who a movement made through a payment is recorded as: the register, else the store. */
    private static String till(String storeId, String registerId) {
        if (registerId != null && !registerId.isBlank()) {
            return "register/" + registerId;
        }
        return storeId == null || storeId.isBlank() ? "payment" : "store/" + storeId;
    }
}
