package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.api.error.OmnitillException;
import org.omnitill.api.security.Permission;
import org.omnitill.persistence.model.StaffPinEntity;
import org.omnitill.persistence.testing.TestDatabase;

/** PINs, approvals and revocation, on a real (H2) database. */
class SecurityServiceTest {

    private final TestDatabase db = new TestDatabase();
    private final SecurityTesting.RecordingAudit audit = new SecurityTesting.RecordingAudit();
    private final SecurityTesting.ManualTime time = new SecurityTesting.ManualTime();
    private final SecurityService security = SecurityTesting.service(db.tx(), audit, Map.of(), time.clock(), time);

    private final OmnitillPrincipal anna = new OmnitillPrincipal("anna", Set.of("cashier"), null, null, null);
    private final OmnitillPrincipal mia = new OmnitillPrincipal("mia", Set.of("manager"), null, null, null);
    private final OmnitillPrincipal register = new OmnitillPrincipal("reg-1", Set.of("register"), null, null, null);

    @AfterEach
    void close() {
        db.close();
    }

    private static String header(String scheme, String pair) {
        return scheme + " " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPinSignInAtARegisterGivesATokenBoundToIt() {
        security.setPin(mia, "anna", "2580");
        TokenService.IssuedToken token = security.pinLogin(register, "anna", "2580");
        OmnitillPrincipal signedIn = security.bearer(token.token());
        assertEquals("anna", signedIn.name());
        assertEquals(Set.of("cashier"), signedIn.roles());
        assertEquals("reg-1", signedIn.registerId());
        assertEquals(List.of("users.pin.set", "auth.login"), audit.actions());
        assertEquals("reg-1", audit.events.get(1).details().get("register"));
    }

    @Test
    void pinsAreStoredHashedAndNeverInTheAudit() {
        security.setPin(mia, "anna", "2580");
        String stored = db.tx().required(em -> em.find(StaffPinEntity.class, "anna").pinHash);
        assertFalse(stored.contains("2580"));
        assertTrue(stored.startsWith("pbkdf2-sha256$"));
        assertFalse(audit.events.toString().contains("2580"));
        security.setPin(mia, "anna", "1357");
        assertEquals("true", audit.events.get(1).details().get("replaced"));
        assertEquals("invalid_pin",
                assertThrows(SecurityRefusal.class, () -> security.pinLogin(register, "anna", "2580")).error().code());
    }

    @Test
    void badPinsAndNonStaffAreRefused() {
        assertEquals("invalid_pin", assertThrows(OmnitillException.class, () -> security.setPin(mia, "anna", "12")).code());
        assertEquals("invalid_pin", assertThrows(OmnitillException.class, () -> security.setPin(mia, "anna", "12ab")).code());
        assertEquals("invalid_pin", assertThrows(OmnitillException.class, () -> security.setPin(mia, "anna", "1111")).code());
        assertEquals("user_not_found", assertThrows(OmnitillException.class, () -> security.setPin(mia, "nobody", "2580")).code());
        assertEquals("not_staff", assertThrows(OmnitillException.class, () -> security.setPin(mia, "reg-1", "2580")).code());
        assertTrue(audit.events.isEmpty());
    }

    @Test
    void wrongPinsLockTheCashierOut() {
        security.setPin(mia, "anna", "2580");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, assertThrows(SecurityRefusal.class, () -> security.pinLogin(register, "anna", "0000"))
                    .error().status());
        }
        assertEquals(429, assertThrows(SecurityRefusal.class, () -> security.pinLogin(register, "anna", "2580"))
                .error().status());
        time.advanceSeconds(61);
        assertEquals("anna", security.bearer(security.pinLogin(register, "anna", "2580").token()).name());
    }

    @Test
    void aHolderOfThePermissionApprovesThemselves() {
        SecurityService.Approval approval = security.approve(mia, null, Permission.REFUND);
        assertEquals("mia", approval.actor());
        assertEquals("mia", approval.approver());
        assertFalse(approval.byAnother());
    }

    @Test
    void aCashierNeedsASupervisorsPasswordOrPin() {
        assertEquals("approval_required",
                assertThrows(SecurityRefusal.class, () -> security.approve(anna, null, Permission.LINE_VOID)).error().code());
        SecurityService.Approval byPassword = security.approve(anna, header("Basic", "sam:boss"), Permission.LINE_VOID);
        assertEquals("sam", byPassword.approver());
        assertTrue(byPassword.byAnother());

        security.setPin(mia, "sam", "4321");
        assertEquals("sam", security.approve(anna, header("PIN", "sam:4321"), Permission.PRICE_OVERRIDE).approver());
    }

    @Test
    void aWrongOrInsufficientApprovalIsRefusedAndRecorded() {
        SecurityRefusal wrong = assertThrows(SecurityRefusal.class,
                () -> security.approve(anna, header("Basic", "sam:guess"), Permission.LINE_VOID));
        assertEquals("approval_invalid", wrong.error().code());
        assertEquals("cart.line.void", wrong.error().permission());
        assertEquals(List.of("auth.login.failed"), audit.actions());

        // a cashier cannot approve, not even another cashier's act, nor can anyone approve their own
        SecurityRefusal cashier = assertThrows(SecurityRefusal.class,
                () -> security.approve(anna, header("Basic", "anna:secret"), Permission.REFUND));
        assertEquals("approval_insufficient", cashier.error().code());
        assertEquals("approval.refused", audit.actions().get(1));

        assertEquals("approval_invalid", assertThrows(SecurityRefusal.class,
                () -> security.approve(anna, "Bearer x", Permission.REFUND)).error().code());
    }

    @Test
    void logoutRevokesTheTokenAcrossRestarts() {
        TokenService.IssuedToken token = security.login("anna", "secret");
        OmnitillPrincipal session = security.bearer(token.token());
        security.logout(session);
        assertEquals("invalid_token", assertThrows(SecurityRefusal.class, () -> security.bearer(token.token())).error().code());

        SecurityService restarted = SecurityTesting.service(db.tx(), audit, Map.of(), time.clock(), time);
        assertEquals("invalid_token", assertThrows(SecurityRefusal.class, () -> restarted.bearer(token.token())).error().code());
        TokenService.IssuedToken fresh = restarted.login("anna", "secret");
        assertNotEquals(token.tokenId(), fresh.tokenId());
        assertEquals("anna", restarted.bearer(fresh.token()).name());
    }

    @Test
    void basicRequestsHaveNoSessionToEnd() {
        assertEquals("not_a_token_session", assertThrows(OmnitillException.class, () -> security.logout(anna)).code());
    }

    @Test
    void theLockOutDoublesAndResetsOnSuccess() {
        LoginGuard guard = new LoginGuard(2, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(25), time);
        assertFalse(guard.failed("Anna"));
        assertTrue(guard.failed("anna"), "names are counted case-insensitively");
        assertEquals(10, guard.lockedFor("ANNA").toSeconds());
        time.advanceSeconds(10);
        assertTrue(guard.lockedFor("anna").isZero());
        guard.failed("anna");
        guard.failed("anna");
        assertEquals(20, guard.lockedFor("anna").toSeconds());
        time.advanceSeconds(20);
        guard.failed("anna");
        guard.failed("anna");
        assertEquals(25, guard.lockedFor("anna").toSeconds(), "capped");
        time.advanceSeconds(25);
        guard.succeeded("anna");
        assertFalse(guard.failed("anna"));
    }

    @Test
    void pinHashesAreSaltedAndVerifyOnlyTheirPin() {
        PinHasher hasher = new PinHasher();
        String first = hasher.hash("2580");
        assertNotEquals(first, hasher.hash("2580"));
        assertTrue(hasher.matches("2580", first));
        assertFalse(hasher.matches("2581", first));
        assertFalse(hasher.matches("2580", "plain"));
        assertFalse(hasher.matches("2580", null));
    }
}
