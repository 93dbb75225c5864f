package org.omnitill.payment.stripe.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.CardDetails;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundRequest;
import org.omnitill.api.payment.RefundResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.testkit.RecordedLogs;
import org.slf4j.event.Level;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * The plugin against a WireMock stand-in for Stripe's API, over real HTTP on a local port. Requests and
 * answers follow Stripe's API reference: "Create a PaymentIntent", "Retrieve a PaymentIntent", "Search
 * PaymentIntents", "Cancel a PaymentIntent", "Create a refund", "List all refunds", "Errors" (402
 * card_error with decline_code), "Idempotent requests" and "Rate limits" (429). The answers are
 * recorded-style copies of the reference's example objects (src/test/resources/stripe).
 */
class StripePaymentTest {

    @RegisterExtension
    static final WireMockExtension STRIPE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PAYMENTS = "/v1/payment_intents";
    private static final String REFUNDS = "/v1/refunds";

    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void clearLog() {
        RecordedLogs.clear();
    }

    private TestConfig config() {
        return TestConfig.against(STRIPE.baseUrl());
    }

    private StripePayment stripe(TestConfig config) {
        return new StripePayment(config, sleeps::add);
    }

    private StripePayment stripe() {
        return stripe(config());
    }

    private static PaymentRequest card(String paymentId, String amount, String currency) {
        Money money = Money.of(amount, currency);
        return new PaymentRequest(paymentId, "cart-1", "store-1", "DE", money, money, "reg-1",
                Map.of(StripePayment.DATA_PAYMENT_METHOD, "pm_card_visa"));
    }

    private static PaymentReference reference(String paymentId, String intentId, String amount) {
        return new PaymentReference(paymentId, "store-1", "reg-1", intentId, Money.of(amount, "EUR"),
                Map.of(StripePayment.DATA_PAYMENT_METHOD, "pm_card_visa"));
    }

    private static RefundRequest refundOf(String refundId, String amount) {
        return new RefundRequest(refundId, reference("pay-1", Fixtures.INTENT_ID, "12.34"), Money.of(amount, "EUR"),
                "customer returned the goods");
    }

    private static RequestPatternBuilder paymentPosts(String idempotencyKey) {
        return postRequestedFor(urlEqualTo(PAYMENTS)).withHeader("Idempotency-Key", equalTo(idempotencyKey));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // ------------------------------------------------------------------ pay

    @Test
    void aSucceededPaymentIsCapturedWithWhatMayBeKeptOfTheCard() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(okJson(Fixtures.succeeded("pay-1", 1234, "eur"))));

        PaymentResult result = stripe().pay(card("pay-1", "12.34", "EUR"));

        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals(eur("12.34"), result.applied());
        assertEquals(eur("0.00"), result.change());
        assertEquals(eur("0.00"), result.rounding());
        assertEquals(Fixtures.INTENT_ID, result.reference());
        assertNull(result.message());
        assertEquals(new CardDetails("visa", "******4242", Fixtures.PAYMENT_METHOD_ID, "123456"), result.card());

