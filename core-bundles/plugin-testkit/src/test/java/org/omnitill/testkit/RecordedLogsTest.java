package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The kit's SLF4J binding records everything logged, at every level. */
class RecordedLogsTest {

    private final Logger log = LoggerFactory.getLogger(RecordedLogsTest.class);

    @BeforeEach
    void clear() {
        RecordedLogs.clear();
    }

    @Test
    void slf4jLogsThroughTheRecord() {
        RecordedLogs.assertRecording();
    }

    @Test
    void everyLevelIsRecordedWithItsLoggerAndFormattedMessage() {
        log.trace("t {}", 1);
        log.debug("d {} {}", 1, 2);
        log.info("i");
        log.warn("w {} {} {}", 1, 2, 3);
        log.error("e");

        String name = RecordedLogsTest.class.getName();
        assertEquals(List.of("TRACE " + name + " t 1", "DEBUG " + name + " d 1 2", "INFO " + name + " i",
                "WARN " + name + " w 1 2 3", "ERROR " + name + " e"), RecordedLogs.lines());
        assertEquals(List.of("WARN " + name + " w 1 2 3"), RecordedLogs.lines(Level.WARN));
        assertEquals(String.join("\n", RecordedLogs.lines()), RecordedLogs.all());
    }

    @Test
    void aThrowableIsWrittenOutWithItsStackTrace() {
        log.warn("failed {}", "x", new IllegalStateException("boom", new IllegalArgumentException("cause")));

        List<String> lines = RecordedLogs.lines();
        assertEquals(1, lines.size(), RecordedLogs.all());
        String line = lines.get(0);
        assertTrue(line.startsWith("WARN " + RecordedLogsTest.class.getName() + " failed x\n"
                + "java.lang.IllegalStateException: boom\n\tat "), line);
        assertTrue(line.contains("Caused by: java.lang.IllegalArgumentException: cause"), line);
    }

    @Test
    void clearingForgetsWhatWasRecorded() {
        log.info("before");
        RecordedLogs.clear();
        log.info("after");

        assertEquals(List.of("INFO " + RecordedLogsTest.class.getName() + " after"), RecordedLogs.lines());
    }
}
