package org.omnitill.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checkout load driver against the real distribution: unpack the tar.gz, start {@code bin/karaf server} on free
 * loopback ports (H2 or a fresh PostgreSQL database), time the start-up, top the benchmark store's stock up with
 * JDBC while Karaf is stopped, start again and run full checkouts over REST at each concurrency level. For
 * PostgreSQL it then runs pgbench with a checkout-shaped script on scratch tables in the same database.
 *
 * <p>Everything targets 127.0.0.1 and every phase is bounded in time and count. System properties:
 * {@code bench.db} (h2 | postgresql), {@code bench.levels} (1,8,32), {@code bench.warmupSeconds} (5),
 * {@code bench.seconds} (20), {@code bench.maxCheckouts} (20000 per level), {@code bench.pgbench} (true),
 * {@code bench.pgbenchSeconds} (15), {@code bench.distribution} (the tar.gz), {@code bench.keep} (false: delete
 * the unpacked copy at the end), {@code bench.jfr} (false: record the server with JFR during the last level), {@code bench.poolSize}
 * (unset: the distribution's datasource pool.maximumPoolSize, which is 16).
 */
public final class CheckoutLoadDriver {

    /** Where runs and results go: the module's target/ (set by the pom), whichever folder mvn ran in. */
    private static final Path TARGET = Path.of(System.getProperty("bench.targetDir", "target")).toAbsolutePath();


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic "
            + Base64.getEncoder().encodeToString("cashier:cashier".getBytes(StandardCharsets.UTF_8));
    private static final String STORE = "hamburg-altona";
    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final long CLK_TCK = 100; // getconf CLK_TCK on Linux x86_64
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);

    private final String db = System.getProperty("bench.db", "h2");
    private final int[] levels = Stream.of(System.getProperty("bench.levels", "1,8,32").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 5);
    private final int measureSeconds = Integer.getInteger("bench.seconds", 20);
    private final long maxCheckouts = Long.getLong("bench.maxCheckouts", 20000);
    private final boolean runPgbench = Boolean.parseBoolean(System.getProperty("bench.pgbench", "true"));
    private final int pgbenchSeconds = Integer.getInteger("bench.pgbenchSeconds", 15);
    private final boolean jfr = Boolean.getBoolean("bench.jfr");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder report = new StringBuilder();

    private Path base;
    private Path home;
    private int httpPort;
    private Process karaf;
    private String pgDatabase;
    private List<String> barcodes;

    public static void main(String[] args) throws Exception {
        CheckoutLoadDriver driver = new CheckoutLoadDriver();
        try {
            driver.run();
        } finally {
            driver.cleanUp();
        }
    }

    private void run() throws Exception {
        if (!db.equals("h2") && !db.equals("postgresql")) {
            throw new IllegalArgumentException("bench.db must be h2 or postgresql, not " + db);
        }
        line("# Omnitill checkout benchmark, %s, %s", db, Instant.now());
        line("machine: %d cpus, load average before: %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        unpack();

        // 1. start-up, on an empty database (the demo data is loaded on this first start)
        long t0 = System.nanoTime();
        start();
        double firstHealthy = healthySeconds;
        double ready = (System.nanoTime() - t0) / 1e9;
        line("start-up (empty database, demo data loaded): first 200 from /api/v1/health %.1f s, resources up"
                + " (cart 404 cart_not_found) %.1f s", firstHealthy, ready);
        barcodes = loadBarcodes();
        stop();

        // 2. stock top-up while Karaf is stopped
        int rows = topUpStock();
        line("stock top-up: %d OT_STOCK rows of %s set to on_hand = 1000000", rows, STORE);

        // 3. start again (the start-up an operator sees day to day), idle memory
        t0 = System.nanoTime();
        start();
        line("start-up (existing database): first 200 from /api/v1/health %.1f s, resources up %.1f s",
                healthySeconds, (System.nanoTime() - t0) / 1e9);
        long javaPid = javaPid();
        Thread.sleep(2000);
        line("idle: heap used %s MB (of %s MB committed), RSS %d MB (java pid %d)", heapUsedMb(javaPid)[0],
                heapUsedMb(javaPid)[1], rssKb(javaPid) / 1024, javaPid);

        // 4. the levels
        line("");
        line("checkouts: each = POST cart, 3x POST line (barcode, qty 1, random among %d articles sold by the"
                + " piece), POST cash payment of the due, POST checkout; user cashier; store %s", barcodes.size(), STORE);
        line("warm-up %d s, then measured %d s or %d checkouts, whichever first", warmupSeconds, measureSeconds,
                maxCheckouts);
        line("");
        line("| concurrency | checkouts | checkouts/s | checkout p50 / p99 / max ms | add-line p50 / p99 / max ms"
                + " | errors | heap used MB | RSS MB | server CPU ms/checkout | postgres CPU ms/checkout"
                + " | driver CPU ms/checkout |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int level : levels) {
            phase(level, warmupSeconds, Long.MAX_VALUE, null);
            Phase p = new Phase();
            long serverCpu0 = cpuTicks(javaPid);
            long pgCpu0 = db.equals("postgresql") ? postgresCpuTicks() : 0;
            long driverCpu0 = cpuTicks(ProcessHandle.current().pid());
            if (jfr && level == levels[levels.length - 1]) {
                Path recording = base.resolve("server-c" + level + ".jfr");
                jcmd(javaPid, "JFR.start", "name=bench", "settings=profile", "duration=" + measureSeconds + "s",
                        "filename=" + recording);
                line("(JFR recording of the server during this phase: %s)", recording);
            }
            phase(level, measureSeconds, maxCheckouts, p);
            long serverCpu = cpuTicks(javaPid) - serverCpu0;
            long pgCpu = db.equals("postgresql") ? postgresCpuTicks() - pgCpu0 : 0;
            long driverCpu = cpuTicks(ProcessHandle.current().pid()) - driverCpu0;
            long n = p.checkout.getTotalCount();
            double msPerTick = 1000.0 / CLK_TCK;
            long[] heap = heapUsedMb(javaPid);
            line("| %d | %d | %.1f | %s | %s | %d | %d | %d | %s | %s | %s |", level, n, n / p.seconds, pct(p.checkout),
                    pct(p.addLine), p.errors.get(), heap[0], rssKb(javaPid) / 1024,
                    n == 0 ? "-" : String.format("%.2f", serverCpu * msPerTick / n),
                    db.equals("postgresql") && n > 0 ? String.format("%.2f", pgCpu * msPerTick / n) : "-",
                    n == 0 ? "-" : String.format("%.2f", driverCpu * msPerTick / n));
            if (p.firstError != null) {
                line("  first error at %d: %s", level, p.firstError);
            }
        }
        line("");
        line("load average after the load: %s", loadAverage());
        stop();

        // 5. the database's own limit
        if (db.equals("postgresql") && runPgbench) {
            pgbench(levels[levels.length - 1]);
        }
    }

    // ---------------------------------------------------------------- the load

    private static final class Phase {
        final Histogram checkout = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        final Histogram addLine = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        final AtomicLong errors = new AtomicLong();
        volatile String firstError;
        double seconds;
    }

    /** Runs {@code threads} closed-loop workers for up to {@code seconds} or {@code max} finished checkouts. */
    private void phase(int threads, int seconds, long max, Phase into) throws InterruptedException {
        Phase p = into != null ? into : new Phase();
        AtomicLong started = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline && started.incrementAndGet() <= max) {
                    checkout(p);
                }
            }, "checkout-" + i);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(seconds + 150));
        }
        p.seconds = (System.nanoTime() - start) / 1e9;
    }

    private void checkout(Phase p) {
        long t0 = System.nanoTime();
        try {
            String cartId = post(p, "/api/v1/carts", Map.of("store", STORE, "channel", "register")).get("id").asText();
            JsonNode cart = null;
            List<String> picked = pick3();
            for (String barcode : picked) {
                long l0 = System.nanoTime();
                cart = post(p, "/api/v1/carts/" + cartId + "/lines", Map.of("barcode", barcode, "quantity", 1));
                p.addLine.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - l0) / 1000));
            }
            post(p, "/api/v1/carts/" + cartId + "/payments", Map.of("method", "cash", "amount", cart.get("due")));
            post(p, "/api/v1/carts/" + cartId + "/checkout", null);
            p.checkout.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - t0) / 1000));
        } catch (RequestFailed failed) {
            // counted in post(); the iteration is abandoned
        } catch (Exception e) {
            p.errors.incrementAndGet();
            if (p.firstError == null) {
                p.firstError = e.toString();
            }
        }
    }

    private List<String> pick3() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<String> picked = new ArrayList<>(3);
        while (picked.size() < 3) {
            String b = barcodes.get(r.nextInt(barcodes.size()));
            if (!picked.contains(b)) {
                picked.add(b);
            }
        }
        return picked;
    }

    private static final class RequestFailed extends Exception {
        RequestFailed() {
            super(null, null, false, false);
        }
    }

    private JsonNode post(Phase p, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                    .header("Content-Type", "application/json").POST(publisher).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            p.errors.incrementAndGet();
            if (p.firstError == null) {
                p.firstError = "POST " + path + ": " + e;
            }
            throw new RequestFailed();
        }
        if (response.statusCode() / 100 != 2) {
            p.errors.incrementAndGet();
            if (p.firstError == null) {
                p.firstError = "POST " + path + " -> " + response.statusCode() + " " + response.body();
            }
            throw new RequestFailed();
        }
        return JSON.readTree(response.body());
    }

    private static String pct(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        return String.format("%.1f / %.1f / %.1f", h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private List<String> loadBarcodes() throws Exception {
        JsonNode products = JSON.readTree(get("/api/v1/products?limit=200").body());
        List<String> result = new ArrayList<>();
        for (JsonNode item : products.get("items")) {
            if (!"EACH".equals(item.path("unit").asText())) {
                continue;
            }
            // the brief's route: the barcode as GET /api/v1/products/{sku} answers it
            JsonNode product = JSON.readTree(get("/api/v1/products/" + item.get("sku").asText()).body());
            if (product.get("barcodes").size() > 0) {
                result.add(product.get("barcodes").get(0).asText());
            }
        }
        if (result.size() < 3) {
            throw new IllegalStateException("fewer than 3 articles sold by the piece: " + products);
        }
        return result;
    }

    // ---------------------------------------------------------------- Karaf

    private double healthySeconds;

    private void unpack() throws Exception {
        Path distribution = Path.of(System.getProperty("bench.distribution",
                "../karaf-distribution/target/omnitill-distribution-0.1.0-SNAPSHOT.tar.gz")).toAbsolutePath();
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("distribution not found: " + distribution
                    + " (build it: mvn -q -B -ntp install -DskipTests at the root)");
        }
        base = TARGET.resolve("run-" + db);
        deleteTree(base);
        Files.createDirectories(base);
        exec(base, "tar", "xzf", distribution.toString(), "-C", base.toString());
        try (Stream<Path> entries = Files.list(base)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int[] ports = freePorts(4);
        httpPort = ports[0];
        put("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort));
        put("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ports[1]));
        put("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
        put("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(ports[2]));
        put("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(ports[3]));
        put("etc/org.apache.karaf.management.cfg", "rmiRegistryHost", "127.0.0.1");
        put("etc/org.apache.karaf.management.cfg", "rmiServerHost", "127.0.0.1");
        if (db.equals("postgresql")) {
            pgDatabase = "omnitill_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + pgDatabase);
            }
            String cfg = "etc/org.ops4j.datasource-omnitill.cfg";
            put(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver");
            put(cfg, "url", "jdbc:postgresql://127.0.0.1:5432/" + pgDatabase);
            put(cfg, "user", "postgres");
            put(cfg, "password", "");
            line("database: PostgreSQL, fresh database %s", pgDatabase);
        } else {
            line("database: embedded H2 (the default datasource)");
        }
        String poolSize = System.getProperty("bench.poolSize");
        if (poolSize != null) {
            put("etc/org.ops4j.datasource-omnitill.cfg", "pool.maximumPoolSize", poolSize);
            line("datasource pool.maximumPoolSize set to %s (the distribution ships 16)", poolSize);
        }
        line("distribution: %s unpacked to %s, HTTP on 127.0.0.1:%d", distribution.getFileName(), home, httpPort);
    }

    private void start() throws Exception {
        long t0 = System.nanoTime();
        karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log")
                        .toFile())).start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        healthySeconds = -1;
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited; see " + home.resolve("console.log"));
            }
            try {
                if (healthySeconds < 0) {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/api/v1/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        healthySeconds = (System.nanoTime() - t0) / 1e9;
                    }
                }
                if (healthySeconds >= 0) {
                    HttpResponse<String> cart = http.send(HttpRequest.newBuilder(uri("/api/v1/carts/x"))
                            .header("Authorization", AUTH).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> stores = http.send(HttpRequest.newBuilder(uri("/api/v1/stores"))
                            .header("Authorization", AUTH).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (cart.statusCode() == 404 && cart.body().contains("cart_not_found")
                            && stores.statusCode() == 200 && stores.body().contains(STORE)) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Karaf not ready within 180 s; see " + home.resolve("data/log/karaf.log"));
    }

    private void stop() throws InterruptedException {
        if (karaf != null) {
            List<ProcessHandle> all = Stream.concat(Stream.of(karaf.toHandle()), karaf.descendants()).toList();
            karaf.destroy(); // SIGTERM: Karaf stops its bundles and closes the database
            if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
                karaf.destroyForcibly().waitFor();
            }
            for (ProcessHandle h : all) {
                if (h.isAlive()) {
                    h.destroy();
                    h.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
                        h.destroyForcibly();
                        return h;
                    }).join();
                }
            }
        }
        karaf = null;
    }

    /** bin/karaf execs java, but in case a shell stays in between: the java process among it and its descendants. */
    private long javaPid() {
        return Stream.concat(Stream.of(karaf.toHandle()), karaf.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(karaf.pid());
    }

    // ---------------------------------------------------------------- measurements

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** utime + stime in clock ticks, from /proc/pid/stat (fields 14 and 15; the name may hold spaces). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU of every process named postgres on this machine, including reaped children (the server is shared: work
     * for other databases counts too).
     */
    private static long postgresCpuTicks() {
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.equals("postgres")) {
                        // utime + stime + cutime + cstime: the postmaster reaps exited backends (pool churn), so
                        // their CPU moves into its cutime/cstime instead of vanishing from the sum
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    private static String jcmd(long pid, String... command) {
        List<String> cmd = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    /** {used, committed} heap in MB from jcmd GC.heap_info. */
    private static long[] heapUsedMb(long pid) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = HEAP_USED.matcher(out);
            if (m.find()) {
                return new long[] {Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024};
            }
        } catch (IOException | InterruptedException e) {
            // fall through
        }
        return new long[] {-1, -1};
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------- database

    private int topUpStock() throws SQLException {
        String url = db.equals("postgresql") ? "jdbc:postgresql://127.0.0.1:5432/" + pgDatabase
                : "jdbc:h2:file:" + home.resolve("data/omnitill/omnitill");
        String user = db.equals("postgresql") ? "postgres" : "sa";
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE OT_STOCK SET on_hand = 1000000 WHERE location_id = '" + STORE + "'");
        }
    }

    private static final String PGBENCH_SCHEMA = """
            DROP TABLE IF EXISTS bench_payment, bench_order_line, bench_order, bench_stock;
            CREATE TABLE bench_stock (location_id varchar(64) NOT NULL, sku varchar(64) NOT NULL,
                on_hand numeric(19,3) NOT NULL, PRIMARY KEY (location_id, sku));
            INSERT INTO bench_stock SELECT 'hamburg-altona', 'SKU-' || g, 100000000 FROM generate_series(1, 50) g;
            CREATE TABLE bench_order (id bigserial PRIMARY KEY, store varchar(64) NOT NULL, total numeric(19,2) NOT NULL,
                created_at timestamptz NOT NULL);
            CREATE TABLE bench_order_line (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES bench_order,
                sku varchar(64) NOT NULL, quantity numeric(19,3) NOT NULL, amount numeric(19,2) NOT NULL);
            CREATE TABLE bench_payment (id bigserial PRIMARY KEY, order_id bigint NOT NULL REFERENCES bench_order,
                method varchar(32) NOT NULL, amount numeric(19,2) NOT NULL);
            """;

    private static final String PGBENCH_SCRIPT = """
            \\set sku random(1, 50)
            \\set sku2 random(1, 50)
            BEGIN;
            UPDATE bench_stock SET on_hand = on_hand - 1 WHERE location_id = 'hamburg-altona' AND sku = 'SKU-' || :sku AND on_hand >= 1;
            INSERT INTO bench_order (store, total, created_at) VALUES ('hamburg-altona', 12.34, now()) RETURNING id AS order_id \\gset
            INSERT INTO bench_order_line (order_id, sku, quantity, amount) VALUES (:order_id, 'SKU-' || :sku, 1, 6.17);
            INSERT INTO bench_order_line (order_id, sku, quantity, amount) VALUES (:order_id, 'SKU-' || :sku2, 1, 6.17);
            INSERT INTO bench_payment (order_id, method, amount) VALUES (:order_id, 'cash', 12.34);
            END;
            """;

    private void pgbench(int clients) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + pgDatabase, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(PGBENCH_SCHEMA);
        }
        Path script = base.resolve("checkout.pgbench.sql");
        Files.writeString(script, PGBENCH_SCRIPT);
        List<String> cmd = List.of("pgbench", "-n", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres",
                "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(pgbenchSeconds),
                "-f", script.toString(), pgDatabase);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(pgbenchSeconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Files.writeString(base.resolve("pgbench.out"), out);
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(out);
        line("");
        line("pgbench (%s), checkout-shaped script on scratch tables in %s (1 conditional stock decrement,"
                + " 1 order, 2 order lines, 1 payment per transaction):", String.join(" ", cmd.subList(0, 12)) + " ...",
                pgDatabase);
        if (m.find()) {
            double tps = Double.parseDouble(m.group(1));
            line("  TPS %.0f (failed transactions: %s); target for the application = 25%% = %.0f checkouts/s", tps,
                    failed.find() ? failed.group(1) : "?", tps * 0.25);
        } else {
            line("  pgbench gave no TPS figure; output:%n%s", out);
        }
        line("load average after pgbench: %s", loadAverage());
    }

    // ---------------------------------------------------------------- plumbing

    private void cleanUp() {
        try {
            stop();
        } catch (Exception e) {
            System.err.println("stopping Karaf: " + e);
        }
        if (pgDatabase != null) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
                line("dropped database %s", pgDatabase);
            } catch (SQLException e) {
                System.err.println("could not drop database " + pgDatabase + ": " + e);
            }
        }
        try {
            if (base != null) {
                Files.createDirectories(TARGET);
                Path out = TARGET.resolve("results-" + db + ".md");
                Files.writeString(out, report);
                System.out.println("(written to " + out.toAbsolutePath() + ")");
                if (!Boolean.getBoolean("bench.keep") && home != null) {
                    // keep the logs, drop the rest of the unpacked copy
                    Path logs = base.resolve("logs");
                    Files.createDirectories(logs);
                    for (String f : List.of("console.log", "data/log/karaf.log")) {
                        Path src = home.resolve(f);
                        if (Files.exists(src)) {
                            Files.copy(src, logs.resolve(src.getFileName()),
                                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    deleteTree(home);
                }
            }
        } catch (IOException e) {
            System.err.println("writing results: " + e);
        }
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        report.append(s).append('\n');
        PrintStream out = System.out;
        out.println(s);
        out.flush();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

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

    private static void exec(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
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
