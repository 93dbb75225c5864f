package org.omnitill.payment.cardterminal.simulator;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.event.EventRecodingLogger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/** Everything logged through SLF4J during the tests (see {@code org.slf4j.impl.StaticLoggerBinder}). */
public final class RecordedLogs {

    private static final Queue<SubstituteLoggingEvent> EVENTS = new ConcurrentLinkedQueue<>();

    private RecordedLogs() {
    }

    public static Logger logger(String name) {
        return new EventRecodingLogger(new SubstituteLogger(name, EVENTS, false), EVENTS);
    }

    public static void clear() {
        EVENTS.clear();
    }

    /** Each event as a line: level, logger, formatted message. */
    public static List<String> lines() {
        return EVENTS.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " "
                + MessageFormatter.arrayFormat(e.getMessage(), e.getArgumentArray()).getMessage()).toList();
    }
}
