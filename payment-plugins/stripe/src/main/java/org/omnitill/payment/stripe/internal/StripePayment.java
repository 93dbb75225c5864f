package org.omnitill.payment.stripe.internal;

import static org.omnitill.payment.stripe.internal.StripeJson.text;

import java.util.Objects;
import java.util.regex.Pattern;

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
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Online card payments through Stripe's PaymentIntents API. The client collects the card with Stripe's
 * own UI (Stripe.js, the mobile SDKs) and sends only the PaymentMethod id it got back
 * ({@code data.paymentMethod = pm_...}); this plugin never sees a card number.
 *
 * <ul>
 * <li>{@link #pay}: {@code POST /v1/payment_intents} with {@code confirm=true}, idempotency key = payment
 * id.</li>
 * <li>{@link #status}: {@code GET /v1/payment_intents/{id}}; when the creating call got no answer and so
 * no id, the search API by {@code metadata['omnitill_payment_id']} (see {@link #status}).</li>
 * <li>{@link #cancel}: {@code POST /v1/payment_intents/{id}/cancel}, or a full refund once it succeeded.</li>
 * <li>{@link #refund}: {@code POST /v1/refunds}, idempotency key = refund id; {@link #refundStatus} lists
 * the PaymentIntent's refunds and finds it by {@code metadata['omnitill_refund_id']}.</li>
 * </ul>
 */
@Component(service = PaymentMethod.class, configurationPid = StripePayment.PID, property = {
        PluginProperties.ID + "=stripe",
        PluginProperties.FAMILY + "=" + PluginFamily.PAYMENT,
        PluginProperties.NAME + "=Stripe (PaymentIntents)" })
@Designate(ocd = StripePayment.Config.class)
public class StripePayment implements PaymentMethod {

    static final String PID = "org.omnitill.payment.stripe";
    /** The {@code data} key with the PaymentMethod id the client created with Stripe.js, e.g. {@code pm_card_visa}. */
    static final String DATA_PAYMENT_METHOD = "paymentMethod";
    /** Optional {@code data} key: where Stripe sends the customer back after a redirect (3-D Secure). */
    static final String DATA_RETURN_URL = "returnUrl";
    static final String METADATA_PAYMENT_ID = "omnitill_payment_id";
    static final String METADATA_REFUND_ID = "omnitill_refund_id";

    private static final Logger LOG = LoggerFactory.getLogger(StripePayment.class);
    /** Stripe object ids: a prefix, an underscore and letters, digits or underscores. */
    private static final Pattern STRIPE_ID = Pattern.compile("[A-Za-z]+_[A-Za-z0-9_]+");
    private static final int METADATA_VALUE_LIMIT = 500;
    private static final int REFUND_LIST_PAGES = 10;

    @ObjectClassDefinition(name = "Omnitill Stripe payment",
            description = "Stripe PaymentIntents: the API endpoint, the secret key and how long to wait. "
                    + "Payments are refused until a secret key is set.")
    @interface Config {

        @AttributeDefinition(name = "API base URL",
                description = "Stripe's API; https://api.stripe.com in production. Only a local stub may use http.")
        String apiBaseUrl() default "https://api.stripe.com";

        /**
         * Property {@code .secretKey}: the leading dot makes it a private component property, so that it is
         * not published with the service's properties (Declarative Services 1.4, section 112.6).
         */
        @AttributeDefinition(name = "Secret key", type = AttributeType.PASSWORD, required = false,
                description = "sk_live_..., sk_test_... or a restricted rk_... key with write access to "
                        + "PaymentIntents and Refunds. Empty: the method refuses payments.")
        String _secretKey() default "";

        @AttributeDefinition(name = "API version", required = false,
                description = "Sent as Stripe-Version so that answers keep the shape this plugin reads; "
                        + "empty for the account's default version.")
        String apiVersion() default "2024-06-20";

        @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
        int connectTimeoutMillis() default 5000;

        @AttributeDefinition(name = "Read timeout (ms)", min = "1",
                description = "How long to wait for Stripe's answer; after that the payment is pending.")
        int readTimeoutMillis() default 30000;

        @AttributeDefinition(name = "Retries", min = "0", max = "10",
                description = "How often a rate-limited request (HTTP 429) is tried again, with the same "
                        + "idempotency key; a network failure or 5xx is tried again once (none when 0).")
        int maxRetries() default 2;
    }

    private final StripeApi.Sleeper sleeper;
    private volatile StripeApi api;

    @Activate
    public StripePayment(Config config) {
        this(config, StripeApi.Sleeper.THREAD);
    }

    StripePayment(Config config, StripeApi.Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        configure(config);
    }

    @Modified
    void modified(Config config) {
        configure(config);
    }

    private void configure(Config config) {
        StripeSettings settings = StripeSettings.from(config);
        if (!settings.configured()) {
            LOG.warn("Stripe payments are not configured: set .secretKey in {} (etc/{}.cfg); until then the "
                    + "'stripe' method refuses payments", PID, PID);
        } else if (settings.looksLikePublishableKey()) {
            LOG.warn("The Stripe key configured in {} is a publishable key (pk_...); payments need a secret "
                    + "key (sk_...) or a restricted key (rk_...)", PID);
        }
        if (settings.sendsKeyUnencrypted()) {
            LOG.warn("Stripe apiBaseUrl {} is plain http to another host: the secret key travels unencrypted",
                    settings.apiBaseUrl());
        }
        this.api = new StripeApi(settings, sleeper);
    }

    /**
     * Creates and confirms a PaymentIntent for the amount tendered, in one call, with the payment id as the
     * idempotency key: a repeated call (the core retrying after a timeout) gets Stripe's stored result and
     * never a second charge.
     */
    @Override
    public PaymentResult pay(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        Money amount = request.tendered() != null ? request.tendered() : request.due();
        if (amount == null || !amount.isPositive()) {
            throw OmnitillException.invalid("payment_amount_missing", "A Stripe payment needs a positive amount");
        }
        if (request.due() != null && (!amount.isSameCurrency(request.due()) || amount.isGreaterThan(request.due()))) {
            throw OmnitillException.invalid("overpayment", "Stripe charges at most what is due (" + request.due()
                    + "), in its currency; asked for " + amount);
        }
        String paymentMethod = paymentMethod(request);
        StripeApi stripe = configuredApi();
        StripeForm form = new StripeForm()
                .add("amount", StripeAmounts.toStripe(amount))
                .add("currency", StripeAmounts.currencyCode(amount))
                .add("payment_method", paymentMethod)
                .add("confirm", "true")
                .add("capture_method", "automatic")
                // card only: confirming server-side then needs no return_url (a redirect method would)
                .add("payment_method_types[]", "card")
                .add("return_url", request.data().get(DATA_RETURN_URL))
                .add("metadata[" + METADATA_PAYMENT_ID + "]", request.paymentId())
                .add("metadata[cart_id]", request.cartId())
                .add("metadata[store_id]", request.storeId())
                .add("metadata[register_id]", request.registerId())
                .add("expand[]", "latest_charge");
        StripeResponse response = stripe.post("/v1/payment_intents", form, request.paymentId());
        Money zero = Money.zero(amount.currency());
        PaymentResult result = switch (response.outcome()) {
            case OK -> isIntent(response.body()) ? StripeResults.fromIntent(response.body())
                    : PaymentResult.pending(zero, text(response.body(), "id"), "Stripe's answer is not a payment intent");
            case CARD_ERROR -> StripeResults.declined(response, zero);
            case REJECTED -> rejected(response, zero, "the payment");
            case UNKNOWN -> PaymentResult.pending(zero, null, response.problem()
                    + "; whether the card was charged is not known yet");
        };
        LOG.info("Stripe payment {} of {}: {}{}", request.paymentId(), amount, result.status(),
                result.message() == null ? "" : " (" + result.message() + ")");
        return result;
    }

    /**
     * Where a payment stands. With the PaymentIntent's id: {@code GET /v1/payment_intents/{id}}. Without
     * it (the creating call got no answer), the payment is looked up by its metadata with
     * {@code GET /v1/payment_intents/search}, and not by repeating the create call with the same key:
     * Stripe keeps idempotency keys for 24 hours only, after which a repeat would charge again; the
     * repeat would need the original parameters (the cart id is not in the reference); and a status
     * question should never move money. The search index lags (usually under a minute, up to an hour
     * during incidents), so "not found" stays PENDING rather than FAILED.
     */
    @Override
    public PaymentResult status(PaymentReference payment) {
        Objects.requireNonNull(payment, "payment");
        Money zero = zero(payment);
        Lookup found = lookUp(payment, configuredApi(), zero);
        return found.intent() == null ? found.unresolved() : StripeResults.fromIntent(found.intent());
    }

    /**
     * The PaymentIntent of a payment, or why there is none: {@code absent} when Stripe answered and has
     * none (so far), otherwise a PENDING result saying what went wrong.
     */
    private record Lookup(JsonNode intent, boolean absent, PaymentResult unresolved) {
    }

    private static Lookup lookUp(PaymentReference payment, StripeApi stripe, Money zero) {
        if (payment.reference() != null) {
            StripeResponse response = stripe.get("/v1/payment_intents/" + stripeId(payment.reference()),
                    new StripeForm().add("expand[]", "latest_charge"));
            if (response.ok() && isIntent(response.body())) {
                return new Lookup(response.body(), false, null);
            }
            if (response.outcome() == StripeResponse.Outcome.REJECTED) {
                LOG.warn("Stripe does not give payment intent {} of payment {} (HTTP {}: {}); is the key of the "
                        + "account it was made with configured?", payment.reference(), payment.paymentId(),
                        response.httpStatus(), response.problem());
            }
            String problem = response.ok() ? "Stripe's answer is not a payment intent" : response.problem();
            return new Lookup(null, false, PaymentResult.pending(zero, payment.reference(), problem));
        }
        StripeResponse found = search(stripe, payment.paymentId());
        if (!found.ok()) {
            return new Lookup(null, false, PaymentResult.pending(zero, null, found.problem()));
        }
        JsonNode intent = pick(found.body().path("data"));
        if (intent == null) {
            return new Lookup(null, true, PaymentResult.pending(zero, null, "Stripe has no payment intent for "
                    + "this payment yet (its search can lag behind by minutes); if none appears, the request "
                    + "never reached Stripe"));
        }
        return new Lookup(intent, false, null);
    }

    /**
     * Cancels an uncaptured PaymentIntent (requires_action, requires_payment_method, requires_capture, ...)
     * with {@code POST /v1/payment_intents/{id}/cancel}; refunds one that succeeded in full. Either way
     * VOIDED; PENDING while a refund is pending or Stripe gave no answer; FAILED when there is nothing to
     * cancel or Stripe refuses.
     */
    @Override
    public PaymentResult cancel(PaymentReference payment) {
        Objects.requireNonNull(payment, "payment");
        PaymentResult result = cancelOrRefund(payment);
        LOG.info("Stripe cancel of payment {}: {}{}", payment.paymentId(), result.status(),
                result.message() == null ? "" : " (" + result.message() + ")");
        return result;
    }

    private PaymentResult cancelOrRefund(PaymentReference payment) {
        Money zero = zero(payment);
        StripeApi stripe = configuredApi();
        Lookup found = lookUp(payment, stripe, zero);
        if (found.absent()) {
            return StripeResults.result(TenderStatus.FAILED, zero, null,
                    "nothing to cancel: Stripe has no payment intent for payment " + payment.paymentId());
        }
        if (found.intent() == null) {
            return found.unresolved();
        }
        PaymentResult current = StripeResults.fromIntent(found.intent());
        String id = current.reference();
        switch (current.status()) {
            case VOIDED:
                return current;
            case CAPTURED:
                return refundInFull(payment, id, zero);
            default:
                break;
        }
        StripeResponse response = stripe.post("/v1/payment_intents/" + stripeId(id) + "/cancel",
                new StripeForm().add("cancellation_reason", "requested_by_customer")
                        .add("expand[]", "latest_charge"),
                payment.paymentId() + ":cancel");
        if (response.ok() && isIntent(response.body())) {
            return StripeResults.fromIntent(response.body());
        }
        if ("payment_intent_unexpected_state".equals(response.errorCode())) {
            // It moved on since we looked (3-D Secure completed): look again and refund if it succeeded.
            PaymentResult now = status(new PaymentReference(payment.paymentId(), payment.storeId(),
                    payment.registerId(), id, payment.amount(), payment.data()));
            return now.status() == TenderStatus.CAPTURED ? refundInFull(payment, id, zero) : now;
        }
        if (response.outcome() == StripeResponse.Outcome.UNKNOWN) {
            return PaymentResult.pending(zero, id, response.problem());
        }
        return StripeResults.result(TenderStatus.FAILED, zero, id, "Stripe did not cancel: " + response.problem());
    }

    private PaymentResult refundInFull(PaymentReference payment, String intentId, Money zero) {
        StripeResponse response = configuredApi().post("/v1/refunds", new StripeForm()
                .add("payment_intent", intentId)
                .add("reason", "requested_by_customer")
                .add("metadata[" + METADATA_PAYMENT_ID + "]", payment.paymentId())
                .add("metadata[" + METADATA_REFUND_ID + "]", payment.paymentId() + ":void"),
                payment.paymentId() + ":void");
        if ("charge_already_refunded".equals(response.errorCode())) {
            return StripeResults.result(TenderStatus.VOIDED, zero, intentId, "already refunded in full at Stripe");
        }
        if (response.outcome() == StripeResponse.Outcome.UNKNOWN) {
            return PaymentResult.pending(zero, intentId, response.problem());
        }
        if (!response.ok()) {
            return StripeResults.result(TenderStatus.FAILED, zero, intentId,
                    "Stripe did not refund the payment: " + response.problem());
        }
        RefundResult refund = StripeResults.fromRefund(response.body());
        return switch (refund.status()) {
            case REFUNDED -> StripeResults.result(TenderStatus.VOIDED, zero, intentId,
                    "refunded in full at Stripe (" + refund.reference() + ")");
            case FAILED -> StripeResults.result(TenderStatus.FAILED, zero, intentId, refund.message());
            default -> PaymentResult.pending(zero, intentId, refund.message() + " (" + refund.reference() + ")");
        };
    }

    /**
     * {@code POST /v1/refunds} for the PaymentIntent of the original payment, with the refund id as the
     * idempotency key and in the metadata (for {@link #refundStatus}).
     */
    @Override
    public RefundResult refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        Money amount = request.amount();
        if (amount == null || !amount.isPositive()) {
            throw OmnitillException.invalid("refund_amount_missing", "A Stripe refund needs a positive amount");
        }
        StripeApi stripe = configuredApi();
        String intentId = intentOf(request.original(), stripe);
        if (intentId == null) {
            return new RefundResult(TenderStatus.PENDING, amount, null, "the original payment "
                    + request.original().paymentId() + " is not found at Stripe yet; nothing was refunded");
        }
        StripeForm form = new StripeForm()
                .add("payment_intent", intentId)
                .add("amount", StripeAmounts.toStripe(amount))
                .add("reason", "requested_by_customer")
                .add("metadata[" + METADATA_REFUND_ID + "]", request.refundId())
                .add("metadata[" + METADATA_PAYMENT_ID + "]", request.original().paymentId())
                .add("metadata[reason]", truncate(request.reason()));
        StripeResponse response = stripe.post("/v1/refunds", form, request.refundId());
        RefundResult result = switch (response.outcome()) {
            case OK -> StripeResults.fromRefund(response.body());
            case UNKNOWN -> new RefundResult(TenderStatus.PENDING, amount, null, response.problem()
                    + "; whether the refund was made is not known yet");
            default -> {
                if (response.httpStatus() == 401 || response.httpStatus() == 403) {
                    LOG.warn("Stripe refused refund {} (HTTP {}): {}", request.refundId(), response.httpStatus(),
                            response.problem());
                }
                yield RefundResult.failed(amount, "Stripe refused the refund: " + response.problem());
            }
        };
        LOG.info("Stripe refund {} of {} for payment {}: {}{}", request.refundId(), amount,
                request.original().paymentId(), result.status(),
                result.message() == null ? "" : " (" + result.message() + ")");
        return result;
    }

    /**
     * Lists the PaymentIntent's refunds ({@code GET /v1/refunds?payment_intent=...}, which unlike search
     * is read-after-write consistent) and finds this one by its {@code omnitill_refund_id} metadata. When
     * it is not there, the refund was never created, so the refund call is repeated with the same
     * idempotency key: Stripe replays the original if one arrived meanwhile, else makes the refund now,
     * which is what was asked for. The list is what keeps a repeat after Stripe's 24-hour key expiry from
     * refunding twice.
     */
    @Override
    public RefundResult refundStatus(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        StripeApi stripe = configuredApi();
        String intentId = intentOf(request.original(), stripe);
        if (intentId == null) {
            return new RefundResult(TenderStatus.PENDING, request.amount(), null,
                    "the original payment is not found at Stripe yet");
        }
        String startingAfter = null;
        for (int page = 0; page < REFUND_LIST_PAGES; page++) {
            StripeResponse list = stripe.get("/v1/refunds", new StripeForm()
                    .add("payment_intent", intentId).add("limit", 100).add("starting_after", startingAfter));
            if (!list.ok()) {
                return new RefundResult(TenderStatus.PENDING, request.amount(), null, list.problem());
            }
            for (JsonNode refund : list.body().path("data")) {
                if (request.refundId().equals(text(refund.path("metadata"), METADATA_REFUND_ID))) {
                    return StripeResults.fromRefund(refund);
                }
                startingAfter = text(refund, "id");
            }
            if (!list.body().path("has_more").asBoolean(false)) {
                return refund(request);
            }
        }
        return new RefundResult(TenderStatus.PENDING, request.amount(), null,
                "the payment has too many refunds at Stripe to look through");
    }

    /** The original's PaymentIntent id: its reference, or else what a search by its payment id finds. */
    private String intentOf(PaymentReference original, StripeApi stripe) {
        if (original.reference() != null) {
            return stripeId(original.reference());
        }
        StripeResponse found = search(stripe, original.paymentId());
        JsonNode intent = found.ok() ? pick(found.body().path("data")) : null;
        return intent == null ? null : text(intent, "id");
    }

    /** {@code GET /v1/payment_intents/search} by the payment id in the metadata (Stripe's search query language). */
    private static StripeResponse search(StripeApi stripe, String paymentId) {
        String quoted = paymentId.replace("\\", "\\\\").replace("'", "\\'");
        return stripe.get("/v1/payment_intents/search", new StripeForm()
                .add("query", "metadata['" + METADATA_PAYMENT_ID + "']:'" + quoted + "'")
                .add("expand[]", "data.latest_charge"));
    }

    /** Of the PaymentIntents found (one, as the idempotency key allows no second), a succeeded one first. */
    private static JsonNode pick(JsonNode intents) {
        JsonNode chosen = null;
        for (JsonNode intent : intents) {
            if ("succeeded".equals(text(intent, "status"))) {
                return intent;
            }
            if (chosen == null) {
                chosen = intent;
            }
        }
        return chosen;
    }

    /** Whether an answer is a PaymentIntent this plugin can read. */
    private static boolean isIntent(JsonNode body) {
        return "payment_intent".equals(text(body, "object")) && text(body, "currency") != null
                && text(body, "status") != null;
    }

    /** 400/401/403/404: Stripe refused the request; nothing was charged. A key problem is logged at WARN. */
    private static PaymentResult rejected(StripeResponse response, Money zero, String what) {
        String message = "Stripe refused " + what + " (HTTP " + response.httpStatus() + "): " + response.problem();
        if (response.httpStatus() == 401 || response.httpStatus() == 403) {
            LOG.warn("{}; check the secret key configured in {}", message, PID);
        } else {
            LOG.warn("{}", message);
        }
        return StripeResults.result(TenderStatus.FAILED, zero, null, message);
    }

    private StripeApi configuredApi() {
        StripeApi current = api;
        if (!current.settings().configured()) {
            throw OmnitillException.unavailable("payment_method_not_configured",
                    "Stripe payments are not configured: no secret key is set (.secretKey in " + PID + ")");
        }
        return current;
    }

    /** The client's PaymentMethod id; a card number is refused without being repeated anywhere. */
    private static String paymentMethod(PaymentRequest request) {
        String value = request.data().get(DATA_PAYMENT_METHOD);
        if (value == null || value.isBlank()) {
            throw OmnitillException.invalid("payment_method_token_missing", "A Stripe payment needs data."
                    + DATA_PAYMENT_METHOD + ": the PaymentMethod id (pm_...) the client created with Stripe.js");
        }
        if (StripeJson.containsCardNumber(value)) {
            throw OmnitillException.invalid("card_number_refused", "data." + DATA_PAYMENT_METHOD
                    + " must be a Stripe PaymentMethod id (pm_...); card numbers are never accepted");
        }
        String trimmed = value.trim();
        if (!STRIPE_ID.matcher(trimmed).matches()) {
            throw OmnitillException.invalid("payment_method_token_invalid", "data." + DATA_PAYMENT_METHOD
                    + " must be a Stripe PaymentMethod id such as pm_1Abc...");
        }
        return trimmed;
    }

    /** An id that goes into a path: Stripe's ids only, so that nothing can change the path. */
    private static String stripeId(String reference) {
        String trimmed = reference.trim();
        if (!STRIPE_ID.matcher(trimmed).matches()) {
            throw OmnitillException.invalid("stripe_reference_invalid", "'" + StripeJson.scrub(trimmed)
                    + "' is not a Stripe id");
        }
        return trimmed;
    }

    private static Money zero(PaymentReference payment) {
        if (payment.amount() == null) {
            throw OmnitillException.invalid("payment_amount_missing", "the payment reference has no amount");
        }
        return Money.zero(payment.amount().currency());
    }

    private static String truncate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() <= METADATA_VALUE_LIMIT ? text : text.substring(0, METADATA_VALUE_LIMIT);
    }

    @Override
    public String toString() {
        return "StripePayment[" + api.settings() + "]";
    }
}
