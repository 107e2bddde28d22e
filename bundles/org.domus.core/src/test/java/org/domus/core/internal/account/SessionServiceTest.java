package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.AccountStatus;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private CoreDatabase db;
    private MutableClock clock;
    private AccountServiceImpl accounts;
    private SessionServiceImpl sessions;
    private Subject jana;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = new AccountServiceImpl(db.jpa, AccountServiceTest.FAST, AccountServiceTest.POLICY, clock);
        sessions = new SessionServiceImpl(db.jpa, accounts, clock, new Tokens(), Duration.ofMinutes(30));
        long id = accounts.create(
                        new NewAccount(
                                "jana",
                                "Jana",
                                null,
                                AccountServiceTest.PASSWORD.toCharArray(),
                                Set.of(Role.RESIDENT),
                                null,
                                false),
                        null)
                .id();
        jana = accounts.subjectOf(id).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        sessions.deactivate();
        db.close();
    }

    @Test
    void openedSessionResolvesToItsSubjectAndStoresOnlyTheHash() {
        String token = sessions.open(jana, AccountServiceTest.CLIENT);

        assertEquals(jana, sessions.resolve(token).orElseThrow());
        Map<String, Object> row = db.rows("SELECT * FROM CORE_SESSION").get(0);
        assertEquals(Tokens.sha256Hex(token), row.get("TOKEN_HASH"));
        assertFalse(row.values().contains(token));
        assertEquals("192.0.2.7", row.get("CLIENT_IP"));
    }

    @Test
    void unknownTokensResolveToNothing() {
        assertTrue(sessions.resolve("not-a-token").isEmpty());
        assertTrue(sessions.resolve(null).isEmpty());
        assertTrue(sessions.resolve("").isEmpty());
    }

    @Test
    void sessionEndsAfterTheIdleTimeoutButUseExtendsIt() {
        String token = sessions.open(jana, AccountServiceTest.CLIENT);

        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.resolve(token).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.resolve(token).isPresent(), "the previous use moved the expiry");
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.resolve(token).isEmpty());
        assertTrue(db.rows("SELECT * FROM CORE_SESSION").isEmpty(), "an expired session is deleted when seen");
    }

    @Test
    void closedSessionIsGone() {
        String token = sessions.open(jana, AccountServiceTest.CLIENT);
        sessions.close(token);
        sessions.close(token); // twice is fine
        sessions.close("unknown");
        assertTrue(sessions.resolve(token).isEmpty());
    }

    @Test
    void expiredSessionsArePurged() {
        sessions.open(jana, AccountServiceTest.CLIENT);
        sessions.open(jana, AccountServiceTest.CLIENT);
        clock.advance(Duration.ofMinutes(31));
        String fresh = sessions.open(jana, AccountServiceTest.CLIENT); // opening purges too

        assertEquals(1, db.rows("SELECT * FROM CORE_SESSION").size());
        assertEquals(0, sessions.purgeExpired());
        assertTrue(sessions.resolve(fresh).isPresent());
    }

    @Test
    void disablingOrResettingAnAccountEndsItsSessions() {
        String token = sessions.open(jana, AccountServiceTest.CLIENT);
        accounts.resetPassword("jana", "granite window seventy".toCharArray(), false, null);
        assertTrue(sessions.resolve(token).isEmpty());

        String second = sessions.open(jana, AccountServiceTest.CLIENT);
        accounts.setStatus(jana.accountId(), AccountStatus.DISABLED, null);
        assertTrue(sessions.resolve(second).isEmpty());
    }

    @Test
    void resolvedSubjectCarriesTheCurrentRoles() {
        String token = sessions.open(jana, AccountServiceTest.CLIENT);
        accounts.setRoles(jana.accountId(), Set.of(Role.BOARD), null);
        assertEquals(Set.of(Role.BOARD), sessions.resolve(token).orElseThrow().roles());
    }
}
