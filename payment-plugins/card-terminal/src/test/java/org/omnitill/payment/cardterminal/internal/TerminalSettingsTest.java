package org.omnitill.payment.cardterminal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalSettingsTest {

    static CardTerminalPayment.Config config(String[] terminals, String apiKey) {
        return new CardTerminalPayment.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CardTerminalPayment.Config.class;
            }

            @Override
            public String[] terminals() {
                return terminals;
            }

            @Override
            public String saleId() {
                return "POS-Amsterdam-1";
            }

            @Override
            public int connectTimeoutMillis() {
                return 3000;
            }

            @Override
            public int readTimeoutMillis() {
                return 120_000;
            }

            @Override
            public int statusTimeoutMillis() {
                return 8000;
            }

            @Override
            public String _apiKey() {
                return apiKey;
            }

            @Override
            public String trustStore() {
                return "";
            }

            @Override
            public String _trustStorePassword() {
                return "";
            }
        };
    }

    @Test
    void readsRegistersPoiIdsAndUrlsFromOneStringOrSeparateEntries() {
        String[] oneString = {"R1=V400m-324688179@https://192.168.1.20:8443/nexo, *=P400Plus-275008565@https://192.168.1.21:8443/nexo"};
        String[] separate = {"R1 = V400m-324688179@https://192.168.1.20:8443/nexo", "",
                "*=P400Plus-275008565@https://192.168.1.21:8443/nexo"};
        for (String[] values : new String[][] {oneString, separate}) {
            TerminalSettings settings = TerminalSettings.from(config(values, ""));
            assertEquals(Optional.of(new Terminal("V400m-324688179", URI.create("https://192.168.1.20:8443/nexo"))),
                    settings.terminalFor("R1"));
            assertEquals("P400Plus-275008565", settings.terminalFor("R7").orElseThrow().poiId());
            assertEquals("P400Plus-275008565", settings.terminalFor(null).orElseThrow().poiId());
        }
    }

    @Test
    void typedConfigurationBecomesSettings() {
        TerminalSettings settings = TerminalSettings.from(config(new String[] {CardTerminalPayment.DEFAULT_TERMINALS}, ""));
        assertEquals("POS-Amsterdam-1", settings.saleId());
        assertEquals(Duration.ofSeconds(3), settings.connectTimeout());
        assertEquals(Duration.ofMinutes(2), settings.readTimeout());
        assertEquals(Duration.ofSeconds(8), settings.statusTimeout());
        assertEquals(URI.create("http://127.0.0.1:8443/nexo"), settings.terminalFor("any").orElseThrow().endpoint());
    }

    @Test
    void withoutADefaultAnUnlistedRegisterHasNoTerminal() {
        TerminalSettings settings = TerminalSettings.from(config(new String[] {"R1=V400m-1@https://10.0.0.5:8443/nexo"}, ""));
        assertTrue(settings.terminalFor("R2").isEmpty());
        assertTrue(settings.terminalFor(null).isEmpty());
    }

    @Test
    void neverShowsTheApiKey() {
        TerminalSettings settings = TerminalSettings.from(config(new String[0], "AQEyhmfxK4-very-secret"));
        assertEquals("AQEyhmfxK4-very-secret", settings.apiKey());
        assertFalse(settings.toString().contains("very-secret"), settings.toString());
        assertTrue(settings.toString().contains("apiKey=(set)"), settings.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"R1", "R1=V400m-1", "=V400m-1@https://10.0.0.5:8443/nexo", "R1=@https://10.0.0.5/nexo",
            "R1=V400m-1@ftp://10.0.0.5/nexo", "R1=V400m-1@not a url", "R1=V400m-1@https:///nexo",
            "R1=V400m-1@https://user:password@10.0.0.5/nexo"})
    void malformedEntriesAreRefusedByName(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TerminalSettings.parseTerminals(new String[] {entry}));
        assertTrue(e.getMessage().contains("terminals"), e.getMessage());
        assertFalse(e.getMessage().contains("password") && !entry.contains("password"), e.getMessage());
    }

    @Test
    void aRegisterListedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TerminalSettings.parseTerminals(
                new String[] {"R1=A-1@http://127.0.0.1/nexo,R1=B-2@http://127.0.0.1/nexo"}));
    }

    @Test
    void timeoutsMustBePositiveAndASaleIdIsRequired() {
        Map<String, Terminal> none = Map.of();
        assertThrows(IllegalArgumentException.class, () -> new TerminalSettings(none, "pos", Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1), "", "", ""));
        assertThrows(IllegalArgumentException.class, () -> new TerminalSettings(none, " ", Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), "", "", ""));
    }
}
