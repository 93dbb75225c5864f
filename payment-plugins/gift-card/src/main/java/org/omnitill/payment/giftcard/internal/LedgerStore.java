package org.omnitill.payment.giftcard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.omnitill.api.money.Money;

/**
 * The rows of {@code GC_ACCOUNT} and {@code GC_LEDGER}, read and written on a connection the caller's
 * transaction owns. Amounts are stored as signed minor units (cents), so no rounding ever happens in SQL.
 * No business rules here; {@link GiftCardLedger} decides what may move.
 */
final class LedgerStore {

    /** Never more than this many characters of a user or register name in {@code CREATED_BY}. */
    static final int MAX_ACTOR_LENGTH = 255;

    private static final String ACCOUNT_COLUMNS =
            "ACCOUNT_NUMBER, KIND, CURRENCY, BALANCE, STATUS, CREATED, CREATED_BY";
    private static final String ENTRY_SELECT =
            "SELECT L.ID, L.ACCOUNT_NUMBER, L.SEQ, L.KIND, L.AMOUNT, L.BALANCE_AFTER,"
            + " L.OPERATION_ID, L.REFERS_TO, L.NOTE, L.CREATED, L.CREATED_BY, A.CURRENCY"
            + " FROM GC_LEDGER L JOIN GC_ACCOUNT A ON A.ACCOUNT_NUMBER = L.ACCOUNT_NUMBER ";

    private final Clock clock;

    LedgerStore(Clock clock) {
        this.clock = clock;
    }

