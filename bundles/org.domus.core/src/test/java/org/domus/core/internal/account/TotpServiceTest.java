package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.Account;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.AuthenticationResult.Outcome;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.LoginEvent;
import org.domus.core.account.NewAccount;
import org.domus.core.account.TotpEnrolment;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TotpServiceTest {

    static final String PASSWORD = AccountServiceTest.PASSWORD;
    static final ClientInfo CLIENT = new ClientInfo("192.0.2.9", "JUnit TOTP");

    private CoreDatabase db;
    private MutableClock clock;
    private AccountServiceImpl accounts;
    private TotpServiceImpl totp;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:10Z"));
        SecondFactor factor =
                new SecondFactor(SecretBox.random(), clock, new SecureRandom(), Set.of(Role.ADMIN, Role.ACCOUNTANT));
        accounts = new AccountServiceImpl(db.jpa, AccountServiceTest.FAST, AccountServiceTest.POLICY, clock, factor);
        totp = new TotpServiceImpl(db.jpa, AccountServiceTest.FAST, factor, clock, "Domus");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Subject subject(String login, Role... roles) {
        Account a = accounts.create(
                new NewAccount(
                        login, "Name " + login, null, PASSWORD.toCharArray(), Set.of(roles), Locale.ENGLISH, false),
                AccountServiceTest.ADMIN);
        return accounts.subjectOf(a.id()).orElseThrow();
    }

    private String codeNow(String secret, int stepOffset) {
        return Totp.code(Base32.decode(secret), Totp.step(clock.instant().getEpochSecond()) + stepOffset);
    }

    /** Enrols and returns the Base32 secret; the confirming code used step -1. */
    private String enrol(Subject s) {
        TotpEnrolment e = totp.beginEnrolment(s);
        List<String> recovery = totp.confirmEnrolment(s, codeNow(e.secret(), -1));
        assertEquals(10, recovery.size());
        return e.secret();
    }

    @Test
    void enrolmentGivesUriQrAndRecoveryCodesAndStoresNoClearSecret() {
        Subject jana = subject("jana", Role.RESIDENT);
        TotpEnrolment e = totp.beginEnrolment(jana);
        assertEquals(32, e.secret().length(), "160 bits in Base32");
        assertTrue(e.uri().startsWith("otpauth://totp/Domus:jana?secret=" + e.secret()));
        assertTrue(e.qrPng().startsWith("data:image/png;base64,"));
        assertFalse(totp.status(jana.accountId()).enabled(), "not active before confirmation");

        List<String> codes = totp.confirmEnrolment(jana, codeNow(e.secret(), 0));
        assertEquals(10, codes.size());
        assertEquals(10, codes.stream().distinct().count());
        assertTrue(codes.get(0).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"), codes.get(0));
        assertTrue(totp.status(jana.accountId()).enabled());
        assertEquals(10, totp.status(jana.accountId()).recoveryCodesLeft());

        String stored = db.rows("SELECT * FROM CORE_ACCOUNT_TOTP").toString()
                + db.rows("SELECT * FROM CORE_RECOVERY_CODE").toString();
        assertFalse(stored.contains(e.secret()), "seed only sealed");
        assertFalse(stored.contains(codes.get(0)), "recovery codes only hashed");
        assertFalse(stored.contains(codes.get(0).replace("-", "")), "recovery codes only hashed");
        assertEquals(
                "account.totp.enable",
                db.rows("SELECT ACTION_NAME FROM CORE_AUDIT_EVENT WHERE ACTION_NAME LIKE 'account.totp%'")
                        .get(0)
                        .get("ACTION_NAME"));
    }

    @Test
    void wrongConfirmationCodeEnablesNothing() {
        Subject jana = subject("jana", Role.RESIDENT);
        TotpEnrolment e = totp.beginEnrolment(jana);
        String wrong = codeNow(e.secret(), 3);
        DomusException ex = assertThrows(DomusException.class, () -> totp.confirmEnrolment(jana, wrong));
        assertEquals("totp.code.invalid", ex.messageKey());
        assertFalse(totp.status(jana.accountId()).enabled());
        assertTrue(db.rows("SELECT * FROM CORE_RECOVERY_CODE").isEmpty());
    }

    @Test
    void passwordAloneIsNotEnoughOnceTotpIsOnAndACodeWorksOnceOnly() {
        Subject jana = subject("jana", Role.RESIDENT);
        String secret = enrol(jana);

        AuthenticationResult first = accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT);
        assertEquals(Outcome.SECOND_FACTOR_REQUIRED, first.outcome());
        assertNull(first.subject(), "no subject before the code");
        assertNotNull(first.challenge());

        String code = codeNow(secret, 0);
        AuthenticationResult done = accounts.completeSecondFactor(first.challenge(), code, CLIENT);
        assertEquals(Outcome.SUCCESS, done.outcome());
        assertEquals("jana", done.subject().login());
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.completeSecondFactor(first.challenge(), code, CLIENT).outcome(),
                "a challenge is used up by its success");

        // The same code again, with a fresh correct password: a replay, refused.
        AuthenticationResult again = accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT);
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.completeSecondFactor(again.challenge(), code, CLIENT).outcome());
        // The next step's code is still fine (clock drift tolerance) and the challenge survived the failure.
        assertEquals(
                Outcome.SUCCESS,
                accounts.completeSecondFactor(again.challenge(), codeNow(secret, 1), CLIENT)
                        .outcome());

        List<LoginEvent> history = accounts.loginHistory(jana.accountId(), 10);
        assertEquals(
                List.of("SUCCESS", "BAD_SECOND_FACTOR", "SUCCESS"),
                history.stream().map(LoginEvent::outcome).toList());
        assertEquals("192.0.2.9", history.get(0).address());
        assertEquals("JUnit TOTP", history.get(0).userAgent());
    }

    @Test
    void restStyleSignInTakesTheCodeInOneCall() {
        Subject jana = subject("jana", Role.RESIDENT);
        String secret = enrol(jana);
        assertEquals(
                Outcome.SECOND_FACTOR_REQUIRED,
                accounts.authenticate("jana", PASSWORD.toCharArray(), (String) null, CLIENT)
                        .outcome());
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.authenticate("jana", PASSWORD.toCharArray(), "000000", CLIENT)
                        .outcome());
        assertEquals(
                Outcome.SUCCESS,
                accounts.authenticate("jana", PASSWORD.toCharArray(), codeNow(secret, 0), CLIENT)
                        .outcome());
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.authenticate("jana", "wrong password!!".toCharArray(), codeNow(secret, 1), CLIENT)
                        .outcome(),
                "a good code does not help a wrong password");
    }

    @Test
    void recoveryCodeWorksOnceAndIsAudited() {
        Subject jana = subject("jana", Role.RESIDENT);
        TotpEnrolment e = totp.beginEnrolment(jana);
        List<String> codes = totp.confirmEnrolment(jana, codeNow(e.secret(), 0));

        String challenge =
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).challenge();
        assertEquals(
                Outcome.SUCCESS,
                accounts.completeSecondFactor(challenge, codes.get(3).toLowerCase(Locale.ROOT), CLIENT)
                        .outcome());
        assertEquals(9, totp.status(jana.accountId()).recoveryCodesLeft());
        String again =
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).challenge();
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.completeSecondFactor(again, codes.get(3), CLIENT).outcome());
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.totp.recovery-code.use'")
                        .size());
    }

    @Test
    void wrongCodesCountTowardsTheLockoutAndExpiredChallengesAreRefused() {
        Subject jana = subject("jana", Role.RESIDENT);
        String secret = enrol(jana);
        for (int i = 0; i < 5; i++) {
            String challenge = accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT)
                    .challenge();
            assertNotNull(challenge, "attempt " + i);
            accounts.completeSecondFactor(challenge, "000000", CLIENT);
        }
        assertEquals(
                Outcome.LOCKED,
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).outcome());

        clock.advance(Duration.ofHours(2));
        String challenge =
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).challenge();
        clock.advance(Duration.ofMinutes(6));
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.completeSecondFactor(challenge, codeNow(secret, 0), CLIENT)
                        .outcome(),
                "challenge expired");
    }

    @Test
    void adminsAndAccountantsWithoutTotpMustEnrolResidentsNeedNot() {
        subject("boss", Role.ADMIN);
        subject("anna", Role.ACCOUNTANT);
        subject("jana", Role.RESIDENT);
        assertTrue(accounts.authenticate("boss", PASSWORD.toCharArray(), CLIENT).secondFactorEnrolmentRequired());
        assertTrue(accounts.authenticate("anna", PASSWORD.toCharArray(), CLIENT).secondFactorEnrolmentRequired());
        assertFalse(
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).secondFactorEnrolmentRequired());
    }

    @Test
    void disablingNeedsPasswordAndCodeAndIsRefusedForRequiredRoles() {
        Subject jana = subject("jana", Role.RESIDENT);
        String secret = enrol(jana);
        DomusException wrongPassword = assertThrows(
                DomusException.class, () -> totp.disable(jana, "not my password".toCharArray(), codeNow(secret, 0)));
        assertEquals("totp.disable.refused", wrongPassword.messageKey());
        assertTrue(totp.status(jana.accountId()).enabled());
        assertThrows(DomusException.class, () -> totp.disable(jana, PASSWORD.toCharArray(), "123456"));
        assertTrue(totp.status(jana.accountId()).enabled());

        totp.disable(jana, PASSWORD.toCharArray(), codeNow(secret, 1));
        assertFalse(totp.status(jana.accountId()).enabled());
        assertTrue(db.rows("SELECT * FROM CORE_RECOVERY_CODE").isEmpty());
        assertEquals(
                Outcome.SUCCESS,
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).outcome());

        Subject boss = subject("boss", Role.ADMIN);
        String bossSecret = enrol(boss);
        DomusException required = assertThrows(
                DomusException.class, () -> totp.disable(boss, PASSWORD.toCharArray(), codeNow(bossSecret, 0)));
        assertEquals("totp.required", required.messageKey());
    }

    @Test
    void regeneratingRecoveryCodesReplacesThemAndOfficeResetRemovesTotp() {
        Subject jana = subject("jana", Role.RESIDENT);
        TotpEnrolment e = totp.beginEnrolment(jana);
        List<String> old = totp.confirmEnrolment(jana, codeNow(e.secret(), -1));
        List<String> fresh = totp.regenerateRecoveryCodes(jana, codeNow(e.secret(), 0));
        assertEquals(10, fresh.size());
        assertTrue(fresh.stream().noneMatch(old::contains));
        String challenge =
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).challenge();
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.completeSecondFactor(challenge, old.get(0), CLIENT).outcome());

        totp.reset(jana.accountId(), AccountServiceTest.ADMIN);
        assertFalse(totp.status(jana.accountId()).enabled());
        assertEquals(
                Outcome.SUCCESS,
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).outcome());
    }
}
