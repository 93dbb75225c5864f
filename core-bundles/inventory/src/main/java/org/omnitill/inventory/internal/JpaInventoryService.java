package org.omnitill.inventory.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.inventory.InventoryService;
import org.omnitill.api.inventory.StockLevel;
import org.omnitill.persistence.NodeIdentity;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.StockEntity;
import org.omnitill.persistence.model.StockMovementEntity;
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
                        plain(s.onHand.subtract(s.reserved).max(BigDecimal.ZERO))))
                .toList());
    }

    @Override
    public void remove(String locationId, String sku, BigDecimal quantity, String reason, String reference) {
        requirePositive(quantity);
        tx.required(em -> {
            int updated = em.createQuery("UPDATE StockEntity s SET s.onHand = s.onHand - :q, s.version = s.version + 1"
                            + " WHERE s.locationId = :loc AND s.sku = :sku AND s.onHand - s.reserved >= :q")
                    .setParameter("q", quantity).setParameter("loc", locationId).setParameter("sku", sku)
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
            }
            record(em, locationId, sku, quantity, reason, reference);
            return null;
        });
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
        m.createdAt = Instant.now();
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
