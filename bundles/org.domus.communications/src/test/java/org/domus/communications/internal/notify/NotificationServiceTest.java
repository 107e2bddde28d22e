package org.domus.communications.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.communications.Notification;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.domus.communications.NotificationPreferences;
import org.domus.core.DomusException;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {

    private NotifyDatabase db;
    private Subject jana;
    private Subject piotr;

    @BeforeEach
    void open() {
        db = new NotifyDatabase();
        Organisation org = db.organisation("CZ");
        Building building = db.building(db.estate(org.id(), "Lesná").id(), "Haškova", "12");
        Unit flat = db.unit(building.id(), "1");
        jana = db.resident("jana", "jana@example.cz", "cs", TenureRole.OWNER, flat);
        piotr = db.resident("piotr", null, "pl", TenureRole.TENANT, flat);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void notify(long account, NotificationKind kind, String key, String createdAt, String readAt) {
        db.execute("INSERT INTO COMM_NOTIFICATION (ACCOUNT_ID, KIND, TITLE, BODY, LINK, SOURCE_KEY, CREATED_AT,"
                + " READ_AT) VALUES (" + account + ", '" + kind + "', 'Title " + key + "', '', 'x/1', '" + key
                + "', TIMESTAMP('" + createdAt + "'), " + (readAt == null ? "NULL" : "TIMESTAMP('" + readAt + "')")
                + ")");
    }

    @Test
    void theCentreListsUnreadFirstThenNewestAndOnlyTheSubjectsOwn() {
        notify(jana.accountId(), NotificationKind.TICKET_UPDATES, "a", "2026-03-01 10:00:00", "2026-03-02 10:00:00");
        notify(jana.accountId(), NotificationKind.ANNOUNCEMENTS, "b", "2026-03-02 10:00:00", null);
        notify(jana.accountId(), NotificationKind.TICKET_UPDATES, "c", "2026-03-05 10:00:00", "2026-03-05 11:00:00");
        notify(jana.accountId(), NotificationKind.MESSAGES, "d", "2026-03-04 10:00:00", null);
        notify(piotr.accountId(), NotificationKind.MESSAGES, "e", "2026-03-06 07:00:00", null);

        Page<Notification> all = db.notifications.list(jana, false, null, 0, 10);
        assertEquals(List.of("Title d", "Title b", "Title c", "Title a"), titles(all));
        assertEquals(4, all.total());
        assertEquals(List.of("Title b", "Title c"), titles(db.notifications.list(jana, false, null, 1, 2)));
        assertEquals(List.of("Title a"), titles(db.notifications.list(jana, false, null, 3, 2)));
        assertEquals(List.of("Title d", "Title b"), titles(db.notifications.list(jana, true, null, 0, 10)));
        assertEquals(
                List.of("Title c", "Title a"),
                titles(db.notifications.list(jana, false, NotificationKind.TICKET_UPDATES, 0, 10)));
        assertEquals(2, db.notifications.unreadCount(jana));
        assertEquals(1, db.notifications.unreadCount(piotr));
        assertThrows(DomusException.class, () -> db.notifications.list(jana, false, null, 0, 500));
        assertThrows(DomusException.class, () -> db.notifications.list(jana, false, null, -1, 5));
    }

    private static List<String> titles(Page<Notification> page) {
        return page.items().stream().map(Notification::title).toList();
    }

    @Test
    void markingReadWorksOnTheSubjectsOwnNotificationsOnly() {
        notify(jana.accountId(), NotificationKind.ANNOUNCEMENTS, "a", "2026-03-01 10:00:00", null);
        notify(jana.accountId(), NotificationKind.ANNOUNCEMENTS, "b", "2026-03-02 10:00:00", null);
        notify(piotr.accountId(), NotificationKind.MESSAGES, "c", "2026-03-02 10:00:00", null);
        long janas =
                db.notifications.list(jana, false, null, 0, 1).items().get(0).id();
        long piotrs =
                db.notifications.list(piotr, false, null, 0, 1).items().get(0).id();

        DomusException e = assertThrows(DomusException.class, () -> db.notifications.markRead(jana, piotrs));
        assertEquals(DomusException.Kind.NOT_FOUND, e.kind());
        assertEquals(1, db.notifications.unreadCount(piotr));

        Notification read = db.notifications.markRead(jana, janas);
        assertFalse(read.unread());
        assertNotNull(read.readAt());
        assertEquals(read.readAt(), db.notifications.markRead(jana, janas).readAt());
        assertEquals(1, db.notifications.unreadCount(jana));
        assertEquals(1, db.notifications.markAllRead(jana));
        assertEquals(0, db.notifications.unreadCount(jana));
        assertEquals(1, db.notifications.unreadCount(piotr));
    }

    @Test
    void preferencesStartFromTheDefaultsAndSavedChoicesAreAudited() {
        NotificationPreferences defaults = db.notifications.preferences(jana);
        assertEquals("jana@example.cz", defaults.email().orElseThrow());
        for (NotificationKind kind : NotificationKind.values()) {
            assertTrue(defaults.enabled(kind, NotificationChannel.IN_APP), kind.name());
        }
        assertTrue(defaults.enabled(NotificationKind.TICKET_UPDATES, NotificationChannel.EMAIL));
        assertTrue(defaults.enabled(NotificationKind.ANNOUNCEMENTS, NotificationChannel.EMAIL));
        assertTrue(defaults.enabled(NotificationKind.MESSAGES, NotificationChannel.EMAIL));
        assertFalse(defaults.enabled(NotificationKind.PAYMENT_REMINDERS, NotificationChannel.EMAIL));

        NotificationPreferences saved = db.notifications.savePreferences(
                jana,
                Map.of(
                        NotificationKind.PAYMENT_REMINDERS,
                        EnumSet.allOf(NotificationChannel.class),
                        NotificationKind.ANNOUNCEMENTS,
                        Set.of()));
        assertTrue(saved.enabled(NotificationKind.PAYMENT_REMINDERS, NotificationChannel.EMAIL));
        assertFalse(saved.enabled(NotificationKind.ANNOUNCEMENTS, NotificationChannel.IN_APP));
        assertTrue(saved.enabled(NotificationKind.TICKET_UPDATES, NotificationChannel.EMAIL));
        assertEquals(saved, db.notifications.preferences(jana));
        // another account keeps the defaults
        assertEquals(defaults.channels(), db.notifications.preferences(piotr).channels());
        assertEquals(
                1,
                db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'communications.preferences.change'"
                        + " AND ENTITY_ID = '" + jana.accountId() + "'"));
        // saving the same choices again changes nothing and records nothing
        db.notifications.savePreferences(jana, saved.channels());
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'communications.preferences.change'"));
        assertThrows(DomusException.class, () -> db.notifications.savePreferences(NotifyDatabase.ADMIN, Map.of()));
    }

    @Test
    void notificationsPastTheRetentionAreDeleted() {
        notify(jana.accountId(), NotificationKind.ANNOUNCEMENTS, "old", "2025-06-01 10:00:00", null);
        notify(jana.accountId(), NotificationKind.ANNOUNCEMENTS, "new", "2026-03-01 10:00:00", null);

        assertEquals(1, db.notifications.purge());
        assertEquals(List.of("Title new"), titles(db.notifications.list(jana, false, null, 0, 10)));
    }
}
