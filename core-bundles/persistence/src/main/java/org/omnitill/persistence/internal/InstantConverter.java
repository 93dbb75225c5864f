package org.omnitill.persistence.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.sessions.Session;

/**
 * An {@link Instant} attribute as a {@code TIMESTAMP WITH TIME ZONE} column (see {@link InstantColumns}).
 * Written as a {@link Timestamp}, which both drivers place correctly in a zoned column; read as whatever
 * the driver hands over for one: PostgreSQL's gives a {@code Timestamp}, H2's an {@link OffsetDateTime}.
 */
final class InstantConverter implements Converter {

    private static final long serialVersionUID = 1L;

    /** To the microsecond, which is what both databases keep: cut here, not rounded there. */
    @Override
    public Object convertObjectValueToDataValue(Object objectValue, Session session) {
        return objectValue == null ? null : Timestamp.from(((Instant) objectValue).truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public Object convertDataValueToObjectValue(Object dataValue, Session session) {
        if (dataValue == null) {
            return null;
        }
        if (dataValue instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (dataValue instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        if (dataValue instanceof ZonedDateTime zonedDateTime) {
            return zonedDateTime.toInstant();
        }
        if (dataValue instanceof Date date) {
            return date.toInstant();
        }
        if (dataValue instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException("not a point in time: " + dataValue.getClass().getName());
    }

    /** Instants never change in place: no snapshot copies for change detection. */
    @Override
    public boolean isMutable() {
        return false;
    }

    @Override
    public void initialize(DatabaseMapping mapping, Session session) {
        // nothing to prepare
    }
}
