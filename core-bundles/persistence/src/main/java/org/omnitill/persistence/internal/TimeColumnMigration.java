package org.omnitill.persistence.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the time columns that versions before {@link InstantColumns} wrote as Java-serialised bytes
 * into {@code TIMESTAMP WITH TIME ZONE} columns, keeping every value, the column's NOT NULL and its
 * indexes. Runs before anything else uses the database: only then does it register {@link SchemaReady},
 * which the transaction runner waits for. A database created by this version has nothing to convert,
 * and a second run finds nothing either.
 *
 * <p>While the database cannot be reached (a store node whose database starts after it), it tries again
 * every few seconds instead of failing for good, as the rest of the node waits for the database too.
 *
 * <p>EclipseLink's {@code create-or-extend-tables} adds missing tables and columns but never changes a
 * column's type, hence this step. Each column is converted in a transaction of its own where the
 * database allows DDL in transactions (PostgreSQL); on H2 an interrupted conversion is started again
 * from the start at the next attempt.
 */
@Component(service = {})
public class TimeColumnMigration {

    private static final Logger LOG = LoggerFactory.getLogger(TimeColumnMigration.class);

    /** Every column that holds an {@link Instant}, as EclipseLink names them. */
    static final List<TimeColumn> COLUMNS = List.of(
            new TimeColumn("OT_CART", "created_at"), new TimeColumn("OT_CART", "updated_at"),
            new TimeColumn("OT_IDEMPOTENCY", "created_at"), new TimeColumn("OT_ORDER", "placed_at"),
            new TimeColumn("OT_ORDER_PAYMENT", "created_at"), new TimeColumn("OT_ORDER_RETURN", "created_at"),
            new TimeColumn("OT_OUTBOX", "created_at"), new TimeColumn("OT_OUTBOX", "published_at"),
            new TimeColumn("OT_REFUND", "created_at"), new TimeColumn("OT_REVOKED_TOKEN", "expires_at"),
            new TimeColumn("OT_STAFF_PIN", "updated_at"), new TimeColumn("OT_STOCK_MOVEMENT", "created_at"),
            new TimeColumn("OT_TENDER", "created_at"), new TimeColumn("OT_TENDER", "updated_at"));

    /** What a serialised {@code Instant} contains; anything else in such a column is refused. */
    private static final ObjectInputFilter ONLY_INSTANTS =
            ObjectInputFilter.Config.createFilter("maxdepth=2;maxbytes=512;java.time.Ser;java.time.Instant;!*");
    private static final int BATCH = 500;
    private static final long RETRY_SECONDS = 5;

    record TimeColumn(String table, String column) {
    }

    private final ScheduledExecutorService worker;
    private volatile ServiceRegistration<SchemaReady> ready;

