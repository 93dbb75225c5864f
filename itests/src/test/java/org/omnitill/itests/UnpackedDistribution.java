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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution as an operator runs it, outside any test container: the tar.gz unpacked into
 * {@code target/<name>-<db>}, given free ports (and a fresh PostgreSQL database when the suite runs on
 * PostgreSQL), and started with {@code bin/karaf server} as {@code ./omnitill start} does.
 */
final class UnpackedDistribution implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path home;
    private final int httpPort;
    private Process karaf;
    private String postgresDatabase;

    private UnpackedDistribution(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    static String db() {
        return System.getProperty("omnitill.it.db", "h2");
    }

    /** Unpacks a fresh copy into {@code target/<name>-<db>}, replacing any earlier one. */
    static UnpackedDistribution unpack(String name) throws Exception {
        String distribution = System.getProperty("omnitill.it.distribution", "");
        assertTrue(Files.isRegularFile(Path.of(distribution)), "distribution tar.gz not found: '" + distribution + "'");
        Path base = Path.of(System.getProperty("omnitill.it.targetDir", "target"), name + "-" + db());
        deleteTree(base);
        Files.createDirectories(base);
        run(base, "tar", "xzf", distribution, "-C", base.toString());
        Path home;
        try (Stream<Path> entries = Files.list(base)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int[] ports = freePorts(4);
        UnpackedDistribution unpacked = new UnpackedDistribution(home, ports[0]);
        unpacked.put("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(ports[0]));
        unpacked.put("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ports[1]));
        unpacked.put("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(ports[2]));
        unpacked.put("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(ports[3]));
        if (db().equals("postgresql")) {
            unpacked.postgresDatabase = createPostgresDatabase(name);
            String cfg = "etc/org.ops4j.datasource-omnitill.cfg";
            unpacked.put(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver");
            unpacked.put(cfg, "url", "jdbc:postgresql://127.0.0.1:5432/" + unpacked.postgresDatabase);
            unpacked.put(cfg, "user", "postgres");
            unpacked.put(cfg, "password", "");
        }
        return unpacked;
    }

    Path home() {
        return home;
    }

    int httpPort() {
        return httpPort;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Starts Karaf and waits until the REST resources answer and the demo data is there. */
    void start() throws Exception {
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
        HttpResponse<String> stores = probe("/api/v1/stores");
        HttpResponse<String> cart = probe("/api/v1/carts/readiness-probe");
        HttpResponse<String> stock = probe("/api/v1/inventory/SOP-001");
        return stores.statusCode() == 200 && JSON.readTree(stores.body()).size() > 0
                && cart.body().contains("cart_not_found") && stock.statusCode() == 200;
    }

    private HttpResponse<String> probe(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("cashier")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Stops Karaf as Ctrl-C or a service manager would: SIGTERM to the launcher script and the JVM it
     * started (the script does not exec java, so signalling the script alone leaves the JVM running),
     * then waits until the JVM has exited and the HTTP port is closed.
     */
    void stop() throws Exception {
        if (karaf == null) {
            return;
        }
        List<ProcessHandle> processes = Stream.concat(karaf.descendants(), Stream.of(karaf.toHandle())).toList();
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
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

    /** Stops Karaf and drops the PostgreSQL database this copy used. */
    @Override
    public void close() throws Exception {
        stop();
        if (postgresDatabase != null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            }
            postgresDatabase = null;
        }
    }

    /** The pid of Karaf's JVM: the launcher script's java child (or the script itself if it exec'd java). */
    long javaPid() {
        return karaf.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(karaf.pid());
    }

    /** Resident memory of Karaf's JVM, the largest RSS of it and its descendants. */
    long residentKb() {
        return ProcessHandle.of(javaPid()).stream()
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

    /** A REST call as the given user (HTTP Basic), answering the body; fails unless the status is expected. */
    JsonNode call(String method, String path, Object body, String user, int expectedStatus) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, publisher).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), () -> method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** A plain-text GET (a receipt) as the given user; fails unless 200. */
    String text(String path, String user) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> "GET " + path + ": " + response.body());
        return response.body();
    }

    /** The demo users' password is their name. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Sets one key of a Karaf .cfg file (a properties file), keeping the others. */
    void put(String file, String key, String value) throws IOException {
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

    private static String createPostgresDatabase(String name) {
        String database = "omnitill_" + name.replace('-', '_') + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            if (Boolean.getBoolean("omnitill.it.allowSkipPostgres")) {
                System.err.println("!!! PostgreSQL is not reachable: the " + name + " test on PostgreSQL is SKIPPED ("
                        + e.getMessage() + ")");
                Assumptions.abort("PostgreSQL is not reachable and -Domnitill.it.allowSkipPostgres=true");
            }
            throw new IllegalStateException("PostgreSQL is needed for this suite: " + e.getMessage(), e);
        }
        return database;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + " failed");
    }

    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
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
