package org.omnitill.payment.giftcard.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.money.Money;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts and their append-only ledger, in the platform's database ({@code GC_} tables created at
 * activation). Every write runs in one transaction that first locks the account row, then looks its
 * operation id up (a repeated call returns the first outcome and moves nothing), then changes the
 * balance with a conditional UPDATE whose row count decides, then appends the movement. A unique key on
 * (account, kind, operation id) catches a concurrent repeat that slipped past the look-up; the
 * transaction is then run again and finds the winner's movement.
 *
 * <p>Refusals are {@link OmnitillException}s with stable codes; a database failure is
 * {@code gift_card_ledger_unavailable} (UNAVAILABLE), after which the outcome of a write is unknown
 * until it is looked up again.
 */
@Component(service = GiftCardLedger.class, configurationPid = GiftCardLedger.PID)
@Designate(ocd = GiftCardLedger.Config.class)
public class GiftCardLedger {

    static final String PID = "org.omnitill.payment.giftcard";
    /** The platform's DataSource (etc/org.ops4j.datasource-omnitill.cfg), the one the core's JPA unit uses too. */
    static final String DATASOURCE_TARGET = "(osgi.jndi.service.name=omnitill)";
    static final int MAX_OPERATION_ID_LENGTH = 512;
    static final int MAX_NOTE_LENGTH = 255;
    private static final long NO_LIMIT = Long.MAX_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(GiftCardLedger.class);

    @ObjectClassDefinition(name = "Omnitill gift cards and store credit",
            description = "Limits of the gift card and store credit accounts.")
    @interface Config {

        @AttributeDefinition(name = "Maximum balance per currency",
                description = "Comma-separated CUR:amount entries, e.g. EUR:500.00,USD:500.00. An account may never "
                        + "hold more; cards are issued only in the currencies listed.")
        String[] maxBalance() default BalanceLimits.DEFAULTS;
    }

    /** Where a payment stands in the ledger. */
    record PaymentState(LedgerEntry redemption, LedgerEntry voiding) {

        boolean captured() {
            return redemption != null && voiding == null;
        }

        boolean voided() {
            return redemption != null && voiding != null;
        }
    }

    private final Jdbc db;
    private final LedgerStore store;
    private final CardNumbers numbers;
    private volatile BalanceLimits limits;
    private volatile boolean schemaReady;

    @Activate
    public GiftCardLedger(@Reference(name = "dataSource", target = DATASOURCE_TARGET) DataSource dataSource,
            Config config) {
        this(dataSource, BalanceLimits.parse(config.maxBalance()), new CardNumbers(new SecureRandom()),
                Clock.systemUTC());
    }

    GiftCardLedger(DataSource dataSource, BalanceLimits limits, CardNumbers numbers, Clock clock) {
        this.db = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
        this.store = new LedgerStore(clock);
        this.numbers = numbers;
        this.limits = limits;
        try {
            ensureSchema();
        } catch (OmnitillException e) {
            LOG.warn("gift card ledger: the database is not reachable yet; the GC_ tables are created on first use");
        }
    }

    @Modified
    void modified(Config config) {
        this.limits = BalanceLimits.parse(config.maxBalance());
    }

    private void ensureSchema() {
        if (!schemaReady) {
            synchronized (this) {
                if (!schemaReady) {
                    db.inTransaction(LedgerSchema::create);
                    schemaReady = true;
                }
            }
        }
    }

    private <T> T inTransaction(Jdbc.Work<T> work) {
        ensureSchema();
        return db.inTransaction(work);
    }

    // ------------------------------------------------------------------ reads

    Optional<Account> account(String number) {
        String n = CardNumbers.normalise(number);
        return inTransaction(c -> store.account(c, n, false));
    }

    /** The account's latest movements, newest first. */
    List<LedgerEntry> entries(String number, int limit) {
        String n = CardNumbers.normalise(number);
        return inTransaction(c -> {
            requireAccount(c, n, false);
            return store.entries(c, n, limit);
        });
    }

