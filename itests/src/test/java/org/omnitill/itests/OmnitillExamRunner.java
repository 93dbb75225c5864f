package org.omnitill.itests;

import org.junit.runner.Description;
import org.junit.runner.Runner;
import org.junit.runner.manipulation.Filter;
import org.junit.runner.manipulation.Filterable;
import org.junit.runner.manipulation.NoTestsRemainException;
import org.junit.runner.manipulation.Sortable;
import org.junit.runner.manipulation.Sorter;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.BlockJUnit4ClassRunner;
import org.junit.runners.model.InitializationError;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * Pax Exam's JUnit 4 runner, plus one decision taken before any container is prepared: when the suite runs on
 * PostgreSQL, no server answers and {@code -Domnitill.it.allowSkipPostgres=true} is set, every test of the class is
 * reported as skipped (with a loud message on stderr) instead of booting Karaf. Without that property an
 * unreachable PostgreSQL fails the class. Inherited through {@link OmnitillTestSupport}'s {@code @RunWith}; runs in
 * the test JVM only.
 */
public class OmnitillExamRunner extends Runner implements Filterable, Sortable {

    private final Runner delegate;
    private final String skipReason;

    public OmnitillExamRunner(Class<?> testClass) throws InitializationError {
        String reason;
        try {
            reason = OmnitillTestSupport.TestEnvironment.get().skipReason();
        } catch (RuntimeException e) {
            // e.g. PostgreSQL unreachable and skipping not allowed: fail the class with the explanation
            throw new InitializationError(e);
        }
        this.skipReason = reason;
        this.delegate = reason == null ? new PaxExam(testClass) : new BlockJUnit4ClassRunner(testClass);
    }

    @Override
    public Description getDescription() {
        return delegate.getDescription();
    }

    @Override
    public void run(RunNotifier notifier) {
        if (skipReason == null) {
            delegate.run(notifier);
            return;
        }
        Description suite = getDescription();
        System.err.println("[omnitill-itests] SKIPPED " + suite.getDisplayName() + ": " + skipReason);
        for (Description test : suite.getChildren()) {
            notifier.fireTestIgnored(test);
        }
    }

    @Override
    public void filter(Filter filter) throws NoTestsRemainException {
        ((Filterable) delegate).filter(filter);
    }

    @Override
    public void sort(Sorter sorter) {
        ((Sortable) delegate).sort(sorter);
    }
}
