package org.omnitill.payment.stripe.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.event.EventRecodingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/** What the code under test logged, through the test binding {@code org.slf4j.impl.StaticLoggerBinder}. */
public final class CapturedLog {

    private static final Queue<SubstituteLoggingEvent> EVENTS = new ConcurrentLinkedQueue<>();

    private CapturedLog() {
    }

    /** A logger that records every event, at every level. */
    public static Logger logger(String name) {
        return new EventRecodingLogger(new SubstituteLogger(name, EVENTS, false), EVENTS);
    }

    static void clear() {
        EVENTS.clear();
    }

    /** Every line logged since the last {@link #clear()}: level, logger, formatted message and any throwable. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (SubstituteLoggingEvent event : EVENTS) {
            String message = MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage();
            Throwable thrown = event.getThrowable();
            lines.add(event.getLevel() + " " + event.getLoggerName() + " " + message
                    + (thrown == null ? "" : " " + thrown));
        }
        return lines;
    }

    static List<String> lines(Level level) {
        return lines().stream().filter(line -> line.startsWith(level + " ")).collect(Collectors.toList());
    }

    static String all() {
        return String.join("\n", lines());
    }
}
