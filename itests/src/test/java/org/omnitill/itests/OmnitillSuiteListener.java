package org.omnitill.itests;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Drops the suite's PostgreSQL database as soon as every test of the fork has run. JUnit 4 has no end-of-suite
 * callback and the per-suite Karaf is stopped from a shutdown hook that failsafe may cut short
 * ({@code forkedProcessExitTimeoutInSeconds}), so a shutdown hook alone is not reliable. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; test JVM only.
 */
public class OmnitillSuiteListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        OmnitillTestSupport.TestEnvironment env = OmnitillTestSupport.TestEnvironment.peek();
        if (env != null) {
            env.dropCreatedDatabase();
        }
    }
}