    // ------------------------------------------------------------------ staff operations

    /**
     * Opens an account with its first value. With an {@code issueKey}, a repeat returns the account
     * the first call opened (and is refused if it asked for something else).
     */
    Movement issue(AccountKind kind, Money amount, String issueKey, String by) {
        Objects.requireNonNull(kind, "kind");
        requirePositive(amount);
        Money max = maximum(amount);
        if (amount.isGreaterThan(max)) {
            throw OmnitillException.unprocessable("balance_limit_exceeded",
                    "an account may hold at most " + max + "; " + amount + " is more");
        }
        String key = issueKey == null ? null : operationId(issueKey);
        Movement movement = inTransaction(c -> {
            if (key != null) {
                Optional<Account> earlier = store.accountByIssueKey(c, key);
                if (earlier.isPresent()) {
                    LedgerEntry issued = store.entry(c, earlier.get().number(), EntryKind.ISSUE, key).orElseThrow();
                    if (earlier.get().kind() != kind || !issued.amount().equals(amount)) {
                        throw keyReused();
                    }
                    return new Movement(earlier.get(), issued, true);
                }
            }
            String number = numbers.next(kind);
            Account account = store.insertAccount(c, number, kind, amount, key, by);
            LedgerEntry entry = store.append(c, number, EntryKind.ISSUE, amount.minorUnits(),
                    key != null ? key : "issue/" + UUID.randomUUID(), null, null, by);
            return new Movement(account, entry, false);
        });
        if (!movement.replayed()) {
            LOG.info("gift card ledger: {} issued with {} by {}", movement.account().describe(), amount, by);
        }
        return movement;
    }

    /** Adds value to an active account, up to the maximum balance. */
    Movement topUp(String number, Money amount, String operationId, String by) {
        String n = CardNumbers.normalise(number);
        requirePositive(amount);
        String op = operationId(operationId);
        return inTransaction(c -> {
            Account account = requireAccount(c, n, true);
            Optional<LedgerEntry> earlier = store.entry(c, n, EntryKind.TOP_UP, op);
            if (earlier.isPresent()) {
                return replay(c, earlier.get(), amount);
            }
            requireActive(account);
            requireCurrency(account, amount);
            Money max = maximum(amount);
            if (!store.give(c, n, amount.minorUnits(), max.minorUnits())) {
                throw OmnitillException.unprocessable("balance_limit_exceeded", account.describe() + " holds "
                        + account.balance() + " and may hold at most " + max + "; " + amount + " more is too much");
            }
            LedgerEntry entry = store.append(c, n, EntryKind.TOP_UP, amount.minorUnits(), op, null, null, by);
            LOG.debug("gift card ledger: {} topped up by {} ({})", account.describe(), amount, by);
            return new Movement(account.withBalance(entry.balanceAfter()), entry, false);
        });
    }

    /**
     * A correction by staff, up or down, with the reason in the note. Works on blocked accounts too;
     * never takes the balance below zero nor above the maximum.
     */
    Movement adjust(String number, Money delta, String note, String operationId, String by) {
        String n = CardNumbers.normalise(number);
        Objects.requireNonNull(delta, "delta");
        if (delta.isZero()) {
            throw OmnitillException.invalid("invalid_amount", "an adjustment must change the balance");
        }
        if (note == null || note.isBlank() || note.strip().length() > MAX_NOTE_LENGTH) {
            throw OmnitillException.invalid("invalid_reason",
                    "an adjustment needs a reason of at most " + MAX_NOTE_LENGTH + " characters");
        }
        String op = operationId(operationId);
        return inTransaction(c -> {
            Account account = requireAccount(c, n, true);
            Optional<LedgerEntry> earlier = store.entry(c, n, EntryKind.ADJUST, op);
            if (earlier.isPresent()) {
                return replay(c, earlier.get(), delta);
            }
            requireCurrency(account, delta);
            boolean moved = delta.isPositive()
                    ? store.give(c, n, delta.minorUnits(), maximum(delta).minorUnits())
                    : store.take(c, n, -delta.minorUnits(), false);
            if (!moved) {
                throw OmnitillException.unprocessable("adjustment_out_of_range", account.describe() + " holds "
                        + account.balance() + "; an adjustment of " + delta
                        + " would take it below zero or above the maximum balance");
            }
            LedgerEntry entry = store.append(c, n, EntryKind.ADJUST, delta.minorUnits(), op, null, note.strip(), by);
            LOG.info("gift card ledger: {} adjusted by {} by {}", account.describe(), delta, by);
            return new Movement(account.withBalance(entry.balanceAfter()), entry, false);
        });
    }

