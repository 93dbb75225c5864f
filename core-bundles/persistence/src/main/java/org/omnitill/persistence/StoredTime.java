package org.omnitill.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Points in time as the database keeps them: to the microsecond. Services that store times take them
 * from here, so that a record answered right after it was written reads the same when read back.
 */
public final class StoredTime {

    private static final Duration MICROSECOND = Duration.of(1, ChronoUnit.MICROS);

    private StoredTime() {
    }

    /** The system clock in {@code zone}, ticking in whole microseconds. */
    public static Clock clock(ZoneId zone) {
        return Clock.tick(Clock.system(zone), MICROSECOND);
    }

    /** Now, to the microsecond. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
