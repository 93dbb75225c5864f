package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.giftcard.internal.Fixtures.eur;
import static org.omnitill.payment.giftcard.internal.Fixtures.user;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.omnitill.api.audit.AuditEntry;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.audit.AuditVerification;
import org.omnitill.api.error.ErrorKind;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.omnitill.payment.giftcard.internal.GiftCardResource.AdjustmentRequest;
import org.omnitill.payment.giftcard.internal.GiftCardResource.IssueRequest;
import org.omnitill.payment.giftcard.internal.GiftCardResource.Operation;
import org.omnitill.payment.giftcard.internal.GiftCardResource.StatusChange;
import org.omnitill.payment.giftcard.internal.GiftCardResource.TopUpRequest;

/** The resource methods called directly, as the JAX-RS runtime would after authorisation. */
class GiftCardResourceTest {

    private final GiftCardLedger ledger = Fixtures.ledger(TestDatabases.h2());
    private final GiftCardResource rest = new GiftCardResource(ledger);
    private final SecurityContext alice = user("alice");

    private static IssueRequest issue(String kind, String amount, String currency) {
        return new IssueRequest(kind, amount == null ? null : new BigDecimal(amount), currency);
    }

    private String card(String amount) {
        return rest.issueCard(issue("gift-card", amount, "EUR"), null, alice).card().number();
    }

