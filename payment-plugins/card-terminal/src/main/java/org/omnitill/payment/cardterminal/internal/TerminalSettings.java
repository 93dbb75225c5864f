package org.omnitill.payment.cardterminal.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin's configuration, checked and immutable. Its {@link #toString()} never shows the API key
 * nor the trust store password.
 *
 * @param terminals register id to terminal; {@code *} is the terminal of every other register
 * @param saleId our {@code SaleID} in every MessageHeader
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param readTimeout how long to wait for the answer to a payment or a reversal: long enough for the
 *        customer to tap, insert or swipe the card and enter a PIN
 * @param statusTimeout how long to wait for the answer to a status or abort request (no customer involved)
 * @param apiKey sent as {@code x-api-key} (cloud Terminal API), or empty
 * @param trustStore a PKCS12 or JKS file with Adyen's terminal root certificates, or empty for the JVM's trust
 * @param trustStorePassword its password, or empty
 */
record TerminalSettings(Map<String, Terminal> terminals, String saleId, Duration connectTimeout, Duration readTimeout,
        Duration statusTimeout, String apiKey, String trustStore, String trustStorePassword) {

    static final String ANY_REGISTER = "*";

    TerminalSettings {
        terminals = Map.copyOf(terminals);
        apiKey = apiKey == null ? "" : apiKey.trim();
        trustStore = trustStore == null ? "" : trustStore.trim();
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
        if (saleId == null || saleId.isBlank()) {
            throw new IllegalArgumentException("saleId is required: the SaleID this point of sale sends the terminals");
        }
        saleId = saleId.trim();
        requirePositive("connectTimeoutMillis", connectTimeout);
        requirePositive("readTimeoutMillis", readTimeout);
        requirePositive("statusTimeoutMillis", statusTimeout);
    }

    static TerminalSettings from(CardTerminalPayment.Config config) {
        return new TerminalSettings(parseTerminals(config.terminals()), config.saleId(),
                Duration.ofMillis(config.connectTimeoutMillis()), Duration.ofMillis(config.readTimeoutMillis()),
                Duration.ofMillis(config.statusTimeoutMillis()), config._apiKey(), config.trustStore(),
                config._trustStorePassword());
    }

    /** The terminal of a register: its own entry, else the {@code *} entry. */
    Optional<Terminal> terminalFor(String registerId) {
        if (registerId != null && !registerId.isBlank()) {
            Terminal own = terminals.get(registerId.trim());
            if (own != null) {
                return Optional.of(own);
            }
        }
        return Optional.ofNullable(terminals.get(ANY_REGISTER));
    }

    /**
     * Parses {@code registerId=POIID@URL} entries, e.g. {@code R1=V400m-324688179@https://192.168.1.20:8443/nexo}.
     * Each array element may itself hold a comma-separated list (a Karaf {@code .cfg} file hands a list
     * over as one string).
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    static Map<String, Terminal> parseTerminals(String[] values) {
        Map<String, Terminal> terminals = new LinkedHashMap<>();
        for (String entry : entries(values)) {
            int equals = entry.indexOf('=');
            int at = entry.indexOf('@', equals + 1);
            if (equals <= 0 || at < 0) {
                throw new IllegalArgumentException("terminals entry '" + entry
                        + "' is not of the form registerId=POIID@URL, e.g. R1=V400m-324688179@https://192.168.1.20:8443/nexo");
            }
            String register = entry.substring(0, equals).trim();
            String poiId = entry.substring(equals + 1, at).trim();
            if (register.isEmpty() || poiId.isEmpty()) {
                throw new IllegalArgumentException("terminals entry '" + entry + "' needs a register id and a POIID");
            }
            URI endpoint = endpoint(entry.substring(at + 1).trim(), entry);
            if (terminals.put(register, new Terminal(poiId, endpoint)) != null) {
                throw new IllegalArgumentException("terminals: register '" + register + "' is listed twice");
            }
        }
        return terminals;
    }

    private static URI endpoint(String text, String entry) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("terminals entry '" + entry + "': '" + text + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("terminals entry '" + entry + "': the URL must be http(s)://host[:port]/path");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("terminals entry '" + entry
                    + "': put credentials in the apiKey setting, not in the URL");
        }
        return uri;
    }

    private static List<String> entries(String[] values) {
        return values == null ? List.of()
                : Arrays.stream(values).filter(Objects::nonNull).flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    @Override
    public String toString() {
        return "TerminalSettings[terminals=" + terminals + ", saleId=" + saleId + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", statusTimeout=" + statusTimeout + ", apiKey="
                + (apiKey.isEmpty() ? "(none)" : "(set)") + ", trustStore="
                + (trustStore.isEmpty() ? "(JVM default)" : trustStore) + "]";
    }
}
