package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnitill.payment.cardterminal.internal.Fixtures.plugin;
import static org.omnitill.payment.cardterminal.internal.Fixtures.reference;
import static org.omnitill.payment.cardterminal.internal.Fixtures.refund;
import static org.omnitill.payment.cardterminal.internal.Fixtures.sale;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator.Behaviour;
import org.omnitill.testkit.RecordedLogs;

/**
 * The simulator puts the full test card number into its answers (a simulator-only field of every payment
 * answer, the additional response of a refusal, an unreadable answer). Whatever happens, nothing the
 * plugin logs, at any level, and nothing it returns may contain it: the plugin never logs or passes on
 * raw terminal answers.
 */
class NoCardNumberLeaksTest {

    @Test
    void nothingLoggedOrReturnedHoldsTheCardNumber() throws Exception {
        List<Object> results = new ArrayList<>();
        RecordedLogs.clear();
        try (TerminalSimulator simulator = Fixtures.simulator()) {
            CardTerminalPayment card = plugin(simulator);

            PaymentRequest approved = sale("leak-approved", "10.99");
            PaymentResult captured = card.pay(approved);
            results.add(captured);
            results.add(card.pay(sale("leak-refused", "10.13")));

            simulator.next("Payment", Behaviour.GARBLED);
            PaymentRequest garbled = sale("leak-garbled", "11.00");
            results.add(card.pay(garbled));
            results.add(card.status(reference(garbled, null)));

            simulator.next("Payment", Behaviour.DROP_AFTER);
            PaymentRequest dropped = sale("leak-dropped", "12.00");
            results.add(card.pay(dropped));
            results.add(card.status(reference(dropped, null)));

            simulator.next("Payment", Behaviour.PARTIAL);
            results.add(card.pay(sale("leak-partial", "13.00")));

            PaymentReference payment = reference(approved, captured);
            results.add(card.refund(refund("leak-refund", payment, "1.00")));
            results.add(card.refund(refund("leak-refund-too-much", payment, "10.50")));
            results.add(card.cancel(payment));
        }

        List<String> lines = RecordedLogs.lines();
        assertFalse(lines.isEmpty(), "the test SLF4J binding recorded nothing: is another binding on the classpath?");
        // the simulator logs too (never the card number); this is about the plugin's own debug lines
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DEBUG org.omnitill.payment.cardterminal.internal.")),
                "debug lines are recorded too");
        assertTrue(lines.stream().anyMatch(l -> l.contains("leak-approved captured")), String.join("\n", lines));
        for (String line : lines) {
            assertFalse(containsCardNumber(line), "logged a card number: " + line);
        }
        for (Object result : results) {
            assertFalse(containsCardNumber(String.valueOf(result)), "returned a card number: " + result);
        }
    }

    private static boolean containsCardNumber(String text) {
        return text.replaceAll("[ -]", "").contains(TerminalSimulator.TEST_PAN);
    }
}
