package org.omnitill.api.inventory;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.omnitill.api.catalog.Page;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stock per location. Every change is recorded as a movement (a delta with its reason), so the
 * history can be replayed and synchronised; the on-hand figure is the running sum.
 */
@ProviderType
public interface InventoryService {

    /** Stock of the article at every location that carries it. */
    List<StockLevel> levels(String sku);

    /**
     * Takes {@code quantity} out of stock at the location, atomically: it succeeds only if that much
     * is available, so concurrent sales can never oversell. Joins the caller's transaction.
     *
     * @throws org.omnitill.api.error.OmnitillException {@code out_of_stock} (conflict) if not enough is available
     */
    void remove(String locationId, String sku, BigDecimal quantity, String reason, String reference);

    /** Puts stock in (goods received, a return, a count correction upwards). */
    void add(String locationId, String sku, BigDecimal quantity, String reason, String reference);

    /**
     * The stock list of one location, ordered by SKU: articles whose SKU or name contains {@code text}
     * (case-insensitive; null or blank for all) and, when {@code maxAvailable} is given, only those with
     * at most that much available (low stock).
     *
     * @throws org.omnitill.api.error.OmnitillException {@code location_not_found} (not found);
     *         {@code invalid_parameter} (offset below 0 or limit below 1)
     * @since 1.1
     */
    Page<LocationStock> stockAt(String locationId, String text, BigDecimal maxAvailable, int offset, int limit);

    /**
     * On-hand stock of the articles summed over the locations, by SKU; an article no location holds
     * is left out.
     *
     * @since 1.1
     */
    Map<String, BigDecimal> onHand(Collection<String> locationIds, Collection<String> skus);
}
