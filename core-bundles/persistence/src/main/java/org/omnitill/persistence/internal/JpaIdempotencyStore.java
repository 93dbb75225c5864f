package org.omnitill.persistence.internal;

import java.util.Optional;
import java.util.UUID;

import org.omnitill.persistence.IdempotencyStore;
import org.omnitill.persistence.StoredResponse;
import org.omnitill.persistence.StoredTime;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.IdempotencyRecordEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = IdempotencyStore.class)
public class JpaIdempotencyStore implements IdempotencyStore {

    private final TransactionRunner tx;

    @Activate
    public JpaIdempotencyStore(@Reference TransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public Optional<StoredResponse> find(String principal, String key) {
        return tx.required(em -> em.createQuery(
                        "SELECT r FROM IdempotencyRecordEntity r WHERE r.principal = :p AND r.key = :k",
                        IdempotencyRecordEntity.class)
                .setParameter("p", principal)
                .setParameter("k", key)
                .getResultList().stream()
                .findFirst()
                .map(r -> new StoredResponse(r.fingerprint, r.status, r.body)));
    }

    @Override
    public void save(String principal, String key, StoredResponse response) {
        tx.required(em -> {
            IdempotencyRecordEntity r = new IdempotencyRecordEntity();
            r.id = UUID.randomUUID().toString();
            r.principal = principal;
            r.key = key;
            r.fingerprint = response.requestFingerprint();
            r.status = response.status();
            r.body = response.body();
            r.createdAt = StoredTime.now();
            em.persist(r);
            return null;
        });
    }
}
