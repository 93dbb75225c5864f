package org.omnitill.api.catalog;

import java.util.Map;
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

    /**
     * What one unit of the article costs the store (purchase price), if known. Costs are for managers
     * and reports; {@link ProductView} never shows them.
     *
     * @since 1.3
     */
    Optional<Money> unitCost(String sku, String storeId);

    /**
     * The known unit costs of every article the store prices, by SKU; articles without a cost are left
     * out. In the store's currency.
     *
     * @since 1.3
     */
    Map<String, Money> unitCosts(String storeId);

    /**
     * Sets or, with {@code null}, clears what one unit of the article costs the store. The cost belongs
     * to the article's price at the store, which must exist, and must be zero or more, in the store's
     * currency. Joins the caller's transaction. Returns the previous cost, if any.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code product_not_found}, {@code store_not_found},
     *         {@code price_not_found} (the store does not price the article) (not found);
     *         {@code currency_mismatch}, {@code invalid_unit_cost} (invalid)
     * @since 1.3
     */
    Optional<Money> setUnitCost(String sku, String storeId, Money unitCost);
}
