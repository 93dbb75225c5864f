package org.omnitill.rest.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.omnitill.api.audit.AuditEvent;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.security.Permission;
import org.omnitill.api.security.Role;
import org.omnitill.persistence.StoredTime;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.persistence.model.RevokedTokenEntity;
import org.omnitill.persistence.model.StaffPinEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what: password and PIN sign-ins with lock-out, bearer tokens and their revocation,
 * supervisor approvals, and the audit entries all of these leave. Passwords, PINs and tokens are never
 * logged or audited; only user names and outcomes are.
 */
@Component(service = SecurityService.class, configurationPid = SecurityService.PID)
@Designate(ocd = SecurityService.Config.class)
public class SecurityService {

    static final String PID = "org.omnitill.security";
    static final String JAAS_REALM = "karaf";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityService.class);

    @ObjectClassDefinition(name = "Omnitill security", description = "Sign-in, tokens, lock-out and approvals.")
    public @interface Config {

        @AttributeDefinition(description = "How long a bearer token from /auth/login or /auth/pin is valid, in minutes.")
        int tokenTtlMinutes() default 480;

        @AttributeDefinition(description = "File holding the token signing secret (created with a random 256-bit "
                + "secret if missing; share it between nodes that must accept each other's tokens). Empty: "
                + "${karaf.data}/omnitill/token-signing.key")
        String tokenSigningKeyFile() default "";

        @AttributeDefinition(description = "Failed sign-ins in a row (password, PIN or approval) that lock a user out.")
        int maxFailedLogins() default 5;

        @AttributeDefinition(description = "The first lock-out in seconds; it doubles with each further one.")
        int lockoutSeconds() default 60;

        @AttributeDefinition(description = "The longest lock-out in seconds.")
        int maxLockoutSeconds() default 900;

        @AttributeDefinition(description = "A line discount above this percentage of the line needs a supervisor.")
        String discountApprovalThresholdPercent() default "10";

        @AttributeDefinition(description = "Whether removing a line or lowering its quantity needs a supervisor.")
        boolean lineVoidNeedsApproval() default true;

        @AttributeDefinition(description = "Shortest PIN, in digits.")
        int pinMinLength() default 4;

        @AttributeDefinition(description = "Longest PIN, in digits.")
        int pinMaxLength() default 8;
    }

    /** Who acted, and who approved it (the actor themselves when they held the permission). */
    record Approval(String actor, String approver) {
        boolean byAnother() {
            return !actor.equals(approver);
        }
    }

    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final Authenticator passwords;
    private final RealmDirectory realm;
    private final LoginGuard guard;
    private final TokenService tokens;
    private final PinHasher pins = new PinHasher();
    private final Clock clock;
    private final BigDecimal discountThreshold;
    private final boolean lineVoidNeedsApproval;
    private final int pinMin;
    private final int pinMax;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    @Activate
    public SecurityService(Config config, BundleContext context, @Reference TransactionRunner tx,
            @Reference AuditTrail audit) {
        this(config, tx, audit,
                new CachingAuthenticator(new JaasAuthenticator(JAAS_REALM), Duration.ofSeconds(60), 1_000, System::nanoTime),
                new RealmDirectory(context, JAAS_REALM), signingSecret(config.tokenSigningKeyFile()), StoredTime.clock(ZoneOffset.UTC),
                System::nanoTime);
    }

    SecurityService(Config config, TransactionRunner tx, AuditTrail audit, Authenticator passwords,
            RealmDirectory realm, byte[] secret, Clock clock, java.util.function.LongSupplier nanoTime) {
        this.tx = tx;
        this.audit = audit;
        this.passwords = passwords;
        this.realm = realm;
        this.clock = clock;
        this.guard = new LoginGuard(config.maxFailedLogins(), Duration.ofSeconds(config.lockoutSeconds()),
                Duration.ofSeconds(config.maxLockoutSeconds()), nanoTime);
        this.tokens = new TokenService(secret, Duration.ofMinutes(Math.max(1, config.tokenTtlMinutes())), clock);
        this.discountThreshold = new BigDecimal(config.discountApprovalThresholdPercent().trim());
        this.lineVoidNeedsApproval = config.lineVoidNeedsApproval();
        this.pinMin = config.pinMinLength();
        this.pinMax = config.pinMaxLength();
        loadRevokedTokens();
    }

    BigDecimal discountApprovalThresholdPercent() {
        return discountThreshold;
    }

    boolean lineVoidNeedsApproval() {
        return lineVoidNeedsApproval;
    }

    // ------------------------------------------------------------------ sign-in

    /** A user name and password, as on every request with HTTP Basic. Failures are audited and counted. */
    OmnitillPrincipal password(String username, String password, String via) {
        checkNotLocked(username);
        Optional<Authenticator.AuthenticatedUser> user = passwords.authenticate(username, password);
        if (user.isEmpty()) {
            failed(username, via, null);
            throw SecurityRefusal.unauthorized("unauthorized", "wrong user name or password");
        }
        guard.succeeded(username);
        return new OmnitillPrincipal(user.get().name(), user.get().roles(), null, null, null);
    }

    /** Signs in with a password and returns a bearer token. */
    TokenService.IssuedToken login(String username, String password) {
        OmnitillPrincipal user = password(username, password, "login");
        TokenService.IssuedToken token = tokens.issue(user.name(), user.roles(), null);
        record(new AuditEvent("auth.login", user.name(), null, "user/" + user.name(), AuditEvent.SUCCESS,
                Map.of("method", "password", "tokenId", token.tokenId())));
        return token;
    }

    /** A staff member signs in with their PIN at the register that sends the request. */
    TokenService.IssuedToken pinLogin(OmnitillPrincipal register, String username, String pin) {
        checkNotLocked(username);
        if (!matchesPin(username, pin)) {
            failed(username, "pin", register.name());
            throw SecurityRefusal.unauthorized("invalid_pin", "wrong user name or PIN");
        }
        Set<String> roles = realm.roles(username).orElse(Set.of());
        if (roles.stream().noneMatch(PermissionMatrix.STAFF_ROLES::contains)) {
            failed(username, "pin", register.name());
            throw SecurityRefusal.unauthorized("invalid_pin", "wrong user name or PIN");
        }
        guard.succeeded(username);
        TokenService.IssuedToken token = tokens.issue(username, roles, register.name());
        record(new AuditEvent("auth.login", username, null, "user/" + username, AuditEvent.SUCCESS,
                Map.of("method", "pin", "register", register.name(), "tokenId", token.tokenId())));
        return token;
    }

    /** The principal of a valid, unrevoked bearer token. */
    OmnitillPrincipal bearer(String token) {
        OmnitillPrincipal principal = tokens.verify(token)
                .orElseThrow(() -> SecurityRefusal.unauthorized("invalid_token", "the token is not valid or has expired"));
        if (revoked.containsKey(principal.tokenId())) {
            throw SecurityRefusal.unauthorized("invalid_token", "the token has been logged out");
        }
        return principal;
    }

    /** Revokes the token the request was made with. */
    void logout(OmnitillPrincipal principal) {
        if (principal.tokenId() == null) {
            throw OmnitillException.conflict("not_a_token_session",
                    "this request was not made with a bearer token; HTTP Basic has no session to end");
        }
        tx.required(em -> {
            if (em.find(RevokedTokenEntity.class, principal.tokenId()) == null) {
                RevokedTokenEntity row = new RevokedTokenEntity();
                row.tokenId = principal.tokenId();
                row.username = principal.name();
                row.expiresAt = principal.tokenExpiresAt();
                em.persist(row);
            }
            audit.record(new AuditEvent("auth.logout", principal.name(), null, "user/" + principal.name(),
                    AuditEvent.SUCCESS, Map.of("tokenId", principal.tokenId())));
            return null;
        });
        revoked.put(principal.tokenId(), principal.tokenExpiresAt());
    }

    // ------------------------------------------------------------------ approvals

    /**
     * Lets the act go ahead if the actor holds the permission, or a supervisor who holds it approved
     * it in the {@code Omnitill-Approval} header ({@code Basic} with their password or {@code PIN}
     * with their PIN, as {@code base64(user:secret)}). The caller records the act with both names.
     */
    Approval approve(OmnitillPrincipal actor, String approvalHeader, Permission permission) {
        if (actor.may(permission)) {
            return new Approval(actor.name(), actor.name());
        }
        if (approvalHeader == null || approvalHeader.isBlank()) {
            throw SecurityRefusal.approvalRequired("approval_required", permission, "this needs the approval of a "
                    + "supervisor (permission " + permission.code() + "): send their credentials in the "
                    + ApprovalHeader.NAME + " header");
        }
        ApprovalHeader.Parsed approval = ApprovalHeader.parse(approvalHeader).orElseThrow(() ->
                SecurityRefusal.approvalRequired("approval_invalid", permission,
                        "the " + ApprovalHeader.NAME + " header must be 'Basic' or 'PIN' followed by base64(user:secret)"));
        String approver = approval.username();
        checkNotLocked(approver);
        Set<String> roles;
        if (approval.pin()) {
            if (!matchesPin(approver, approval.secret())) {
                failed(approver, "approval-pin", actor.name());
                throw SecurityRefusal.approvalRequired("approval_invalid", permission, "wrong approver name or PIN");
            }
            roles = realm.roles(approver).orElse(Set.of());
        } else {
            Optional<Authenticator.AuthenticatedUser> user = passwords.authenticate(approver, approval.secret());
            if (user.isEmpty()) {
                failed(approver, "approval-password", actor.name());
                throw SecurityRefusal.approvalRequired("approval_invalid", permission, "wrong approver name or password");
            }
            approver = user.get().name();
            roles = user.get().roles();
        }
        guard.succeeded(approver);
        if (approver.equals(actor.name()) || !PermissionMatrix.permissionsOf(roles).contains(permission)) {
            record(new AuditEvent("approval.refused", actor.name(), approver, "permission/" + permission.code(),
                    AuditEvent.DENIED, Map.of()));
            throw SecurityRefusal.approvalRequired("approval_insufficient", permission,
                    "the approver may not approve this (permission " + permission.code() + ")");
        }
        return new Approval(actor.name(), approver);
    }

    // ------------------------------------------------------------------ PINs

    /** Sets (or replaces) a staff member's PIN; audited in the same transaction, without the PIN. */
    void setPin(OmnitillPrincipal actor, String username, String pin) {
        if (pin == null || !pin.matches("[0-9]{" + pinMin + "," + pinMax + "}")) {
            throw OmnitillException.invalid("invalid_pin", "a PIN is " + pinMin + " to " + pinMax + " digits");
        }
        if (pin.chars().distinct().count() == 1) {
            throw OmnitillException.invalid("invalid_pin", "a PIN must not be one digit repeated");
        }
        Set<String> roles = realm.roles(username).orElseThrow(() ->
                OmnitillException.notFound("user_not_found", "the realm has no user '" + Requests.clip(username) + "'"));
        if (roles.stream().noneMatch(PermissionMatrix.STAFF_ROLES::contains)) {
            throw OmnitillException.unprocessable("not_staff",
                    "only store staff (cashier, supervisor, manager, admin) sign in with a PIN");
        }
        String hash = pins.hash(pin);
        tx.required(em -> {
            StaffPinEntity row = em.find(StaffPinEntity.class, username);
            boolean created = row == null;
            if (created) {
                row = new StaffPinEntity();
                row.username = username;
            }
            row.pinHash = hash;
            row.updatedAt = clock.instant();
            row.updatedBy = actor.name();
            if (created) {
                em.persist(row);
            }
            audit.record(new AuditEvent("users.pin.set", actor.name(), null, "user/" + username, AuditEvent.SUCCESS,
                    Map.of("replaced", Boolean.toString(!created))));
            return null;
        });
    }

    private boolean matchesPin(String username, String pin) {
        if (username == null || pin == null) {
            return false;
        }
        String stored = tx.required(em -> {
            StaffPinEntity row = em.find(StaffPinEntity.class, username);
            return row == null ? null : row.pinHash;
        });
        return pins.matches(pin, stored);
    }

    // ------------------------------------------------------------------ helpers

    private void checkNotLocked(String username) {
        Duration left = guard.lockedFor(username);
        if (!left.isZero()) {
            throw SecurityRefusal.lockedOut(left);
        }
    }

    private void failed(String username, String via, String context) {
        boolean locked = guard.failed(username);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", via);
        if (context != null) {
            details.put("context", context);
        }
        details.put("lockedOut", Boolean.toString(locked));
        String name = username == null ? "" : Requests.clip(username);
        record(new AuditEvent("auth.login.failed", name.isEmpty() ? "anonymous" : name, null, "user/" + name,
                AuditEvent.FAILURE, details));
        if (locked) {
            LOG.warn("user '{}' locked out after repeated failed sign-ins ({})", name, via);
        }
    }

    /** An audit entry of its own, outside any request transaction (sign-ins, refusals). */
    private void record(AuditEvent event) {
        try {
            audit.record(event);
        } catch (RuntimeException e) {
            // a sign-in must not succeed unaudited, nor must an audit outage hide who was refused
            LOG.error("could not write audit entry {}: {}", event.action(), e.toString());
            throw OmnitillException.unavailable("audit_unavailable", "the audit trail cannot be written");
        }
    }

    private void loadRevokedTokens() {
        try {
            Instant now = clock.instant();
            tx.required(em -> {
                em.createQuery("DELETE FROM RevokedTokenEntity r WHERE r.expiresAt < :now").setParameter("now", now)
                        .executeUpdate();
                em.createQuery("SELECT r FROM RevokedTokenEntity r", RevokedTokenEntity.class).getResultList()
                        .forEach(r -> revoked.put(r.tokenId, r.expiresAt));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not load revoked tokens: {}", e.toString());
            throw e;
        }
    }

    /** The token signing secret: read from the file, or created there with 256 random bits. */
    static byte[] signingSecret(String configured) {
        String file = configured == null || configured.isBlank() ? defaultKeyFile() : configured.trim();
        if (file == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.warn("no karaf.data and no tokenSigningKeyFile: bearer tokens are signed with a key that lasts until restart");
            return secret;
        }
        Path path = Path.of(file);
        try {
            if (!Files.exists(path)) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), "token", ".tmp");
                restrict(temp);
                Files.write(temp, java.util.Base64.getEncoder().encode(secret));
                try {
                    Files.move(temp, path);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            byte[] secret = java.util.Base64.getDecoder().decode(Files.readString(path).trim());
            if (secret.length < 32) {
                throw new IllegalStateException("the token signing key in " + path + " is shorter than 256 bits");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the token signing key " + path, e);
        }
    }

    private static String defaultKeyFile() {
        String data = System.getProperty("karaf.data");
        return data == null ? null : Path.of(data, "omnitill", "token-signing.key").toString();
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot restrict permissions of {}", file);
        }
    }

    /** For tests and the register role check. */
    static boolean isRegister(OmnitillPrincipal principal) {
        return principal.roles().contains(Role.REGISTER);
    }
}
