package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.consent.ConsentEvent;
import org.domus.core.consent.ConsentKind;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentServiceTest {

    private CoreDatabase db;
    private MutableClock clock;
    private ConsentServiceImpl consents;
    private Subject jana;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        AccountServiceImpl accounts =
                new AccountServiceImpl(db.jpa, AccountServiceTest.FAST, AccountServiceTest.POLICY, clock);
        Account a = accounts.create(
                new NewAccount(
                        "jana",
                        "Jana",
                        null,
                        AccountServiceTest.PASSWORD.toCharArray(),
                        Set.of(Role.RESIDENT),
                        Locale.ENGLISH,
                        false),
                AccountServiceTest.ADMIN);
        jana = accounts.subjectOf(a.id()).orElseThrow();
        consents = new ConsentServiceImpl(db.jpa, clock, "2026-1");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void termsMustBeAcceptedInTheCurrentVersion() {
        assertFalse(consents.hasAcceptedCurrentTerms(jana.accountId()));
        DomusException old = assertThrows(DomusException.class, () -> consents.acceptTerms(jana, "2025-1"));
        assertEquals("consent.terms.outdated", old.messageKey());
        assertTrue(consents.history(jana.accountId()).isEmpty(), "a refused acceptance writes nothing");
        consents.acceptTerms(jana, "2026-1");
        assertTrue(consents.hasAcceptedCurrentTerms(jana.accountId()));
        assertFalse(
                new ConsentServiceImpl(db.jpa, clock, "2026-2").hasAcceptedCurrentTerms(jana.accountId()),
                "a new version is asked again");
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'consent.terms.accept'")
                        .size());
    }

    @Test
    void grantsAndRevocationsAreKeptAsTimestampedHistory() {
        consents.set(jana, ConsentKind.E_INVOICE, true);
        clock.advance(Duration.ofDays(3));
        consents.set(jana, ConsentKind.E_INVOICE, false);
        consents.set(jana, ConsentKind.E_INVOICE, false); // no change: nothing recorded
        clock.advance(Duration.ofDays(1));
        consents.set(jana, ConsentKind.NOTIFICATIONS, true);

        assertEquals(false, consents.current(jana.accountId()).get(ConsentKind.E_INVOICE));
        assertEquals(true, consents.current(jana.accountId()).get(ConsentKind.NOTIFICATIONS));
        List<ConsentEvent> history = consents.history(jana.accountId());
        assertEquals(3, history.size());
        assertEquals(
                new ConsentEvent("NOTIFICATIONS", true, null, Instant.parse("2026-03-05T10:00:00Z")), history.get(0));
        assertEquals(new ConsentEvent("E_INVOICE", false, null, Instant.parse("2026-03-04T10:00:00Z")), history.get(1));
        assertEquals(
                2,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'consent.grant'")
                        .size());
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'consent.revoke'")
                        .size());
    }
}
