package org.omnitill.payment.giftcard.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The two databases the platform runs on, as the tests get them. */
final class TestDatabases {

    /** Where the PostgreSQL tests look for a server (trust authentication); override with -Dgiftcard.postgres.host/port/user. */
    static final String PG_HOST = System.getProperty("giftcard.postgres.host", "127.0.0.1");
    static final int PG_PORT = Integer.getInteger("giftcard.postgres.port", 5432);
    static final String PG_USER = System.getProperty("giftcard.postgres.user", "postgres");

    private TestDatabases() {
    }

    /**
     * A fresh in-memory H2 2.2 database. LOCK_TIMEOUT is raised from H2's default of one second so that
     * twenty threads queuing on one account row on a busy build machine wait instead of failing.
     */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:gc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /** A temporary database on the local PostgreSQL server, dropped again on {@link #close()}. */
    static final class Postgres implements AutoCloseable {

        final String name;
        final DataSource dataSource;

        private Postgres(String name, DataSource dataSource) {
            this.name = name;
            this.dataSource = dataSource;
        }

        /**
         * Creates the database, or returns empty after saying loudly on the console that no server
         * answered (the caller then skips its tests with a JUnit assumption).
         */
        static Optional<Postgres> create() {
            String name = "gc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                    .toLowerCase(Locale.ROOT);
            try (Connection admin = source("postgres").getConnection(); Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                String banner = "*".repeat(100);
                System.err.println(banner);
                System.err.println("*** " + unavailable() + ": " + e.getMessage());
                System.err.println(banner);
                return Optional.empty();
            }
            return Optional.of(new Postgres(name, source(name)));
        }

        static String unavailable() {
            return "PostgreSQL tests SKIPPED: no PostgreSQL server accepted user '" + PG_USER + "' at " + PG_HOST + ":"
                    + PG_PORT;
        }

        private static PGSimpleDataSource source(String database) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {PG_HOST});
            ds.setPortNumbers(new int[] {PG_PORT});
            ds.setDatabaseName(database);
            ds.setUser(PG_USER);
            ds.setConnectTimeout(5);
            ds.setApplicationName("omnitill-giftcard-tests");
            return ds;
        }

        @Override
        public void close() throws SQLException {
            try (Connection admin = source("postgres").getConnection(); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
