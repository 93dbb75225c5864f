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

    /**
     * Sets the article's shelf price at a store (creating it if the store had none) and returns the
     * previous price, if any. The price must be in the store's currency. Joins the caller's transaction.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code product_not_found}, {@code store_not_found}
     *         (not found), {@code currency_mismatch}, {@code invalid_price} (invalid)
     */
    Optional<Money> setPrice(String sku, String storeId, Money price);
}