    @Activate
    public TimeColumnMigration(@Reference(target = "(osgi.jndi.service.name=omnitill)") DataSource dataSource,
            BundleContext context) {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "omnitill-schema-migration");
            thread.setDaemon(true);
            return thread;
        });
        worker.execute(() -> attempt(dataSource, context, 1));
    }

    private void attempt(DataSource dataSource, BundleContext context, int attempt) {
        try {
            migrate(dataSource);
            ready = context.registerService(SchemaReady.class, new SchemaReady() { }, null);
        } catch (SQLException | RuntimeException e) {
            if (attempt == 1 || attempt % 60 == 0) {
                LOG.error("The database's time columns could not be checked or converted to TIMESTAMP WITH TIME ZONE;"
                        + " Omnitill does not use the database until this succeeds (trying again every {} s)",
                        RETRY_SECONDS, e);
            }
            if (!worker.isShutdown()) {
                worker.schedule(() -> attempt(dataSource, context, attempt + 1), RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceRegistration<SchemaReady> registration = ready;
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and took it already
            }
        }
    }

    /** Converts what needs converting and returns how many columns that was. */
    static int migrate(DataSource dataSource) throws SQLException {
        int converted = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (TimeColumn column : COLUMNS) {
                if (convert(connection, column)) {
                    converted++;
                }
            }
        }
        return converted;
    }

    private static boolean convert(Connection connection, TimeColumn time) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String table = stored(meta, time.table());
        String column = stored(meta, time.column());
        String temporary = stored(meta, time.column() + "_ts");
        String schema = connection.getSchema();
        Boolean nullable = null;
        boolean binary = false;
        boolean temporaryExists = false;
        try (ResultSet columns = meta.getColumns(null, schema, table, null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME");
                if (name.equals(column)) {
                    binary = isBinary(columns.getInt("DATA_TYPE"));
                    nullable = columns.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                } else if (name.equals(temporary)) {
                    temporaryExists = true;
                }
            }
        }
        if (nullable == null || !binary) {
            return false;
        }
        List<String> key = primaryKey(meta, schema, table);
        if (key.isEmpty()) {
            throw new SQLException("cannot convert " + table + "." + column + ": the table has no primary key");
        }
        Map<String, List<String>> indexes = indexesOn(meta, schema, table, column);
        boolean postgres = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        LOG.info("Converting {}.{} from serialised Java objects to TIMESTAMP WITH TIME ZONE", table, column);

        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement ddl = connection.createStatement()) {
            if (temporaryExists) {
                ddl.execute("ALTER TABLE " + table + " DROP COLUMN " + temporary);
            }
            ddl.execute("ALTER TABLE " + table + " ADD COLUMN " + temporary + " TIMESTAMP WITH TIME ZONE");
            long rows = copy(connection, table, column, temporary, key);
            ddl.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
            ddl.execute(postgres ? "ALTER TABLE " + table + " RENAME COLUMN " + temporary + " TO " + column
                    : "ALTER TABLE " + table + " ALTER COLUMN " + temporary + " RENAME TO " + column);
            if (!nullable) {
                ddl.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
            }
            for (Map.Entry<String, List<String>> index : indexes.entrySet()) {
                ddl.execute("CREATE INDEX " + index.getKey() + " ON " + table + " ("
                        + String.join(", ", index.getValue()) + ")");
            }
            connection.commit();
            LOG.info("Converted {}.{}: {} rows", table, column, rows);
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long copy(Connection connection, String table, String column, String temporary, List<String> key)
            throws SQLException {
        StringJoiner match = new StringJoiner(" AND ");
        key.forEach(k -> match.add(k + " = ?"));
        long rows = 0;
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + table + " SET " + temporary + " = ? WHERE " + match)) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery(
                    "SELECT " + String.join(", ", key) + ", " + column + " FROM " + table)) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(key.size() + 1);
                    if (bytes == null) {
                        continue;
                    }
                    update.setTimestamp(1, Timestamp.from(instantOf(bytes)));
                    for (int i = 0; i < key.size(); i++) {
                        update.setObject(i + 2, rs.getObject(i + 1));
                    }
                    update.addBatch();
                    if (++rows % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        return rows;
    }

    /** Reads back what EclipseLink wrote for an {@code Instant}: Java serialisation, nothing else allowed. */
    static Instant instantOf(byte[] bytes) throws SQLException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_INSTANTS);
            Object value = in.readObject();
            if (value instanceof Instant instant) {
                return instant;
            }
            throw new SQLException("not a serialised Instant: " + (value == null ? "null" : value.getClass().getName()));
        } catch (IOException | ClassNotFoundException e) {
            throw new SQLException("not a serialised Instant", e);
        }
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    /** The name as the database keeps an unquoted identifier. */
    private static String stored(DatabaseMetaData meta, String name) throws SQLException {
        if (meta.storesLowerCaseIdentifiers()) {
            return name.toLowerCase(Locale.ROOT);
        }
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> bySequence = new java.util.TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySequence.values());
    }

    /** The non-unique indexes that cover the column, with all their columns in order: dropping it drops them. */
    private static Map<String, List<String>> indexesOn(DatabaseMetaData meta, String schema, String table,
            String column) throws SQLException {
        Map<String, Map<Integer, String>> all = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String indexColumn = rs.getString("COLUMN_NAME");
                if (name == null || indexColumn == null || !rs.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                all.computeIfAbsent(name, n -> new java.util.TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"),
                        indexColumn);
            }
        }
        Map<String, List<String>> covering = new LinkedHashMap<>();
        all.forEach((name, columns) -> {
            if (columns.containsValue(column)) {
                covering.put(name, new ArrayList<>(columns.values()));
            }
        });
        return covering;
    }
}
