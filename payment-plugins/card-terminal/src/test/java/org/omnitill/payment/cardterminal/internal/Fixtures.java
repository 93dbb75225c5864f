package org.omnitill.payment.cardterminal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.omnitill.api.money.Money;
import org.omnitill.api.payment.PaymentReference;
import org.omnitill.api.payment.PaymentRequest;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.RefundRequest;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;

/** Plugins wired to simulators, and the requests the core would send them. */
final class Fixtures {

    static final String REGISTER = "R1";
    static final Duration PATIENT = Duration.ofSeconds(20);

    private Fixtures() {
    }

    /** A simulator of terminal {@value TerminalSimulator#DEFAULT_POI_ID} listening on a free loopback port. */
    static TerminalSimulator simulator() throws IOException {
        return simulator(TerminalSimulator.DEFAULT_POI_ID, null);
    }

    /** A simulator of this terminal on a free loopback port, over HTTPS with {@code tls} unless it is null. */
    static TerminalSimulator simulator(String poiId, SSLContext tls) throws IOException {
        return new TerminalSimulator(poiId, tls).start(0, "127.0.0.1");
    }

    /** The plugin's view of the simulator: its POIID and endpoint. */
    static Terminal terminal(TerminalSimulator simulator) {
        return new Terminal(simulator.poiId(), simulator.url());
    }

    static TerminalSettings settings(Map<String, Terminal> terminals, Duration readTimeout, String apiKey) {
        return new TerminalSettings(terminals, "omnitill-test", Duration.ofSeconds(5), readTimeout,
                Duration.ofSeconds(10), apiKey, "", "");
    }

    /** A plugin whose register {@value #REGISTER} (and every other) pays on the simulator. */
    static CardTerminalPayment plugin(TerminalSimulator simulator) {
        return plugin(simulator, PATIENT);
    }

    static CardTerminalPayment plugin(TerminalSimulator simulator, Duration readTimeout) {
        return new CardTerminalPayment(settings(Map.of("*", terminal(simulator)), readTimeout, ""),
                Clock.systemUTC());
    }

    static PaymentRequest sale(String paymentId, String euros) {
        Money amount = Money.of(euros, "EUR");
        return new PaymentRequest(paymentId, "cart-" + paymentId, "store-1", "NL", amount, amount, REGISTER, Map.of());
    }

    /** The core's record of a payment: the reference from the result, the amount requested. */
    static PaymentReference reference(PaymentRequest request, PaymentResult result) {
        return new PaymentReference(request.paymentId(), request.storeId(), request.registerId(),
                result == null ? null : result.reference(), request.tendered(), request.data());
    }

    static RefundRequest refund(String refundId, PaymentReference original, String euros) {
        return new RefundRequest(refundId, original, Money.of(euros, "EUR"), "customer returned goods");
    }
}
