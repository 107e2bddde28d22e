package org.domus.communications.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domus.communications.AnnouncementDelivery;
import org.domus.communications.AnnouncementService;
import org.domus.communications.CommunicationsEvents;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class AnnouncementFanoutTest {

    private final Map<Long, AnnouncementDelivery> published = new HashMap<>();
    private NotifyDatabase db;
    private Unit flat1;
    private Unit flat2;
    private Unit elsewhere;

    /** The announcements service answers the system read the fan-out makes (the service is tested on its own). */
    private AnnouncementService announcements() {
        return (AnnouncementService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {AnnouncementService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("forDelivery")) {
                        return Optional.ofNullable(published.get((Long) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @BeforeEach
    void open() {
        AnnouncementService service = announcements();
        db = new NotifyDatabase(NotifySettings.standard(), audience -> new AnnouncementSource(audience, () -> service));
        Organisation org = db.organisation("CZ");
        Building building = db.building(db.estate(org.id(), "Lesná").id(), "Haškova", "12");
        Building other = db.building(db.estate(org.id(), "Bystrc").id(), "Vejrostova", "3");
        flat1 = db.unit(building.id(), "1");
        flat2 = db.unit(building.id(), "2");
        elsewhere = db.unit(other.id(), "9");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void publish(long id, boolean urgent, Unit... units) {
        published.put(
                id,
                new AnnouncementDelivery(
                        id,
                        1L,
                        "Water off on Monday",
                        "<p>Water is off <b>8-12</b>.</p>",
                        "Water is off 8-12.",
                        urgent,
                        java.util.Arrays.stream(units)
                                .map(u -> AudienceTarget.of(AudienceTarget.Kind.UNIT, u.id()))
                                .toList(),
                        Instant.parse("2026-03-06T07:00:00Z"),
                        null));
    }

    private static Event event(long id) {
        return new Event(
                CommunicationsEvents.ANNOUNCEMENT_PUBLISHED,
                Map.of(
                        CommunicationsEvents.ANNOUNCEMENT_ID, id,
                        CommunicationsEvents.ORGANISATION_ID, 1L,
                        CommunicationsEvents.ACTOR_ACCOUNT_ID, 5L));
    }

    @Test
    void anUrgentAnnouncementReachesItsTargetsInTheirLanguagesAndFollowsPreferences() {
        Subject jana = db.resident("jana", "jana@example.cz", "cs", TenureRole.OWNER, flat1);
        Subject piotr = db.resident("piotr", "piotr@example.pl", "pl", TenureRole.RESIDENT, flat2);
        Subject ion = db.resident("ion", "ion@example.ro", "ro", TenureRole.OWNER, elsewhere);
        db.notifications.savePreferences(
                piotr, Map.of(NotificationKind.ANNOUNCEMENTS, EnumSet.of(NotificationChannel.IN_APP)));
        publish(3, true, flat1, flat2);

        db.fanout.accept(event(3));
        db.fanout.accept(event(3));
        db.fanout.processDue();

        Notification czech =
                db.notifications.list(jana, false, null, 0, 5).items().get(0);
        assertEquals("NALÉHAVÉ: Water off on Monday", czech.title());
        assertEquals("Water is off 8-12.", czech.text());
        assertEquals("communications/news-item/3", czech.link());
        assertEquals(
                "PILNE: Water off on Monday",
                db.notifications.list(piotr, false, null, 0, 5).items().get(0).title());
        assertEquals(0, db.notifications.unreadCount(ion));

        List<MailRequest> mails = db.outbox.queued();
        assertEquals(1, mails.size(), "piotr turned announcement e-mails off");
        MailRequest mail = mails.get(0);
        assertEquals(jana.accountId(), mail.accountId());
        assertEquals("announcement", mail.template());
        assertEquals("cs", mail.locale().getLanguage());
        assertEquals("true", mail.values().get("urgent"));
        assertEquals("<p>Water is off <b>8-12</b>.</p>", mail.values().get("bodyHtml"));
        assertEquals("Water is off 8-12.", mail.values().get("bodyText"));
        assertEquals(
                "http://localhost:8181/communications/news-item/3",
                mail.values().get("link"));
    }

    @Test
    void anAnnouncementWithdrawnBeforeItWasHandledTellsNobody() {
        Subject jana = db.resident("jana", "jana@example.cz", "cs", TenureRole.OWNER, flat1);

        db.fanout.accept(event(4));
        db.fanout.processDue();

        assertEquals(0, db.notifications.unreadCount(jana));
        assertEquals(List.of(), db.outbox.queued());
        assertEquals(1, db.count("SELECT COUNT(*) FROM COMM_FANOUT WHERE STATE = 'DONE'"));
    }
}
