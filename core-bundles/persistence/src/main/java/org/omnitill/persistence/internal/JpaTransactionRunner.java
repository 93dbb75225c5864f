package org.omnitill.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.omnitill.persistence.TransactionRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RESOURCE_LOCAL transactions with one EntityManager per thread for the outermost call; nested
 * calls join it. An exception in nested work marks the transaction rollback-only, so it can never
 * be committed half done even if an outer caller swallowed the exception.
 */
@Component(service = TransactionRunner.class)
public class JpaTransactionRunner implements TransactionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JpaTransactionRunner.class);

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    /** For tests outside OSGi, whose database is made by the persistence unit itself. */
    public JpaTransactionRunner(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Starts only once {@link SchemaReady}: nothing reads or writes before the schema is one this version knows. */
    @Activate
    public JpaTransactionRunner(@Reference(target = "(osgi.unit.name=omnitill)") EntityManagerFactory emf,
            @Reference SchemaReady schema) {
        this(emf);
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
        List<Runnable> actions = new ArrayList<>();
        current.set(em);
        afterCommit.set(actions);
        T result;
        try {
            tx.begin();
            result = work.apply(em);
            if (tx.getRollbackOnly()) {
                tx.rollback();
                throw new IllegalStateException("transaction was marked rollback-only by work that failed");
            }
            tx.commit();
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            afterCommit.remove();
            em.close();
        }
        actions.forEach(JpaTransactionRunner::runQuietly);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            runQuietly(action);
        } else {
            actions.add(action);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("An after-commit action failed", e);
        }
    }
}
