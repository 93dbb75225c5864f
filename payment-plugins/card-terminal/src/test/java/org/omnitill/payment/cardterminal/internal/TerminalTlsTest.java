package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.omnitill.payment.cardterminal.internal.Fixtures.sale;
import static org.omnitill.payment.cardterminal.internal.Fixtures.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.api.payment.PaymentResult;
import org.omnitill.api.payment.TenderStatus;
import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;

/**
 * Local Terminal API over TLS as Adyen's "Protect local communications" describes: the terminal's
 * certificate must chain to the configured root, and its Common Name must be
 * {@code <POIID>.(test|live).terminal.adyen.com}; the terminal is reached by IP address. The
 * certificates are made with the JDK's keytool.
 */
class TerminalTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static Path terminalKeys;
    private static Path impostorKeys;

    @BeforeAll
    static void certificates() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool is needed to make test certificates");
        terminalKeys = keyPair(keytool, "terminal", "CN=V400m-324688179.test.terminal.adyen.com, O=Adyen Test");
        impostorKeys = keyPair(keytool, "impostor", "CN=payments.example.com");
    }

    @Test
    void aTerminalWithATrustedTerminalCertificateIsPaidOverTls() throws Exception {
        try (TerminalSimulator terminal = simulator(TerminalSimulator.DEFAULT_POI_ID, serverTls(terminalKeys))) {
            assertEquals("https", terminal.url().getScheme());
            PaymentResult result = plugin(terminal, trustStoreWith(terminalKeys)).pay(sale("pay-tls", "10.00"));
            assertEquals(TenderStatus.CAPTURED, result.status());
            assertEquals(1, terminal.charges());
        }
    }

    @Test
    void aCertificateThatDoesNotChainToTheTrustedRootIsRefusedBeforeAnythingIsSent() throws Exception {
        try (TerminalSimulator terminal = simulator(TerminalSimulator.DEFAULT_POI_ID, serverTls(terminalKeys))) {
            PaymentResult result = plugin(terminal, trustStoreWith(impostorKeys)).pay(sale("pay-untrusted", "10.00"));
            assertEquals(TenderStatus.FAILED, result.status());
            assertTrue(result.message().contains("TLS certificate was not accepted"), result.message());
            assertTrue(terminal.received().isEmpty());
        }
    }

    @Test
    void aTrustedCertificateThatDoesNotNameATerminalIsRefused() throws Exception {
        try (TerminalSimulator impostor = simulator(TerminalSimulator.DEFAULT_POI_ID, serverTls(impostorKeys))) {
            PaymentResult result = plugin(impostor, trustStoreWith(impostorKeys)).pay(sale("pay-impostor", "10.00"));
            assertEquals(TenderStatus.FAILED, result.status());
            assertTrue(impostor.received().isEmpty());
        }
    }

    private static CardTerminalPayment plugin(TerminalSimulator terminal, Path trustStore) {
        return new CardTerminalPayment(new TerminalSettings(Map.of("*", Fixtures.terminal(terminal)), "omnitill-test",
                Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10), "", trustStore.toString(),
                new String(PASSWORD)), Clock.systemUTC());
    }

    private static Path keyPair(Path keytool, String alias, String subject) throws IOException, InterruptedException {
        Path store = dir.resolve(alias + ".p12");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", subject, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).redirectOutput(dir.resolve(alias + ".log").toFile()).start();
        assumeTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed");
        return store;
    }

    private static SSLContext serverTls(Path keys) throws IOException, GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(load(keys), PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        return tls;
    }

    /** A trust store that holds only the certificate of these keys, as a root. */
    private static Path trustStoreWith(Path keys) throws IOException, GeneralSecurityException {
        KeyStore source = load(keys);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        String alias = source.aliases().nextElement();
        trust.setCertificateEntry("root", source.getCertificate(alias));
        Path file = Files.createTempFile(dir, "trust", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD);
        }
        return file;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