    /** The account, locked until the transaction ends when {@code forUpdate}: the ledger's writes on it queue up. */
    Optional<Account> account(Connection c, String number, boolean forUpdate) throws SQLException {
        String sql = "SELECT " + ACCOUNT_COLUMNS + " FROM GC_ACCOUNT WHERE ACCOUNT_NUMBER = ?"
                + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, number);
            return one(ps, LedgerStore::account);
        }
    }

    Optional<Account> accountByIssueKey(Connection c, String issueKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + ACCOUNT_COLUMNS + " FROM GC_ACCOUNT WHERE ISSUE_KEY = ?")) {
            ps.setString(1, issueKey);
            return one(ps, LedgerStore::account);
        }
    }

    /** A new account holding {@code opening}; the caller appends its issue movement (sequence 1). */
    Account insertAccount(Connection c, String number, AccountKind kind, Money opening, String issueKey, String by)
            throws SQLException {
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO GC_ACCOUNT (ACCOUNT_NUMBER, KIND, CURRENCY,"
                + " BALANCE, STATUS, ENTRIES, ISSUE_KEY, CREATED, CREATED_BY) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
            ps.setString(1, number);
            ps.setString(2, kind.code());
            ps.setString(3, opening.currencyCode());
            ps.setLong(4, opening.minorUnits());
            ps.setString(5, AccountStatus.ACTIVE.code());
            ps.setString(6, issueKey);
            ps.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(8, actor(by));
            ps.executeUpdate();
        }
        return new Account(number, kind, opening, AccountStatus.ACTIVE, now, actor(by));
    }

    /** The account's movement of this kind for this operation id, if it was made. */
    Optional<LedgerEntry> entry(Connection c, String number, EntryKind kind, String operationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT
                + "WHERE L.ACCOUNT_NUMBER = ? AND L.KIND = ? AND L.OPERATION_ID = ?")) {
            ps.setString(1, number);
            ps.setString(2, kind.code());
            ps.setString(3, operationId);
            return one(ps, LedgerStore::entry);
        }
    }

    /** The redemption made with this payment id on whichever account (the first, should a client have reused it). */
    Optional<LedgerEntry> redemption(Connection c, String paymentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT
                + "WHERE L.KIND = ? AND L.OPERATION_ID = ? ORDER BY L.CREATED, L.ID")) {
            ps.setString(1, EntryKind.REDEEM.code());
            ps.setString(2, paymentId);
            return one(ps, LedgerStore::entry);
        }
    }

    /** What has been refunded to the card of this payment so far, in minor units. */
    long refunded(Connection c, String number, String paymentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(AMOUNT), 0) FROM GC_LEDGER"
                + " WHERE ACCOUNT_NUMBER = ? AND REFERS_TO = ? AND KIND = ?")) {
            ps.setString(1, number);
            ps.setString(2, paymentId);
            ps.setString(3, EntryKind.REFUND_TO_CARD.code());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Takes {@code minor} off the balance if, and only if, the balance covers it: one conditional
     * UPDATE whose row count says whether it did. Concurrent takers queue on the row lock and each
     * re-checks the condition against the balance the one before left (PostgreSQL 15 manual, 13.2.1
     * "Read Committed Isolation Level"), so the balance never goes below zero.
     */
    boolean take(Connection c, String number, long minor, boolean onlyIfActive) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE GC_ACCOUNT SET BALANCE = BALANCE - ?,"
                + " ENTRIES = ENTRIES + 1 WHERE ACCOUNT_NUMBER = ? AND BALANCE >= ?"
                + (onlyIfActive ? " AND STATUS = '" + AccountStatus.ACTIVE.code() + "'" : ""))) {
            ps.setLong(1, minor);
            ps.setString(2, number);
            ps.setLong(3, minor);
            return ps.executeUpdate() == 1;
        }
    }

    /** Adds {@code minor} (zero for a closing marker) if the balance stays at most {@code maxMinor}. */
    boolean give(Connection c, String number, long minor, long maxMinor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE GC_ACCOUNT SET BALANCE = BALANCE + ?,"
                + " ENTRIES = ENTRIES + 1 WHERE ACCOUNT_NUMBER = ? AND BALANCE <= ?")) {
            ps.setLong(1, minor);
            ps.setString(2, number);
            ps.setLong(3, maxMinor - minor);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Writes the movement that {@link #take} or {@link #give} (or the insert of the account) just
     * made, with the balance and sequence number the account row now holds.
     */
    LedgerEntry append(Connection c, String number, EntryKind kind, long amount, String operationId,
            String refersTo, String note, String by) throws SQLException {
        long balance;
        long sequence;
        Currency currency;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT BALANCE, ENTRIES, CURRENCY FROM GC_ACCOUNT WHERE ACCOUNT_NUMBER = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("account " + CardNumbers.mask(number) + " vanished inside its transaction");
                }
                balance = rs.getLong(1);
                sequence = rs.getLong(2);
                currency = Money.currency(rs.getString(3));
            }
        }
        LedgerEntry entry = new LedgerEntry(UUID.randomUUID().toString(), number, sequence, kind,
                Money.ofMinor(amount, currency), Money.ofMinor(balance, currency), operationId, refersTo, note, now(),
                actor(by));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO GC_LEDGER (ID, ACCOUNT_NUMBER, SEQ, KIND, AMOUNT,"
                + " BALANCE_AFTER, OPERATION_ID, REFERS_TO, NOTE, CREATED, CREATED_BY)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, entry.id());
            ps.setString(2, number);
            ps.setLong(3, sequence);
            ps.setString(4, kind.code());
            ps.setLong(5, amount);
            ps.setLong(6, balance);
            ps.setString(7, operationId);
            ps.setString(8, refersTo);
            ps.setString(9, note);
            ps.setObject(10, OffsetDateTime.ofInstant(entry.created(), ZoneOffset.UTC));
            ps.setString(11, entry.createdBy());
            ps.executeUpdate();
        }
        return entry;
    }

    int setStatus(Connection c, String number, AccountStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE GC_ACCOUNT SET STATUS = ? WHERE ACCOUNT_NUMBER = ?")) {
            ps.setString(1, status.code());
            ps.setString(2, number);
            return ps.executeUpdate();
        }
    }

    /** The account's most recent movements, newest first. */
    List<LedgerEntry> entries(Connection c, String number, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENTRY_SELECT
                + "WHERE L.ACCOUNT_NUMBER = ? ORDER BY L.SEQ DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, number);
            ps.setInt(2, limit);
            List<LedgerEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        }
    }

    private Instant now() {
        // both databases keep microseconds; truncating here makes what we return equal what we read back
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String actor(String by) {
        String name = by == null || by.isBlank() ? "system" : by.strip();
        return name.length() > MAX_ACTOR_LENGTH ? name.substring(0, MAX_ACTOR_LENGTH) : name;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> Optional<T> one(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        Currency currency = Money.currency(rs.getString("CURRENCY"));
        return new Account(rs.getString("ACCOUNT_NUMBER"), AccountKind.ofCode(rs.getString("KIND")),
                Money.ofMinor(rs.getLong("BALANCE"), currency), AccountStatus.ofCode(rs.getString("STATUS")),
                rs.getObject("CREATED", OffsetDateTime.class).toInstant(), rs.getString("CREATED_BY"));
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        Currency currency = Money.currency(rs.getString(12));
        return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getLong(3), EntryKind.ofCode(rs.getString(4)),
                Money.ofMinor(rs.getLong(5), currency), Money.ofMinor(rs.getLong(6), currency), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant(),
                rs.getString(11));
    }
}
