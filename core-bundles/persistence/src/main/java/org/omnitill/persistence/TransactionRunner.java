package org.omnitill.persistence;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs work in a database transaction of the core's persistence unit. A call made while another
 * is running on the same thread joins it, so a checkout's stock decrement, order insert and
 * idempotency record commit or roll back together.
 */
@ProviderType
public interface TransactionRunner {

    /**
     * Runs {@code work} in the current transaction, or in a new one that commits when it returns.
     * Any exception rolls the whole transaction back and is rethrown unchanged.
     */
    <T> T required(Function<EntityManager, T> work);

    /**
     * Runs {@code action} once the outermost transaction on this thread has committed, or at once
     * if none is running; never if it rolls back. For effects outside the database (printing a
     * receipt) that must not happen for work that is undone. An action that fails is logged.
     */
    void afterCommit(Runnable action);
}
