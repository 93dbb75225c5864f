package org.omnitill.payment.giftcard.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.omnitill.api.error.OmnitillException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions by hand on the platform's DataSource: auto-commit off, READ COMMITTED, commit or roll
 * back, and the connection handed back to the pool as it was lent.
 *
 * <p>A unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL alike) means a concurrent request
 * with the same operation id committed first. Every write of the ledger starts by looking its
 * operation id up, so the work is simply run once more and then finds the winner's outcome.
 */
final class Jdbc {

    /** SQL:2011 / SQLSTATE class 23 "integrity constraint violation", subclass 505 "unique violation". */
    static final String UNIQUE_VIOLATION = "23505";
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the work in a transaction, again after a unique-key violation.
     *
     * @throws OmnitillException UNAVAILABLE ({@code gift_card_ledger_unavailable}) when the database
     *         fails; the work's own refusals pass through after the rollback
     */
    <T> T inTransaction(Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    // the driver's message may quote a key, i.e. a card number: redacted, and not kept as a cause
                    LOG.warn("gift card ledger: database failure (SQLSTATE {}, {}): {}", e.getSQLState(),
                            e.getClass().getSimpleName(), CardNumbers.redact(e.getMessage()));
                    throw OmnitillException.unavailable("gift_card_ledger_unavailable",
                            "the gift card ledger cannot be reached; try again");
                }
                LOG.debug("gift card ledger: a concurrent request with the same id committed first; "
                        + "reading its outcome");
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                connection.setAutoCommit(false);
                if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit, isolation);
            }
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit, int isolation) {
        try {
            if (connection.getTransactionIsolation() != isolation) {
                connection.setTransactionIsolation(isolation);
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // the pool validates connections before lending them again; a broken one is dropped there
            LOG.debug("gift card ledger: could not restore the connection's settings: {}",
                    CardNumbers.redact(e.getMessage()));
        }
    }
}
