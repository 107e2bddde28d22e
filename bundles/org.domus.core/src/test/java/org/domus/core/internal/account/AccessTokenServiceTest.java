package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.AccessToken;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenServiceTest {

    private CoreDatabase db;
    private MutableClock clock;
    private AccountServiceImpl accounts;
    private AccessTokenServiceImpl tokens;
    private Subject jana;
    private Subject petr;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = new AccountServiceImpl(db.jpa, AccountServiceTest.FAST, AccountServiceTest.POLICY, clock);
        tokens = new AccessTokenServiceImpl(db.jpa, accounts, clock, new Tokens());
        jana = subject("jana");
        petr = subject("petr");
    }

    private Subject subject(String login) {
        long id = accounts.create(
                        new NewAccount(
                                login,
                                login,
                                null,
                                AccountServiceTest.PASSWORD.toCharArray(),
                                Set.of(Role.ACCOUNTANT),
                                null,
                                false),
                        null)
                .id();
        return accounts.subjectOf(id).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void issuedSecretResolvesAndOnlyItsHashIsStored() {
        AccessToken.Issued issued = tokens.create(jana, "  bank import ", null);

        assertTrue(issued.secret().matches("domus_pat_[A-Za-z0-9_-]{43}"));
        assertEquals("bank import", issued.token().name());
        assertEquals(issued.secret().substring(0, 12), issued.token().prefix());
        assertEquals(jana, tokens.resolve(issued.secret()).orElseThrow());
        Map<String, Object> row = db.rows("SELECT * FROM CORE_ACCESS_TOKEN").get(0);
        assertEquals(Tokens.sha256Hex(issued.secret()), row.get("SECRET_HASH"));
        assertFalse(row.values().contains(issued.secret()));
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'token.create'")
                        .size());
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() {
        AccessToken.Issued issued = tokens.create(jana, "cli", null);
        assertNull(tokens.list(jana).get(0).lastUsedAt());

        tokens.resolve(issued.secret());
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        tokens.resolve(issued.secret());
        assertEquals(first, tokens.list(jana).get(0).lastUsedAt());
        clock.advance(Duration.ofMinutes(2));
        tokens.resolve(issued.secret());
        assertEquals(clock.instant(), tokens.list(jana).get(0).lastUsedAt());
    }

    @Test
    void expiredAndRevokedTokensStopWorking() {
        AccessToken.Issued expiring =
                tokens.create(jana, "short-lived", clock.instant().plus(Duration.ofDays(1)));
        AccessToken.Issued revoked = tokens.create(jana, "revoked", null);

        tokens.revoke(jana, revoked.token().id());
        clock.advance(Duration.ofDays(1));

        assertTrue(tokens.resolve(expiring.secret()).isEmpty());
        assertTrue(tokens.resolve(revoked.secret()).isEmpty());
        assertTrue(tokens.list(jana).stream()
                .filter(t -> t.name().equals("revoked"))
                .findFirst()
                .orElseThrow()
                .revoked());
    }

    @Test
    void ownersSeeAndRevokeOnlyTheirOwnTokensNewestFirst() {
        AccessToken.Issued a = tokens.create(jana, "first", null);
        clock.advance(Duration.ofMinutes(1));
        tokens.create(jana, "second", null);
        tokens.create(petr, "petr's", null);

        List<AccessToken> list = tokens.list(jana);
        assertEquals(
                List.of("second", "first"), list.stream().map(AccessToken::name).toList());
        assertEquals(
                "token.not-found",
                AccountServiceTest.refusal(() -> tokens.revoke(petr, a.token().id())));
        assertTrue(tokens.resolve(a.secret()).isPresent());
    }

    @Test
    void invalidRequestsAreRefusedWithTheirKeys() {
        assertEquals("token.name.invalid", AccountServiceTest.refusal(() -> tokens.create(jana, " ", null)));
        assertEquals(
                "token.name.invalid", AccountServiceTest.refusal(() -> tokens.create(jana, "x".repeat(101), null)));
        assertEquals(
                "token.expiry.past", AccountServiceTest.refusal(() -> tokens.create(jana, "cli", clock.instant())));
        assertTrue(tokens.list(jana).isEmpty());
    }

    @Test
    void malformedOrUnknownSecretsResolveToNothing() {
        assertTrue(tokens.resolve(null).isEmpty());
        assertTrue(tokens.resolve("Bearer something").isEmpty());
        assertTrue(tokens.resolve(new Tokens().accessTokenSecret()).isEmpty());
    }
}