    /** Blocks an account (lost, stolen, suspected fraud) or unblocks it. */
    Account setStatus(String number, AccountStatus status, String by) {
        String n = CardNumbers.normalise(number);
        Account account = inTransaction(c -> {
            if (store.setStatus(c, n, status) == 0) {
                throw cardNotFound(n);
            }
            return requireAccount(c, n, false);
        });
        LOG.info("gift card ledger: {} set {} by {}", account.describe(), status.code(), by);
        return account;
    }

    // ------------------------------------------------------------------ payments

    /**
     * Spends exactly {@code amount} of the account for a payment. A repeat with the same payment id
     * returns the first redemption; a payment id that was voided or closed never redeems.
     */
    Movement redeem(AccountKind kind, String number, Money amount, String paymentId, String by) {
        String n = CardNumbers.normalise(number);
        requirePositive(amount);
        String payment = operationId(paymentId);
        return inTransaction(c -> {
            Optional<LedgerEntry> elsewhere = store.redemption(c, payment);
            String target = elsewhere.map(LedgerEntry::accountNumber).orElse(n);
            Account account = requireAccount(c, target, true);
            if (store.entry(c, target, EntryKind.VOID, payment).isPresent()) {
                throw OmnitillException.unprocessable("payment_cancelled",
                        "this payment was cancelled; start a new payment");
            }
            Optional<LedgerEntry> earlier = store.entry(c, target, EntryKind.REDEEM, payment);
            if (earlier.isPresent()) {
                return new Movement(account, earlier.get(), true);
            }
            if (account.kind() != kind) {
                throw OmnitillException.unprocessable("wrong_account_kind", account.describe()
                        + " is not a " + kind.label().toLowerCase(java.util.Locale.ROOT)
                        + "; pay with the " + account.kind().code() + " method");
            }
            requireActive(account);
            requireCurrency(account, amount);
            if (!store.take(c, target, amount.minorUnits(), true)) {
                throw OmnitillException.unprocessable("insufficient_balance", account.describe() + " holds only "
                        + account.balance() + "; take at most that from it and the rest another way");
            }
            LedgerEntry entry = store.append(c, target, EntryKind.REDEEM, -amount.minorUnits(), payment, null, null,
                    by);
            LOG.debug("gift card ledger: {} redeemed {} for payment {}, balance {}", account.describe(), amount,
                    payment, entry.balanceAfter());
            return new Movement(account.withBalance(entry.balanceAfter()), entry, false);
        });
    }

    /**
     * Where a payment stands. If the account exists but holds no redemption for the payment id, the
     * id is closed with a marker first, so that a redemption still on its way (a request that timed out
     * for the core but not yet here) is refused: the answer "failed" stays true.
     *
     * @param number the account named in the payment's data, or null; the redemption's own account wins
     */
    PaymentState paymentState(String number, String paymentId, String by) {
        String payment = operationId(paymentId);
        return inTransaction(c -> {
            Optional<Account> account = accountOfPayment(c, number, payment);
            if (account.isEmpty()) {
                return new PaymentState(null, null);
            }
            String target = account.get().number();
            LedgerEntry redemption = store.entry(c, target, EntryKind.REDEEM, payment).orElse(null);
            LedgerEntry voiding = store.entry(c, target, EntryKind.VOID, payment).orElse(null);
            if (redemption == null && voiding == null) {
                voiding = close(c, account.get(), EntryKind.VOID, payment, payment, by);
            }
            return new PaymentState(redemption, voiding);
        });
    }

