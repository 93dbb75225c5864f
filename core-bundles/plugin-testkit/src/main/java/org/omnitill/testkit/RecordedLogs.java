package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.EventRecodingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/**
 * Everything logged through SLF4J in the test JVM, at every level including debug and trace, recorded by the
 * kit's SLF4J 1.7 binding ({@code org.slf4j.impl.StaticLoggerBinder}), so that a test can check what a plugin
 * logged, and that it never logs a secret or a card number.
 *
 * <p>The binding is on the class path of every module that depends on the kit: such a module must have no other
 * SLF4J binding in test scope (logback-classic, slf4j-simple...). The record is shared by the whole JVM: a test
 * {@link #clear()}s it first, and should not run concurrently with other tests that log.
 */
public final class RecordedLogs {

    private static final Queue<SubstituteLoggingEvent> EVENTS = new ConcurrentLinkedQueue<>();

    private RecordedLogs() {
    }

    /** A logger that records every event, at every level (the binding's logger factory). */
    public static Logger logger(String name) {
        return new EventRecodingLogger(new SubstituteLogger(name, EVENTS, false), EVENTS);
    }

    /** Forgets everything recorded so far. */
    public static void clear() {
        EVENTS.clear();
    }

    /**
     * Each event since the last {@link #clear()} as a line: level, logger name and formatted message, then the
     * stack trace of its throwable as a log appender would write it.
     */
    public static List<String> lines() {
        return EVENTS.stream().map(RecordedLogs::line).collect(Collectors.toList());
    }

    /** The {@link #lines()} logged at this level. */
    public static List<String> lines(Level level) {
        return EVENTS.stream().filter(event -> event.getLevel() == level).map(RecordedLogs::line)
                .collect(Collectors.toList());
    }

    /** All {@link #lines()}, one after the other. */
    public static String all() {
        return String.join("\n", lines());
    }

    /**
     * That SLF4J logs through this record: fails if another binding won (SLF4J 1.7 warns "multiple bindings"
     * on the standard error and picks one).
     */
    public static void assertRecording() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        Logger probe = factory.getLogger(RecordedLogs.class.getName());
        if (!(probe instanceof EventRecodingLogger)) {
            fail("SLF4J does not log through " + RecordedLogs.class.getName() + " but through "
                    + factory.getClass().getName() + ": another SLF4J binding is on the test class path");
        }
    }

    private static String line(SubstituteLoggingEvent event) {
        String message = MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage();
        StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(message);
        if (event.getThrowable() != null) {
            StringWriter trace = new StringWriter();
            event.getThrowable().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace.toString().stripTrailing());
        }
        return line.toString();
    }
}
