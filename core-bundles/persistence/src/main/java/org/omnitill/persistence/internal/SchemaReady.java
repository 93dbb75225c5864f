package org.omnitill.persistence.internal;

/**
 * Registered once the database's schema is one this version can read and write ({@link TimeColumnMigration}
 * has run). The transaction runner, the only way to the database, waits for it.
 */
public interface SchemaReady {
}
