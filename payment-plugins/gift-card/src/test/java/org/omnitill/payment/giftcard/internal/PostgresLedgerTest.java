package org.omnitill.payment.giftcard.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The ledger on PostgreSQL 15 (the production database), in a temporary database on the server at
 * 127.0.0.1:5432 (user postgres, trust authentication). When no server answers there, every test is
 * skipped by an assumption and the console says so loudly.
 */
class PostgresLedgerTest extends LedgerContractTest {

    private TestDatabases.Postgres database;

    @Override
    @BeforeAll
    void createLedger() {
        database = TestDatabases.Postgres.create().orElse(null);
        if (database != null) {
            super.createLedger();
        }
    }

    @BeforeEach
    void requireServer() {
        assumeTrue(database != null, TestDatabases.Postgres::unavailable);
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    DataSource dataSource() {
        return database.dataSource;
    }
}
