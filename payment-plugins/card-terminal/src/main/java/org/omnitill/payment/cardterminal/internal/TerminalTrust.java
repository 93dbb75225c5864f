package org.omnitill.payment.cardterminal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS to a terminal on the local network, as Adyen's "Protect local communications" asks: the terminal's
 * certificate must chain to Adyen's terminal root certificate (in the configured trust store), and its
 * Common Name must be a terminal name, {@code <POIID>.(test|live).terminal.adyen.com} or
 * {@code legacy-terminal-certificate.(test|live).terminal.adyen.com}. The usual host name check is
 * replaced by that Common Name check, since a terminal is reached by its IP address, which its
 * certificate does not name.
 *
 * <p>Used only when a trust store is configured; otherwise the JVM's trust and host name checks apply
 * (right for the cloud Terminal API, whose endpoints have public certificates).
 */
final class TerminalTrust extends X509ExtendedTrustManager {

    private static final Pattern TERMINAL_NAME = Pattern.compile(
            "([a-z0-9]+-[a-z0-9]+|legacy-terminal-certificate)\\.(test|live)\\.terminal\\.adyen\\.com");

    private final X509TrustManager roots;

    private TerminalTrust(X509TrustManager roots) {
        this.roots = roots;
    }

    static SSLContext sslContext(String trustStorePath, String password) {
        try {
            KeyStore store = KeyStore.getInstance(trustStorePath.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS"
                    : "PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(trustStorePath))) {
                store.load(in, password.isEmpty() ? null : password.toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager roots = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    roots = x509;
                }
            }
            if (roots == null) {
                throw new IllegalArgumentException("trustStore " + trustStorePath + " gives no X.509 trust manager");
            }
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new TerminalTrust(roots)}, null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trustStore " + trustStorePath + " cannot be read ("
                    + e.getClass().getSimpleName() + "); it must be a PKCS12 or JKS file with Adyen's terminal root "
                    + "certificates", e);
        }
    }

    private void check(X509Certificate[] chain, String authType) throws CertificateException {
        roots.checkServerTrusted(chain, authType);
        String name = commonName(chain[0]);
        if (name == null || !TERMINAL_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            throw new CertificateException("the certificate does not name a payment terminal (CN " + name + ")");
        }
    }

    private static String commonName(X509Certificate certificate) throws CertificateException {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            throw new CertificateException("unreadable certificate subject", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the point of sale does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return roots.getAcceptedIssuers();
    }
}
