package org.domus.communications.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.domus.communications.Notification;
import org.domus.communications.NotificationChannel;
import org.domus.communications.NotificationKind;
import org.domus.communications.internal.mail.MailRequest;
import org.domus.core.Subject;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.registry.Building;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class FanoutTest {

    private NotifyDatabase db;
    private Unit flat1;
    private Unit flat2;

    private NotifyDatabase open(NotifyDatabase database) {
        db = database;
        Organisation org = db.organisation("CZ");
        Building building = db.building(db.estate(org.id(), "Lesná").id(), "Haškova", "12");
        flat1 = db.unit(building.id(), "1");
        flat2 = db.unit(building.id(), "2");
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    static Event ticketEvent(String topic, long ticketId, long requester, long actor, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("ticketId", ticketId);
        p.put("reference", "T-2026-" + ticketId);
        p.put("organisationId", 1L);
        p.put("buildingId", 1L);
        p.put("status", "DONE");
        p.put("summary", "The kitchen tap drips");
        p.put("requesterAccountId", requester);
        p.put("actorAccountId", actor);
        p.putAll(extra);
        return new Event(topic, p);
    }

    static Event statusChanged(long ticketId, long requester, long entryId) {
        return ticketEvent(
                TicketSource.STATUS_CHANGED,
                ticketId,
                requester,
                99L,
                Map.of("previousStatus", "IN_PROGRESS", "entryId", entryId));
    }

    private void handle(Event e) {
        db.fanout.accept(e);
        db.fanout.processDue();
    }

    @Test
    void aTicketStatusChangeReachesItsRequesterInTheirLanguageInTheCentreAndByMail() {
        open(new NotifyDatabase());
        Subject jana = db.resident("jana", "jana@example.cz", "cs", TenureRole.OWNER, flat1);
        Subject other = db.resident("piotr", "piotr@example.pl", "pl", TenureRole.OWNER, flat2);

        handle(statusChanged(7, jana.accountId(), 70));

        List<Notification> mine =
                db.notifications.list(jana, false, null, 0, 10).items();
        assertEquals(1, mine.size());
        assertEquals("Požadavek T-2026-7: Hotový", mine.get(0).title());
        assertEquals("The kitchen tap drips", mine.get(0).text());
        assertEquals("tickets/ticket/7", mine.get(0).link());
        assertEquals(NotificationKind.TICKET_UPDATES, mine.get(0).kind());
        assertEquals(0, db.notifications.unreadCount(other));

        List<MailRequest> mails = db.outbox.queued();
        assertEquals(1, mails.size());
        MailRequest mail = mails.get(0);
        assertEquals("jana@example.cz", mail.address());
        assertEquals("cs", mail.locale().getLanguage());
        assertEquals("ticket-status", mail.template());
        assertEquals("Hotový", mail.values().get("status"));
        assertEquals("T-2026-7", mail.values().get("reference"));
        assertEquals("The kitchen tap drips", mail.values().get("summary"));
        assertEquals("jana Resident", mail.values().get("name"));
        assertEquals("http://localhost:8181/tickets/ticket/7", mail.values().get("link"));
        assertEquals(
                "http://localhost:8181/communications/notification-settings",
                mail.values().get("preferencesLink"));
    }

    @Test
    void anEventHandledTwiceNotifiesAndMailsOnce() {
        open(new NotifyDatabase());
        Subject jana = db.resident("jana", "jana@example.cz", "cs", TenureRole.OWNER, flat1);

        assertTrue(db.fanout.accept(statusChanged(7, jana.accountId(), 70)).isPresent());
        // EventAdmin delivering the same event again (or another node receiving it) queues nothing
        assertEquals(Optional.empty(), db.fanout.accept(statusChanged(7, jana.accountId(), 70)));
        db.fanout.processDue();
        // a row processed again from the start (a crash before its state was written) adds nothing either
        db.execute("UPDATE COMM_FANOUT SET STATE = 'PENDING', DONE_THROUGH = 0");
        db.fanout.processDue();

        assertEquals(1, db.count("SELECT COUNT(*) FROM COMM_NOTIFICATION"));
        assertEquals(1, db.outbox.queued().size());
        assertEquals(1, db.count("SELECT COUNT(*) FROM COMM_FANOUT WHERE STATE = 'DONE'"));
        // a later change of the same ticket is another event
        handle(statusChanged(7, jana.accountId(), 71));
        assertEquals(2, db.notifications.unreadCount(jana));
    }

    @Test
    void aResidentWhoTurnedEmailOffGetsTheNotificationButNoMail() {
        open(new NotifyDatabase());
        Subject jana = db.resident("jana", "jana@example.cz", "cs", TenureRole.OWNER, flat1);
        db.notifications.savePreferences(
                jana, Map.of(NotificationKind.TICKET_UPDATES, EnumSet.of(NotificationChannel.IN_APP)));

        handle(statusChanged(7, jana.accountId(), 70));
        handle(ticketEvent(TicketSource.FEEDBACK, 7, jana.accountId(), 99L, Map.of("text", "Fixed", "entryId", 72L)));

        assertEquals(2, db.notifications.unreadCount(jana));
        assertEquals(List.of(), db.outbox.queued());
    }

    @Test
    void accountsWithoutAnAddressGetInAppNotificationsOnly() {
        open(new NotifyDatabase());
        Subject noMail = db.resident("karel", null, "cs", TenureRole.OWNER, flat1);

        handle(statusChanged(7, noMail.accountId(), 70));

        assertEquals(1, db.notifications.unreadCount(noMail));
        assertEquals(List.of(), db.outbox.queued());
        assertEquals(Optional.empty(), db.notifications.preferences(noMail).email());
    }

    @Test
    void nobodyIsToldOfTheirOwnCommentAndAnonymousTicketsNotifyNobody() {
        open(new NotifyDatabase());
        Subject jana = db.resident("jana", "jana@example.cz", "cs", TenureRole.OWNER, flat1);

        Event own = ticketEvent(
                TicketSource.COMMENTED, 7, jana.accountId(), jana.accountId(), Map.of("text", "Hi", "entryId", 3L));
        assertEquals(Optional.empty(), db.fanout.accept(own));
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put("ticketId", 8L);
        anonymous.put("status", "DONE");
        assertEquals(Optional.empty(), db.fanout.accept(new Event(TicketSource.STATUS_CHANGED, anonymous)));

        Event office = ticketEvent(
                TicketSource.COMMENTED, 7, jana.accountId(), 99L, Map.of("text", "We come on Monday", "entryId", 4L));
        handle(office);
        Notification n = db.notifications.list(jana, true, null, 0, 10).items().get(0);
        assertEquals("Nový komentář k vašemu požadavku T-2026-7", n.title());
        assertEquals("We come on Monday", n.text());
        assertEquals("ticket-message", db.outbox.queued().get(0).template());
        assertEquals("We come on Monday", db.outbox.queued().get(0).values().get("text"));
    }

    static Event paymentDue(long unitId, String reminderKey) {
        Map<String, Object> p = new HashMap<>();
        p.put("organisationId", 1L);
        p.put("buildingId", 1L);
        p.put("unitId", unitId);
        p.put("unitLabel", "Haškova 12, 1");
        p.put("amount", "3450.00");
        p.put("currency", "CZK");
        p.put("dueDate", "2026-03-31");
        p.put("month", "2026-03");
        p.put("account", "123456789/0800");
        p.put("reference", "1001");
        p.put("qrPayload", "SPD*1.0*ACC:CZ6508000000192000145399*AM:3450.00*CC:CZK*X-VS:1001");
        p.put("qrStandard", "SPAYD");
        p.put("reminderKey", reminderKey);
        p.put("actor", "scheduler");
        return new Event(LedgerSource.PAYMENT_DUE, p);
    }

    @Test
    void paymentRemindersReachOnlyThoseWhoPayAndByMailOnlyWhenTheyAllowedIt() {
        open(new NotifyDatabase());
        Subject owner = db.resident("owner", "owner@example.cz", "cs", TenureRole.OWNER, flat1);
        Subject tenant = db.resident("tenant", "tenant@example.pl", "pl", TenureRole.TENANT, flat1);
        Subject lodger = db.resident("lodger", "lodger@example.cz", "cs", TenureRole.RESIDENT, flat1);
        Subject neighbour = db.resident("neighbour", "n@example.cz", "cs", TenureRole.OWNER, flat2);
        // the owner allowed payment e-mails; by default they are off
        db.notifications.savePreferences(
                owner,
                Map.of(
                        NotificationKind.PAYMENT_REMINDERS,
                        EnumSet.of(NotificationChannel.IN_APP, NotificationChannel.EMAIL)));

        handle(paymentDue(flat1.id(), "due:" + flat1.id() + ":2026-03-31"));

        assertEquals(1, db.notifications.unreadCount(owner));
        assertEquals(1, db.notifications.unreadCount(tenant));
        assertEquals(0, db.notifications.unreadCount(lodger));
        assertEquals(0, db.notifications.unreadCount(neighbour));
        Notification polish =
                db.notifications.list(tenant, false, null, 0, 5).items().get(0);
        assertTrue(polish.title().startsWith("Płatność 3"), polish.title());
        assertTrue(polish.title().contains("Kč") || polish.title().contains("CZK"), polish.title());
        assertEquals("Za Haškova 12, 1.", polish.text());

        List<MailRequest> mails = db.outbox.queued();
        assertEquals(1, mails.size());
        MailRequest mail = mails.get(0);
        assertEquals(owner.accountId(), mail.accountId());
        assertEquals("payment-due", mail.template());
        assertEquals("3450.00", mail.values().get("amount"));
        assertEquals("2026-03-31", mail.values().get("dueDate"));
        assertEquals("CZK", mail.values().get("currency"));
        assertEquals("1001", mail.values().get("reference"));
        assertEquals("123456789/0800", mail.values().get("account"));
        assertTrue(mail.values().get("qrPayload").startsWith("SPD*1.0*"));
        assertEquals("Haškova 12, 1", mail.values().get("unit"));
    }

    @Test
    void aBillingRunTellsEachUnitsPayersTheirOwnCharges() {
        open(new NotifyDatabase());
        Subject first = db.resident("first", "first@example.cz", "en", TenureRole.OWNER, flat1);
        Subject second = db.resident("second", null, "ro", TenureRole.MEMBER, flat2);
        Map<String, Object> p = new HashMap<>();
        p.put("organisationId", 1L);
        p.put("billingRunId", 5L);
        p.put("transactionId", 50L);
        p.put("period", "2026-03");
        p.put("unitIds", new long[] {flat1.id(), flat2.id()});
        p.put("amounts", new String[] {"3450.00", "2100.50"});
        p.put("currency", "CZK");
        p.put("month", "2026-03");
        p.put("dueDate", "2026-03-31");
        p.put("actor", "shell");
        Event run = new Event(LedgerSource.BILLING_RUN_POSTED, p);

        handle(run);
        handle(run);

        Notification a = db.notifications.list(first, false, null, 0, 5).items().get(0);
        assertEquals(NotificationKind.PAYMENT_REMINDERS, a.kind());
        assertTrue(a.title().contains("3,450.00"), a.title());
        assertTrue(a.title().contains("March 2026"), a.title());
        assertEquals("Charges for Haškova 12, 1, due on Mar 31, 2026.", a.text());
        Notification b =
                db.notifications.list(second, false, null, 0, 5).items().get(0);
        assertTrue(b.title().contains("2.100,50"), b.title());
        assertEquals(1, db.notifications.unreadCount(first));
        assertEquals(1, db.notifications.unreadCount(second));
        // charges are payment mails: off unless allowed
        assertEquals(List.of(), db.outbox.queued());
    }

    @Test
    void aFanOutThatFailsHalfWayResumesAfterItsLastBatchAndReachesEveryoneOnce() {
        AtomicBoolean broken = new AtomicBoolean(true);
        long[] failAt = {0};
        FanoutSource many = new FanoutSource() {
            @Override
            public Set<String> topics() {
                return Set.of("test/MANY");
            }

            @Override
            public Optional<String> eventKey(String topic, Map<String, String> props) {
                return Optional.of("test:" + props.get("n"));
            }

            @Override
            public List<Delivery> deliveries(String topic, Map<String, String> props, LocalDate today) {
                return db
                        .audience
                        .residents(
                                List.of(
                                        AudienceTarget.of(AudienceTarget.Kind.UNIT, flat1.id()),
                                        AudienceTarget.of(AudienceTarget.Kind.UNIT, flat2.id())),
                                today,
                                Set.of())
                        .stream()
                        .map(r -> new Delivery(r, NotificationKind.ANNOUNCEMENTS, "test:1", null, c -> {
                            if (broken.get() && r.accountId() == failAt[0]) {
                                throw new IllegalStateException("the database went away");
                            }
                            return new Delivery.Content("Water off", "", "announcement", Map.of("title", "Water"));
                        }))
                        .toList();
            }
        };
        open(new NotifyDatabase(NotifySettings.standard().withBatchSize(2), audience -> many));
        long[] accounts = new long[5];
        for (int i = 0; i < 5; i++) {
            accounts[i] = db.resident(
                            "r" + i, "r" + i + "@example.cz", "en", TenureRole.OWNER, i % 2 == 0 ? flat1 : flat2)
                    .accountId();
        }
        failAt[0] = accounts[3];

        long id = db.fanout.accept(new Event("test/MANY", Map.of("n", 1))).orElseThrow();
        assertFalse(db.fanout.process(id));
        // the first batch (two accounts) committed; the second failed as a whole
        assertEquals(2, db.count("SELECT COUNT(*) FROM COMM_NOTIFICATION"));
        Map<String, Object> row = db.rows("SELECT * FROM COMM_FANOUT").get(0);
        assertEquals("PENDING", row.get("STATE"));
        assertEquals(accounts[1], ((Number) row.get("DONE_THROUGH")).longValue());
        assertEquals(1, ((Number) row.get("ATTEMPTS")).intValue());
        // not due again at once (retried later)
        assertEquals(List.of(), db.fanout.due(10));

        broken.set(false);
        assertTrue(db.fanout.process(id));
        assertEquals(5, db.count("SELECT COUNT(*) FROM COMM_NOTIFICATION"));
        assertEquals(5, db.count("SELECT COUNT(DISTINCT ACCOUNT_ID) FROM COMM_NOTIFICATION"));
        assertEquals(5, db.outbox.queued().size());
        assertEquals("DONE", db.rows("SELECT STATE FROM COMM_FANOUT").get(0).get("STATE"));
    }
}
