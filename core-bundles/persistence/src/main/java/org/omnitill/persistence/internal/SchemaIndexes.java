package org.omnitill.persistence.internal;

import java.util.List;

import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds indexes that entities declare but that {@code create-or-extend-tables} does not add to tables
 * that already exist (it adds missing tables and columns only). A database created before an index was
 * declared gets it on the next start; on a new database EclipseLink has created it already and this
 * does nothing. {@code CREATE INDEX IF NOT EXISTS} works on H2 and PostgreSQL alike.
 */
@Component(immediate = true, service = {})
public class SchemaIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaIndexes.class);

    /** Index name, table, columns: as in the entities' {@code @Table(indexes = ...)}. */
    static final List<String[]> INDEXES = List.of(
            new String[] {"OT_CART_LINE_CART", "OT_CART_LINE", "cart_id"},
            new String[] {"OT_TENDER_CART", "OT_TENDER", "cart_id"});

    @Activate
    public SchemaIndexes(@Reference TransactionRunner tx) {
        addMissing(tx);
    }

    /** Adds the indexes that are missing; returns how many could not be added (each is logged). */
    static int addMissing(TransactionRunner tx) {
        int failed = 0;
        for (String[] index : INDEXES) {
            String sql = "CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + index[1] + " (" + index[2] + ")";
            try {
                tx.required(em -> em.createNativeQuery(sql).executeUpdate());
            } catch (RuntimeException e) {
                failed++;
                LOG.warn("Could not add index {} (requests on carts stay slower as the table grows); run \"{}\""
                        + " by hand: {}", index[0], sql, e.toString());
            }
        }
        return failed;
    }
}
