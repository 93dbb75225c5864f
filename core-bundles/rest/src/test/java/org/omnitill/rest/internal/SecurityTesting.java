package org.omnitill.rest.internal;

import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.omnitill.api.audit.AuditEntry;
import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.audit.AuditVerification;
import org.omnitill.persistence.TransactionRunner;

/** Building blocks for tests of the security layer: configuration, a recording audit trail, known users. */
final class SecurityTesting {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private SecurityTesting() {
    }

    /** The configuration with its defaults, except where {@code overrides} says otherwise. */
    static SecurityService.Config config(Map<String, Object> overrides) {
        return (SecurityService.Config) Proxy.newProxyInstance(SecurityService.Config.class.getClassLoader(),
                new Class<?>[] { SecurityService.Config.class }, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return SecurityService.Config.class;
                    }
                    Object value = overrides.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    /** anna/secret is a cashier, sam/boss a supervisor, mia/chief a manager, reg-1/till a register. */
    static Authenticator users() {
        return (user, password) -> switch (user + ":" + password) {
            case "anna:secret" -> Optional.of(new Authenticator.AuthenticatedUser("anna", Set.of("cashier")));
            case "sam:boss" -> Optional.of(new Authenticator.AuthenticatedUser("sam", Set.of("supervisor")));
            case "mia:chief" -> Optional.of(new Authenticator.AuthenticatedUser("mia", Set.of("manager")));
            case "reg-1:till" -> Optional.of(new Authenticator.AuthenticatedUser("reg-1", Set.of("register")));
            default -> Optional.empty();
        };
    }

    /** The realm's roles of the same users, for PIN sign-ins. */
    static RealmDirectory realm() {
        return new RealmDirectory(null, "karaf") {
            @Override
            Optional<Set<String>> roles(String username) {
                return switch (username) {
                    case "anna" -> Optional.of(Set.of("cashier"));
                    case "sam" -> Optional.of(Set.of("supervisor"));
                    case "mia" -> Optional.of(Set.of("manager"));
                    case "reg-1" -> Optional.of(Set.of("register"));
                    default -> Optional.empty();
                };
            }
        };
    }

    static SecurityService service(TransactionRunner tx, AuditTrail audit, Map<String, Object> config, Clock clock,
            LongSupplier nanoTime) {
        return new SecurityService(config(config), tx, audit, users(), realm(), SECRET, clock, nanoTime);
    }

    /** A clock and nano time that tests move by hand. */
    static final class ManualTime implements LongSupplier {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        Instant now = Instant.parse("2026-12-04T10:00:00Z");

        Clock clock() {
            return new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        void advanceSeconds(long seconds) {
            nanos.addAndGet(seconds * 1_000_000_000L);
            now = now.plusSeconds(seconds);
        }

        @Override
        public long getAsLong() {
            return nanos.get();
        }
    }

    /** Keeps the events it is given, in order; nothing is hashed here (the audit bundle tests that). */
    static final class RecordingAudit implements AuditTrail {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public synchronized AuditEntry record(AuditEvent event) {
            events.add(event);
            return new AuditEntry(events.size(), Instant.now(), "test", event, "0", "0");
        }

        synchronized List<String> actions() {
            return events.stream().map(AuditEvent::action).toList();
        }

        @Override
        public AuditVerification verify() {
            return new AuditVerification(true, events.size(), null, null);
        }

        @Override
        public void exportJsonLines(long fromSequence, int limit, OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }
}
