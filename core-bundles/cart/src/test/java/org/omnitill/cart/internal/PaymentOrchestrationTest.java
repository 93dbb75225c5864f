package org.omnitill.cart.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.cart.CartView;
import org.omnitill.api.cart.LineInput;
import org.omnitill.api.cart.PaymentOptions;
import org.omnitill.api.cart.PaymentOutcome;
import org.omnitill.api.catalog.UnitOfMeasure;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.payment.CardDetails;
import org.omnitill.api.payment.PaymentMethod;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.store.LocationType;
import org.omnitill.catalog.internal.JpaCatalogService;
import org.omnitill.catalog.internal.JpaStoreService;
import org.omnitill.persistence.testing.Fixtures;
import org.omnitill.persistence.testing.TestDatabase;
import org.omnitill.persistence.testing.TestPlugins.FlatVat;
import org.omnitill.persistence.testing.TestPlugins.Register;

/** The tender state machine: pending while the provider is asked, settled by its answer, voided, resolved later. */
class PaymentOrchestrationTest {

    private final TestDatabase db = new TestDatabase();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private final CartServiceImpl carts = new CartServiceImpl(db.tx(), new JpaCatalogService(db.tx()),
            new JpaStoreService(db.tx()), clock);
    private final Terminal terminal = new Terminal();

    /** A card terminal that records what it was asked and answers as the test says. */
    static final class Terminal implements PaymentMethod {
        final List<String> charged = new ArrayList<>();
        final AtomicInteger statusCalls = new AtomicInteger();
        volatile String mode = "approve";
        volatile PaymentRequest lastRequest;

        @Override
        public synchronized PaymentResult pay(PaymentRequest request) {
            lastRequest = request;
            switch (mode) {
                case "decline":
                    return PaymentResult.declined(Money.zero(request.tendered().currency()), "Refused");
                case "timeout":
                    charged.add(request.paymentId());
                    throw new IllegalStateException("read timed out");
                default:
                    if (!charged.contains(request.paymentId())) {
                        charged.add(request.paymentId());
                    }
                    return PaymentResult.capturedByCard(request.tendered(), "psp-" + request.paymentId().substring(0, 8),
                            new CardDetails("visa", "411111******1111", "tok-1", "A1B2C3"));
            }
        }

        @Override
        public PaymentResult status(PaymentReference payment) {
            statusCalls.incrementAndGet();
            if (mode.equals("still-unknown")) {
                return PaymentResult.pending(Money.zero(payment.amount().currency()), null, "in progress");
            }
            return charged.contains(payment.paymentId())
                    ? PaymentResult.capturedByCard(payment.amount(), "psp-late", new CardDetails("visa", "411111******1111", null, "Z9"))
                    : PaymentResult.declined(Money.zero(payment.amount().currency()), "never received");
        }

        @Override
        public PaymentResult cancel(PaymentReference payment) {
            charged.remove(payment.paymentId());
            Money zero = Money.zero(payment.amount().currency());
            return new PaymentResult(TenderStatus.VOIDED, zero, zero, zero, payment.reference(), null);
        }
    }

