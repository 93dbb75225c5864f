package org.omnitill.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution as an operator runs it: unpacked from the tar.gz and started with {@code bin/karaf server}
 * (what {@code ./omnitill start} does), a sale made, the server stopped and started again: the order, its receipt
 * and the stock it took are still there. Also reports start-up time and resident memory after a sale.
 */
class DistributionRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic "
            + Base64.getEncoder().encodeToString("cashier:cashier".getBytes(StandardCharsets.UTF_8));

    private Path home;
    private int httpPort;
    private Process karaf;
    private String postgresDatabase;

    @BeforeEach
    void unpack() throws Exception {
        String distribution = System.getProperty("omnitill.it.distribution", "");
        assertTrue(Files.isRegularFile(Path.of(distribution)), "distribution tar.gz not found: '" + distribution + "'");
        Path base = Path.of(System.getProperty("omnitill.it.targetDir", "target"), "restart-" + db());
        deleteTree(base);
        Files.createDirectories(base);
        run(base, "tar", "xzf", distribution, "-C", base.toString());
        try (Stream<Path> entries = Files.list(base)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int[] ports = freePorts(4);
        httpPort = ports[0];
        put("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort));
        put("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ports[1]));
        put("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(ports[2]));
        put("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(ports[3]));
        if (db().equals("postgresql")) {
            postgresDatabase = createPostgresDatabase();
            String cfg = "etc/org.ops4j.datasource-omnitill.cfg";
            put(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver");
            put(cfg, "url", "jdbc:postgresql://127.0.0.1:5432/" + postgresDatabase);
            put(cfg, "user", "postgres");
            put(cfg, "password", "");
        }
    }

    @AfterEach
    void stopAndClean() throws Exception {
        stop();
        if (postgresDatabase != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            }
        }
    }

    @Test
    void ordersAndStockSurviveARestart() throws Exception {
        long started = System.nanoTime();
        start();
        double startupSeconds = (System.nanoTime() - started) / 1e9;

        String stockBefore = onHand("SOP-001", "hamburg-altona");
        String cartId = post("/api/v1/carts", Map.of("store", "hamburg-altona", "channel", "register")).get("id").asText();
        JsonNode cart = post("/api/v1/carts/" + cartId + "/lines", Map.of("sku", "SOP-001", "quantity", 2));
        post("/api/v1/carts/" + cartId + "/payments", Map.of("method", "cash", "amount", cart.get("due")));
        JsonNode order = post("/api/v1/carts/" + cartId + "/checkout", null);
        String orderId = order.get("id").asText();
        String receipt = get("/api/v1/orders/" + orderId + "/receipt").body();
        String stockAfterSale = onHand("SOP-001", "hamburg-altona");
        assertEquals(new java.math.BigDecimal(stockBefore).subtract(new java.math.BigDecimal("2")),
                new java.math.BigDecimal(stockAfterSale));
        long rssKb = residentKb(javaPid());
        System.out.printf("[omnitill-itests] %s: launch to first healthy answer %.1f s; resident memory after a sale"
                + " %d MB%n", db(), startupSeconds, rssKb / 1024);

        long firstJvm = javaPid();
        stop();
        start();
        assertTrue(javaPid() != firstJvm, "the second start must be a new JVM");

        assertEquals(order, JSON.readTree(get("/api/v1/orders/" + orderId).body()));
        assertEquals(receipt, get("/api/v1/orders/" + orderId + "/receipt").body());
        assertEquals(stockAfterSale, onHand("SOP-001", "hamburg-altona"));
        assertEquals(50, JSON.readTree(get("/api/v1/products?limit=200").body()).get("total").asInt(),
                "the demo data is loaded once, not again on restart");
    }

    private static String db() {
        return System.getProperty("omnitill.it.db", "h2");
    }

    private void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        karaf = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(karaf.isAlive(), "Karaf exited; see " + home.resolve("console.log"));
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && ready()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no healthy answer within 120 s; see " + home.resolve("data/log/karaf.log"));
    }

    /** The resources are published and the demo data is there (both follow health by a moment). */
    private boolean ready() throws Exception {
        HttpResponse<String> stores = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/stores")).header("Authorization", AUTH)
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> cart = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/carts/readiness-probe"))
                .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stock = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/inventory/SOP-001"))
                .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
        return stores.statusCode() == 200 && JSON.readTree(stores.body()).size() > 0
                && cart.body().contains("cart_not_found") && stock.statusCode() == 200;
    }

    /**
     * Stops Karaf as Ctrl-C or a service manager would: SIGTERM to the launcher script and the JVM it
     * started (the script does not exec java, so signalling the script alone leaves the JVM running),
     * then waits until the JVM has exited and the HTTP port is closed.
     */
    private void stop() throws Exception {
        if (karaf == null) {
            return;
        }
        List<ProcessHandle> processes = Stream.concat(karaf.descendants(), Stream.of(karaf.toHandle())).toList();
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                processes.forEach(ProcessHandle::destroyForcibly);
                throw new AssertionError("Karaf did not stop within 60 s of SIGTERM (pid " + process.pid() + ")");
            }
        }
        karaf = null;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", httpPort)) {
            throw new AssertionError("port " + httpPort + " still answers after Karaf stopped");
        } catch (java.net.ConnectException closed) {
            // as it should be
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return response;
    }

    private JsonNode post(String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                .header("Content-Type", "application/json").POST(publisher).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), () -> path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private String onHand(String sku, String location) throws Exception {
        for (JsonNode level : JSON.readTree(get("/api/v1/inventory/" + sku).body()).get("locations")) {
            if (level.get("locationId").asText().equals(location)) {
                return level.get("onHand").asText();
            }
        }
        throw new AssertionError(sku + " has no stock at " + location);
    }

    /** Sets one key of a Karaf .cfg file (a properties file), keeping the others. */
    private void put(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        Properties props = new Properties();
        if (Files.exists(path)) {
            try (var in = Files.newBufferedReader(path)) {
                props.load(in);
            }
        }
        props.setProperty(key, value);
        try (var out = Files.newBufferedWriter(path)) {
            props.store(out, null);
        }
    }

    /** The pid of Karaf's JVM: the launcher script's java child (or the script itself if it exec'd java). */
    private long javaPid() {
        return karaf.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(karaf.pid());
    }

    private static long residentKb(long pid) throws IOException {
        // bin/karaf execs java, but its pid may be the shell's: take the largest RSS of it and its descendants
        return ProcessHandle.of(pid).stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> {
                    try {
                        return Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
                                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(
                                        l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
                    } catch (IOException e) {
                        return 0;
                    }
                }).max().orElse(0);
    }

    private static String createPostgresDatabase() {
        String name = "omnitill_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (Boolean.getBoolean("omnitill.it.allowSkipPostgres")) {
                System.err.println("!!! PostgreSQL is not reachable: the restart test on PostgreSQL is SKIPPED ("
                        + e.getMessage() + ")");
                Assumptions.abort("PostgreSQL is not reachable and -Domnitill.it.allowSkipPostgres=true");
            }
            throw new IllegalStateException("PostgreSQL is needed for this suite: " + e.getMessage(), e);
        }
        return name;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + " failed");
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