    /**
     * Reverses a redemption of a cart that did not complete: what is left of it after refunds goes back
     * on the account. Without a redemption the payment id is closed. Empty if no such account exists,
     * so nothing can have been taken.
     */
    Optional<Movement> voidRedemption(String number, String paymentId, String by) {
        String payment = operationId(paymentId);
        return inTransaction(c -> {
            Optional<Account> found = accountOfPayment(c, number, payment);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Account account = found.get();
            String target = account.number();
            Optional<LedgerEntry> earlier = store.entry(c, target, EntryKind.VOID, payment);
            if (earlier.isPresent()) {
                return Optional.of(new Movement(account, earlier.get(), true));
            }
            Optional<LedgerEntry> redemption = store.entry(c, target, EntryKind.REDEEM, payment);
            if (redemption.isEmpty()) {
                LedgerEntry marker = close(c, account, EntryKind.VOID, payment, payment, by);
                return Optional.of(new Movement(account, marker, false));
            }
            long back = -redemption.get().amount().minorUnits() - store.refunded(c, target, payment);
            store.give(c, target, back, NO_LIMIT);
            LedgerEntry entry = store.append(c, target, EntryKind.VOID, back, payment, payment, null, by);
            LOG.debug("gift card ledger: payment {} on {} voided, {} back", payment, account.describe(),
                    entry.amount());
            return Optional.of(new Movement(account.withBalance(entry.balanceAfter()), entry, false));
        });
    }

    /**
     * Gives part or all of a redemption back to the account it came from. A repeat with the same
     * refund id returns the first outcome; refunds of one payment never exceed what it took.
     */
    Movement refundToCard(String number, String paymentId, Money amount, String refundId, String by) {
        String payment = operationId(paymentId);
        String refund = operationId(refundId);
        requirePositive(amount);
        return inTransaction(c -> {
            Account account = accountOfPayment(c, number, payment).orElseThrow(() -> paymentNotFound());
            String target = account.number();
            Optional<LedgerEntry> earlier = store.entry(c, target, EntryKind.REFUND_TO_CARD, refund);
            if (earlier.isPresent()) {
                return new Movement(account, earlier.get(), true);
            }
            LedgerEntry redemption = store.entry(c, target, EntryKind.REDEEM, payment)
                    .orElseThrow(() -> paymentNotFound());
            if (store.entry(c, target, EntryKind.VOID, payment).isPresent()) {
                throw OmnitillException.unprocessable("payment_voided",
                        "this payment was voided; its amount is back on " + account.describe() + " already");
            }
            requireActive(account);
            requireCurrency(account, amount);
            Money left = redemption.amount().negate().minus(
                    Money.ofMinor(store.refunded(c, target, payment), amount.currency()));
            if (amount.isGreaterThan(left)) {
                throw OmnitillException.unprocessable("refund_exceeds_payment",
                        "only " + left + " of this payment is left to refund, not " + amount);
            }
            store.give(c, target, amount.minorUnits(), NO_LIMIT);
            LedgerEntry entry = store.append(c, target, EntryKind.REFUND_TO_CARD, amount.minorUnits(), refund,
                    payment, null, by);
            LOG.debug("gift card ledger: refund {} of payment {} put {} back on {}", refund, payment, amount,
                    account.describe());
            return new Movement(account.withBalance(entry.balanceAfter()), entry, false);
        });
    }

