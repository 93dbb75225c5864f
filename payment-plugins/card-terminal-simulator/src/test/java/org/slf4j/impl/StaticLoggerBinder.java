package org.slf4j.impl;

import org.omnitill.payment.cardterminal.simulator.RecordedLogs;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * The SLF4J 1.7 binding of the tests: every logger records into {@link RecordedLogs}, at every level, so
 * that a test can read everything the simulator logged.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

    /** Read by SLF4J 1.7 to check the binding's API version. */
    public static String REQUESTED_API_VERSION = "1.6.99";

    private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

    private final ILoggerFactory factory = RecordedLogs::logger;

    private StaticLoggerBinder() {
    }

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