    private static void assertRefused(ErrorKind kind, String code, Executable call) {
        OmnitillException e = assertThrows(OmnitillException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @Test
    void issuesGiftCardsAndStoreCreditWithCheckDigitNumbers() {
        Operation gift = rest.issueCard(issue("gift-card", "25.00", "EUR"), null, alice);
        assertEquals("gift-card", gift.card().kind());
        assertEquals("active", gift.card().status());
        assertEquals(eur("25.00"), gift.card().balance());
        assertEquals("alice", gift.card().createdBy());
        assertEquals("issue", gift.entry().kind());
        assertEquals(16, gift.card().number().length());
        assertTrue(CardNumbers.hasValidCheckDigit(gift.card().number()));

        Operation credit = rest.issueCard(issue("Store-Credit", "7.5", "eur"), null, alice);
        assertTrue(credit.card().number().matches("SC-9[0-9]{15}"), credit.card().number());
        assertEquals(eur("7.50"), credit.card().balance());
    }

    @Test
    void issueValidatesItsBody() {
        assertRefused(ErrorKind.INVALID, "missing_body", () -> rest.issueCard(null, null, alice));
        assertRefused(ErrorKind.INVALID, "missing_field", () -> rest.issueCard(issue(null, "10.00", "EUR"), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_kind", () -> rest.issueCard(issue("voucher", "10.00", "EUR"), null, alice));
        assertRefused(ErrorKind.INVALID, "missing_field", () -> rest.issueCard(issue("gift-card", "10.00", " "), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_amount", () -> rest.issueCard(issue("gift-card", "10.00", "EURO"), null, alice));
        assertRefused(ErrorKind.INVALID, "missing_field", () -> rest.issueCard(issue("gift-card", null, "EUR"), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_amount", () -> rest.issueCard(issue("gift-card", "0.00", "EUR"), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_amount", () -> rest.issueCard(issue("gift-card", "-5.00", "EUR"), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_amount", () -> rest.issueCard(issue("gift-card", "10.005", "EUR"), null, alice));
        assertRefused(ErrorKind.UNPROCESSABLE, "balance_limit_exceeded",
                () -> rest.issueCard(issue("gift-card", "500.01", "EUR"), null, alice));
        assertRefused(ErrorKind.UNPROCESSABLE, "currency_not_enabled",
                () -> rest.issueCard(issue("gift-card", "1000", "JPY"), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_idempotency_key",
                () -> rest.issueCard(issue("gift-card", "10.00", "EUR"), "k".repeat(256), alice));
    }

    @Test
    void anIdempotencyKeyIssuesOneCardPerUser() {
        Operation first = rest.issueCard(issue("gift-card", "20.00", "EUR"), "key-1", alice);
        Operation again = rest.issueCard(issue("gift-card", "20.00", "EUR"), "key-1", alice);
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.card().number(), again.card().number());
        assertEquals(first.entry().id(), again.entry().id());

        assertRefused(ErrorKind.UNPROCESSABLE, "idempotency_key_reused",
                () -> rest.issueCard(issue("gift-card", "30.00", "EUR"), "key-1", alice));
        Operation bobs = rest.issueCard(issue("gift-card", "20.00", "EUR"), "key-1", user("bob"));
        assertNotEquals(first.card().number(), bobs.card().number(), "keys are per user");
    }

    @Test
    void topUpsAddToTheBalanceOncePerKey() {
        String number = card("20.00");
        Operation topUp = rest.topUp(number, new TopUpRequest(new BigDecimal("30"), null), "t-1", alice);
        Operation again = rest.topUp(number, new TopUpRequest(new BigDecimal("30"), "EUR"), "t-1", alice);
        assertEquals(eur("50.00"), topUp.card().balance());
        assertTrue(again.replayed());
        assertEquals(eur("50.00"), rest.balance(number).balance());
        assertEquals(eur("60.00"),
                rest.topUp(number, new TopUpRequest(new BigDecimal("10.00"), null), null, alice).card().balance());
    }

    @Test
    void topUpValidatesItsBodyAndTheCard() {
        String number = card("20.00");
        assertRefused(ErrorKind.INVALID, "missing_body", () -> rest.topUp(number, null, null, alice));
        assertRefused(ErrorKind.INVALID, "missing_field", () -> rest.topUp(number, new TopUpRequest(null, null), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_amount",
                () -> rest.topUp(number, new TopUpRequest(new BigDecimal("-1"), null), null, alice));
        assertRefused(ErrorKind.UNPROCESSABLE, "currency_mismatch",
                () -> rest.topUp(number, new TopUpRequest(new BigDecimal("5"), "USD"), null, alice));
        assertRefused(ErrorKind.UNPROCESSABLE, "balance_limit_exceeded",
                () -> rest.topUp(number, new TopUpRequest(new BigDecimal("480.01"), null), null, alice));
        String unknown = new CardNumbers(new java.util.Random(3)).next(AccountKind.GIFT_CARD);
        assertRefused(ErrorKind.NOT_FOUND, "card_not_found",
                () -> rest.topUp(unknown, new TopUpRequest(BigDecimal.ONE, null), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_card_number",
                () -> rest.topUp("1234", new TopUpRequest(BigDecimal.ONE, null), null, alice));
        rest.setStatus(number, new StatusChange("blocked"), alice);
        assertRefused(ErrorKind.UNPROCESSABLE, "card_blocked",
                () -> rest.topUp(number, new TopUpRequest(BigDecimal.ONE, null), null, alice));
    }

    @Test
    void balanceEnquiryAndLedgerShowTheCardToStaff() {
        String number = card("40.00");
        String typed = number.substring(0, 4) + " " + number.substring(4, 8) + "-" + number.substring(8);
        assertEquals(number, rest.balance(typed).number());
        rest.topUp(number, new TopUpRequest(new BigDecimal("5.00"), null), null, alice);
        rest.adjust(number, new AdjustmentRequest(new BigDecimal("-2.50"), "coffee stain"), null, user("bob"));

        GiftCardResource.Ledger ledgerView = rest.ledger(number, 100);
        assertEquals(eur("42.50"), ledgerView.card().balance());
        assertEquals(List.of("adjust", "top-up", "issue"),
                ledgerView.entries().stream().map(GiftCardResource.Entry::kind).toList());
        assertEquals("coffee stain", ledgerView.entries().get(0).note());
        assertEquals("bob", ledgerView.entries().get(0).createdBy());
        assertEquals(1, rest.ledger(number, 1).entries().size());

        assertRefused(ErrorKind.INVALID, "invalid_limit", () -> rest.ledger(number, 0));
        assertRefused(ErrorKind.INVALID, "invalid_limit", () -> rest.ledger(number, 1001));
        String unknown = new CardNumbers(new java.util.Random(5)).next(AccountKind.GIFT_CARD);
        assertRefused(ErrorKind.NOT_FOUND, "card_not_found", () -> rest.balance(unknown));
        assertRefused(ErrorKind.NOT_FOUND, "card_not_found", () -> rest.ledger(unknown, 10));
        assertRefused(ErrorKind.INVALID, "card_number_required", () -> rest.balance(" "));
    }

    @Test
    void adjustmentsNeedAReasonAndStayWithinTheBalance() {
        String number = card("10.00");
        assertRefused(ErrorKind.INVALID, "invalid_reason",
                () -> rest.adjust(number, new AdjustmentRequest(BigDecimal.ONE, " "), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_reason",
                () -> rest.adjust(number, new AdjustmentRequest(BigDecimal.ONE, "x".repeat(256)), null, alice));
        assertRefused(ErrorKind.INVALID, "invalid_amount",
                () -> rest.adjust(number, new AdjustmentRequest(BigDecimal.ZERO, "nothing"), null, alice));
        assertRefused(ErrorKind.UNPROCESSABLE, "adjustment_out_of_range",
                () -> rest.adjust(number, new AdjustmentRequest(new BigDecimal("-10.01"), "too much"), null, alice));
        assertEquals(eur("0.00"), rest.adjust(number, new AdjustmentRequest(new BigDecimal("-10"), "all"), null, alice)
                .card().balance());
    }

    @Test
    void statusChangesAreValidated() {
        String number = card("10.00");
        assertRefused(ErrorKind.INVALID, "invalid_status", () -> rest.setStatus(number, new StatusChange("lost"), alice));
        assertRefused(ErrorKind.INVALID, "missing_body", () -> rest.setStatus(number, null, alice));
        assertEquals("blocked", rest.setStatus(number, new StatusChange("BLOCKED"), alice).status());
        assertEquals("active", rest.setStatus(number, new StatusChange("active"), alice).status());
    }

    @Test
    void staffActsGoToTheAuditTrailWithTheNumberMasked() {
        List<AuditEvent> events = new ArrayList<>();
        rest.audit = new AuditTrail() {
            @Override
            public AuditEntry record(AuditEvent event) {
                events.add(event);
                return null;
            }

            @Override
            public AuditVerification verify() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void exportJsonLines(long fromSequence, int limit, OutputStream out) {
                throw new UnsupportedOperationException();
            }
        };
        String number = rest.issueCard(issue("gift-card", "10.00", "EUR"), "a-1", alice).card().number();
        rest.issueCard(issue("gift-card", "10.00", "EUR"), "a-1", alice);
        rest.setStatus(number, new StatusChange("blocked"), user("bob"));

        assertEquals(List.of("giftcard.issue", "giftcard.status"), events.stream().map(AuditEvent::action).toList(),
                "a replayed issue is not audited twice");
        assertEquals("giftcard/…" + number.substring(12), events.get(0).target());
        assertEquals("bob", events.get(1).actor());
        assertTrue(events.stream().noneMatch(e -> e.toString().contains(number)));
    }

    /** The application refuses a method without a permission to everybody; each one here names the right one. */
    @Test
    void everyResourceMethodDeclaresItsPermission() {
        Map<String, Permission> declared = new TreeMap<>();
        for (Method method : GiftCardResource.class.getDeclaredMethods()) {
            boolean endpoint = Arrays.stream(method.getAnnotations())
                    .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
            if (!endpoint) {
                continue;
            }
            RequiresPermission permission = method.getAnnotation(RequiresPermission.class);
            assertNotNull(permission, () -> method.getName() + " declares no @RequiresPermission");
            declared.put(method.getName(), permission.value());
        }
        assertEquals(new TreeMap<>(Map.of(
                "issue", Permission.GIFT_CARD_ISSUE,
                "topUp", Permission.GIFT_CARD_ISSUE,
                "adjust", Permission.GIFT_CARD_ISSUE,
                "setStatus", Permission.GIFT_CARD_ISSUE,
                "balance", Permission.CART_SELL,
                "ledger", Permission.CART_SELL)), declared);
        assertEquals("giftcards", GiftCardResource.class.getAnnotation(Path.class).value());
        assertTrue(Arrays.stream(GiftCardResource.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Path.class))
                .allMatch(m -> declared.containsKey(m.getName())),
                () -> "a sub-resource locator would escape the check: " + Arrays.stream(GiftCardResource.class
                        .getDeclaredMethods()).map(Method::getName).collect(Collectors.joining(", ")));
    }
}
