package org.omnitill.payment.giftcard.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.omnitill.api.plugin.PluginProperties;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/giftcards}: issuing, topping up, blocking and enquiring about gift cards and store
 * credit. A JAX-RS whiteboard resource (OSGi Compendium R7, chapter 151) that joins the Omnitill
 * application, which authenticates, checks each method's {@link RequiresPermission}, reads and writes
 * the JSON and turns {@link OmnitillException}s into 4xx errors.
 *
 * <p>POSTs take an optional {@code Idempotency-Key} header: a repeat with the same key (per user)
 * returns the first outcome and moves no money twice.
 */
@Component(service = GiftCardResource.class)
@JaxrsResource
@JaxrsApplicationSelect(PluginProperties.REST_APPLICATION_SELECT)
@Path("giftcards")
@Produces(MediaType.APPLICATION_JSON)
public class GiftCardResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_LEDGER_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(GiftCardResource.class);

    /** {@code POST /giftcards}. */
    public record IssueRequest(String kind, BigDecimal amount, String currency) {
    }

    /** {@code POST /giftcards/{number}/top-ups}; the currency is the card's if left out. */
    public record TopUpRequest(BigDecimal amount, String currency) {
    }

    /** {@code POST /giftcards/{number}/adjustments}: a signed correction and why. */
    public record AdjustmentRequest(BigDecimal amount, String reason) {
    }

    /** {@code PUT /giftcards/{number}/status}: {@code active} or {@code blocked}. */
    public record StatusChange(String status) {
    }

    /** A card as staff see it, number in full. */
    public record Card(String number, String kind, String status, Money balance, Instant created, String createdBy) {

        static Card of(Account account) {
            return new Card(account.number(), account.kind().code(), account.status().code(), account.balance(),
                    account.created(), account.createdBy());
        }
    }

    /** One ledger movement. */
    public record Entry(String id, long sequence, String kind, Money amount, Money balanceAfter, String operationId,
            String refersTo, String note, Instant created, String createdBy) {

        static Entry of(LedgerEntry e) {
            return new Entry(e.id(), e.sequence(), e.kind().code(), e.amount(), e.balanceAfter(), e.operationId(),
                    e.refersTo(), e.note(), e.created(), e.createdBy());
        }
    }

    /** What an issue, top-up or adjustment did; {@code replayed} when the Idempotency-Key had been used. */
    public record Operation(Card card, Entry entry, boolean replayed) {

        static Operation of(Movement movement) {
            return new Operation(Card.of(movement.account()), Entry.of(movement.entry()), movement.replayed());
        }
    }

    /** The card and its latest movements, newest first. */
    public record Ledger(Card card, List<Entry> entries) {
    }

    private final GiftCardLedger ledger;

    /** The core's audit trail, if installed; the ledger itself records who moved what in any case. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditTrail audit;

    @Activate
    public GiftCardResource(@Reference(name = "ledger") GiftCardLedger ledger) {
        this.ledger = ledger;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.GIFT_CARD_ISSUE)
    public Response issue(IssueRequest body, @HeaderParam(IDEMPOTENCY_KEY) String key,
            @Context SecurityContext security) {
        Operation issued = issueCard(body, key, security);
        // a new card is a new resource; a replayed request answers the card made the first time
        return Response.status(issued.replayed() ? Response.Status.OK : Response.Status.CREATED).entity(issued).build();
    }

    /** Issues a card or store credit account; the work behind {@code POST /giftcards}. */
    Operation issueCard(IssueRequest body, String key, SecurityContext security) {
        IssueRequest request = required(body);
        if (request.kind() == null || request.kind().isBlank()) {
            throw OmnitillException.invalid("missing_field", "kind is required: gift-card or store-credit");
        }
        AccountKind kind = AccountKind.ofCode(request.kind());
        if (request.currency() == null || request.currency().isBlank()) {
            throw OmnitillException.invalid("missing_field", "currency is required, e.g. EUR");
        }
        Money amount = money(request.amount(), request.currency());
        String user = user(security);
        Movement issued = ledger.issue(kind, amount, scoped(key, user), user);
        if (!issued.replayed()) {
            audit("giftcard.issue", user, issued.account(), Map.of("kind", kind.code(), "amount", amount.toString()));
        }
        return Operation.of(issued);
    }

    @POST
    @Path("{number}/top-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.GIFT_CARD_ISSUE)
    public Operation topUp(@PathParam("number") String number, TopUpRequest body,
            @HeaderParam(IDEMPOTENCY_KEY) String key, @Context SecurityContext security) {
        TopUpRequest request = required(body);
        String currency = request.currency() == null || request.currency().isBlank()
                ? find(number).balance().currencyCode() : request.currency();
        Money amount = money(request.amount(), currency);
        String user = user(security);
        Movement movement = ledger.topUp(number, amount, operationId("top-up", key, user), user);
        if (!movement.replayed()) {
            audit("giftcard.top-up", user, movement.account(), Map.of("amount", amount.toString()));
        }
        return Operation.of(movement);
    }

    @POST
    @Path("{number}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.GIFT_CARD_ISSUE)
    public Operation adjust(@PathParam("number") String number, AdjustmentRequest body,
            @HeaderParam(IDEMPOTENCY_KEY) String key, @Context SecurityContext security) {
        AdjustmentRequest request = required(body);
        Money delta = money(request.amount(), find(number).balance().currencyCode());
        String user = user(security);
        Movement movement = ledger.adjust(number, delta, request.reason(), operationId("adjust", key, user), user);
        if (!movement.replayed()) {
            audit("giftcard.adjust", user, movement.account(),
                    Map.of("amount", delta.toString(), "reason", movement.entry().note()));
        }
        return Operation.of(movement);
    }

    @PUT
    @Path("{number}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.GIFT_CARD_ISSUE)
    public Card setStatus(@PathParam("number") String number, StatusChange body, @Context SecurityContext security) {
        StatusChange request = required(body);
        AccountStatus status = AccountStatus.ofCode(request.status());
        String user = user(security);
        Account account = ledger.setStatus(number, status, user);
        audit("giftcard.status", user, account, Map.of("status", status.code()));
        return Card.of(account);
    }

    /** Balance enquiry, e.g. before the cashier splits a tender. */
    @GET
    @Path("{number}")
    @RequiresPermission(Permission.CART_SELL)
    public Card balance(@PathParam("number") String number) {
        return Card.of(find(number));
    }

    @GET
    @Path("{number}/ledger")
    @RequiresPermission(Permission.CART_SELL)
    public Ledger ledger(@PathParam("number") String number, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LEDGER_LIMIT) {
            throw OmnitillException.invalid("invalid_limit", "limit must be between 1 and " + MAX_LEDGER_LIMIT);
        }
        Account account = find(number);
        List<Entry> entries = ledger.entries(account.number(), limit).stream().map(Entry::of).toList();
        return new Ledger(Card.of(account), entries);
    }

    private Account find(String number) {
        String n = CardNumbers.normalise(number);
        return ledger.account(n).orElseThrow(() -> OmnitillException.notFound("card_not_found",
                "no gift card or store credit " + CardNumbers.mask(n)));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw OmnitillException.invalid("missing_body", "a JSON request body is required");
        }
        return body;
    }

    /** An exact amount in the currency: refuses a missing amount, a bad currency and too many decimals. */
    private static Money money(BigDecimal amount, String currency) {
        if (amount == null) {
            throw OmnitillException.invalid("missing_field", "amount is required, e.g. \"25.00\"");
        }
        try {
            return Money.of(amount, Money.currency(currency));
        } catch (IllegalArgumentException e) {
            throw OmnitillException.invalid("invalid_amount", e.getMessage());
        }
    }

    /** The Idempotency-Key, scoped to the user (keys are per user, as in the core's API), or null. */
    private static String scoped(String key, String user) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw OmnitillException.invalid("invalid_idempotency_key",
                    IDEMPOTENCY_KEY + " is at most " + MAX_KEY_LENGTH + " characters");
        }
        return user + "/" + key.strip();
    }

    private static String operationId(String what, String key, String user) {
        String scoped = scoped(key, user);
        return scoped != null ? what + "/" + scoped : what + "/" + UUID.randomUUID();
    }

    private static String user(SecurityContext security) {
        return security != null && security.getUserPrincipal() != null ? security.getUserPrincipal().getName()
                : "unknown";
    }

    private void audit(String action, String user, Account account, Map<String, String> details) {
        AuditTrail trail = audit;
        if (trail == null) {
            return;
        }
        try {
            trail.record(AuditEvent.success(action, user, "giftcard/" + CardNumbers.mask(account.number()), details));
        } catch (RuntimeException e) {
            // the movement has committed and the ledger names who made it; a lost audit line must not undo the reply
            LOG.warn("gift card: could not write {} for {} to the audit trail: {}", action, account.describe(),
                    e.toString());
        }
    }
}
