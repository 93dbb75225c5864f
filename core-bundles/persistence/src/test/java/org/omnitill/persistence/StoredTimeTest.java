package org.omnitill.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.RepeatedTest;

class StoredTimeTest {

    @RepeatedTest(20)
    void timesHaveNoDigitsBelowTheMicrosecond() {
        assertEquals(0, StoredTime.now().getNano() % 1_000);
        assertEquals(0, StoredTime.clock(ZoneOffset.UTC).instant().getNano() % 1_000);
        assertEquals(ZoneId.of("Europe/Berlin"), StoredTime.clock(ZoneId.of("Europe/Berlin")).getZone());
    }
}
