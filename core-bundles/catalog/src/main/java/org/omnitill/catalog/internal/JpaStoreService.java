package org.omnitill.catalog.internal;

import java.util.List;
import java.util.Optional;

import org.omnitill.api.money.Money;
import org.omnitill.api.store.StoreService;
import org.omnitill.api.store.StoreView;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.StoreEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = StoreService.class)
public class JpaStoreService implements StoreService {

    private final TransactionRunner tx;

    @Activate
    public JpaStoreService(@Reference TransactionRunner tx) {
        this.tx = tx;
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
        return tx.required(em -> Optional.ofNullable(em.find(StoreEntity.class, id)).map(JpaStoreService::view));
    }

    static StoreView view(StoreEntity s) {
        return new StoreView(s.id, s.name, s.type, s.country, s.region, s.postalCode, s.city,
                Money.currency(s.currency), s.pricesIncludeTax, s.timeZone);
    }
}
