package org.omnitill.api.inventory;

import java.math.BigDecimal;
import java.util.List;

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
}
