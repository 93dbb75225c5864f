package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** How the kit's assertions fail: with a message that starts with what failed and says what is wrong. */
final class Failures {

    private Failures() {
    }

    /** That {@code assertion} fails with a message starting with {@code start} and containing each fragment. */
    static String assertFails(Executable assertion, String start, String... fragments) {
        String message = assertThrows(AssertionFailedError.class, assertion).getMessage();
        assertTrue(message.startsWith(start), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "no \"" + fragment + "\" in: " + message);
        }
        return message;
    }
}
