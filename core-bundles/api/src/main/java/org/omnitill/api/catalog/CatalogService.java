package org.omnitill.api.catalog;

import java.util.Optional;

import org.omnitill.api.money.Money;
import org.osgi.annotation.versioning.ProviderType;

/** Looks up articles and their prices. Provided by the core. */
@ProviderType
public interface CatalogService {

    Optional<ProductView> product(String sku);

    /** Finds the article carrying this barcode (EAN-13 and UPC-A forms of one GTIN match alike). */
    Optional<ProductView> productByBarcode(Barcode barcode);

    /**
     * Articles whose SKU or name contains {@code text} (case-insensitive), ordered by SKU.
     * A blank text lists everything.
     */
    Page<ProductView> search(String text, int offset, int limit);

    /** The article's shelf price in the store, if the store sells it. */
    Optional<Money> price(String sku, String storeId);
}