    /**
     * The refund made with this id, if any. If there was none, the id is closed with a zero marker so
     * that it cannot refund later; empty when the payment's account does not exist at all.
     */
    Optional<LedgerEntry> refundState(String number, String paymentId, String refundId, String by) {
        String payment = operationId(paymentId);
        String refund = operationId(refundId);
        return inTransaction(c -> {
            Optional<Account> account = accountOfPayment(c, number, payment);
            if (account.isEmpty()) {
                return Optional.empty();
            }
            Optional<LedgerEntry> earlier = store.entry(c, account.get().number(), EntryKind.REFUND_TO_CARD, refund);
            return earlier.isPresent() ? earlier
                    : Optional.of(close(c, account.get(), EntryKind.REFUND_TO_CARD, refund, payment, by));
        });
    }

    // ------------------------------------------------------------------ helpers

    /** The locked account that holds the payment's redemption, else the one named, if either exists. */
    private Optional<Account> accountOfPayment(Connection c, String number, String paymentId) throws SQLException {
        Optional<String> target = store.redemption(c, paymentId).map(LedgerEntry::accountNumber);
        if (target.isEmpty() && number != null && !number.isBlank()) {
            try {
                target = Optional.of(CardNumbers.normalise(number));
            } catch (OmnitillException malformed) {
                return Optional.empty(); // no account can have such a number
            }
        }
        return target.isEmpty() ? Optional.empty() : store.account(c, target.get(), true);
    }

    private LedgerEntry close(Connection c, Account account, EntryKind kind, String operationId, String paymentId,
            String by) throws SQLException {
        store.give(c, account.number(), 0, NO_LIMIT);
        LOG.info("gift card ledger: {} {} had moved nothing on {}; closed so that it never will", kind.code(),
                operationId, account.describe());
        return store.append(c, account.number(), kind, 0, operationId, paymentId,
                "closed: asked for before it happened", by);
    }

    private Movement replay(Connection c, LedgerEntry earlier, Money requested) throws SQLException {
        if (!earlier.amount().equals(requested)) {
            throw keyReused();
        }
        return new Movement(requireAccount(c, earlier.accountNumber(), false), earlier, true);
    }

    private Account requireAccount(Connection c, String number, boolean forUpdate) throws SQLException {
        return store.account(c, number, forUpdate).orElseThrow(() -> cardNotFound(number));
    }

    private Money maximum(Money amount) {
        return limits.maximum(amount.currency()).orElseThrow(() -> OmnitillException.unprocessable(
                "currency_not_enabled", "gift cards and store credit are not issued in " + amount.currencyCode()
                        + " (configure maxBalance)"));
    }

    private static void requireActive(Account account) {
        if (!account.isActive()) {
            throw OmnitillException.unprocessable("card_blocked", account.describe() + " is blocked");
        }
    }

    private static void requireCurrency(Account account, Money amount) {
        if (!account.balance().isSameCurrency(amount)) {
            throw OmnitillException.unprocessable("currency_mismatch", account.describe() + " holds "
                    + account.balance().currencyCode() + ", not " + amount.currencyCode());
        }
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw OmnitillException.invalid("invalid_amount", "the amount must be more than zero");
        }
    }

    private static String operationId(String id) {
        if (id == null || id.isBlank()) {
            throw OmnitillException.invalid("operation_id_required", "a payment, refund or request id is required");
        }
        if (id.length() > MAX_OPERATION_ID_LENGTH) {
            throw OmnitillException.invalid("operation_id_too_long",
                    "ids are at most " + MAX_OPERATION_ID_LENGTH + " characters");
        }
        return id;
    }

    private static OmnitillException cardNotFound(String number) {
        return OmnitillException.notFound("card_not_found",
                "no gift card or store credit " + CardNumbers.mask(number) + "; check the number");
    }

    private static OmnitillException paymentNotFound() {
        return OmnitillException.unprocessable("payment_not_found", "no gift card redemption for this payment");
    }

    private static OmnitillException keyReused() {
        return OmnitillException.unprocessable("idempotency_key_reused",
                "this id was used before for a different request");
    }
}
