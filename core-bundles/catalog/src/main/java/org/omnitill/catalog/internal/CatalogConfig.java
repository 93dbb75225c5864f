package org.omnitill.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.omnitill.catalog}, read by the catalog and the store service. */
@ObjectClassDefinition(name = "Omnitill catalog")
public @interface CatalogConfig {

    @AttributeDefinition(name = "Cache time (s)", description = "How long an article (with its barcodes, prices"
            + " and tax categories) or a store read from the database is reused. Changes made through this node"
            + " are seen at once; changes another node makes in a shared database within this time. 0 turns"
            + " the cache off.")
    int cacheSeconds() default 30;

    @AttributeDefinition(name = "Cached articles", description = "At most this many articles are kept, per way of"
            + " finding them (by SKU, by barcode); the least used go first")
    int cacheMaxArticles() default 20000;
}