        STRIPE.verify(1, paymentPosts("pay-1")
                .withHeader("Authorization", equalTo("Bearer " + TestConfig.SECRET_KEY))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Stripe-Version", equalTo("2024-06-20"))
                .withFormParam("amount", equalTo("1234"))
                .withFormParam("currency", equalTo("eur"))
                .withFormParam("payment_method", equalTo("pm_card_visa"))
                .withFormParam("confirm", equalTo("true"))
                .withFormParam("capture_method", equalTo("automatic"))
                .withFormParam("metadata[omnitill_payment_id]", equalTo("pay-1"))
                .withFormParam("metadata[cart_id]", equalTo("cart-1"))
                .withFormParam("expand[]", equalTo("latest_charge")));
        String body = STRIPE.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(body.contains("metadata[cart_id]=cart-1"), body);
        assertFalse(body.contains("return_url"), body);
    }

    @Test
    void aDeclinedCardFailsWithStripesMessageAndDeclineCode() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_Fq2wR7tY9uI1oP")
                .withBody(Fixtures.json("error_card_declined.json"))));

        PaymentResult result = stripe().pay(card("pay-declined", "12.34", "EUR"));

        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals("Your card has insufficient funds. (decline_code: insufficient_funds)", result.message());
        assertEquals(Fixtures.DECLINED_INTENT_ID, result.reference());
        assertEquals(eur("0.00"), result.applied());
        assertNull(result.card());
        STRIPE.verify(1, paymentPosts("pay-declined"));
    }

    @Test
    void threeDSecureLeavesThePaymentPendingUntilStatusSeesItSucceed() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(okJson(Fixtures.json("payment_intent_requires_action.json"))));
        StripePayment stripe = stripe();

        PaymentResult pending = stripe.pay(card("pay-3ds", "49.99", "EUR"));

        assertEquals(TenderStatus.PENDING, pending.status());
        assertEquals(Fixtures.THREE_DS_INTENT_ID, pending.reference());
        assertEquals("customer action required: use_stripe_sdk", pending.message());
        assertEquals(eur("0.00"), pending.applied());

        // The customer completes 3-D Secure in the client; the core then asks for the status.
        STRIPE.stubFor(get(urlPathEqualTo(PAYMENTS + "/" + Fixtures.THREE_DS_INTENT_ID))
                .willReturn(okJson(Fixtures.succeeded("pay-3ds", 4999, "eur"))));
        PaymentResult resolved = stripe.status(reference("pay-3ds", Fixtures.THREE_DS_INTENT_ID, "49.99"));

        assertEquals(TenderStatus.CAPTURED, resolved.status());
        assertEquals(eur("49.99"), resolved.applied());
        assertEquals("******4242", resolved.card().maskedPan());
        STRIPE.verify(getRequestedFor(urlPathEqualTo(PAYMENTS + "/" + Fixtures.THREE_DS_INTENT_ID))
                .withQueryParam("expand[]", equalTo("latest_charge"))
                .withHeader("Authorization", equalTo("Bearer " + TestConfig.SECRET_KEY)));
    }

    @Test
    void aRedirectReturnUrlIsPassedOnAndTheRedirectShownToTheClient() {
        String redirecting = Fixtures.json("payment_intent_requires_action.json").replace(
                "\"type\": \"use_stripe_sdk\",", "\"type\": \"redirect_to_url\", \"redirect_to_url\": "
                        + "{\"return_url\": \"https://shop.example/return\", \"url\": \"https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1\"},");
        STRIPE.stubFor(post(PAYMENTS).willReturn(okJson(redirecting)));
        Money money = eur("49.99");
        PaymentRequest request = new PaymentRequest("pay-3ds", "cart-1", "store-1", "DE", money, money, null,
                Map.of(StripePayment.DATA_PAYMENT_METHOD, "pm_card_threeDSecure2Required",
                        StripePayment.DATA_RETURN_URL, "https://shop.example/return"));

        PaymentResult result = stripe().pay(request);

        assertEquals(TenderStatus.PENDING, result.status());
        assertEquals("customer action required: redirect_to_url https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1",
                result.message());
        STRIPE.verify(paymentPosts("pay-3ds").withFormParam("return_url", equalTo("https://shop.example/return")));
    }

    @Test
    void aZeroDecimalCurrencyIsSentInWholeUnits() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(okJson(Fixtures.succeeded("pay-jpy", 1500, "jpy"))));

        PaymentResult result = stripe().pay(card("pay-jpy", "1500", "JPY"));

        assertEquals(TenderStatus.CAPTURED, result.status());
        assertEquals(Money.of("1500", "JPY"), result.applied());
        STRIPE.verify(paymentPosts("pay-jpy").withFormParam("amount", equalTo("1500"))
                .withFormParam("currency", equalTo("jpy")));
    }

    // ------------------------------------------------------------------ retries

    @Test
    void aRateLimitedPaymentIsTriedAgainWithTheSameIdempotencyKeyAfterRetryAfter() {
        STRIPE.stubFor(post(PAYMENTS).inScenario("rate limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json").withBody(Fixtures.json("error_rate_limit.json")))
                .willSetStateTo("calm"));
        STRIPE.stubFor(post(PAYMENTS).inScenario("rate limit").whenScenarioStateIs("calm")
                .willReturn(okJson(Fixtures.succeeded("pay-rl", 1234, "eur"))));

        PaymentResult result = stripe().pay(card("pay-rl", "12.34", "EUR"));

        assertEquals(TenderStatus.CAPTURED, result.status());
        STRIPE.verify(2, postRequestedFor(urlEqualTo(PAYMENTS)));
        STRIPE.verify(2, paymentPosts("pay-rl").withFormParam("amount", equalTo("1234")));
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps, "waited as Retry-After said");
    }

    @Test
    void aRateLimitThatLastsLeavesThePaymentPendingAfterBoundedTries() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.json("error_rate_limit.json"))));

        PaymentResult result = stripe().pay(card("pay-busy", "12.34", "EUR"));

        assertEquals(TenderStatus.PENDING, result.status());
        assertNull(result.reference());
        assertTrue(result.message().contains("rate limiting"), result.message());
        STRIPE.verify(3, postRequestedFor(urlEqualTo(PAYMENTS)));
        STRIPE.verify(3, paymentPosts("pay-busy"));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), sleeps, "exponential backoff");
    }

    @Test
    void aResetConnectionLeavesThePaymentPendingAndStatusFindsItByItsMetadata() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        StripePayment stripe = stripe();

        PaymentResult pending = stripe.pay(card("pay-reset", "12.34", "EUR"));

        assertEquals(TenderStatus.PENDING, pending.status());
        assertNull(pending.reference());
        STRIPE.verify(2, postRequestedFor(urlEqualTo(PAYMENTS)));
        STRIPE.verify(2, paymentPosts("pay-reset"));

        STRIPE.stubFor(get(urlPathEqualTo(PAYMENTS + "/search"))
                .withQueryParam("query", equalTo("metadata['omnitill_payment_id']:'pay-reset'"))
                .willReturn(okJson(Fixtures.list("search_result", PAYMENTS + "/search",
                        Fixtures.succeeded("pay-reset", 1234, "eur")))));
        PaymentResult resolved = stripe.status(reference("pay-reset", null, "12.34"));

        assertEquals(TenderStatus.CAPTURED, resolved.status());
        assertEquals(Fixtures.INTENT_ID, resolved.reference());
        assertEquals(eur("12.34"), resolved.applied());
        STRIPE.verify(getRequestedFor(urlPathEqualTo(PAYMENTS + "/search"))
                .withQueryParam("expand[]", equalTo("data.latest_charge")));
        STRIPE.verify(2, postRequestedFor(urlEqualTo(PAYMENTS)));
    }

    @Test
    void statusStaysPendingWhileTheSearchFindsNothing() {
        STRIPE.stubFor(get(urlPathEqualTo(PAYMENTS + "/search"))
                .willReturn(okJson(Fixtures.list("search_result", PAYMENTS + "/search"))));

        PaymentResult result = stripe().status(reference("pay-lost", null, "12.34"));

        assertEquals(TenderStatus.PENDING, result.status());
        assertTrue(result.message().startsWith("Stripe has no payment intent for this payment yet"), result.message());
        STRIPE.verify(0, postRequestedFor(urlEqualTo(PAYMENTS)));
    }

    @Test
    void aServerErrorIsTriedOnceMoreAndStripesReplayIsTaken() {
        STRIPE.stubFor(post(PAYMENTS).inScenario("hiccup").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.json("error_server.json")))
                .willSetStateTo("recovered"));
        STRIPE.stubFor(post(PAYMENTS).inScenario("hiccup").whenScenarioStateIs("recovered")
                .willReturn(okJson(Fixtures.succeeded("pay-500", 1234, "eur")).withHeader("Idempotent-Replayed", "true")));

        PaymentResult result = stripe().pay(card("pay-500", "12.34", "EUR"));

        assertEquals(TenderStatus.CAPTURED, result.status());
        STRIPE.verify(2, paymentPosts("pay-500"));
    }

    @Test
    void aConcurrentRequestWithTheSameKeyIsWaitedForWhenStripeSaysToRetry() {
        STRIPE.stubFor(post(PAYMENTS).inScenario("in use").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(409).withHeader("Stripe-Should-Retry", "true")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"idempotency_key_in_use\", \"message\": \"There is "
                                + "currently another in-progress request using this idempotent key.\", \"type\": "
                                + "\"idempotency_error\"}}"))
                .willSetStateTo("done"));
        STRIPE.stubFor(post(PAYMENTS).inScenario("in use").whenScenarioStateIs("done")
                .willReturn(okJson(Fixtures.succeeded("pay-409", 1234, "eur"))));

        PaymentResult result = stripe().pay(card("pay-409", "12.34", "EUR"));

        assertEquals(TenderStatus.CAPTURED, result.status());
        STRIPE.verify(2, paymentPosts("pay-409"));
    }

    @Test
    void anIdempotencyConflictLeavesThePaymentPendingForStatusToResolve() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Keys for idempotent requests can only be used with the "
                        + "same parameters they were first used with.\", \"type\": \"idempotency_error\"}}")));

        PaymentResult result = stripe().pay(card("pay-conflict", "12.34", "EUR"));

        assertEquals(TenderStatus.PENDING, result.status());
        assertTrue(result.message().contains("Keys for idempotent requests"), result.message());
        STRIPE.verify(1, paymentPosts("pay-conflict"));
    }

    @Test
    void noAnswerInTimeLeavesThePaymentPending() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(okJson(Fixtures.succeeded("pay-slow", 1234, "eur"))
                .withFixedDelay(1500)));

        PaymentResult result = stripe(config().withReadTimeoutMillis(200)).pay(card("pay-slow", "12.34", "EUR"));

        assertEquals(TenderStatus.PENDING, result.status());
        assertTrue(result.message().contains("HttpTimeoutException"), result.message());
        STRIPE.verify(2, paymentPosts("pay-slow"));
    }

    @Test
    void withoutRetriesAFailureIsNotRepeated() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        PaymentResult result = stripe(config().withMaxRetries(0)).pay(card("pay-once", "12.34", "EUR"));

        assertEquals(TenderStatus.PENDING, result.status());
        STRIPE.verify(1, paymentPosts("pay-once"));
        assertTrue(sleeps.isEmpty());
    }

    // ------------------------------------------------------------------ refused requests

    @Test
    void aBadKeyFailsClearlyAndIsLoggedAtWarnWithoutTheKey() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.json("error_invalid_api_key.json"))));

        PaymentResult result = stripe().pay(card("pay-401", "12.34", "EUR"));

        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals("Stripe refused the payment (HTTP 401): Invalid API Key provided: [api key]", result.message());
        List<String> warnings = RecordedLogs.lines(Level.WARN);
        assertEquals(1, warnings.size(), RecordedLogs.all());
        assertTrue(warnings.get(0).contains("check the secret key configured in org.omnitill.payment.stripe"),
                warnings.get(0));
        assertFalse(RecordedLogs.all().contains("sk_test_"), RecordedLogs.all());
        STRIPE.verify(1, postRequestedFor(urlEqualTo(PAYMENTS)));
    }

    @Test
    void aBadRequestFailsWithStripesMessage() {
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"resource_missing\", \"doc_url\": "
                        + "\"https://stripe.com/docs/error-codes/resource-missing\", \"message\": \"No such "
                        + "PaymentMethod: 'pm_card_visa'\", \"param\": \"payment_method\", \"type\": "
                        + "\"invalid_request_error\"}}")));

        PaymentResult result = stripe().pay(card("pay-400", "12.34", "EUR"));

        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals("Stripe refused the payment (HTTP 400): No such PaymentMethod: 'pm_card_visa'", result.message());
        STRIPE.verify(1, postRequestedFor(urlEqualTo(PAYMENTS)));
    }

    @Test
    void withoutASecretKeyPaymentsAreRefusedAndTheWarningIsLoggedOnce() {
        StripePayment stripe = stripe(config().withSecretKey(""));

        for (int i = 0; i < 2; i++) {
            OmnitillException e = assertThrows(OmnitillException.class,
                    () -> stripe.pay(card("pay-unconfigured", "12.34", "EUR")));
            assertEquals(ErrorKind.UNAVAILABLE, e.kind());
            assertEquals("payment_method_not_configured", e.code());
        }
        List<String> warnings = RecordedLogs.lines(Level.WARN);
        assertEquals(1, warnings.size(), RecordedLogs.all());
        assertTrue(warnings.get(0).contains("Stripe payments are not configured"), warnings.get(0));
        assertTrue(STRIPE.getAllServeEvents().isEmpty());
    }

    @Test
    void aNewSecretKeyTakesEffectWithoutARestart() {
        StripePayment stripe = stripe(config().withSecretKey(""));
        STRIPE.stubFor(post(PAYMENTS).willReturn(okJson(Fixtures.succeeded("pay-later", 1234, "eur"))));

        stripe.modified(config());

        assertEquals(TenderStatus.CAPTURED, stripe.pay(card("pay-later", "12.34", "EUR")).status());
    }

    @Test
    void aCardNumberInsteadOfAPaymentMethodIsRefusedBeforeAnythingIsSent() {
        Money money = eur("12.34");
        PaymentRequest request = new PaymentRequest("pay-pan", "cart-1", "store-1", "DE", money, money, null,
                Map.of(StripePayment.DATA_PAYMENT_METHOD, "4242 4242 4242 4242"));

        OmnitillException e = assertThrows(OmnitillException.class, () -> stripe().pay(request));

        assertEquals("card_number_refused", e.code());
        assertFalse(e.getMessage().contains("4242"), e.getMessage());
        assertFalse(RecordedLogs.all().contains("4242"), RecordedLogs.all());
        assertTrue(STRIPE.getAllServeEvents().isEmpty());
    }

    @Test
    void aPaymentWithoutAPaymentMethodIsRefused() {
        Money money = eur("12.34");
        PaymentRequest request = new PaymentRequest("pay-none", "cart-1", "store-1", "DE", money, money);

        OmnitillException e = assertThrows(OmnitillException.class, () -> stripe().pay(request));

        assertEquals("payment_method_token_missing", e.code());
        assertTrue(STRIPE.getAllServeEvents().isEmpty());
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void cancellingAPaymentAwaitingThreeDSecureCancelsTheIntent() {
        String path = PAYMENTS + "/" + Fixtures.THREE_DS_INTENT_ID;
        STRIPE.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(Fixtures.json("payment_intent_requires_action.json"))));
        STRIPE.stubFor(post(path + "/cancel").willReturn(okJson(Fixtures.json("payment_intent_canceled.json"))));

        PaymentResult result = stripe().cancel(reference("pay-3ds", Fixtures.THREE_DS_INTENT_ID, "49.99"));

        assertEquals(TenderStatus.VOIDED, result.status());
        assertEquals(Fixtures.THREE_DS_INTENT_ID, result.reference());
        STRIPE.verify(postRequestedFor(urlEqualTo(path + "/cancel"))
                .withHeader("Idempotency-Key", equalTo("pay-3ds:cancel"))
                .withFormParam("cancellation_reason", equalTo("requested_by_customer")));
        STRIPE.verify(0, postRequestedFor(urlEqualTo(REFUNDS)));
    }

    @Test
    void cancellingASucceededPaymentRefundsItInFull() {
        STRIPE.stubFor(get(urlPathEqualTo(PAYMENTS + "/" + Fixtures.INTENT_ID))
                .willReturn(okJson(Fixtures.succeeded("pay-1", 1234, "eur"))));
        STRIPE.stubFor(post(REFUNDS).willReturn(okJson(Fixtures.refund("re_3PmJqV2eZvKYlo2C1v01d", "pay-1:void",
                1234, "succeeded", null))));

        PaymentResult result = stripe().cancel(reference("pay-1", Fixtures.INTENT_ID, "12.34"));

        assertEquals(TenderStatus.VOIDED, result.status());
        STRIPE.verify(postRequestedFor(urlEqualTo(REFUNDS))
                .withHeader("Idempotency-Key", equalTo("pay-1:void"))
                .withFormParam("payment_intent", equalTo(Fixtures.INTENT_ID))
                .withFormParam("amount", absent()));
        STRIPE.verify(0, postRequestedFor(urlEqualTo(PAYMENTS + "/" + Fixtures.INTENT_ID + "/cancel")));
    }

    @Test
    void cancellingAPaymentStripeNeverSawFails() {
        STRIPE.stubFor(get(urlPathEqualTo(PAYMENTS + "/search"))
                .willReturn(okJson(Fixtures.list("search_result", PAYMENTS + "/search"))));

        PaymentResult result = stripe().cancel(reference("pay-lost", null, "12.34"));

        assertEquals(TenderStatus.FAILED, result.status());
        assertTrue(result.message().startsWith("nothing to cancel"), result.message());
        assertTrue(STRIPE.findAll(postRequestedFor(urlPathEqualTo(REFUNDS))).isEmpty());
    }

    // ------------------------------------------------------------------ refunds

    @ParameterizedTest(name = "refund of EUR {0} is sent as {1}")
    @CsvSource({"12.34, 1234", "5.00, 500"})
    void aRefundUsesTheRefundIdAsIdempotencyKey(String amount, String minorUnits) {
        STRIPE.stubFor(post(REFUNDS).willReturn(okJson(Fixtures.refund("re_3PmJqV2eZvKYlo2C1abc", "ref-1",
                Long.parseLong(minorUnits), "succeeded", null))));

        RefundResult result = stripe().refund(refundOf("ref-1", amount));

        assertEquals(TenderStatus.REFUNDED, result.status());
        assertEquals(eur(amount), result.amount());
        assertEquals("re_3PmJqV2eZvKYlo2C1abc", result.reference());
        STRIPE.verify(1, postRequestedFor(urlEqualTo(REFUNDS))
                .withHeader("Idempotency-Key", equalTo("ref-1"))
                .withHeader("Authorization", equalTo("Bearer " + TestConfig.SECRET_KEY))
                .withFormParam("payment_intent", equalTo(Fixtures.INTENT_ID))
                .withFormParam("amount", equalTo(minorUnits))
                .withFormParam("reason", equalTo("requested_by_customer"))
                .withFormParam("metadata[omnitill_refund_id]", equalTo("ref-1"))
                .withFormParam("metadata[omnitill_payment_id]", equalTo("pay-1")));
    }

    @Test
    void aRefundStripeRefusesFails() {
        STRIPE.stubFor(post(REFUNDS).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.json("error_charge_already_refunded.json"))));

        RefundResult result = stripe().refund(refundOf("ref-2", "12.34"));

        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals("Stripe refused the refund: Charge ch_3PmJqV2eZvKYlo2C1XyZ0aBc has already been refunded.",
                result.message());
    }

    @Test
    void aRefundTheBankRejectsFailsWithItsReason() {
        STRIPE.stubFor(post(REFUNDS).willReturn(okJson(Fixtures.refund("re_3PmJqV2eZvKYlo2C1bad", "ref-3", 1234,
                "failed", "expired_or_canceled_card"))));

        RefundResult result = stripe().refund(refundOf("ref-3", "12.34"));

        assertEquals(TenderStatus.FAILED, result.status());
        assertEquals("refund failed at Stripe: expired_or_canceled_card", result.message());
        assertEquals("re_3PmJqV2eZvKYlo2C1bad", result.reference());
    }

    @Test
    void aPendingRefundIsResolvedFromTheListOfTheIntentsRefunds() {
        StripePayment stripe = stripe();
        STRIPE.stubFor(post(REFUNDS).willReturn(okJson(Fixtures.refund("re_3PmJqV2eZvKYlo2C1pnd", "ref-4", 500,
                "pending", null))));

        RefundResult pending = stripe.refund(refundOf("ref-4", "5.00"));

        assertEquals(TenderStatus.PENDING, pending.status());
        assertEquals("re_3PmJqV2eZvKYlo2C1pnd", pending.reference());

        STRIPE.stubFor(get(urlPathEqualTo(REFUNDS)).withQueryParam("payment_intent", equalTo(Fixtures.INTENT_ID))
                .willReturn(okJson(Fixtures.list("list", REFUNDS,
                        Fixtures.refund("re_3PmJqV2eZvKYlo2C1oth", "ref-other", 200, "succeeded", null),
                        Fixtures.refund("re_3PmJqV2eZvKYlo2C1pnd", "ref-4", 500, "succeeded", null)))));
        RefundResult resolved = stripe.refundStatus(refundOf("ref-4", "5.00"));

        assertEquals(TenderStatus.REFUNDED, resolved.status());
        assertEquals("re_3PmJqV2eZvKYlo2C1pnd", resolved.reference());
        assertEquals(eur("5.00"), resolved.amount());
        STRIPE.verify(1, postRequestedFor(urlEqualTo(REFUNDS)));
        STRIPE.verify(getRequestedFor(urlPathEqualTo(REFUNDS)).withQueryParam("limit", equalTo("100")));
    }

    @Test
    void aRefundStripeNeverReceivedIsMadeWithTheSameKeyWhenItsStatusIsAskedFor() {
        STRIPE.stubFor(post(REFUNDS).inScenario("refund").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("again"));
        STRIPE.stubFor(post(REFUNDS).inScenario("refund").whenScenarioStateIs("again")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        STRIPE.stubFor(post(REFUNDS).inScenario("refund").whenScenarioStateIs("up")
                .willReturn(okJson(Fixtures.refund("re_3PmJqV2eZvKYlo2C1new", "ref-5", 1234, "succeeded", null))));
        STRIPE.stubFor(get(urlPathEqualTo(REFUNDS)).willReturn(okJson(Fixtures.list("list", REFUNDS))));
        StripePayment stripe = stripe();

        RefundResult unknown = stripe.refund(refundOf("ref-5", "12.34"));
        assertEquals(TenderStatus.PENDING, unknown.status());
        assertNull(unknown.reference());

        RefundResult made = stripe.refundStatus(refundOf("ref-5", "12.34"));

        assertEquals(TenderStatus.REFUNDED, made.status());
        assertEquals("re_3PmJqV2eZvKYlo2C1new", made.reference());
        STRIPE.verify(3, postRequestedFor(urlEqualTo(REFUNDS)));
        STRIPE.verify(3, postRequestedFor(urlEqualTo(REFUNDS)).withHeader("Idempotency-Key", equalTo("ref-5")));
    }

    // ------------------------------------------------------------------ secrets and card data

    /**
     * A day of card sales and their failures, with every log line the plugin wrote captured at every level:
     * neither the secret key, nor the Authorization header, nor a client secret, nor anything shaped like a
     * card number may appear in it, nor the key in toString.
     */
    @Test
    void neitherTheSecretKeyNorACardNumberEverReachesTheLogOrToString() {
        StripePayment stripe = stripe();
        List<Object> results = new ArrayList<>();
        STRIPE.stubFor(post(PAYMENTS).willReturn(okJson(Fixtures.succeeded("pay-a", 1234, "eur"))));
        results.add(stripe.pay(card("pay-a", "12.34", "EUR")));
        STRIPE.resetAll();
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.json("error_card_declined.json"))));
        results.add(stripe.pay(card("pay-b", "12.34", "EUR")));
        STRIPE.resetAll();
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.json("error_invalid_api_key.json"))));
        results.add(stripe.pay(card("pay-c", "12.34", "EUR")));
        STRIPE.resetAll();
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        results.add(stripe.pay(card("pay-d", "12.34", "EUR")));
        STRIPE.resetAll();
        STRIPE.stubFor(post(PAYMENTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        results.add(stripe.pay(card("pay-e", "12.34", "EUR")));
        STRIPE.resetAll();
        STRIPE.stubFor(post(REFUNDS).willReturn(okJson(Fixtures.refund("re_1", "ref-a", 1234, "succeeded", null))));
        results.add(stripe.refund(refundOf("ref-a", "12.34")));

        List<String> lines = RecordedLogs.lines();
        String log = RecordedLogs.all();
        assertTrue(lines.size() >= 6, "every call is logged: " + log);
        assertTrue(log.contains("DEBUG"), "debug lines are captured too: " + log);
        assertTrue(log.contains("Stripe payment pay-a of EUR 12.34: CAPTURED"), log);
        String everything = log + "\n" + results + "\n" + stripe;
        assertFalse(everything.contains(TestConfig.SECRET_KEY), everything);
        assertFalse(everything.contains("sk_test_"), everything);
        assertFalse(everything.contains("Bearer"), everything);
        assertFalse(everything.contains("_secret_"), "client secrets stay out too: " + everything);
        assertFalse(StripeJson.containsCardNumber(everything), everything);
        assertTrue(stripe.toString().contains("secretKey=(set)"), stripe.toString());
    }
}
