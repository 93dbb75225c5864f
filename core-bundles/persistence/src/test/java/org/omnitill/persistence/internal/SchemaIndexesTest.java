package org.omnitill.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.omnitill.persistence.testing.TestDatabase;

/**
 * On H2 the statements can only be shown to be harmless where the indexes exist (H2 also backs each
 * foreign key with an index, so the old schema cannot be rebuilt here); adding them to an existing
 * PostgreSQL database was checked by hand (docs/benchmarks.md).
 */
class SchemaIndexesTest {

    @Test
    void theCartIndexesExistAndAddingThemAgainChangesNothing() {
        try (TestDatabase db = new TestDatabase()) {
            assertEquals(List.of("OT_CART_LINE_CART", "OT_TENDER_CART"), cartIndexes(db));
            assertEquals(0, SchemaIndexes.addMissing(db.tx()));
            assertEquals(0, SchemaIndexes.addMissing(db.tx()));
            assertEquals(List.of("OT_CART_LINE_CART", "OT_TENDER_CART"), cartIndexes(db));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> cartIndexes(TestDatabase db) {
        return db.tx().required(em -> (List<String>) em.createNativeQuery("SELECT INDEX_NAME FROM"
                + " INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME IN ('OT_CART_LINE_CART', 'OT_TENDER_CART')"
                + " ORDER BY INDEX_NAME").getResultList());
    }
}
