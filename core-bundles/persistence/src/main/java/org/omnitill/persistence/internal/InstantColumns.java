package org.omnitill.persistence.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Maps every {@link Instant} attribute of the model through {@link InstantConverter} to a timestamp
 * (the entities declare the column as {@code TIMESTAMP WITH TIME ZONE}). JPA 2.2, and so EclipseLink 2.7,
 * knows no {@code Instant}: left alone, EclipseLink stores it Java-serialised in a binary column, which no
 * SQL can read and which it serialises again for every change check. Columns made that way by earlier
 * versions are converted at start by {@link TimeColumnMigration}.
 *
 * <p>An EclipseLink converter rather than a JPA {@code AttributeConverter}: it can name the JDBC type
 * (so that a null binds as a timestamp on PostgreSQL) and accept what each driver returns.
 */
public class InstantColumns implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof AbstractDirectMapping direct
                        && isInstant(descriptor.getJavaClass(), mapping.getAttributeName())) {
                    direct.setConverter(new InstantConverter());
                    direct.setFieldClassification(Timestamp.class);
                }
            }
        }
    }

    /** The model's entities have public fields (inherited ones from mapped superclasses included). */
    private static boolean isInstant(Class<?> entity, String attribute) {
        try {
            return entity.getField(attribute).getType() == Instant.class;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
