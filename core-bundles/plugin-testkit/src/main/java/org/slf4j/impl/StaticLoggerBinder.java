package org.slf4j.impl;

import org.omnitill.testkit.RecordedLogs;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * The Omnitill plugin test kit's SLF4J 1.7 binding: every logger records into {@link RecordedLogs}, at every
 * level, so that a test can read everything the code under test logged. SLF4J finds it by this class name.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

    /** Read by SLF4J 1.7 to check the binding's API version. */
    // not final, as SLF4J requires: the compiler would inline a constant
    public static String REQUESTED_API_VERSION = "1.6.99";

    private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

    private final ILoggerFactory factory = RecordedLogs::logger;

    private StaticLoggerBinder() {
    }

    /** Called by SLF4J's {@code LoggerFactory}. */
    public static StaticLoggerBinder getSingleton() {
        return SINGLETON;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public String getLoggerFactoryClassStr() {
        return RecordedLogs.class.getName();
    }
}
