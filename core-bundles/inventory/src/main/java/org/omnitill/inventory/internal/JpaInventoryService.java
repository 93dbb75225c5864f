package org.omnitill.inventory.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;
import javax.persistence.TypedQuery;

import org.omnitill.api.catalog.Page;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.inventory.LocationStock;
import org.omnitill.api.inventory.StockLevel;
import org.omnitill.persistence.NodeIdentity;
import org.omnitill.persistence.StoredTime;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.StockEntity;
import org.omnitill.persistence.model.StockMovementEntity;
import org.omnitill.persistence.model.StoreEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Stock changes are conditional bulk updates ({@code on_hand >= n} in the WHERE clause), so two
 * checkouts racing for the last unit cannot both win, on H2 and PostgreSQL alike, without locks
 * held across the request. Each change also writes a movement row.
 */
@Component(service = InventoryService.class)
public class JpaInventoryService implements InventoryService {

    private final TransactionRunner tx;
    private final NodeIdentity node;

    @Activate
    public JpaInventoryService(@Reference TransactionRunner tx, @Reference NodeIdentity node) {
        this.tx = tx;
        this.node = node;
    }

    @Override
    public List<StockLevel> levels(String sku) {
        return tx.required(em -> em.createQuery(
                        "SELECT s FROM StockEntity s WHERE s.sku = :sku ORDER BY s.locationId", StockEntity.class)
                .setParameter("sku", sku).getResultList().stream()
                .map(s -> new StockLevel(s.sku, s.locationId, plain(s.onHand), plain(s.reserved),
                        plain(available(s))))
                .toList());
    }

    @Override
    public void remove(String locationId, String sku, BigDecimal quantity, String reason, String reference) {
        requirePositive(quantity);
        tx.required(em -> {
            int updated = em.createQuery("UPDATE StockEntity s SET s.onHand = s.onHand - :q, s.version = s.version + 1"
                            + " WHERE s.locationId = :loc AND s.sku = :sku AND s.onHand - s.reserved >= :q")
                    .setParameter("q", quantity).setParameter("loc", locationId).setParameter("sku", sku)
                    // stock rows change only by statements like this one (a new row is flushed at once in add),
                    // so the caller's pending changes need not be written first
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate();
            if (updated != 1) {
                throw OmnitillException.conflict("out_of_stock",
                        "not enough stock of " + sku + " at " + locationId + " for " + quantity.toPlainString());
            }
            record(em, locationId, sku, quantity.negate(), reason, reference);
            return null;
        });
    }

    @Override
    public void add(String locationId, String sku, BigDecimal quantity, String reason, String reference) {
        requirePositive(quantity);
        tx.required(em -> {
            int updated = em.createQuery("UPDATE StockEntity s SET s.onHand = s.onHand + :q, s.version = s.version + 1"
                            + " WHERE s.locationId = :loc AND s.sku = :sku")
                    .setParameter("q", quantity).setParameter("loc", locationId).setParameter("sku", sku)
                    .executeUpdate();
            if (updated == 0) {
                StockEntity s = new StockEntity();
                s.id = StockEntity.idOf(locationId, sku);
                s.locationId = locationId;
                s.sku = sku;
                s.onHand = quantity;
                em.persist(s);
                // written now: remove() does not flush before its update and must see the row
                em.flush();
            }
            record(em, locationId, sku, quantity, reason, reference);
            return null;
        });
    }

    @Override
    public Page<LocationStock> stockAt(String locationId, String text, BigDecimal maxAvailable, int offset,
            int limit) {
        if (offset < 0 || limit < 1) {
            throw OmnitillException.invalid("invalid_parameter", "offset must be 0 or more and limit 1 or more");
        }
        String pattern = "%" + escapeLike(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return tx.required(em -> {
            if (locationId == null || em.find(StoreEntity.class, locationId) == null) {
                throw OmnitillException.notFound("location_not_found", "there is no location '" + locationId + "'");
            }
            // the name lives with the article: a join, so that text and paging see the same rows
            String from = " FROM StockEntity s, ProductEntity p WHERE p.sku = s.sku AND s.locationId = :location"
                    + " AND (LOWER(s.sku) LIKE :q ESCAPE '\\' OR LOWER(p.name) LIKE :q ESCAPE '\\')"
                    + (maxAvailable == null ? "" : " AND s.onHand - s.reserved <= :max");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(s)" + from, Long.class);
            TypedQuery<Object[]> rows = em.createQuery("SELECT s, p.name" + from + " ORDER BY s.sku", Object[].class);
            for (TypedQuery<?> query : List.of(count, rows)) {
                query.setParameter("location", locationId).setParameter("q", pattern);
                if (maxAvailable != null) {
                    query.setParameter("max", maxAvailable);
                }
            }
            List<LocationStock> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(row -> {
                        StockEntity s = (StockEntity) row[0];
                        return new LocationStock(s.sku, (String) row[1], s.locationId, plain(s.onHand),
                                plain(s.reserved), plain(available(s)));
                    }).toList();
            return new Page<>(items, count.getSingleResult(), offset, limit);
        });
    }

    @Override
    public Map<String, BigDecimal> onHand(Collection<String> locationIds, Collection<String> skus) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        if (locationIds.isEmpty() || skus.isEmpty()) {
            return totals;
        }
        tx.required(em -> em.createQuery("SELECT s.sku, SUM(s.onHand) FROM StockEntity s"
                        + " WHERE s.locationId IN :locations AND s.sku IN :skus GROUP BY s.sku", Object[].class)
                .setParameter("locations", List.copyOf(locationIds)).setParameter("skus", List.copyOf(skus))
                .getResultList()).forEach(row -> totals.put((String) row[0], plain((BigDecimal) row[1])));
        return totals;
    }

    private static BigDecimal available(StockEntity s) {
        return s.onHand.subtract(s.reserved).max(BigDecimal.ZERO);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void record(EntityManager em, String locationId, String sku, BigDecimal delta, String reason,
            String reference) {
        StockMovementEntity m = new StockMovementEntity();
        m.id = UUID.randomUUID().toString();
        m.locationId = locationId;
        m.sku = sku;
        m.delta = delta;
        m.reason = reason;
        m.reference = reference;
        m.nodeId = node.nodeId();
        m.createdAt = StoredTime.now();
        em.persist(m);
    }

    /** 20 rather than 20.000 for pieces; weighed stock keeps the decimals it has. */
    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void requirePositive(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw OmnitillException.invalid("invalid_quantity", "a stock change needs a positive quantity");
        }
    }
}
