package org.omnitill.payment.giftcard.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The plugin's own tables, prefixed {@code GC_} so they never clash with the core's (which EclipseLink
 * manages). Plain SQL that H2 2.2 and PostgreSQL 15 both accept: unquoted upper-case names,
 * {@code CREATE … IF NOT EXISTS}, BIGINT minor units, TIMESTAMP WITH TIME ZONE. The CHECK constraints
 * are the last line of defence: whatever the code does, no balance is ever stored below zero.
 */
final class LedgerSchema {

    static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE IF NOT EXISTS GC_ACCOUNT (
              ACCOUNT_NUMBER VARCHAR(32) NOT NULL,
              KIND VARCHAR(16) NOT NULL,
              CURRENCY VARCHAR(3) NOT NULL,
              BALANCE BIGINT NOT NULL,
              STATUS VARCHAR(16) NOT NULL,
              ENTRIES BIGINT NOT NULL,
              ISSUE_KEY VARCHAR(512),
              CREATED TIMESTAMP WITH TIME ZONE NOT NULL,
              CREATED_BY VARCHAR(255) NOT NULL,
              CONSTRAINT GC_ACCOUNT_PK PRIMARY KEY (ACCOUNT_NUMBER),
              CONSTRAINT GC_ACCOUNT_ISSUE_KEY UNIQUE (ISSUE_KEY),
              CONSTRAINT GC_ACCOUNT_BALANCE_NOT_NEGATIVE CHECK (BALANCE >= 0)
            )""",
            """
            CREATE TABLE IF NOT EXISTS GC_LEDGER (
              ID VARCHAR(36) NOT NULL,
              ACCOUNT_NUMBER VARCHAR(32) NOT NULL,
              SEQ BIGINT NOT NULL,
              KIND VARCHAR(16) NOT NULL,
              AMOUNT BIGINT NOT NULL,
              BALANCE_AFTER BIGINT NOT NULL,
              OPERATION_ID VARCHAR(512) NOT NULL,
              REFERS_TO VARCHAR(512),
              NOTE VARCHAR(255),
              CREATED TIMESTAMP WITH TIME ZONE NOT NULL,
              CREATED_BY VARCHAR(255) NOT NULL,
              CONSTRAINT GC_LEDGER_PK PRIMARY KEY (ID),
              CONSTRAINT GC_LEDGER_ACCOUNT_FK FOREIGN KEY (ACCOUNT_NUMBER) REFERENCES GC_ACCOUNT (ACCOUNT_NUMBER),
              CONSTRAINT GC_LEDGER_SEQUENCE UNIQUE (ACCOUNT_NUMBER, SEQ),
              CONSTRAINT GC_LEDGER_OPERATION UNIQUE (ACCOUNT_NUMBER, KIND, OPERATION_ID),
              CONSTRAINT GC_LEDGER_BALANCE_NOT_NEGATIVE CHECK (BALANCE_AFTER >= 0)
            )""",
            // payment ids are looked up across accounts (status, cancel and refund may lack the card number)
            "CREATE INDEX IF NOT EXISTS GC_LEDGER_OPERATION_ID ON GC_LEDGER (OPERATION_ID)",
            "CREATE INDEX IF NOT EXISTS GC_LEDGER_REFERS_TO ON GC_LEDGER (ACCOUNT_NUMBER, REFERS_TO)");

    private LedgerSchema() {
    }

    /** Creates what is missing; safe to run on every activation and from several nodes. */
    static Void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
        return null;
    }
}
