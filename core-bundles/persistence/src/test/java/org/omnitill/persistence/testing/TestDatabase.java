package org.omnitill.persistence.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.internal.JpaTransactionRunner;

/**
 * The core's real persistence unit on a private in-memory H2 database, outside OSGi, for the unit
 * tests of the core bundles (shipped as this module's test-jar).
 */
public final class TestDatabase implements AutoCloseable {

    private final EntityManagerFactory emf;
    private final TransactionRunner tx;

    public TestDatabase() {
        this(inMemory());
    }

    /** The persistence unit on a database the test prepared itself. */
    public TestDatabase(DataSource ds) {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        emf = Persistence.createEntityManagerFactory("omnitill", props);
        tx = new JpaTransactionRunner(emf);
    }

    /** A new, private in-memory H2 database. */
    public static DataSource inMemory() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public TransactionRunner tx() {
        return tx;
    }

    @Override
    public void close() {
        emf.close();
    }
}
