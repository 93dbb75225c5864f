package org.omnitill.persistence.internal;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * RESOURCE_LOCAL transactions with one EntityManager per thread for the outermost call; nested
 * calls join it. An exception in nested work marks the transaction rollback-only, so it can never
 * be committed half done even if an outer caller swallowed the exception.
 */
@Component(service = TransactionRunner.class)
public class JpaTransactionRunner implements TransactionRunner {

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    @Activate
    public JpaTransactionRunner(@Reference(target = "(osgi.unit.name=omnitill)") EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T required(Function<EntityManager, T> work) {
        EntityManager joined = current.get();
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (RuntimeException | Error e) {
                joined.getTransaction().setRollbackOnly();
                throw e;
            }
        }
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        try {
            tx.begin();
            T result = work.apply(em);
            if (tx.getRollbackOnly()) {
                tx.rollback();
                throw new IllegalStateException("transaction was marked rollback-only by work that failed");
            }
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }
}
