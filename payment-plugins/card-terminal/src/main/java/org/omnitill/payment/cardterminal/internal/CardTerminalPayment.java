package org.omnitill.payment.cardterminal.internal;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
import org.omnitill.payment.cardterminal.internal.TerminalAnswers.Lookup;
import org.omnitill.payment.cardterminal.internal.TerminalAnswers.Outcome;
import org.omnitill.payment.cardterminal.internal.TerminalAnswers.Sale;
import org.omnitill.payment.cardterminal.internal.TerminalAnswers.State;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Card payments on a payment terminal that speaks the Adyen Terminal API (JSON over HTTP(S), built on the
 * nexo Sale to POI protocol 3.0). Each register is mapped to a terminal; the customer presents the card
 * on the terminal, and the platform only ever sees brand, masked PAN, a token and the approval code.
 *
 * <p>Idempotency without stored state: the ServiceID of a sale (and of a reversal) is derived from the
 * payment id (refund id), so before sending anything the plugin asks the terminal with a
 * {@code TransactionStatusRequest} whether it already has that transaction (Adyen, "Verify transaction
 * status"). A repeated call, even after a restart, therefore gets the first outcome instead of a second
 * charge. A request that got no answer (read timeout, dropped connection) is {@code PENDING}: the
 * customer may have paid, and {@link #status} finds out.
 */
@Component(service = PaymentMethod.class, configurationPid = CardTerminalPayment.PID, property = {
        PluginProperties.ID + "=card-terminal",
        PluginProperties.FAMILY + "=" + PluginFamily.PAYMENT,
        PluginProperties.NAME + "=Card terminal (nexo / Adyen Terminal API)" })
@Designate(ocd = CardTerminalPayment.Config.class)
public class CardTerminalPayment implements PaymentMethod {

    static final String PID = "org.omnitill.payment.cardterminal";
    /** A terminal simulator on this machine, so that the plugin starts; production lists the real terminals. */
    static final String DEFAULT_TERMINALS = "*=V400m-324688179@http://127.0.0.1:8443/nexo";

    private static final Logger LOG = LoggerFactory.getLogger(CardTerminalPayment.class);
    private static final int REMEMBERED_REQUESTS = 10_000;

    @ObjectClassDefinition(name = "Omnitill card terminal (Adyen Terminal API)",
            description = "Card payments on terminals that speak the nexo-based Adyen Terminal API over HTTP(S) "
                    + "with JSON. Production reaches each terminal over TLS (https://<terminal-ip>:8443/nexo) and "
                    + "checks its certificate against Adyen's terminal root certificate (trustStore).")
    @interface Config {

        @AttributeDefinition(name = "Terminals",
                description = "Comma-separated registerId=POIID@URL entries, e.g. "
                        + "R1=V400m-324688179@https://192.168.1.20:8443/nexo; * is the terminal of every other "
                        + "register. Plain http is for a simulator only.")
        String[] terminals() default DEFAULT_TERMINALS;

        @AttributeDefinition(name = "Sale ID", description = "The SaleID this point of sale puts in every message.")
        String saleId() default "omnitill";

        @AttributeDefinition(name = "Connect timeout (ms)")
        int connectTimeoutMillis() default 5000;

        @AttributeDefinition(name = "Read timeout (ms)",
                description = "How long to wait for the answer to a payment or reversal: the customer presents "
                        + "the card and may enter a PIN. Adyen terminals give up on a payment after 120 s.")
        int readTimeoutMillis() default 120_000;

        @AttributeDefinition(name = "Status timeout (ms)",
                description = "How long to wait for the answer to a transaction status or abort request.")
        int statusTimeoutMillis() default 10_000;

        @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
                description = "Sent as x-api-key (cloud Terminal API); empty for local communications. "
                        + "The leading dot keeps it out of the service properties.")
        String _apiKey() default "";

        @AttributeDefinition(name = "Trust store", required = false,
                description = "PKCS12 or JKS file with Adyen's terminal root certificate(s). When set, an https "
                        + "terminal must present a certificate chaining to it whose Common Name is "
                        + "<POIID>.(test|live).terminal.adyen.com. Empty: the JVM's trust and host name checks.")
        String trustStore() default "";

        @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD, required = false)
        String _trustStorePassword() default "";
    }

    /** What a configuration yields; replaced as a whole when the configuration changes. */
    private record Wiring(TerminalSettings settings, NexoClient client, NexoMessages messages) {
    }

    private final ObjectMapper json = TerminalJson.mapper();
    private final Clock clock;
    /**
     * Payment and refund ids whose request this instance sent: when the terminal cannot be asked about
     * one of them, its outcome is unknown (PENDING) rather than "nothing happened" (FAILED).
     */
    private final Set<String> sent = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_REQUESTS;
                }
            }));
    private volatile Wiring wiring;

    @Activate
    public CardTerminalPayment(Config config) {
        this(TerminalSettings.from(config), Clock.systemUTC());
    }

    CardTerminalPayment(TerminalSettings settings, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wiring = wire(settings);
        LOG.info("card terminal plugin ready: {}", settings);
    }

    @Modified
    void modified(Config config) {
        TerminalSettings settings = TerminalSettings.from(config);
        this.wiring = wire(settings);
        LOG.info("card terminal plugin reconfigured: {}", settings);
    }

    private Wiring wire(TerminalSettings settings) {
        return new Wiring(settings, new NexoClient(NexoClient.httpClient(settings), json, settings.apiKey()),
                new NexoMessages(json, clock, settings.saleId()));
    }

    /**
     * Charges {@link PaymentRequest#tendered()} on the register's terminal, unless the terminal already has
     * this payment id (then its outcome is returned and nothing is charged again).
     */
    @Override
    public PaymentResult pay(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        Money amount = request.tendered();
        if (amount == null || !amount.isPositive()) {
            throw OmnitillException.invalid("tender_not_positive", "a card payment needs a positive amount");
        }
        if (request.due() != null && !amount.isSameCurrency(request.due())) {
            throw OmnitillException.invalid("tender_currency_mismatch", "a card payment in " + amount.currencyCode()
                    + " cannot pay an amount due in " + request.due().currencyCode());
        }
        String paymentId = requireId(request.paymentId(), "payment_id_required", "a payment id");
        Money zero = Money.zero(amount.currency());
        Wiring w = wiring;
        Terminal terminal = w.settings().terminalFor(request.registerId()).orElse(null);
        if (terminal == null) {
            return PaymentResult.declined(zero, noTerminal(request.registerId()));
        }
        String serviceId = ServiceIds.payment(paymentId);
        String key = "P:" + paymentId;
        Lookup earlier = lookup(w, terminal, NexoMessages.PAYMENT, serviceId);
        switch (earlier.state()) {
            case FOUND:
                LOG.debug("payment {} is known to terminal {}: its outcome is reused", paymentId, terminal.poiId());
                return saleResult(earlier.body(), paymentId, amount, terminal);
            case NOT_FOUND:
                break;
            case NOT_ASKED:
                if (!sent.contains(key)) {
                    return PaymentResult.declined(zero, earlier.message());
                }
                return PaymentResult.pending(zero, null, pendingMessage(earlier.message()));
            default:
                return PaymentResult.pending(zero, null, pendingMessage(earlier.message()));
        }
        sent.add(key);
        try {
            JsonNode answer = w.client().send(terminal, w.messages().payment(terminal, serviceId, paymentId, amount),
                    w.settings().readTimeout());
            return saleResult(answer.path("PaymentResponse"), paymentId, amount, terminal);
        } catch (TerminalException e) {
            if (e.kind() == TerminalException.Kind.NO_ANSWER) {
                LOG.info("payment {} on terminal {}: outcome unknown, pending", paymentId, terminal.poiId());
                return PaymentResult.pending(zero, null, pendingMessage(e.getMessage()));
            }
            return PaymentResult.declined(zero, e.getMessage());
        }
    }

    /** Asks the terminal how a payment ended: captured, declined, still running, or never received. */
    @Override
    public PaymentResult status(PaymentReference payment) {
        Objects.requireNonNull(payment, "payment");
        Money amount = Objects.requireNonNull(payment.amount(), "payment amount");
        Money zero = Money.zero(amount.currency());
        String paymentId = requireId(payment.paymentId(), "payment_id_required", "a payment id");
        Wiring w = wiring;
        Terminal terminal = w.settings().terminalFor(payment.registerId()).orElse(null);
        if (terminal == null) {
            return PaymentResult.pending(zero, payment.reference(), noTerminal(payment.registerId()));
        }
        Lookup lookup = lookup(w, terminal, NexoMessages.PAYMENT, ServiceIds.payment(paymentId));
        return switch (lookup.state()) {
            case FOUND -> saleResult(lookup.body(), paymentId, amount, terminal);
            case NOT_FOUND -> PaymentResult.declined(zero, lookup.message());
            default -> PaymentResult.pending(zero, payment.reference(), pendingMessage(lookup.message()));
        };
    }

    /**
     * Cancels a payment of a cart that is not checked out: a payment still waiting for the card is aborted
     * ({@code AbortRequest}), a completed one reversed in full ({@code ReversalRequest}, reason
     * {@code MerchantCancel}). {@code VOIDED} once nothing is taken; {@code FAILED} (try again) otherwise.
     */
    @Override
    public PaymentResult cancel(PaymentReference payment) {
        Objects.requireNonNull(payment, "payment");
        Money zero = Money.zero(Objects.requireNonNull(payment.amount(), "payment amount").currency());
        String paymentId = requireId(payment.paymentId(), "payment_id_required", "a payment id");
        Wiring w = wiring;
        Terminal terminal = w.settings().terminalFor(payment.registerId()).orElse(null);
        if (terminal == null) {
            return PaymentResult.declined(zero, noTerminal(payment.registerId()));
        }
        String serviceId = ServiceIds.payment(paymentId);
        Lookup lookup = lookup(w, terminal, NexoMessages.PAYMENT, serviceId);
        if (lookup.state() == State.IN_PROGRESS) {
            try {
                w.client().send(terminal, w.messages().abort(terminal, serviceId), w.settings().statusTimeout());
            } catch (TerminalException e) {
                LOG.info("abort of payment {} on terminal {} not confirmed: {}", paymentId, terminal.poiId(),
                        e.getMessage());
            }
            lookup = lookup(w, terminal, NexoMessages.PAYMENT, serviceId);
        }
        switch (lookup.state()) {
            case NOT_FOUND:
                return voided(zero, null);
            case FOUND:
                Sale sale = TerminalAnswers.sale(lookup.body(), json);
                if (!sale.outcome().success() && !sale.outcome().partial()) {
                    return voided(zero, null); // declined or aborted: nothing was taken
                }
                return reverse(w, terminal, paymentId, sale, zero);
            case IN_PROGRESS:
                return PaymentResult.declined(zero, "terminal " + terminal.poiId()
                        + " is still taking the payment; cancel it on the terminal or try again");
            default:
                return PaymentResult.declined(zero, "the payment cannot be cancelled now: " + lookup.message());
        }
    }

    private PaymentResult reverse(Wiring w, Terminal terminal, String paymentId, Sale sale, Money zero) {
        String serviceId = ServiceIds.voidOf(paymentId);
        Lookup earlier = lookup(w, terminal, NexoMessages.REVERSAL, serviceId);
        JsonNode answer;
        if (earlier.state() == State.FOUND) {
            answer = earlier.body();
        } else if (earlier.state() == State.NOT_FOUND) {
            try {
                answer = w.client().send(terminal, w.messages().reversal(terminal, serviceId, paymentId + "-void",
                        sale.poiTransactionId(), null), w.settings().readTimeout()).path("ReversalResponse");
            } catch (TerminalException e) {
                return PaymentResult.declined(zero, e.getMessage() + "; try again");
            }
        } else {
            return PaymentResult.declined(zero, "the payment cannot be cancelled now: " + earlier.message());
        }
        Outcome outcome = TerminalAnswers.outcome(answer, json);
        if (!outcome.success()) {
            LOG.info("void of payment {} refused by terminal {}: {}", paymentId, terminal.poiId(), outcome.reason());
            return PaymentResult.declined(zero, outcome.reason());
        }
        LOG.info("payment {} voided on terminal {}", paymentId, terminal.poiId());
        return voided(zero, poiTransaction(answer));
    }

    /**
     * Refunds part or all of a captured payment with a referenced reversal ({@code ReversalRequest} with
     * {@code ReversedAmount} for a partial refund). The refund id is the reversal's
     * {@code SaleTransactionID} and gives its ServiceID, so a repeated refund finds the first one.
     */
    @Override
    public RefundResult refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        String refundId = requireId(request.refundId(), "refund_id_required", "a refund id");
        PaymentReference original = Objects.requireNonNull(request.original(), "original payment");
        Money amount = request.amount();
        if (amount == null || !amount.isPositive()) {
            throw OmnitillException.invalid("refund_not_positive", "a refund needs a positive amount");
        }
        if (original.amount() != null && !amount.isSameCurrency(original.amount())) {
            throw OmnitillException.invalid("refund_currency_mismatch", "a refund in " + amount.currencyCode()
                    + " cannot go back to a payment in " + original.amount().currencyCode());
        }
        if (original.amount() != null && amount.isGreaterThan(original.amount())) {
            return RefundResult.failed(amount, "cannot refund " + amount + " of a payment of " + original.amount());
        }
        Wiring w = wiring;
        Terminal terminal = w.settings().terminalFor(original.registerId()).orElse(null);
        if (terminal == null) {
            return RefundResult.failed(amount, noTerminal(original.registerId()));
        }
        String serviceId = ServiceIds.refund(refundId);
        String key = "R:" + refundId;
        Lookup earlier = lookup(w, terminal, NexoMessages.REVERSAL, serviceId);
        switch (earlier.state()) {
            case FOUND:
                return refundResult(earlier.body(), refundId, amount, terminal);
            case NOT_FOUND:
                break;
            case NOT_ASKED:
                if (!sent.contains(key)) {
                    return RefundResult.failed(amount, earlier.message());
                }
                return pendingRefund(amount, earlier.message());
            default:
                return pendingRefund(amount, earlier.message());
        }
        JsonNode originalTransaction = originalTransaction(w, terminal, original);
        if (originalTransaction == null) {
            return RefundResult.failed(amount, "terminal " + terminal.poiId() + " has no record of payment "
                    + original.paymentId() + " and no terminal reference was stored for it");
        }
        boolean partial = original.amount() == null || amount.isLessThan(original.amount());
        sent.add(key);
        try {
            JsonNode answer = w.client().send(terminal, w.messages().reversal(terminal, serviceId, refundId,
                    originalTransaction, partial ? amount : null), w.settings().readTimeout());
            return refundResult(answer.path("ReversalResponse"), refundId, amount, terminal);
        } catch (TerminalException e) {
            if (e.kind() == TerminalException.Kind.NO_ANSWER) {
                LOG.info("refund {} on terminal {}: outcome unknown, pending", refundId, terminal.poiId());
                return pendingRefund(amount, e.getMessage());
            }
            return RefundResult.failed(amount, e.getMessage());
        }
    }

    @Override
    public RefundResult refundStatus(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        String refundId = requireId(request.refundId(), "refund_id_required", "a refund id");
        Money amount = Objects.requireNonNull(request.amount(), "refund amount");
        String registerId = request.original() == null ? null : request.original().registerId();
        Wiring w = wiring;
        Terminal terminal = w.settings().terminalFor(registerId).orElse(null);
        if (terminal == null) {
            return pendingRefund(amount, noTerminal(registerId));
        }
        Lookup lookup = lookup(w, terminal, NexoMessages.REVERSAL, ServiceIds.refund(refundId));
        return switch (lookup.state()) {
            case FOUND -> refundResult(lookup.body(), refundId, amount, terminal);
            case NOT_FOUND -> RefundResult.failed(amount, lookup.message());
            default -> pendingRefund(amount, lookup.message());
        };
    }

    /** Asks the terminal about an earlier request; never throws. */
    private Lookup lookup(Wiring w, Terminal terminal, String category, String serviceId) {
        try {
            JsonNode answer = w.client().send(terminal, w.messages().transactionStatus(terminal, category, serviceId),
                    w.settings().statusTimeout());
            Lookup lookup = TerminalAnswers.lookup(answer, category, serviceId, json);
            LOG.debug("terminal {} about {} {}: {}", terminal.poiId(), category, serviceId, lookup.state());
            return lookup;
        } catch (TerminalException e) {
            return Lookup.of(e.kind() == TerminalException.Kind.NO_ANSWER ? State.UNKNOWN : State.NOT_ASKED,
                    e.getMessage());
        }
    }

    /** The POITransactionID of the original sale: from the terminal if it still has it, else the stored reference. */
    private JsonNode originalTransaction(Wiring w, Terminal terminal, PaymentReference original) {
        if (original.paymentId() != null && !original.paymentId().isBlank()) {
            Lookup lookup = lookup(w, terminal, NexoMessages.PAYMENT, ServiceIds.payment(original.paymentId()));
            if (lookup.state() == State.FOUND) {
                Sale sale = TerminalAnswers.sale(lookup.body(), json);
                if (sale.reference() != null) {
                    return sale.poiTransactionId();
                }
            }
        }
        String reference = original.reference();
        return reference == null || reference.isBlank() ? null : w.messages().poiTransactionId(reference);
    }

    private PaymentResult saleResult(JsonNode paymentResponse, String paymentId, Money amount, Terminal terminal) {
        Money zero = Money.zero(amount.currency());
        if (!paymentResponse.isObject()) {
            return PaymentResult.pending(zero, null, pendingMessage("terminal " + terminal.poiId()
                    + " answered without a PaymentResponse"));
        }
        Sale sale = TerminalAnswers.sale(paymentResponse, json);
        if (sale.saleTransactionId() != null && !sale.saleTransactionId().equals(paymentId)) {
            return PaymentResult.pending(zero, null, pendingMessage("terminal " + terminal.poiId()
                    + " answered for another transaction"));
        }
        Outcome outcome = sale.outcome();
        if (!outcome.success() && !outcome.partial()) {
            LOG.info("payment {} declined on terminal {}: {}", paymentId, terminal.poiId(), outcome.reason());
            return PaymentResult.declined(zero, outcome.reason());
        }
        boolean exact = sale.authorizedAmount() == null
                || (sale.authorizedAmount().compareTo(amount.amount()) == 0
                        && (sale.currency() == null || sale.currency().equals(amount.currencyCode())));
        if (outcome.partial() || !exact) {
            String approved = sale.currency() + " "
                    + (sale.authorizedAmount() == null ? "part" : sale.authorizedAmount().toPlainString());
            LOG.warn("payment {} on terminal {}: approved for {} instead of {}; it stays pending until voided",
                    paymentId, terminal.poiId(), approved, amount);
            return PaymentResult.pending(zero, sale.reference(), "the terminal approved " + approved + " instead of "
                    + amount + "; void this payment and take it again");
        }
        LOG.info("payment {} captured on terminal {} (reference {})", paymentId, terminal.poiId(), sale.reference());
        return PaymentResult.capturedByCard(amount, sale.reference(), sale.card());
    }

    private RefundResult refundResult(JsonNode reversalResponse, String refundId, Money amount, Terminal terminal) {
        if (!reversalResponse.isObject()) {
            return pendingRefund(amount, "terminal " + terminal.poiId() + " answered without a ReversalResponse");
        }
        Outcome outcome = TerminalAnswers.outcome(reversalResponse, json);
        if (!outcome.success()) {
            LOG.info("refund {} refused by terminal {}: {}", refundId, terminal.poiId(), outcome.reason());
            return RefundResult.failed(amount, outcome.reason());
        }
        String reference = poiTransaction(reversalResponse);
        LOG.info("refund {} of {} done on terminal {} (reference {})", refundId, amount, terminal.poiId(), reference);
        return RefundResult.refunded(amount, reference);
    }

    private static String poiTransaction(JsonNode response) {
        String id = response.path("POIData").path("POITransactionID").path("TransactionID").asText(null);
        return id == null || id.isBlank() ? null : id;
    }

    private static PaymentResult voided(Money zero, String reference) {
        return new PaymentResult(TenderStatus.VOIDED, zero, zero, zero, reference, null, null);
    }

    private static RefundResult pendingRefund(Money amount, String message) {
        return new RefundResult(TenderStatus.PENDING, amount, null, pendingMessage(message));
    }

    private static String pendingMessage(String why) {
        return why + "; the outcome is asked for again";
    }

    private static String noTerminal(String registerId) {
        return "no card terminal is configured for register " + (registerId == null ? "(none)" : registerId);
    }

    private static String requireId(String id, String code, String what) {
        if (id == null || id.isBlank()) {
            throw OmnitillException.invalid(code, what + " is required");
        }
        return id;
    }
}
