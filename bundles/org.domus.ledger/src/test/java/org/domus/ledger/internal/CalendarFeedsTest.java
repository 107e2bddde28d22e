package org.domus.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.domus.core.Subject;
import org.domus.ledger.internal.ical.PaymentCalendarImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalendarFeedsTest {

    private LedgerDatabase db;
    private CalendarFeeds feeds;
    private final Subject jana = Subject.of(41, "jana", "Jana", Locale.forLanguageTag("cs"), Set.of());
    private final Subject petr = Subject.of(42, "petr", "Petr", Locale.ENGLISH, Set.of());

    @BeforeEach
    void setUp() {
        db = new LedgerDatabase();
        feeds = new CalendarFeeds(db.ledger(), new PaymentCalendarImpl());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anIssuedSecretOpensItsAccountsFeedAndOnlyItsHashIsStored() {
        String secret = feeds.issue(jana);

        assertTrue(secret.length() >= 43, "256 random bits");
        assertEquals(Optional.of(41L), feeds.accountOf(secret));
        assertEquals(Optional.empty(), feeds.accountOf(secret + "x"));
        assertEquals(Optional.empty(), feeds.accountOf(""));
        String stored = (String)
                db.rows("SELECT TOKEN_HASH FROM LEDGER_CALENDAR_FEED").get(0).get("TOKEN_HASH");
        assertNotEquals(secret, stored);
        assertEquals(CalendarFeeds.hash(secret), stored);
        assertTrue(feeds.issuedAt(jana).isPresent());
        assertFalse(feeds.issuedAt(petr).isPresent());
    }

    @Test
    void rotatingEndsTheOldUrlAndRevokingEndsTheFeedEachWithAnAuditEvent() {
        String first = feeds.issue(jana);
        String second = feeds.issue(jana);
        feeds.issue(petr);

        assertEquals(Optional.empty(), feeds.accountOf(first));
        assertEquals(Optional.of(41L), feeds.accountOf(second));
        assertTrue(feeds.revoke(jana));
        assertEquals(Optional.empty(), feeds.accountOf(second));
        assertFalse(feeds.revoke(jana), "nothing left to revoke");
        assertEquals(1, db.count("SELECT COUNT(*) FROM LEDGER_CALENDAR_FEED"), "Petr's feed stays");

        List<String> actions = db
                .rows("SELECT ACTION_NAME, AFTER_STATE FROM CORE_AUDIT_EVENT WHERE ENTITY_TYPE = 'ledger-calendar-feed'"
                        + " ORDER BY ID")
                .stream()
                .map(r -> (String) r.get("ACTION_NAME"))
                .toList();
        assertEquals(
                List.of(
                        "ledger.calendar-feed.create",
                        "ledger.calendar-feed.rotate",
                        "ledger.calendar-feed.create",
                        "ledger.calendar-feed.revoke"),
                actions);
        String audited = db.rows("SELECT AFTER_STATE FROM CORE_AUDIT_EVENT").toString();
        assertFalse(audited.contains(second), "the secret never reaches the audit trail");
    }

    @Test
    void aFeedWithoutUnitsIsAnEmptyCalendarInTheOwnersLanguage() {
        String ics = feeds.render(jana, "domus.example");
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertFalse(ics.contains("BEGIN:VEVENT"));
    }
}
