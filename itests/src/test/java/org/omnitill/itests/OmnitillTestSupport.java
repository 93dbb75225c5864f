package org.omnitill.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Base class of every Omnitill integration test: boots the project's own distribution (the tar.gz built by
 * {@code karaf-distribution}) once per suite, on the database chosen by the system property {@code omnitill.it.db}
 * ({@code h2} or {@code postgresql}), with free ports for HTTP, SSH and RMI.
 *
 * <p>Subclasses add {@code @Test} methods only. They inherit the runner ({@link OmnitillExamRunner}, which wraps
 * Pax Exam's JUnit 4 runner) and the per-suite reactor strategy, so they must not declare {@code @RunWith}
 * themselves.
 *
 * <p>Two JVMs are involved. The {@link #config()} method and everything it calls run in the test JVM (Maven's
 * failsafe fork): choosing ports, creating the PostgreSQL database, editing the distribution's configuration. The
 * test methods run inside Karaf, in the probe bundle Pax Exam builds from the test classes: there, only what the
 * configuration wrote into {@code etc/system.properties} is known (see {@link #httpBaseUrl()}), and the helpers use
 * the injected OSGi services, {@link java.net.http.HttpClient} and Jackson (the container's own 2.21 bundles).
 *
 * <p>System properties (set by the failsafe executions in the pom, or on the Maven command line):
 * <ul>
 * <li>{@code omnitill.it.db}: {@code h2} (default) or {@code postgresql}</li>
 * <li>{@code omnitill.it.distribution}: path of the distribution tar.gz (set by the pom)</li>
 * <li>{@code omnitill.it.allowSkipPostgres=true}: skip, with a loud message, instead of failing when PostgreSQL
 * does not answer on {@code 127.0.0.1:5432}</li>
 * <li>{@code omnitill.it.keepRuntime=true}: keep the unpacked Karaf under {@code target/exam-<db>/}</li>
 * <li>{@code omnitill.it.keepDatabase=true}: keep the PostgreSQL database {@code omnitill_it_...}</li>
 * <li>{@code omnitill.it.debugPort=5005}: let the Karaf JVM wait for a debugger on that port</li>
 * <li>{@code omnitill.it.pg.host}, {@code omnitill.it.pg.port}, {@code omnitill.it.pg.user}: another PostgreSQL
 * server (default {@code 127.0.0.1:5432}, user {@code postgres}, trust authentication)</li>
 * </ul>
 */
@RunWith(OmnitillExamRunner.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class OmnitillTestSupport {

    /** Every bundle of the distribution that comes from this project. */
    protected static final List<String> OMNITILL_BUNDLES = List.of(
            "org.omnitill.api",
            "org.omnitill.persistence",
            "org.omnitill.audit",
            "org.omnitill.catalog",
            "org.omnitill.inventory",
            "org.omnitill.cart",
            "org.omnitill.order",
            "org.omnitill.rest",
            "org.omnitill.demo",
            "org.omnitill.payment.cash",
            "org.omnitill.payment.giftcard",
            "org.omnitill.payment.cardterminal",
            "org.omnitill.tax.euvat",
            "org.omnitill.tax.ussalestax",
            "org.omnitill.tax.canada",
            "org.omnitill.tax.indiagst",
            "org.omnitill.device.receiptprinter",
            "org.omnitill.channel.register");

    /** Default credentials of the demo distribution (etc/users.properties). */
    protected static final String ADMIN_USER = "admin";
    protected static final String ADMIN_PASSWORD = "admin";

    protected static final String HEALTH_PATH = "/api/v1/health";
    protected static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);
    protected static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    /** System properties written into the container's etc/system.properties by {@link #config()}. */
    static final String PROP_DB = "omnitill.it.db";
    static final String PROP_HTTP_PORT = "omnitill.it.http.port";
    static final String PROP_JDBC_URL = "omnitill.it.jdbc.url";

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    /** Injected only once every boot feature is installed, so tests never see a half-booted container. */
    @Inject
    protected BootFinished bootFinished;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    // ------------------------------------------------------------------ test JVM: container configuration

    @Configuration
    public Option[] config() {
        TestEnvironment env = TestEnvironment.get();
        List<Option> options = new ArrayList<>();
        options.add(karafDistributionConfiguration()
                .frameworkUrl(env.distributionUrl())
                .name("Omnitill")
                .unpackDirectory(new File(env.targetDir(), "exam-" + env.db()))
                .useDeployFolder(false));
        options.add(configureConsole().ignoreLocalConsole().ignoreRemoteShell());
        options.add(logLevel(LogLevel.INFO));
        options.add(systemTimeout(TimeUnit.MINUTES.toMillis(3)));
        options.add(when(env.keepRuntime()).useOptions(keepRuntimeFolder()));

        // Java 9+ flags that bin/karaf passes and Pax Exam does not (it starts the JVM itself, without bin/setenv)
        options.addAll(javaModuleOptions());
        options.add(vmOption("-Xmx512m"));
        options.add(vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"));
        if (!env.debugPort().isEmpty()) {
            options.add(vmOption("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=*:" + env.debugPort()));
        }

        // free ports, so that suites can run next to each other and next to ./omnitill start
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                Integer.toString(env.httpPort())));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort",
                Integer.toString(env.sshPort())));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                Integer.toString(env.rmiRegistryPort())));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                Integer.toString(env.rmiServerPort())));

        // the Karaf under test resolves Pax Exam's own bundles from the build's local repository
        if (!env.localRepository().isEmpty()) {
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", env.localRepository()));
        }
        options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"));

        // what the test methods (inside the container) need to know
        options.add(editConfigurationFilePut("etc/system.properties", PROP_DB, env.db()));
        options.add(editConfigurationFilePut("etc/system.properties", PROP_HTTP_PORT,
                Integer.toString(env.httpPort())));
        options.add(editConfigurationFilePut("etc/system.properties", PROP_JDBC_URL, env.jdbcUrl()));

        options.addAll(extraOptions());

        if (env.isPostgres()) {
            // the distribution ships the H2 file; switch the same PID to the fresh PostgreSQL database
            String cfg = "etc/org.ops4j.datasource-omnitill.cfg";
            options.add(editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"));
            options.add(editConfigurationFilePut(cfg, "url", env.jdbcUrl()));
            options.add(editConfigurationFilePut(cfg, "user", TestEnvironment.PG_USER));
            options.add(editConfigurationFilePut(cfg, "password", ""));
        }
        return options.toArray(new Option[0]);
    }

    /** What a suite needs beyond the distribution as shipped (a feature at boot, a configuration file). */
    protected List<Option> extraOptions() {
        return List.of();
    }

    /** The features repository of this build, for suites that boot an extra feature. */
    protected static String omnitillFeaturesRepository() {
        return "mvn:org.omnitill/omnitill-features/" + System.getProperty("omnitill.it.version") + "/xml/features";
    }

    private static List<Option> javaModuleOptions() {
        String karaf = TestEnvironment.KARAF_VERSION;
        List<Option> o = new ArrayList<>();
        for (String flag : Arrays.asList(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")) {
            o.add(vmOption(flag));
        }
        return o;
    }

    // ------------------------------------------------------------------ container: environment

    /** {@code h2} or {@code postgresql}. */
    protected static String database() {
        return System.getProperty(PROP_DB, "h2");
    }

    /** The JDBC URL the datasource configuration points at. */
    protected static String jdbcUrl() {
        return System.getProperty(PROP_JDBC_URL, "");
    }

    /** {@code http://localhost:<port>} of the Karaf under test, without a trailing slash. */
    protected static String httpBaseUrl() {
        String port = System.getProperty(PROP_HTTP_PORT);
        if (port == null) {
            throw new IllegalStateException(PROP_HTTP_PORT + " is not set: this helper runs inside the container only");
        }
        return "http://localhost:" + port;
    }

    // ------------------------------------------------------------------ container: HTTP and JSON

    /** Status, body and content type of an HTTP exchange. */
    public record Response(int status, String body, String contentType) {

        /** The body parsed as JSON. */
        public JsonNode json() {
            return OmnitillTestSupport.json(body);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }

    /** GET as {@code admin}. */
    protected Response get(String path) {
        return http("GET", path, null, ADMIN_USER, ADMIN_PASSWORD);
    }

    /** POST of a JSON body (a String is sent as is, anything else is serialised with Jackson) as {@code admin}. */
    protected Response post(String path, Object jsonBody) {
        return http("POST", path, jsonBody, ADMIN_USER, ADMIN_PASSWORD);
    }

    protected Response patch(String path, Object jsonBody) {
        return http("PATCH", path, jsonBody, ADMIN_USER, ADMIN_PASSWORD);
    }

    protected Response delete(String path) {
        return http("DELETE", path, null, ADMIN_USER, ADMIN_PASSWORD);
    }

    /**
     * One HTTP exchange with the Karaf under test.
     *
     * @param path     absolute path ({@code /api/v1/...}) or a full URL
     * @param jsonBody null for no body; a String is sent as is, anything else is serialised with Jackson
     * @param user     null for no {@code Authorization} header
     * @param headers  extra headers as name, value, name, value, ...
     */
    protected Response http(String method, String path, Object jsonBody, String user, String password,
                            String... headers) {
        URI uri = URI.create(path.startsWith("http") ? path : httpBaseUrl() + path);
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(
                        jsonBody instanceof String s ? s : toJson(jsonBody), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/plain;q=0.9, */*;q=0.1")
                .method(method, body);
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String token = Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + uri + " interrupted", e);
        }
    }

    /** Asserts the status and returns the response, with the body in the failure message. */
    protected static Response assertStatus(int expected, Response response) {
        assertEquals("unexpected status, body: " + response.body(), expected, response.status());
        return response;
    }

    protected static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    protected static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError("cannot serialise " + value, e);
        }
    }

    /**
     * Waits until {@code GET /api/v1/health} answers 200 and the cart resource is published (at most
     * {@link #HEALTH_TIMEOUT}): the whiteboard answers 404 for a moment after start, and the REST application
     * appears only once all its extensions are there.
     *
     * @return the last (200) response
     */
    protected Response waitForHealth() {
        return waitForHealth(HEALTH_TIMEOUT);
    }

    protected Response waitForHealth(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = null;
        String lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = http("GET", HEALTH_PATH, null, null, null);
                // health is one resource of the application; the others are added to it one by one, so also
                // wait for the cart resource to answer in its own words (not the whiteboard's "No service")
                if (last.status() == 200 && http("GET", "/api/v1/carts/readiness-probe", null, ADMIN_USER,
                        ADMIN_PASSWORD).body().contains("cart_not_found")) {
                    return last;
                }
            } catch (AssertionError e) {
                lastError = e.getMessage();
            }
            sleep(250);
        }
        throw new AssertionError("GET " + HEALTH_PATH + " did not answer 200 within " + timeout.toSeconds()
                + " s; last answer: " + (last != null ? last : lastError)
                + "\nbundles not active: " + bundlesNotActive());
    }

    // ------------------------------------------------------------------ container: OSGi and the Karaf shell

    /** The installed bundle with this symbolic name, or null. */
    protected Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** Symbolic names and states of the bundles that are neither ACTIVE nor fragments. */
    protected String bundlesNotActive() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null)
                .map(b -> b.getSymbolicName() + "=" + stateName(b.getState()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    protected static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> Integer.toString(state);
        };
    }

    /**
     * Runs a Karaf shell command (as in {@code ./omnitill client}) and returns what it printed. Fails the test
     * when the command throws or does not finish within {@link #COMMAND_TIMEOUT}.
     */
    protected String executeCommand(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Session session = sessionFactory.create(System.in, out, out)) {
            Future<Object> result = executor.submit(() -> session.execute(command));
            result.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            throw new AssertionError("'" + command + "' did not finish within " + COMMAND_TIMEOUT.toSeconds()
                    + " s; output so far:\n" + bytes.toString(StandardCharsets.UTF_8), e);
        } catch (Exception e) {
            throw new AssertionError("'" + command + "' failed: " + e.getMessage()
                    + "\noutput:\n" + bytes.toString(StandardCharsets.UTF_8), e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** {@code feature:install}, through the FeaturesService (synchronous: returns when the bundles are started). */
    protected void installFeature(String name) {
        try {
            featuresService.installFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
        } catch (Exception e) {
            throw new AssertionError("feature:install " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code feature:uninstall}; the feature must be installed as a requirement of its own. */
    protected void uninstallFeature(String name) {
        try {
            featuresService.uninstallFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
        } catch (Exception e) {
            throw new AssertionError("feature:uninstall " + name + " failed: " + e.getMessage(), e);
        }
    }

    protected boolean isFeatureInstalled(String name) {
        try {
            return featuresService.isInstalled(featuresService.getFeature(name));
        } catch (Exception e) {
            throw new AssertionError("cannot look up feature " + name, e);
        }
    }

    /** Polls the condition every 100 ms until it holds or the timeout passes; fails with the message then. */
    protected static void await(String message, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message + " (waited " + timeout.toSeconds() + " s)");
            }
            sleep(100);
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ test JVM: environment and database

    /**
     * Everything decided once per test JVM (ports, database). Only the test JVM uses it: {@link #config()} may be
     * called once per test class, and every call must describe the same container.
     */
    static final class TestEnvironment {
        static final String KARAF_VERSION = "4.4.10";
        static final String PG_HOST = System.getProperty("omnitill.it.pg.host", "127.0.0.1");
        static final int PG_PORT = Integer.getInteger("omnitill.it.pg.port", 5432);
        static final String PG_USER = System.getProperty("omnitill.it.pg.user", "postgres");
        static final String PG_ADMIN_URL = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";

        private static final String DB_PREFIX = "omnitill_it_";
        private static final DateTimeFormatter DB_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        private static final int DB_STAMP_LENGTH = 14;

        private static TestEnvironment instance;

        /** The PostgreSQL database this JVM created and still has to drop, or null. */
        private String createdDatabase;

        private final String db;
        private final String targetDir;
        private final String distribution;
        private final String localRepository;
        private final boolean keepRuntime;
        private final String debugPort;
        private final int httpPort;
        private final int sshPort;
        private final int rmiRegistryPort;
        private final int rmiServerPort;
        private final String jdbcUrl;
        /** Why the suite is skipped (PostgreSQL unreachable and skipping allowed), or null. */
        private final String skipReason;

        /** The environment if this JVM created one (the test JVM), else null. */
        static synchronized TestEnvironment peek() {
            return instance;
        }

        static synchronized TestEnvironment get() {
            if (instance == null) {
                instance = new TestEnvironment();
            }
            return instance;
        }

        private TestEnvironment() {
            db = System.getProperty(PROP_DB, "h2").trim().toLowerCase(Locale.ROOT);
            if (!db.equals("h2") && !db.equals("postgresql")) {
                throw new IllegalStateException(PROP_DB + " must be h2 or postgresql, not '" + db + "'");
            }
            targetDir = System.getProperty("omnitill.it.targetDir", "target");
            distribution = System.getProperty("omnitill.it.distribution", "");
            localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
            keepRuntime = Boolean.getBoolean("omnitill.it.keepRuntime");
            debugPort = System.getProperty("omnitill.it.debugPort", "").trim();

            int[] ports = freePorts(4);
            httpPort = ports[0];
            sshPort = ports[1];
            rmiRegistryPort = ports[2];
            rmiServerPort = ports[3];

            if (db.equals("postgresql")) {
                String reason = postgresUnreachable();
                if (reason != null) {
                    String banner = "\n" + "!".repeat(100)
                            + "\n!!! PostgreSQL is not reachable at " + PG_HOST + ":" + PG_PORT + " (" + reason + ")"
                            + "\n!!! The integration suite on PostgreSQL is SKIPPED (-Domnitill.it.allowSkipPostgres=true)."
                            + "\n" + "!".repeat(100) + "\n";
                    if (!Boolean.getBoolean("omnitill.it.allowSkipPostgres")) {
                        throw new IllegalStateException("PostgreSQL is not reachable at " + PG_HOST + ":" + PG_PORT
                                + " as user " + PG_USER + " (" + reason + "). The integration suite on PostgreSQL"
                                + " needs it. Start PostgreSQL, or run with -Domnitill.it.allowSkipPostgres=true to"
                                + " skip this suite on purpose.");
                    }
                    System.err.println(banner);
                    skipReason = "PostgreSQL is not reachable (" + reason + ")";
                    jdbcUrl = "";
                } else {
                    skipReason = null;
                    jdbcUrl = createPostgresDatabase();
                }
            } else {
                skipReason = null;
                jdbcUrl = "jdbc:h2:file:${karaf.data}/omnitill/omnitill";
            }
        }

        String db() { return db; }
        boolean isPostgres() { return db.equals("postgresql"); }
        String targetDir() { return targetDir; }
        String localRepository() { return localRepository; }
        boolean keepRuntime() { return keepRuntime; }
        String debugPort() { return debugPort; }
        int httpPort() { return httpPort; }
        int sshPort() { return sshPort; }
        int rmiRegistryPort() { return rmiRegistryPort; }
        int rmiServerPort() { return rmiServerPort; }
        String jdbcUrl() { return jdbcUrl; }
        String skipReason() { return skipReason; }

        String distributionUrl() {
            File file = new File(distribution);
            if (distribution.isEmpty() || !file.isFile()) {
                throw new IllegalStateException("The distribution tar.gz was not found ('" + distribution
                        + "'); build it first (mvn install -DskipTests at the root) and run the tests through Maven,"
                        + " which sets omnitill.it.distribution.");
            }
            return file.toURI().toString();
        }

        private static int[] freePorts(int count) {
            // keep all sockets open until every port is chosen, so that the ports differ
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                int[] ports = new int[count];
                for (int i = 0; i < count; i++) {
                    ServerSocket socket = new ServerSocket(0);
                    socket.setReuseAddress(true);
                    sockets.add(socket);
                    ports[i] = socket.getLocalPort();
                }
                return ports;
            } catch (IOException e) {
                throw new IllegalStateException("cannot find free ports", e);
            } finally {
                for (ServerSocket s : sockets) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // nothing to do
                    }
                }
            }
        }

        private static String postgresUnreachable() {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL + "?connectTimeout=5", PG_USER, "")) {
                return null;
            } catch (SQLException e) {
                return e.getMessage();
            }
        }

        /**
         * Creates {@code omnitill_it_<yyyyMMddHHmmss>_<random>}. It is dropped when the test plan ends
         * ({@link OmnitillSuiteListener}), with a shutdown hook as a second chance, unless
         * {@code -Domnitill.it.keepDatabase=true}. Databases left behind by killed runs are swept here, once they are
         * a day old and nobody is connected to them.
         */
        private String createPostgresDatabase() {
            String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DB_STAMP);
            String name = DB_PREFIX + stamp + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
                 Statement s = c.createStatement()) {
                sweepStaleDatabases(s);
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
            }
            System.out.println("[omnitill-itests] PostgreSQL test database: " + name);
            if (!Boolean.getBoolean("omnitill.it.keepDatabase")) {
                createdDatabase = name;
                Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreatedDatabase, "drop-" + name));
            }
            return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name;
        }

        /** Drops the database this JVM created, once; safe to call from several places. */
        synchronized void dropCreatedDatabase() {
            if (createdDatabase != null) {
                dropPostgresDatabase(createdDatabase);
                createdDatabase = null;
            }
        }

        /** Drops databases of this suite older than a day that nobody uses (a plain DROP fails while in use). */
        private static void sweepStaleDatabases(Statement s) throws SQLException {
            String cutoff = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).format(DB_STAMP);
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                    + DB_PREFIX + "%'")) {
                while (rs.next()) {
                    String db = rs.getString(1);
                    String rest = db.substring(DB_PREFIX.length());
                    int cut = rest.indexOf('_');
                    if (cut == DB_STAMP_LENGTH && rest.substring(0, cut).compareTo(cutoff) < 0) {
                        stale.add(db);
                    }
                }
            }
            for (String db : stale) {
                try {
                    s.execute("DROP DATABASE IF EXISTS " + db);
                    System.out.println("[omnitill-itests] dropped stale test database " + db);
                } catch (SQLException inUse) {
                    // someone is connected: leave it
                }
            }
        }

        private static void dropPostgresDatabase(String name) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
                 Statement s = c.createStatement()) {
                // FORCE (PostgreSQL 13+): the container may still hold pooled connections
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("[omnitill-itests] could not drop the test database " + name + ": "
                        + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "db=" + db + ", http=" + httpPort + ", ssh=" + sshPort + ", jdbc=" + Objects.toString(jdbcUrl);
        }
    }
}
