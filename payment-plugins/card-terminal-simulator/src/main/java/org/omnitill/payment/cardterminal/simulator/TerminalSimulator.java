package org.omnitill.payment.cardterminal.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A payment terminal on a socket that speaks the Adyen Terminal API as the local {@code POST /nexo}
 * endpoint does (Adyen Terminal API reference v1; nexo Sale to POI 3.0 message structure):
 * {@code PaymentRequest}, {@code TransactionStatusRequest}, {@code ReversalRequest} and
 * {@code AbortRequest} in a {@code SaleToPOIRequest}, answered in a {@code SaleToPOIResponse}; a malformed
 * message is answered with an {@code EventNotification} "Reject", as Adyen terminals do. It is a
 * development and test stand-in, never a real terminal: nothing is ever charged.
 *
 * <p>Card behaviour: an amount ending in {@code .13} is refused ("Refused"); anything else is approved
 * with the test card {@value #TEST_PAN}. The simulator returns only the masked PAN in the card data, but
 * also writes the full test number into a simulator-only field ({@code SimulatorTrace}) and into a
 * refusal's additional response, so that tests can prove a client never passes raw answers on. It never
 * logs the number.
 *
 * <p>The next request of a category can be made to misbehave ({@link #next}); every charge and reversal
 * is counted, every transaction remembered for {@code TransactionStatusRequest} (also across
 * {@link #stop()} and {@link #start(int, String)}, as a terminal remembers them across reconnects, until
 * {@link #reset()}).
 *
 * <p>Thread-safe. Use: {@code new TerminalSimulator().start(0, "127.0.0.1")} (port 0: any free port),
 * then {@link #url()}; or, in Karaf, configure PID {@code org.omnitill.payment.cardterminal.simulator} and
 * look the running instance up as a service of this type.
 */
public final class TerminalSimulator implements AutoCloseable {

    /** The full number of the test card; it appears only where a client must not pass it on. */
    public static final String TEST_PAN = "4111111111111111";
    /** The card number as the simulator returns it in {@code CardData.MaskedPan}. */
    public static final String MASKED_PAN = "411111******1111";
    /** The POIID the simulator answers to unless another one is given; the card terminal plugin's default. */
    public static final String DEFAULT_POI_ID = "V400m-324688179";
    /** The path of the Terminal API endpoint, as on a terminal's local interface. */
    public static final String PATH = "/nexo";

    private static final Logger LOG = LoggerFactory.getLogger(TerminalSimulator.class);
    private static final Set<String> CATEGORIES = Set.of("Payment", "TransactionStatus", "Reversal", "Abort");
    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(30);
    private static final Duration AWAIT_DEFAULT = Duration.ofSeconds(10);

    /** What the simulator does with the next request of a category. */
    public enum Behaviour {
        /** Process and answer. */
        ANSWER,
        /**
         * Record the payment as in progress and wait (the customer has not tapped yet) until
         * {@link TerminalSimulator#release() released}, aborted, or 30 seconds have passed.
         */
        HOLD,
        /** Close the connection without processing: the terminal never saw the request. */
        DROP_BEFORE,
        /** Process, then close the connection without an answer. */
        DROP_AFTER,
        /** Process, then answer with a body that is not JSON (and quotes the test card number). */
        GARBLED,
        /** Approve a payment for half the amount ({@code Result: Partial}). */
        PARTIAL
    }

    /**
     * A request as received: its JSON and its HTTP headers.
     *
     * @param body the request body (a {@code SaleToPOIRequest})
     * @param headers the HTTP request headers
     */
    public record Received(JsonNode body, Map<String, List<String>> headers) {

        /** {@code MessageHeader.MessageCategory}: {@code Payment}, {@code TransactionStatus}, ... */
        public String category() {
            return header().path("MessageCategory").asText();
        }

        /** {@code MessageHeader.ServiceID}. */
        public String serviceId() {
            return header().path("ServiceID").asText();
        }

        private JsonNode header() {
            return body.path("SaleToPOIRequest").path("MessageHeader");
        }
    }

    /**
     * What the simulator remembers of a payment or reversal (a snapshot).
     *
     * @param saleId the {@code SaleID} of the request
     * @param serviceId its {@code ServiceID}
     * @param category {@code Payment} or {@code Reversal}
     * @param result {@code Success}, {@code Partial} or {@code Failure}; null while a held payment is in progress
     * @param poiTransactionId the terminal's transaction id of an approved payment, else null
     * @param currency the currency of an approved payment, else null
     * @param authorized what an approved payment took; zero otherwise
     * @param reversed what has been reversed (refunded or voided) of an approved payment so far
     */
    public record Transaction(String saleId, String serviceId, String category, String result,
            String poiTransactionId, String currency, BigDecimal authorized, BigDecimal reversed) {

        /** Whether the transaction has its outcome. */
        public boolean completed() {
            return result != null;
        }
    }

    /** The simulator's own record of a transaction. */
    private static final class Entry {
        final String saleId;
        final String serviceId;
        final String category;
        final ObjectNode responseHeader;
        volatile ObjectNode response;
        volatile boolean aborted;
        final CountDownLatch wake = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        volatile String poiTransactionId;
        String currency; // guarded by ledger
        BigDecimal captured = BigDecimal.ZERO; // guarded by ledger
        BigDecimal reversed = BigDecimal.ZERO; // guarded by ledger

        Entry(String saleId, String serviceId, String category, ObjectNode responseHeader) {
            this.saleId = saleId;
            this.serviceId = serviceId;
            this.category = category;
            this.responseHeader = responseHeader;
        }
    }

    /** A started server and the threads that serve it. */
    private record Running(HttpServer server, ExecutorService executor, URI url) {
    }

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private final String poiId;
    private final SSLContext tls;
    private final Object lifecycle = new Object();
    private final Object ledger = new Object();
    private final Map<String, Entry> transactions = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> next = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger charges = new AtomicInteger();
    private final AtomicInteger reversals = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger(1000);
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean alias = true;
    private volatile Running running;
    private volatile URI lastUrl;

    /** A plain-HTTP simulator of terminal {@value #DEFAULT_POI_ID}; not listening until {@link #start}. */
    public TerminalSimulator() {
        this(DEFAULT_POI_ID, null);
    }

    /** A plain-HTTP simulator of the terminal with this POIID; not listening until {@link #start}. */
    public TerminalSimulator(String poiId) {
        this(poiId, null);
    }

    /**
     * A simulator of the terminal with this POIID, over HTTPS with this server context (its key is the
     * terminal's certificate), or over plain HTTP when {@code tls} is null; not listening until
     * {@link #start}.
     */
    public TerminalSimulator(String poiId, SSLContext tls) {
        this.poiId = Objects.requireNonNull(poiId, "poiId");
        if (poiId.isBlank()) {
            throw new IllegalArgumentException("poiId is blank");
        }
        this.tls = tls;
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Listens on this port and host (an address or name to bind to; null or blank: the loopback address).
     * Port 0 takes any free port; {@link #port()} tells which.
     *
     * @return this simulator
     * @throws IOException when the address cannot be bound (e.g. the port is taken)
     * @throws IllegalStateException when it is already listening
     */
    public TerminalSimulator start(int port, String host) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0 to 65535");
        }
        synchronized (lifecycle) {
            if (running != null) {
                throw new IllegalStateException("the terminal simulator is already listening on " + running.url());
            }
            InetSocketAddress address = host == null || host.isBlank()
                    ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
                    : new InetSocketAddress(host.trim(), port);
            if (address.isUnresolved()) {
                throw new IOException("cannot resolve host " + host);
            }
            HttpServer server;
            if (tls == null) {
                server = HttpServer.create(address, 0);
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
            ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
            server.createContext(PATH, this::handle);
            server.setExecutor(executor);
            server.start();
            URI url = url(server, host);
            running = new Running(server, executor, url);
            lastUrl = url;
            LOG.warn("terminal SIMULATOR listening on {}, not a real terminal (POIID {}): nothing is charged",
                    url, poiId);
            return this;
        }
    }

    /**
     * Stops listening, after letting held payments go on. Transactions, counters and knobs are kept;
     * {@link #url()} and {@link #port()} still tell where it was. Does nothing when not listening.
     */
    public void stop() {
        synchronized (lifecycle) {
            Running current = running;
            if (current == null) {
                return;
            }
            running = null;
            release();
            current.server().stop(0);
            current.executor().shutdownNow();
            LOG.info("terminal SIMULATOR on {} stopped", current.url());
        }
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether it is listening. */
    public boolean isRunning() {
        return running != null;
    }

    /**
     * The port it listens on (or last listened on).
     *
     * @throws IllegalStateException when it was never started
     */
    public int port() {
        return url().getPort();
    }

    /**
     * The Terminal API endpoint a client posts to, e.g. {@code http://127.0.0.1:8443/nexo}: where it listens
     * (or last listened). A wildcard bind address (0.0.0.0, ::) is given as 127.0.0.1.
     *
     * @throws IllegalStateException when it was never started
     */
    public URI url() {
        URI url = lastUrl;
        if (url == null) {
            throw new IllegalStateException("the terminal simulator was never started");
        }
        return url;
    }

    /** The POIID this simulator answers to; a request for another terminal is rejected. */
    public String poiId() {
        return poiId;
    }

    // ------------------------------------------------------------------ knobs

    /**
     * The next request of this category ({@code Payment}, {@code Reversal}) behaves so; after it, requests
     * are answered normally again. {@link Behaviour#HOLD} and {@link Behaviour#PARTIAL} only apply to payments.
     */
    public void next(String category, Behaviour behaviour) {
        next.put(Objects.requireNonNull(category, "category"), Objects.requireNonNull(behaviour, "behaviour"));
    }

    /** Whether approvals carry a card alias in their additional response (they do unless switched off). */
    public void withAlias(boolean withAlias) {
        this.alias = withAlias;
    }

    /** Lets every held payment go on: the customer taps the card now. */
    public void release() {
        transactions.values().forEach(t -> t.wake.countDown());
    }

    /**
     * Forgets all transactions, received requests, counters and pending knobs (held payments are released
     * first), and turns the card alias back on. Keeps listening.
     */
    public void reset() {
        release();
        synchronized (ledger) {
            transactions.clear();
            next.clear();
            received.clear();
            charges.set(0);
            reversals.set(0);
            alias = true;
        }
    }

    /**
     * Waits up to 10 seconds until the transaction with this ServiceID has its outcome.
     *
     * @throws IllegalStateException when it does not
     */
    public void awaitOutcome(String serviceId) throws InterruptedException {
        awaitOutcome(serviceId, AWAIT_DEFAULT);
    }

    /**
     * Waits up to this long until the transaction with this ServiceID (received or still to come) has its
     * outcome.
     *
     * @throws IllegalStateException when it does not
     */
    public void awaitOutcome(String serviceId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Entry entry = find(serviceId);
        while (entry == null && System.nanoTime() < deadline) {
            Thread.sleep(25);
            entry = find(serviceId);
        }
        long left = deadline - System.nanoTime();
        if (entry == null || !entry.done.await(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("the simulator never finished transaction " + serviceId);
        }
    }

    // ------------------------------------------------------------------ what happened

    /** How many payments it approved (fully or partially). */
    public int charges() {
        return charges.get();
    }

    /** How many reversals (voids and refunds) it booked. */
    public int reversals() {
        return reversals.get();
    }

    /** What has been reversed of the payment with this terminal transaction id (zero if unknown). */
    public BigDecimal reversedOf(String poiTransactionId) {
        synchronized (ledger) {
            return transactions.values().stream().filter(t -> poiTransactionId.equals(t.poiTransactionId))
                    .map(t -> t.reversed).findFirst().orElse(BigDecimal.ZERO);
        }
    }

    /** Every request received (also rejected ones), oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests received of this category ({@code Payment}, {@code TransactionStatus}, ...), oldest first. */
    public List<Received> received(String category) {
        return received.stream().filter(r -> r.category().equals(category)).toList();
    }

    /** The payments and reversals it remembers (for {@code TransactionStatusRequest}), in no particular order. */
    public List<Transaction> transactions() {
        synchronized (ledger) {
            return transactions.values().stream().map(this::snapshot).toList();
        }
    }

    @Override
    public String toString() {
        Running current = running;
        return "TerminalSimulator[" + poiId + (current == null ? ", stopped" : " on " + current.url()) + "]";
    }

    // ------------------------------------------------------------------ protocol

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode root;
            try {
                root = json.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (root == null || root.isMissingNode()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            received.add(new Received(root, Map.copyOf(exchange.getRequestHeaders())));
            JsonNode message = root.path("SaleToPOIRequest");
            JsonNode header = message.path("MessageHeader");
            String problem = problem(message, header);
            if (problem != null) {
                LOG.debug("terminal simulator rejects a message: {}", problem);
                respond(exchange, reject(header, problem));
                return;
            }
            switch (header.path("MessageCategory").asText()) {
                case "Payment" -> payment(exchange, header, message.path("PaymentRequest"));
                case "TransactionStatus" -> status(exchange, header, message.path("TransactionStatusRequest"));
                case "Reversal" -> reversal(exchange, header, message.path("ReversalRequest"));
                case "Abort" -> abort(exchange, message.path("AbortRequest"));
                default -> respond(exchange, reject(header, "unsupported category"));
            }
        } finally {
            exchange.close();
        }
    }

    /** What is wrong with the message's header and body, or null (Terminal API reference: MessageHeader). */
    private String problem(JsonNode message, JsonNode header) {
        String serviceId = header.path("ServiceID").asText("");
        String category = header.path("MessageCategory").asText("");
        if (!"3.0".equals(header.path("ProtocolVersion").asText())
                || !"Service".equals(header.path("MessageClass").asText())
                || !"Request".equals(header.path("MessageType").asText())) {
            return "ProtocolVersion 3.0, MessageClass Service and MessageType Request are required";
        }
        if (header.path("SaleID").asText("").isEmpty() || serviceId.isEmpty() || serviceId.length() > 10) {
            return "SaleID and a ServiceID of 1 to 10 characters are required";
        }
        if (!poiId.equals(header.path("POIID").asText())) {
            return "POIID " + header.path("POIID").asText() + " is not this terminal";
        }
        if (!CATEGORIES.contains(category) || !message.path(category + "Request").isObject()) {
            return "the body must be a " + category + "Request";
        }
        return null;
    }

    private void payment(HttpExchange exchange, JsonNode header, JsonNode request) throws IOException {
        JsonNode sale = request.path("SaleData").path("SaleTransactionID");
        JsonNode amounts = request.path("PaymentTransaction").path("AmountsReq");
        if (sale.path("TransactionID").asText("").isEmpty() || sale.path("TimeStamp").asText("").isEmpty()
                || amounts.path("Currency").asText("").length() != 3 || !amounts.path("RequestedAmount").isNumber()
                || amounts.path("RequestedAmount").decimalValue().signum() <= 0) {
            respond(exchange, reject(header, "SaleTransactionID and AmountsReq are required"));
            return;
        }
        Behaviour behaviour = behaviour("Payment");
        String saleId = header.path("SaleID").asText();
        String serviceId = header.path("ServiceID").asText();
        String key = key(saleId, serviceId);
        if (behaviour == Behaviour.DROP_BEFORE) {
            LOG.debug("terminal simulator drops payment {} unseen", serviceId);
            return; // closing the exchange without a response closes the connection
        }
        Entry payment = new Entry(saleId, serviceId, "Payment", responseHeader(header));
        transactions.put(key, payment);
        if (behaviour == Behaviour.HOLD) {
            LOG.debug("terminal simulator holds payment {}", serviceId);
            try {
                payment.wake.await(HOLD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        completePayment(payment, sale, amounts, behaviour == Behaviour.PARTIAL);
        LOG.debug("terminal simulator payment {}: {}", serviceId, result(payment.response));
        answer(exchange, behaviour, envelope(payment.responseHeader, "PaymentResponse", payment.response));
    }

    private void completePayment(Entry payment, JsonNode sale, JsonNode amounts, boolean partial) {
        BigDecimal requested = amounts.path("RequestedAmount").decimalValue();
        String currency = amounts.path("Currency").asText();
        ObjectNode response = json.createObjectNode();
        ObjectNode result = response.putObject("Response");
        ObjectNode saleData = response.putObject("SaleData");
        saleData.set("SaleTransactionID", sale.deepCopy());
        int number = sequence.incrementAndGet();
        payment.poiTransactionId = "SIM" + number + "." + (8815000000000000L + number);
        ObjectNode poiData = response.putObject("POIData").putObject("POITransactionID");
        poiData.put("TransactionID", payment.poiTransactionId);
        poiData.put("TimeStamp", Instant.now().toString());
        ObjectNode paymentResult = response.putObject("PaymentResult");
        ObjectNode instrument = paymentResult.putObject("PaymentInstrumentData");
        instrument.put("PaymentInstrumentType", "Card");
        ObjectNode card = instrument.putObject("CardData");
        card.put("PaymentBrand", "visa");
        card.put("MaskedPan", MASKED_PAN);
        card.putArray("EntryMode").add("Contactless");
        response.put("SimulatorTrace", "card " + TEST_PAN + " read contactless");
        if (payment.aborted) {
            result.put("Result", "Failure");
            result.put("ErrorCondition", "Aborted");
            result.put("AdditionalResponse", "message=Transaction%20aborted%20by%20the%20cash%20register");
        } else if (refused(requested)) {
            result.put("Result", "Failure");
            result.put("ErrorCondition", "Refusal");
            result.put("AdditionalResponse", "refusalReason=Refused&cardNumberRead=" + TEST_PAN + "&cardBin=411111");
        } else {
            BigDecimal authorized = partial ? requested.divide(BigDecimal.valueOf(2), requested.scale(),
                    RoundingMode.DOWN) : requested;
            result.put("Result", partial ? "Partial" : "Success");
            result.put("AdditionalResponse", "tid=47069832&posAuthAmountCurrency=" + currency
                    + (alias ? "&alias=H167852639363479" : "") + "&cardBin=411111&cardSummary=1111");
            ObjectNode amountsResp = paymentResult.putObject("AmountsResp");
            amountsResp.put("Currency", currency);
            amountsResp.put("AuthorizedAmount", authorized);
            ObjectNode acquirer = paymentResult.putObject("PaymentAcquirerData");
            acquirer.put("ApprovalCode", "123456");
            acquirer.put("AcquirerPOIID", poiId);
            acquirer.put("MerchantID", "OmnitillTestMerchant");
            synchronized (ledger) {
                payment.captured = authorized;
                payment.currency = currency;
            }
            charges.incrementAndGet();
        }
        payment.response = response;
        payment.done.countDown();
    }

    /** Amounts ending in .13 (in the currency's units with two decimals) are refused. */
    private static boolean refused(BigDecimal requested) {
        BigDecimal cents = requested.setScale(2, RoundingMode.DOWN);
        return cents.compareTo(requested) == 0 && cents.toPlainString().endsWith(".13");
    }

    private void status(HttpExchange exchange, JsonNode header, JsonNode request) throws IOException {
        JsonNode reference = request.path("MessageReference");
        String serviceId = reference.path("ServiceID").asText("");
        String category = reference.path("MessageCategory").asText("");
        if (serviceId.isEmpty() || category.isEmpty()) {
            respond(exchange, reject(header, "MessageReference with MessageCategory and ServiceID is required"));
            return;
        }
        Entry transaction = transactions.get(
                key(reference.path("SaleID").asText(header.path("SaleID").asText()), serviceId));
        ObjectNode response = json.createObjectNode();
        ObjectNode result = response.putObject("Response");
        response.set("MessageReference", reference.deepCopy());
        ObjectNode answered = transaction == null ? null : transaction.response;
        if (transaction == null || !transaction.category.equals(category)) {
            result.put("Result", "Failure");
            result.put("ErrorCondition", "NotFound");
            result.put("AdditionalResponse", "message=Transaction%20not%20found");
        } else if (answered == null) {
            result.put("Result", "Failure");
            result.put("ErrorCondition", "InProgress");
            result.put("AdditionalResponse", "message=Transaction%20is%20in%20progress");
        } else {
            result.put("Result", "Success");
            ObjectNode repeated = response.putObject("RepeatedMessageResponse");
            repeated.set("MessageHeader", transaction.responseHeader.deepCopy());
            repeated.putObject("RepeatedResponseMessageBody").set(category + "Response", answered.deepCopy());
        }
        LOG.debug("terminal simulator status of {} {}: {}", category, serviceId,
                result.path("ErrorCondition").asText("Found"));
        respond(exchange, envelope(responseHeader(header), "TransactionStatusResponse", response));
    }

    private void reversal(HttpExchange exchange, JsonNode header, JsonNode request) throws IOException {
        JsonNode original = request.path("OriginalPOITransaction").path("POITransactionID");
        String originalId = original.path("TransactionID").asText("");
        if (originalId.isEmpty() || original.path("TimeStamp").asText("").isEmpty()
                || request.path("ReversalReason").asText("").isEmpty()) {
            respond(exchange, reject(header, "OriginalPOITransaction.POITransactionID and ReversalReason are required"));
            return;
        }
        Behaviour behaviour = behaviour("Reversal");
        String serviceId = header.path("ServiceID").asText();
        if (behaviour == Behaviour.DROP_BEFORE) {
            LOG.debug("terminal simulator drops reversal {} unseen", serviceId);
            return;
        }
        String saleId = header.path("SaleID").asText();
        Entry reversal = new Entry(saleId, serviceId, "Reversal", responseHeader(header));
        transactions.put(key(saleId, serviceId), reversal);
        ObjectNode response = json.createObjectNode();
        ObjectNode result = response.putObject("Response");
        String refusal = reverse(originalId, request);
        if (refusal != null) {
            result.put("Result", "Failure");
            result.put("ErrorCondition", "Refusal");
            result.put("AdditionalResponse", "refusalReason=" + refusal.replace(" ", "%20"));
        } else {
            result.put("Result", "Success");
            ObjectNode poi = response.putObject("POIData").putObject("POITransactionID");
            poi.put("TransactionID", "SIMR" + sequence.incrementAndGet());
            poi.put("TimeStamp", Instant.now().toString());
            reversals.incrementAndGet();
        }
        response.putObject("OriginalPOITransaction").set("POITransactionID", original.deepCopy());
        reversal.response = response;
        reversal.done.countDown();
        LOG.debug("terminal simulator reversal {}: {}", serviceId, result(response));
        answer(exchange, behaviour, envelope(reversal.responseHeader, "ReversalResponse", response));
    }

    /** Books a reversal against the original payment; the refusal reason, or null when done. */
    private String reverse(String originalId, JsonNode request) {
        synchronized (ledger) {
            Entry payment = transactions.values().stream()
                    .filter(t -> originalId.equals(t.poiTransactionId) && t.captured.signum() > 0).findFirst()
                    .orElse(null);
            if (payment == null) {
                return "Original transaction not found";
            }
            BigDecimal amount = payment.captured;
            if (request.has("ReversedAmount")) {
                if (!request.path("ReversedAmount").isNumber()) {
                    return "ReversedAmount must be a number";
                }
                amount = request.path("ReversedAmount").decimalValue();
                if (!("currency=" + payment.currency)
                        .equals(request.path("SaleData").path("SaleToAcquirerData").asText())) {
                    return "Currency missing or wrong in SaleToAcquirerData";
                }
            }
            if (amount.signum() <= 0 || amount.compareTo(payment.captured.subtract(payment.reversed)) > 0) {
                return "Refund amount exceeds what is left of the payment";
            }
            payment.reversed = payment.reversed.add(amount);
            return null;
        }
    }

    private void abort(HttpExchange exchange, JsonNode request) throws IOException {
        JsonNode reference = request.path("MessageReference");
        Entry payment = transactions.get(key(reference.path("SaleID").asText(),
                reference.path("ServiceID").asText()));
        if (payment != null && payment.response == null) {
            LOG.debug("terminal simulator aborts payment {}", payment.serviceId);
            payment.aborted = true;
            payment.wake.countDown();
            try {
                payment.done.await(10, TimeUnit.SECONDS); // the held payment ends as aborted before the abort is answered
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(200, -1);
    }

    // ------------------------------------------------------------------ helpers

    private Behaviour behaviour(String category) {
        Behaviour behaviour = next.remove(category);
        return behaviour == null ? Behaviour.ANSWER : behaviour;
    }

    private void answer(HttpExchange exchange, Behaviour behaviour, ObjectNode answer) throws IOException {
        switch (behaviour) {
            case DROP_AFTER -> {
                // processed, but the connection closes without an answer
            }
            case GARBLED -> {
                byte[] body = ("<html>terminal error while answering for card " + TEST_PAN + "</html>")
                        .getBytes(StandardCharsets.UTF_8);
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (IOException clientGone) {
                    // the client stopped waiting
                }
            }
            default -> respond(exchange, answer);
        }
    }

    private ObjectNode responseHeader(JsonNode requestHeader) {
        ObjectNode header = requestHeader.deepCopy();
        header.put("MessageType", "Response");
        return header;
    }

    private ObjectNode envelope(ObjectNode header, String bodyName, ObjectNode body) {
        ObjectNode root = json.createObjectNode();
        ObjectNode response = root.putObject("SaleToPOIResponse");
        response.set("MessageHeader", header.deepCopy());
        response.set(bodyName, body.deepCopy());
        return root;
    }

    private ObjectNode reject(JsonNode requestHeader, String why) {
        ObjectNode root = json.createObjectNode();
        ObjectNode message = root.putObject("SaleToPOIRequest");
        ObjectNode header = message.putObject("MessageHeader");
        header.put("ProtocolVersion", "3.0");
        header.put("MessageClass", "Event");
        header.put("MessageCategory", "Event");
        header.put("MessageType", "Notification");
        header.put("ServiceID", requestHeader.path("ServiceID").asText());
        header.put("SaleID", requestHeader.path("SaleID").asText());
        header.put("POIID", poiId);
        ObjectNode event = message.putObject("EventNotification");
        event.put("EventToNotify", "Reject");
        event.put("EventDetails", "message=" + URLEncoder.encode(why, StandardCharsets.UTF_8));
        event.put("TimeStamp", Instant.now().toString());
        return root;
    }

    private void respond(HttpExchange exchange, ObjectNode answer) throws IOException {
        byte[] body = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            // the cash register stopped waiting (read timeout): the outcome is kept for TransactionStatus
        }
    }

    private Entry find(String serviceId) {
        return transactions.values().stream().filter(t -> serviceId.equals(t.serviceId)).findFirst().orElse(null);
    }

    private Transaction snapshot(Entry entry) {
        ObjectNode response = entry.response;
        return new Transaction(entry.saleId, entry.serviceId, entry.category,
                response == null ? null : result(response), entry.poiTransactionId, entry.currency, entry.captured,
                entry.reversed);
    }

    private static String result(JsonNode response) {
        return response.path("Response").path("Result").asText();
    }

    private static URI url(HttpServer server, String host) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        InetSocketAddress bound = server.getAddress();
        InetAddress address = bound.getAddress();
        String name;
        if (host == null || host.isBlank() || address.isAnyLocalAddress()) {
            name = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        } else {
            name = host.trim();
        }
        if (name.contains(":") && !name.startsWith("[")) {
            name = "[" + name + "]"; // an IPv6 literal
        }
        return URI.create(scheme + "://" + name + ":" + bound.getPort() + PATH);
    }

    private ThreadFactory daemonThreads() {
        return work -> {
            Thread thread = new Thread(work, "terminal-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String key(String saleId, String serviceId) {
        return saleId + "|" + serviceId;
    }
}
