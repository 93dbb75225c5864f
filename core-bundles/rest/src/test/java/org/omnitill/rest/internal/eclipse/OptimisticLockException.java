package org.omnitill.rest.internal.eclipse;

/** Stands in for {@code org.eclipse.persistence.exceptions.OptimisticLockException}, which is no JPA type. */
public class OptimisticLockException extends RuntimeException {
    private static final long serialVersionUID = 1L;
}
