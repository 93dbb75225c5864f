package org.omnitill.payment.cardterminal.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.event.EventRecodingLogger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/**
 * Everything logged through SLF4J during the tests (see {@code org.slf4j.impl.StaticLoggerBinder}), at
 * every level including debug and trace, with arguments and stack traces written out as a log appender
 * would write them.
 */
public final class RecordedLogs {

    private static final Queue<SubstituteLoggingEvent> EVENTS = new ConcurrentLinkedQueue<>();

    private RecordedLogs() {
    }

    public static Logger logger(String name) {
        return new EventRecodingLogger(new SubstituteLogger(name, EVENTS, false), EVENTS);
    }

    static void clear() {
        EVENTS.clear();
    }

    /** Each event as a line: level, logger, formatted message, then the stack trace of its throwable. */
    static List<String> lines() {
        return EVENTS.stream().map(RecordedLogs::line).toList();
    }

    private static String line(SubstituteLoggingEvent event) {
        String message = MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage();
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(message);
        if (event.getThrowable() != null) {
            StringWriter trace = new StringWriter();
            event.getThrowable().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        return line.toString();
    }
}
