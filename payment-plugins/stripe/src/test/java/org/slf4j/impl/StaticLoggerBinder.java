package org.slf4j.impl;

import org.omnitill.payment.stripe.internal.CapturedLog;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * Test-only SLF4J 1.7 binding: every logger records into {@link CapturedLog}, at every level, so that the
 * tests can read everything the plugin logged (debug included) and look for secrets and card numbers.
 * WireMock shades its own SLF4J, so only the plugin's logging arrives here.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

    /** Read by SLF4J's version check. */
    public static String REQUESTED_API_VERSION = "1.6.99";

    private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

    private StaticLoggerBinder() {
    }

    public static StaticLoggerBinder getSingleton() {
        return SINGLETON;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return CapturedLog::logger;
    }

    @Override
    public String getLoggerFactoryClassStr() {
        return CapturedLog.class.getName();
    }
}
