package org.omnitill.order.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import javax.persistence.EntityManager;

import org.omnitill.persistence.model.StoreEntity;

/** The time zone that receipts print their times in. */
final class StoreZones {

    private StoreZones() {
    }

    /**
     * The store's own zone when it has one; otherwise the clock's (the server's), as receipts printed
     * before stores had zones, so that an unconfigured store's receipts do not jump to UTC.
     */
    static ZoneId receiptZone(EntityManager em, String storeId, Clock clock) {
        StoreEntity store = storeId == null ? null : em.find(StoreEntity.class, storeId);
        if (store != null && store.timeZone != null && !store.timeZone.isBlank()) {
            try {
                return ZoneId.of(store.timeZone.strip());
            } catch (DateTimeException e) {
                // an unknown id in the database: keep printing rather than fail the sale
            }
        }
        return clock.getZone();
    }
}
