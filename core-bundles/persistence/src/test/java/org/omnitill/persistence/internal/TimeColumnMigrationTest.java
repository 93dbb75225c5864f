package org.omnitill.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.omnitill.persistence.model.OutboxEventEntity;
import org.omnitill.persistence.testing.TestDatabase;

class TimeColumnMigrationTest {

    private static final Instant CREATED = Instant.parse("2026-11-28T09:15:30.123456Z");
    private static final Instant PUBLISHED = Instant.parse("2026-11-28T09:15:31Z");

    private final DataSource ds = TestDatabase.inMemory();

    private static byte[] serialised(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** OT_OUTBOX as versions before the converter created it: times as serialised bytes, an index on one. */
    private void oldOutbox() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE OT_OUTBOX (ID VARCHAR(36) PRIMARY KEY, aggregate_id VARCHAR(36) NOT NULL,"
                    + " aggregate_type VARCHAR(32) NOT NULL, event_type VARCHAR(64) NOT NULL, node_id VARCHAR(64) NOT NULL,"
                    + " store_id VARCHAR(64), created_at VARBINARY(255) NOT NULL, published_at VARBINARY(255))");
            s.execute("CREATE INDEX OT_OUTBOX_PUBLISHED ON OT_OUTBOX (published_at)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO OT_OUTBOX VALUES (?, 'o', 'order',"
                    + " 'OrderPlaced', 'node-1', 'berlin', ?, ?)")) {
                insert.setString(1, "e-1");
                insert.setBytes(2, serialised(CREATED));
                insert.setBytes(3, serialised(PUBLISHED));
                insert.executeUpdate();
                insert.setString(1, "e-2");
                insert.setBytes(2, serialised(CREATED));
                insert.setBytes(3, null);
                insert.executeUpdate();
            }
        }
    }

    @Test
    void serialisedTimesBecomeZonedTimestampsWithTheirValuesNotNullAndIndexes() throws Exception {
        oldOutbox();
        assertEquals(2, TimeColumnMigration.migrate(ds));

        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet columns = meta.getColumns(null, c.getSchema(), "OT_OUTBOX", "%_AT")) {
                int seen = 0;
                while (columns.next()) {
                    seen++;
                    assertEquals("TIMESTAMP WITH TIME ZONE", columns.getString("TYPE_NAME"));
                    boolean notNull = columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                    assertEquals(columns.getString("COLUMN_NAME").equals("CREATED_AT"), notNull);
                }
                assertEquals(2, seen);
            }
            boolean indexed = false;
            try (ResultSet indexes = meta.getIndexInfo(null, c.getSchema(), "OT_OUTBOX", false, false)) {
                while (indexes.next()) {
                    indexed |= "OT_OUTBOX_PUBLISHED".equals(indexes.getString("INDEX_NAME"))
                            && "PUBLISHED_AT".equals(indexes.getString("COLUMN_NAME"));
                }
            }
            assertTrue(indexed, "the index on published_at is there again");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT created_at, published_at FROM OT_OUTBOX ORDER BY ID")) {
                rs.next();
                assertEquals(CREATED, rs.getObject(1, OffsetDateTime.class).toInstant());
                assertEquals(PUBLISHED, rs.getObject(2, OffsetDateTime.class).toInstant());
                rs.next();
                assertNull(rs.getObject(2));
            }
        }

        // a second start finds nothing to do, and the persistence unit reads the converted rows
        assertEquals(0, TimeColumnMigration.migrate(ds));
        try (TestDatabase db = new TestDatabase(ds)) {
            OutboxEventEntity event = db.tx().required(em -> em.find(OutboxEventEntity.class, "e-1"));
            assertEquals(CREATED, event.createdAt);
            assertEquals(PUBLISHED, event.publishedAt);
        }
    }

    @Test
    void aDatabaseMadeByThisVersionIsLeftAlone() throws Exception {
        try (TestDatabase db = new TestDatabase(ds)) {
            db.tx().required(em -> em.find(OutboxEventEntity.class, "none"));
            assertEquals(0, TimeColumnMigration.migrate(ds));
        }
    }

    @Test
    void onlySerialisedInstantsAreReadBack() throws Exception {
        assertEquals(CREATED, TimeColumnMigration.instantOf(serialised(CREATED)));
        assertThrows(SQLException.class, () -> TimeColumnMigration.instantOf(serialised("2026-11-28")));
        assertThrows(SQLException.class, () -> TimeColumnMigration.instantOf(serialised(new java.util.ArrayList<>())));
        assertThrows(SQLException.class, () -> TimeColumnMigration.instantOf(new byte[] {1, 2, 3}));
    }
}