    @BeforeEach
    void seed() {
        db.tx().required(em -> {
            Fixtures.store(em, "shop", LocationType.STORE, "XX", "EUR", true);
            Fixtures.product(em, "A", "Article A", "4006381333931", "standard", UnitOfMeasure.EACH);
            Fixtures.price(em, "A", "shop", "2.99", "EUR");
            return null;
        });
        carts.addChannel(new Register(), Map.of(PluginProperties.ID, "register", "service.id", 1L));
        carts.addTaxRule(new FlatVat(), Map.of(PluginProperties.ID, "flat", "service.id", 2L));
        carts.addPaymentMethod(terminal, Map.of(PluginProperties.ID, "card", "service.id", 3L));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String cartOfTwo() {
        CartView cart = carts.create("shop", "register", "R1", "alice");
        return carts.addLine(cart.id(), new LineInput("A", null, new BigDecimal("2"))).id();
    }

    @Test
    void aCardPaymentKeepsOnlyWhatMayBeKeptOfTheCard() {
        String cartId = cartOfTwo();
        PaymentOutcome paid = carts.pay(cartId, "card", Money.of("5.98", "EUR"),
                new PaymentOptions("key-1", Map.of("note", "x")));
        assertEquals(TenderStatus.CAPTURED, paid.tender().status());
        assertEquals("visa", paid.tender().cardBrand());
        assertEquals("411111******1111", paid.tender().maskedPan());
        assertEquals("A1B2C3", paid.tender().authorisationCode());
        assertTrue(paid.cart().due().isZero());
        assertEquals("R1", terminal.lastRequest.registerId());
        assertEquals(Map.of("note", "x"), terminal.lastRequest.data());
    }

    @Test
    void aRetryWithTheSameKeyNeverChargesTwice() {
        String cartId = cartOfTwo();
        PaymentOutcome first = carts.pay(cartId, "card", Money.of("5.98", "EUR"), new PaymentOptions("key-1", null));
        PaymentOutcome again = carts.pay(cartId, "card", Money.of("5.98", "EUR"), new PaymentOptions("key-1", null));
        assertEquals(first.tender().id(), again.tender().id());
        assertEquals(1, terminal.charged.size());
        assertEquals(1, carts.cart(cartId).payments().size());
        assertEquals("idempotency_key_reused", assertThrows(OmnitillException.class,
                () -> carts.pay(cartId, "card", Money.of("1.00", "EUR"), new PaymentOptions("key-1", null))).code());
    }

    @Test
    void aDeclineLeavesNoTender() {
        String cartId = cartOfTwo();
        terminal.mode = "decline";
        OmnitillException e = assertThrows(OmnitillException.class,
                () -> carts.pay(cartId, "card", Money.of("5.98", "EUR"), PaymentOptions.NONE));
        assertEquals("payment_declined", e.code());
        assertEquals("Refused", e.getMessage());
        assertTrue(carts.cart(cartId).payments().isEmpty());
    }

    @Test
    void aTimeoutLeavesThePaymentPendingUntilTheProviderAnswers() {
        String cartId = cartOfTwo();
        terminal.mode = "timeout";
        PaymentOutcome unknown = carts.pay(cartId, "card", Money.of("5.98", "EUR"), new PaymentOptions("key-t", null));
        assertEquals(TenderStatus.PENDING, unknown.tender().status());
        assertEquals(Money.of("5.98", "EUR"), unknown.cart().due(), "a pending payment does not count as paid");
        assertEquals("payment_pending", assertThrows(OmnitillException.class,
                () -> carts.pay(cartId, "card", Money.of("5.98", "EUR"), PaymentOptions.NONE)).code());

        terminal.mode = "still-unknown";
        carts.resolvePending(null);
        assertEquals(TenderStatus.PENDING, carts.cart(cartId).payments().get(0).status());

        // the customer did pay: reading the cart asks the provider and settles the tender
        terminal.mode = "approve";
        CartView resolved = carts.cart(cartId);
        assertEquals(TenderStatus.CAPTURED, resolved.payments().get(0).status());
        assertEquals("psp-late", resolved.payments().get(0).reference());
        assertTrue(resolved.due().isZero());
        assertEquals(1, terminal.charged.size(), "asking about a payment never charges again");
    }

    @Test
    void aPendingPaymentTheProviderNeverGotIsDroppedAsFailed() {
        String cartId = cartOfTwo();
        terminal.mode = "timeout";
        carts.pay(cartId, "card", Money.of("5.98", "EUR"), PaymentOptions.NONE);
        terminal.charged.clear(); // the terminal never received it after all
        terminal.mode = "approve";
        carts.resolvePending(null);
        CartView cart = carts.cart(cartId);
        assertEquals(TenderStatus.FAILED, cart.payments().get(0).status());
        assertEquals(Money.of("5.98", "EUR"), cart.due());
        assertEquals(TenderStatus.CAPTURED, carts.pay(cartId, "card", Money.of("5.98", "EUR"), PaymentOptions.NONE)
                .tender().status());
    }

    @Test
    void aVoidedTenderNoLongerCountsAndTheProviderWasAsked() {
        String cartId = cartOfTwo();
        String tenderId = carts.pay(cartId, "card", Money.of("2.00", "EUR"), PaymentOptions.NONE).tender().id();
        CartView voided = carts.voidPayment(cartId, tenderId);
        assertEquals(TenderStatus.VOIDED, voided.payments().get(0).status());
        assertEquals(Money.of("5.98", "EUR"), voided.due());
        assertTrue(terminal.charged.isEmpty());
        // voiding twice changes nothing
        assertEquals(TenderStatus.VOIDED, carts.voidPayment(cartId, tenderId).payments().get(0).status());
        assertEquals("tender_not_found", assertThrows(OmnitillException.class,
                () -> carts.voidPayment(cartId, "nope")).code());
    }

    @Test
    void withoutItsPluginAPaymentCannotBeVoidedButStaysValid() {
        String cartId = cartOfTwo();
        String tenderId = carts.pay(cartId, "card", Money.of("2.00", "EUR"), PaymentOptions.NONE).tender().id();
        carts.removePaymentMethod(terminal);
        assertEquals("payment_method_unavailable", assertThrows(OmnitillException.class,
                () -> carts.voidPayment(cartId, tenderId)).code());
        CartView cart = carts.cart(cartId);
        assertEquals(TenderStatus.CAPTURED, cart.payments().get(0).status());
        assertEquals(Money.of("3.98", "EUR"), cart.due());
        assertNull(cart.payments().get(0).message());
    }

    /** Counts cash as the cash plugin does (change for what is over), or refuses or fails as the test says. */
    static final class Till implements PaymentMethod {
        final AtomicInteger calls = new AtomicInteger();
        volatile String mode = "count";

        @Override
        public PaymentResult pay(PaymentRequest request) {
            calls.incrementAndGet();
            Money zero = Money.zero(request.tendered().currency());
            return switch (mode) {
                case "refuse" -> PaymentResult.declined(zero, "drawer is closed");
                case "throw" -> throw new IllegalStateException("bug in the plugin");
                case "inconsistent" -> new PaymentResult(TenderStatus.CAPTURED, request.tendered().plus(request.tendered()),
                        zero, zero, null, null);
                default -> {
                    Money applied = request.tendered().isGreaterThan(request.due()) ? request.due() : request.tendered();
                    yield new PaymentResult(TenderStatus.CAPTURED, applied, request.tendered().minus(applied), zero,
                            null, null);
                }
            };
        }

        @Override
        public boolean givesChange() {
            return true;
        }

        @Override
        public boolean settlesInProcess() {
            return true;
        }
    }

    private Till till() {
        Till till = new Till();
        carts.addPaymentMethod(till, Map.of(PluginProperties.ID, "till", "service.id", 4L));
        return till;
    }

    @Test
    void aMethodThatSettlesInProcessIsRecordedSettledWithItsChange() {
        Till till = till();
        String cartId = cartOfTwo();
        PaymentOutcome paid = carts.pay(cartId, "till", Money.of("10.00", "EUR"), new PaymentOptions("cash-1", null));
        assertEquals(TenderStatus.CAPTURED, paid.tender().status());
        assertEquals(Money.of("5.98", "EUR"), paid.tender().amount());
        assertEquals(Money.of("4.02", "EUR"), paid.cart().changeGiven());
        assertTrue(paid.cart().due().isZero());

        // a retry with the same key answers the same payment without counting the cash again
        PaymentOutcome again = carts.pay(cartId, "till", Money.of("10.00", "EUR"), new PaymentOptions("cash-1", null));
        assertEquals(paid.tender().id(), again.tender().id());
        assertEquals(1, till.calls.get());
        assertEquals(1, carts.cart(cartId).payments().size());
    }

    @Test
    void aRefusalOrAFailureOfAnInProcessMethodLeavesNoTrace() {
        Till till = till();
        String cartId = cartOfTwo();
        CartView before = carts.cart(cartId);
        till.mode = "refuse";
        assertEquals("payment_declined", assertThrows(OmnitillException.class,
                () -> carts.pay(cartId, "till", Money.of("5.98", "EUR"), PaymentOptions.NONE)).code());
        till.mode = "throw";
        assertEquals("payment_method_failed", assertThrows(OmnitillException.class,
                () -> carts.pay(cartId, "till", Money.of("5.98", "EUR"), PaymentOptions.NONE)).code());
        till.mode = "inconsistent";
        assertEquals("payment_method_failed", assertThrows(OmnitillException.class,
                () -> carts.pay(cartId, "till", Money.of("5.98", "EUR"), PaymentOptions.NONE)).code());

        CartView after = carts.cart(cartId);
        assertTrue(after.payments().isEmpty());
        assertEquals(before.due(), after.due());
        assertEquals(before.updatedAt(), after.updatedAt());
        // and the cart can still be paid
        till.mode = "count";
        assertTrue(carts.pay(cartId, "till", Money.of("5.98", "EUR"), PaymentOptions.NONE).cart().due().isZero());
    }
}
