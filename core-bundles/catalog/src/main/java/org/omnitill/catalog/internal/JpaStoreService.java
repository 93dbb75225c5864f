package org.omnitill.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.omnitill.api.money.Money;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.StoreEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Stores and warehouses. A single location is read on every cart request, so it is kept in a
 * {@link ReadCache} for {@link CatalogConfig#cacheSeconds()} (PID {@code org.omnitill.catalog}).
 * No service of the core changes a location once it exists, so entries simply expire.
 */
@Component(service = StoreService.class, configurationPid = "org.omnitill.catalog")
public class JpaStoreService implements StoreService {

    /** Far more than any chain has locations; bounds memory if ids are probed. */
    private static final int MAX_CACHED_LOCATIONS = 10_000;

    private final TransactionRunner tx;
    private volatile ReadCache<String, StoreView> byId = ReadCache.off();

    /** Without a cache: every read goes to the database (for tests that write rows directly). */
    public JpaStoreService(TransactionRunner tx) {
        this.tx = tx;
    }

    @Activate
    public JpaStoreService(@Reference TransactionRunner tx, CatalogConfig config) {
        this(tx);
        configure(config);
    }

    @Modified
    void configure(CatalogConfig config) {
        byId = ReadCache.of(Duration.ofSeconds(config.cacheSeconds()), MAX_CACHED_LOCATIONS);
    }

    @Override
    public List<StoreView> stores() {
        return tx.required(em -> em.createQuery("SELECT s FROM StoreEntity s ORDER BY s.type, s.id", StoreEntity.class)
                .getResultList().stream().map(JpaStoreService::view).toList());
    }

    @Override
    public Optional<StoreView> store(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return byId.get(id, () -> tx.required(
                em -> Optional.ofNullable(em.find(StoreEntity.class, id)).map(JpaStoreService::view)));
    }

    static StoreView view(StoreEntity s) {
        return new StoreView(s.id, s.name, s.type, s.country, s.region, s.postalCode, s.city,
                Money.currency(s.currency), s.pricesIncludeTax, s.timeZone);
    }
}
