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
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.Account;
import org.domus.core.account.AccountStatus;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.AuthenticationResult.Outcome;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    static final Argon2PasswordHasher FAST =
            new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom());
    static final PasswordPolicy POLICY = new PasswordPolicy();
    static final String PASSWORD = "violet tractor harbour";
    static final ClientInfo CLIENT = new ClientInfo("192.0.2.7", "JUnit");
    static final Subject ADMIN = Subject.system("shell", "Shell");

    private CoreDatabase db;
    private MutableClock clock;
    private AccountServiceImpl accounts;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = new AccountServiceImpl(db.jpa, FAST, POLICY, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Account create(String login, Role... roles) {
        return accounts.create(
                new NewAccount(
                        login,
                        "Name of " + login,
                        login + "@example.org",
                        PASSWORD.toCharArray(),
                        Set.of(roles),
                        Locale.forLanguageTag("cs"),
                        false),
                ADMIN);
    }

    @Test
    void changelogCreatesEveryCoreTable() {
        // the registry and identity changelogs add their own change sets after these six
        assertTrue(db.changeSetsApplied >= 8, "change sets: " + db.changeSetsApplied);
        for (String table : List.of(
                "CORE_ACCOUNT",
                "CORE_ACCOUNT_ROLE",
                "CORE_LOGIN_EVENT",
                "CORE_AUDIT_EVENT",
                "CORE_SESSION",
                "CORE_ACCESS_TOKEN")) {
            assertEquals(
                    0L,
                    ((Number) db.rows("SELECT COUNT(*) AS N FROM " + table)
                                    .get(0)
                                    .get("N"))
                            .longValue());
        }
    }

    @Test
    void createdAccountIsStoredWithRolesAndAnArgon2Hash() {
        Account a = create("Jana.Novak", Role.MANAGER, Role.BOARD);

        assertEquals("jana.novak", a.login(), "logins are stored in lower case");
        assertEquals(Set.of(Role.MANAGER, Role.BOARD), a.roles());
        assertEquals(AccountStatus.ACTIVE, a.status());
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), a.createdAt());
        assertEquals(a, accounts.findByLogin("JANA.NOVAK").orElseThrow());
        assertEquals(a, accounts.findById(a.id()).orElseThrow());
        String hash = (String)
                db.rows("SELECT PASSWORD_HASH FROM CORE_ACCOUNT").get(0).get("PASSWORD_HASH");
        assertTrue(hash.startsWith("$argon2id$v=19$"), hash);
    }

    @Test
    void instantsAreStoredAsUtcWallClock() {
        create("jana");
        Object created = db.rows("SELECT CREATED_AT FROM CORE_ACCOUNT").get(0).get("CREATED_AT");
        assertEquals("2026-03-01 10:00:00.0", created.toString());
    }

    @Test
    void creationIsAudited() {
        Account a = create("jana", Role.MANAGER);

        Map<String, Object> audit = db.rows("SELECT * FROM CORE_AUDIT_EVENT").get(0);
        assertEquals("account.create", audit.get("ACTION_NAME"));
        assertEquals("shell", audit.get("ACTOR_LOGIN"));
        assertNull(audit.get("ACTOR_ID"));
        assertEquals(String.valueOf(a.id()), audit.get("ENTITY_ID"));
        String after = clob(audit.get("AFTER_STATE"));
        assertTrue(after.contains("\"login\":\"jana\""), after);
        assertTrue(after.contains("\"roles\":[\"MANAGER\"]"), after);
        assertFalse(after.contains("argon2"), "an audit event never holds a password hash");
    }

    @Test
    void duplicateLoginIsAConflictWhateverItsCase() {
        create("jana");
        DomusException e = assertThrows(DomusException.class, () -> create("JANA"));
        assertEquals(DomusException.Kind.CONFLICT, e.kind());
        assertEquals("account.login.taken", e.messageKey());
        assertEquals(1, accounts.list().size());
    }

    @Test
    void invalidFieldsAreRefusedWithTheirKeys() {
        assertEquals("account.login.invalid", refusal(() -> create("x")));
        assertEquals("account.login.invalid", refusal(() -> create("has space")));
        assertEquals(
                "account.display-name.invalid",
                refusal(() -> accounts.create(
                        new NewAccount("jana", "  ", null, PASSWORD.toCharArray(), Set.of(), null, false), ADMIN)));
        assertEquals(
                "account.email.invalid",
                refusal(() -> accounts.create(
                        new NewAccount("jana", "Jana", "not-an-email", PASSWORD.toCharArray(), Set.of(), null, false),
                        ADMIN)));
        assertEquals(
                "password.too-common",
                refusal(() -> accounts.create(
                        new NewAccount("jana", "Jana", null, "password1234".toCharArray(), Set.of(), null, false),
                        ADMIN)));
        assertEquals(
                "password.equals-login",
                refusal(() -> accounts.create(
                        new NewAccount(
                                "jana.novakova", "Jana", null, "Jana.Novakova".toCharArray(), Set.of(), null, false),
                        ADMIN)));
        assertTrue(accounts.list().isEmpty(), "a refused creation leaves nothing behind");
        assertTrue(db.rows("SELECT * FROM CORE_AUDIT_EVENT").isEmpty());
    }

    @Test
    void rightPasswordAuthenticatesAndIsRecorded() {
        Account a = create("jana", Role.RESIDENT);

        AuthenticationResult r = accounts.authenticate("Jana", PASSWORD.toCharArray(), CLIENT);

        assertTrue(r.succeeded());
        assertEquals(a.id(), r.subject().accountId());
        assertEquals(Set.of(Role.RESIDENT), r.subject().roles());
        assertEquals(Locale.forLanguageTag("cs"), r.subject().locale());
        assertEquals(clock.instant(), accounts.findById(a.id()).orElseThrow().lastLoginAt());
        Map<String, Object> event = db.rows("SELECT * FROM CORE_LOGIN_EVENT").get(0);
        assertEquals("SUCCESS", event.get("OUTCOME"));
        assertEquals("192.0.2.7", event.get("CLIENT_IP"));
        assertEquals("JUnit", event.get("USER_AGENT"));
        assertEquals(a.id(), ((Number) event.get("ACCOUNT_ID")).longValue());
    }

    @Test
    void wrongPasswordAndUnknownLoginFailAlikeAndAreRecorded() {
        create("jana");

        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.authenticate("jana", "wrong password!".toCharArray(), CLIENT)
                        .outcome());
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.authenticate("nobody", PASSWORD.toCharArray(), CLIENT).outcome());

        List<Map<String, Object>> events = db.rows("SELECT * FROM CORE_LOGIN_EVENT ORDER BY ID");
        assertEquals(2, events.size());
        assertEquals("BAD_CREDENTIALS", events.get(1).get("OUTCOME"));
        assertNull(events.get(1).get("ACCOUNT_ID"));
        assertEquals("nobody", events.get(1).get("LOGIN"));
    }

    @Test
    void unknownLoginCostsAsMuchAsAKnownOne() {
        Argon2PasswordHasher real = new Argon2PasswordHasher();
        AccountServiceImpl service = new AccountServiceImpl(db.jpa, real, POLICY, clock);
        service.create(new NewAccount("jana", "Jana", null, PASSWORD.toCharArray(), Set.of(), null, false), ADMIN);
        long[] known = new long[4];
        long[] unknown = new long[4];
        for (int i = 0; i < 4; i++) { // four failures: stays below the lockout
            known[i] = time(() -> service.authenticate("jana", "wrong password!".toCharArray(), CLIENT));
            unknown[i] = time(() -> service.authenticate("nobody", "wrong password!".toCharArray(), CLIENT));
        }
        long hashOnly = time(() -> real.verify("wrong password!".toCharArray(), real.hash("x".toCharArray())));
        java.util.Arrays.sort(known);
        java.util.Arrays.sort(unknown);

        // The median unknown attempt must include a full Argon2 verification, like a known one does.
        assertTrue(
                unknown[2] * 4 >= hashOnly,
                "unknown " + java.util.Arrays.toString(unknown) + " ms, known " + java.util.Arrays.toString(known)
                        + " ms, one hash+verify " + hashOnly + " ms");
        assertTrue(
                unknown[2] * 3 >= known[2],
                "unknown " + java.util.Arrays.toString(unknown) + " ms, known " + java.util.Arrays.toString(known)
                        + " ms");
    }

    @Test
    void fiveFailuresLockTheAccountForAMinuteAndThenForLonger() {
        create("jana");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    Outcome.BAD_CREDENTIALS,
                    accounts.authenticate("jana", "wrong password!".toCharArray(), CLIENT)
                            .outcome());
        }
        assertEquals(
                AccountStatus.LOCKED, accounts.findByLogin("jana").orElseThrow().status());
        assertEquals(
                Outcome.LOCKED,
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).outcome(),
                "even the right password is refused while locked");
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_LOGIN_EVENT WHERE OUTCOME = 'LOCKOUT'")
                        .size());

        clock.advance(Duration.ofSeconds(61));
        assertEquals(
                Outcome.BAD_CREDENTIALS,
                accounts.authenticate("jana", "wrong password!".toCharArray(), CLIENT)
                        .outcome());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(
                Outcome.LOCKED,
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).outcome(),
                "the sixth failure locks for two minutes");
        clock.advance(Duration.ofSeconds(60));
        AuthenticationResult ok = accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT);
        assertTrue(ok.succeeded());
        assertEquals(
                0,
                ((Number) db.rows("SELECT FAILED_ATTEMPTS FROM CORE_ACCOUNT")
                                .get(0)
                                .get("FAILED_ATTEMPTS"))
                        .intValue());
        assertNull(db.rows("SELECT LOCKED_UNTIL FROM CORE_ACCOUNT").get(0).get("LOCKED_UNTIL"));
    }

    @Test
    void successfulLoginUpgradesAnOldHash() {
        create("jana");
        Argon2PasswordHasher stronger =
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(2048, 2, 1), new SecureRandom());
        AccountServiceImpl upgraded = new AccountServiceImpl(db.jpa, stronger, POLICY, clock);

        assertTrue(upgraded.authenticate("jana", PASSWORD.toCharArray(), CLIENT).succeeded());

        String hash = (String)
                db.rows("SELECT PASSWORD_HASH FROM CORE_ACCOUNT").get(0).get("PASSWORD_HASH");
        assertTrue(hash.startsWith("$argon2id$v=19$m=2048,t=2,p=1$"), hash);
        assertTrue(upgraded.authenticate("jana", PASSWORD.toCharArray(), CLIENT).succeeded());
    }

    @Test
    void disabledAccountCannotLogInAndHasNoSubject() {
        Account a = create("jana");
        accounts.setStatus(a.id(), AccountStatus.DISABLED, ADMIN);

        assertEquals(
                Outcome.DISABLED,
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).outcome());
        assertTrue(accounts.subjectOf(a.id()).isEmpty());
        accounts.setStatus(a.id(), AccountStatus.ACTIVE, ADMIN);
        assertTrue(accounts.subjectOf(a.id()).isPresent());
    }

    @Test
    void resetPasswordClearsTheLockoutForcesAChangeAndIsAudited() {
        create("jana");
        for (int i = 0; i < 5; i++) {
            accounts.authenticate("jana", "wrong password!".toCharArray(), CLIENT);
        }

        accounts.resetPassword("jana", "granite window seventy".toCharArray(), true, ADMIN);

        AuthenticationResult r = accounts.authenticate("jana", "granite window seventy".toCharArray(), CLIENT);
        assertTrue(r.succeeded());
        assertTrue(r.mustChangePassword());
        Map<String, Object> audit = db.rows(
                        "SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.password.reset'")
                .get(0);
        assertFalse(clob(audit.get("AFTER_STATE")).contains("argon2"));
        assertFalse(clob(audit.get("BEFORE_STATE")).contains("argon2"));
        assertEquals(
                "not-found",
                refusal(() -> accounts.resetPassword("nobody", "granite window seventy".toCharArray(), true, ADMIN))
                        .substring(8));
    }

    @Test
    void changePasswordNeedsTheCurrentOneAndClearsMustChange() {
        Account a = accounts.create(
                new NewAccount("jana", "Jana", null, PASSWORD.toCharArray(), Set.of(), null, true), ADMIN);

        assertEquals(
                "password.current-wrong",
                refusal(() -> accounts.changePassword(
                        a.id(), "not it at all".toCharArray(), "granite window seventy".toCharArray())));
        assertEquals(
                "password.unchanged",
                refusal(() -> accounts.changePassword(a.id(), PASSWORD.toCharArray(), PASSWORD.toCharArray())));
        assertEquals(
                "password.too-short",
                refusal(() -> accounts.changePassword(a.id(), PASSWORD.toCharArray(), "short".toCharArray())));

        accounts.changePassword(a.id(), PASSWORD.toCharArray(), "granite window seventy".toCharArray());

        assertFalse(
                accounts.authenticate("jana", PASSWORD.toCharArray(), CLIENT).succeeded());
        AuthenticationResult r = accounts.authenticate("jana", "granite window seventy".toCharArray(), CLIENT);
        assertTrue(r.succeeded());
        assertFalse(r.mustChangePassword());
        Map<String, Object> audit = db.rows(
                        "SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.password.change'")
                .get(0);
        assertEquals("jana", audit.get("ACTOR_LOGIN"));
    }

    @Test
    void localeAndRoleChangesAreAudited() {
        Account a = create("jana", Role.RESIDENT);

        accounts.setLocale(a.id(), Locale.forLanguageTag("pl"));
        Account changed = accounts.setRoles(a.id(), Set.of(Role.MANAGER, Role.ACCOUNTANT), ADMIN);

        assertEquals(Set.of(Role.MANAGER, Role.ACCOUNTANT), changed.roles());
        assertEquals(
                Set.of(Role.MANAGER, Role.ACCOUNTANT),
                accounts.subjectOf(a.id()).orElseThrow().roles());
        assertEquals(
                Locale.forLanguageTag("pl"),
                accounts.subjectOf(a.id()).orElseThrow().locale());
        Map<String, Object> locale = db.rows(
                        "SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.locale.change'")
                .get(0);
        assertEquals("{\"locale\":\"cs\"}", clob(locale.get("BEFORE_STATE")));
        assertEquals("{\"locale\":\"pl\"}", clob(locale.get("AFTER_STATE")));
        Map<String, Object> roles = db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.roles.change'")
                .get(0);
        assertEquals("{\"roles\":[\"RESIDENT\"]}", clob(roles.get("BEFORE_STATE")));
        assertEquals("{\"roles\":[\"ACCOUNTANT\",\"MANAGER\"]}", clob(roles.get("AFTER_STATE")));
    }

    @Test
    void listIsOrderedByLoginWithRoles() {
        create("zdenek", Role.TECHNICIAN);
        create("adam", Role.ADMIN, Role.BOARD);

        List<Account> all = accounts.list();

        assertEquals(List.of("adam", "zdenek"), all.stream().map(Account::login).toList());
        assertEquals(Set.of(Role.ADMIN, Role.BOARD), all.get(0).roles());
        assertTrue(accounts.isEmpty() == false);
        assertNotNull(all.get(1).createdAt());
    }

    static String refusal(Runnable r) {
        return assertThrows(DomusException.class, r::run).messageKey();
    }

    static String clob(Object value) {
        try {
            if (value instanceof java.sql.Clob c) {
                return c.getSubString(1, (int) c.length());
            }
            return (String) value;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
