package org.domus.communications.internal.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementInput;
import org.domus.communications.AnnouncementNews;
import org.domus.communications.AnnouncementQuery;
import org.domus.communications.AnnouncementReceipts;
import org.domus.communications.AnnouncementState;
import org.domus.communications.CommunicationsEvents;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * One organisation: estate E1 with building X (unit x1 on staircase A, x2 on B) and building Y (unit y1), estate E2
 * with building Z (unit z1); another organisation with building W. Residents hold those units; a former resident of
 * x1 moved out last year.
 */
class AnnouncementServiceTest {

    final AnnouncementsDatabase db = new AnnouncementsDatabase();
    final AnnouncementServiceImpl service = db.announcements;

    final Organisation org = db.organisation("SBD Brno");
    final Estate e1 = db.estate(org.id(), "North");
    final Estate e2 = db.estate(org.id(), "South");
    final Building x = db.building(e1.id(), "Palackého", "1");
    final Building y = db.building(e1.id(), "Palackého", "3");
    final Building z = db.building(e2.id(), "Jižní", "7");
    final Unit x1 = db.unit(x.id(), "1", "A");
    final Unit x2 = db.unit(x.id(), "2", "B");
    final Unit y1 = db.unit(y.id(), "1", "A");
    final Unit z1 = db.unit(z.id(), "1", "A");
    final Subject rx1 = db.resident("rx1", org.id(), x1);
    final Subject rx2 = db.resident("rx2", org.id(), x2);
    final Subject ry = db.resident("ry", org.id(), y1);
    final Subject rz = db.resident("rz", org.id(), z1);
    final Subject former = db.resident("former", org.id(), x1, LocalDate.of(2015, 1, 1), LocalDate.of(2025, 6, 30));
    final Subject manager = db.staff("manager", Role.MANAGER, ScopeType.ORGANISATION, org.id());
    final Subject managerX = db.staff("managerX", Role.MANAGER, ScopeType.BUILDING, x.id());
    final Subject managerY = db.staff("managerY", Role.MANAGER, ScopeType.BUILDING, y.id());
    final Subject managerE2 = db.staff("managerE2", Role.MANAGER, ScopeType.ESTATE, e2.id());
    final Subject board = db.staff("board", Role.BOARD, ScopeType.ORGANISATION, org.id());

    final Organisation other = db.organisation("SVJ Other");
    final Building w = db.building(db.estate(other.id(), "Other").id(), "Dlouhá", "9");
    final Unit w1 = db.unit(w.id(), "1", "A");
    final Subject rw = db.resident("rw", other.id(), w1);

    @AfterEach
    void close() {
        db.close();
    }

    private AnnouncementInput input(String title, boolean urgent, AudienceTarget... targets) {
        return new AnnouncementInput(
                org.id(), title, "<p>" + title + " text</p>", List.of(targets), null, null, urgent, 0);
    }

    private Announcement published(Subject author, String title, AudienceTarget... targets) {
        Announcement a = service.create(author, input(title, false, targets));
        return service.publish(author, a.id(), a.version());
    }

    private static List<Long> ids(List<AnnouncementNews> feed) {
        return feed.stream().map(AnnouncementNews::id).toList();
    }

    private static void refused(Kind kind, Runnable r) {
        DomusException e = assertThrows(DomusException.class, r::run);
        assertEquals(kind, e.kind(), e.messageKey());
    }

    private boolean sees(Subject resident, Announcement a) {
        boolean inFeed = ids(service.feed(resident, 50)).contains(a.id());
        try {
            service.open(resident, a.id());
            assertTrue(inFeed, "opened but not in the feed");
            return true;
        } catch (DomusException e) {
            assertEquals(Kind.NOT_FOUND, e.kind());
            assertFalse(inFeed, "in the feed but not found");
            return false;
        }
    }

    // ---- targeting ------------------------------------------------------------------------------------

    @Test
    void anAnnouncementForBuildingXIsInvisibleToResidentsOfBuildingY() {
        Announcement a = published(manager, "Water in X", AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()));
        assertTrue(sees(rx1, a));
        assertTrue(sees(rx2, a));
        assertFalse(sees(ry, a));
        assertFalse(sees(rz, a));
        assertFalse(sees(rw, a));
        assertTrue(service.feed(ry, 50).isEmpty());
    }

    @Test
    void aStaircaseTargetReachesOnlyThatStaircase() {
        Announcement a = published(manager, "Lift A", AudienceTarget.staircase(x.id(), "A"));
        assertTrue(sees(rx1, a));
        assertFalse(sees(rx2, a));
        assertFalse(sees(ry, a), "staircase A of another building");
    }

    @Test
    void aUnitTargetReachesOnlyThatUnit() {
        Announcement a = published(manager, "Your meter", AudienceTarget.of(AudienceTarget.Kind.UNIT, x2.id()));
        assertTrue(sees(rx2, a));
        assertFalse(sees(rx1, a));
    }

    @Test
    void anEstateTargetReachesItsBuildingsOnly() {
        Announcement a = published(manager, "North estate", AudienceTarget.of(AudienceTarget.Kind.ESTATE, e1.id()));
        assertTrue(sees(rx1, a));
        assertTrue(sees(ry, a));
        assertFalse(sees(rz, a));
    }

    @Test
    void anOrganisationTargetReachesEveryResidentOfItOnly() {
        Announcement a = published(manager, "Assembly", AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, org.id()));
        for (Subject r : List.of(rx1, rx2, ry, rz)) {
            assertTrue(sees(r, a), r.login());
        }
        assertFalse(sees(rw, a));
    }

    @Test
    void aFormerResidentSeesNothing() {
        Announcement a = published(manager, "X", AudienceTarget.of(AudienceTarget.Kind.UNIT, x1.id()));
        assertFalse(sees(former, a));
        assertTrue(service.feed(former, 50).isEmpty());
    }

    @Test
    void draftsAndWithdrawnAnnouncementsAreNotShownToResidents() {
        Announcement draft =
                service.create(manager, input("Draft", false, AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id())));
        assertFalse(sees(rx1, draft));
        Announcement pub = service.publish(manager, draft.id(), draft.version());
        assertTrue(sees(rx1, pub));
        Announcement gone = service.withdraw(manager, pub.id(), pub.version());
        assertEquals(AnnouncementState.WITHDRAWN, gone.state());
        assertFalse(sees(rx1, gone));
    }

    @Test
    void theFeedListsUrgentFirstThenNewestAndMarksUnread() {
        Announcement old = published(manager, "Old", AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()));
        db.clock.plusHours(1);
        Announcement urgent = service.create(
                manager, input("Urgent", true, AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, org.id())));
        urgent = service.publish(manager, urgent.id(), urgent.version());
        db.clock.plusHours(1);
        Announcement fresh = published(manager, "Fresh", AudienceTarget.staircase(x.id(), "A"));
        List<AnnouncementNews> feed = service.feed(rx1, 50);
        assertEquals(List.of(urgent.id(), fresh.id(), old.id()), ids(feed));
        assertTrue(feed.stream().noneMatch(AnnouncementNews::read));
        assertEquals(3, service.unread(rx1));
        service.open(rx1, fresh.id());
        service.markRead(rx1, old.id());
        feed = service.feed(rx1, 50);
        assertEquals(
                List.of(false, true, true),
                feed.stream().map(AnnouncementNews::read).toList());
        assertEquals(1, service.unread(rx1));
        assertEquals(List.of(urgent.id()), ids(service.feed(rx1, 1)));
    }

    // ---- scheduling, expiry, event --------------------------------------------------------------------

    @Test
    void publishNowPostsTheEventOnceAfterCommit() {
        Announcement a = published(manager, "Now", AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()));
        assertEquals(AnnouncementState.PUBLISHED, a.state());
        List<Event> sent = service.events().sent();
        assertEquals(1, sent.size());
        Event e = sent.get(0);
        assertEquals(CommunicationsEvents.ANNOUNCEMENT_PUBLISHED, e.getTopic());
        assertEquals(a.id(), e.getProperty(CommunicationsEvents.ANNOUNCEMENT_ID));
        assertEquals(org.id(), e.getProperty(CommunicationsEvents.ORGANISATION_ID));
        assertEquals(manager.accountId(), e.getProperty(CommunicationsEvents.ACTOR_ACCOUNT_ID));
        assertEquals(0, service.publishDue(), "the periodic check never posts it again");
        assertEquals(1, service.events().sent().size());
    }

    @Test
    void aScheduledAnnouncementBecomesVisibleAtItsTimeAndIsAnnouncedOnce() {
        Instant at = db.clock.instant().plusSeconds(2 * 3600);
        Announcement a = service.create(
                manager,
                new AnnouncementInput(
                        org.id(),
                        "Later",
                        "<p>Later</p>",
                        List.of(AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id())),
                        at,
                        null,
                        false,
                        0));
        a = service.publish(manager, a.id(), a.version());
        assertEquals(AnnouncementState.SCHEDULED, a.state());
        assertEquals(at, a.publishAt());
        assertFalse(sees(rx1, a));
        assertEquals(0, service.publishDue());
        assertTrue(service.forDelivery(a.id()).isEmpty());
        // Still editable while scheduled.
        a = service.update(
                manager,
                a.id(),
                new AnnouncementInput(
                        org.id(),
                        "Later, changed",
                        "<p>Later</p>",
                        List.of(AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id())),
                        at,
                        null,
                        false,
                        a.version()));
        db.clock.plusHours(2);
        assertTrue(sees(rx1, a), "visible at its time, before any job ran");
        assertEquals(AnnouncementState.PUBLISHED, service.get(manager, a.id()).state());
        assertEquals(1, service.publishDue());
        assertEquals(0, service.publishDue());
        List<Event> sent = service.events().sent();
        assertEquals(1, sent.size());
        assertEquals(a.id(), sent.get(0).getProperty(CommunicationsEvents.ANNOUNCEMENT_ID));
        assertEquals(0L, sent.get(0).getProperty(CommunicationsEvents.ACTOR_ACCOUNT_ID));
        assertEquals(2, service.get(manager, a.id()).audienceCount(), "M is fixed when it became visible");
        assertEquals("Later, changed", service.forDelivery(a.id()).orElseThrow().title());
        Announcement shown = service.get(manager, a.id());
        refused(
                Kind.CONFLICT,
                () -> service.update(
                        manager,
                        shown.id(),
                        new AnnouncementInput(
                                org.id(),
                                "Too late",
                                "<p>x</p>",
                                List.of(AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id())),
                                null,
                                null,
                                false,
                                shown.version())));
    }

    @Test
    void anExpiredAnnouncementLeavesTheFeed() {
        Instant expires = db.clock.instant().plusSeconds(3600);
        Announcement a = service.create(
                manager,
                new AnnouncementInput(
                        org.id(),
                        "Short",
                        "<p>Short</p>",
                        List.of(AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id())),
                        null,
                        expires,
                        false,
                        0));
        a = service.publish(manager, a.id(), a.version());
        assertTrue(sees(rx1, a));
        db.clock.plusHours(1);
        assertFalse(sees(rx1, a));
        assertEquals(AnnouncementState.EXPIRED, service.get(manager, a.id()).state());
        assertTrue(service.forDelivery(a.id()).isEmpty());
        assertEquals(
                List.of(a.id()),
                service
                        .list(
                                manager,
                                new AnnouncementQuery(null, Set.of(AnnouncementState.EXPIRED), null, null, 0, 50))
                        .items()
                        .stream()
                        .map(Announcement::id)
                        .toList());
    }

    @Test
    void forDeliveryGivesTheSanitisedBodyPlainTextAndTargets() {
        Announcement a = service.create(
                manager,
                new AnnouncementInput(
                        org.id(),
                        "Urgent water",
                        "<p onclick=x()>No <b>water</b><script>x()</script></p>",
                        List.of(AudienceTarget.staircase(x.id(), "A")),
                        null,
                        null,
                        true,
                        0));
        a = service.publish(manager, a.id(), a.version());
        var d = service.forDelivery(a.id()).orElseThrow();
        assertEquals("<p>No <b>water</b></p>", d.bodyHtml());
        assertEquals("No water", d.bodyText());
        assertTrue(d.urgent());
        assertEquals(org.id(), d.organisationId());
        assertEquals(List.of(AudienceTarget.staircase(x.id(), "A")), d.targets());
    }

    // ---- authors' scope -------------------------------------------------------------------------------

    @Test
    void aBuildingManagerAddressesOnlyTheirBuilding() {
        refused(
                Kind.FORBIDDEN,
                () -> service.create(
                        managerX, input("All", false, AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, org.id()))));
        refused(
                Kind.FORBIDDEN,
                () -> service.create(
                        managerX, input("Estate", false, AudienceTarget.of(AudienceTarget.Kind.ESTATE, e1.id()))));
        refused(
                Kind.FORBIDDEN,
                () -> service.create(
                        managerX, input("Y", false, AudienceTarget.of(AudienceTarget.Kind.BUILDING, y.id()))));
        refused(
                Kind.FORBIDDEN,
                () -> service.create(
                        managerX,
                        input(
                                "X and Y",
                                false,
                                AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()),
                                AudienceTarget.of(AudienceTarget.Kind.UNIT, y1.id()))));
        Announcement ok = service.create(
                managerX,
                input(
                        "Mine",
                        false,
                        AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()),
                        AudienceTarget.staircase(x.id(), "B"),
                        AudienceTarget.of(AudienceTarget.Kind.UNIT, x1.id())));
        assertEquals(3, ok.targets().size());
        assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT WHERE TITLE <> 'Mine'"), "nothing written");
    }

    @Test
    void onlyStaffWithAnnounceWrite() {
        refused(
                Kind.FORBIDDEN,
                () -> service.create(rx1, input("Me", false, AudienceTarget.of(AudienceTarget.Kind.UNIT, x1.id()))));
        refused(
                Kind.FORBIDDEN,
                () -> service.create(
                        board, input("Board", false, AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()))));
        Announcement a = published(manager, "X", AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()));
        assertEquals(a.id(), service.get(board, a.id()).id(), "the board reads");
        refused(Kind.FORBIDDEN, () -> service.withdraw(board, a.id(), a.version()));
        refused(Kind.FORBIDDEN, () -> service.withdraw(managerY, a.id(), a.version()));
    }

    @Test
    void staffSeeWhatReachesTheirScope() {
        Announcement forX = published(manager, "X", AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id()));
        Announcement forE1 = published(manager, "E1", AudienceTarget.of(AudienceTarget.Kind.ESTATE, e1.id()));
        Announcement forAll = published(manager, "All", AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, org.id()));
        Announcement forY1 = published(manager, "y1", AudienceTarget.of(AudienceTarget.Kind.UNIT, y1.id()));
        assertEquals(
                Set.of(forE1.id(), forAll.id(), forY1.id()),
                Set.copyOf(service.list(managerY, AnnouncementQuery.all()).items().stream()
                        .map(Announcement::id)
                        .toList()));
        assertEquals(
                Set.of(forAll.id()),
                Set.copyOf(service.list(managerE2, AnnouncementQuery.all()).items().stream()
                        .map(Announcement::id)
                        .toList()));
        assertEquals(4, service.list(manager, AnnouncementQuery.all()).total());
        refused(Kind.FORBIDDEN, () -> service.get(managerY, forX.id()));
        refused(Kind.FORBIDDEN, () -> service.receipts(managerE2, forX.id()));
        refused(Kind.NOT_FOUND, () -> service.get(rx1, forX.id()));
        refused(Kind.NOT_FOUND, () -> service.get(manager, 999_999));
        assertTrue(service.list(rx1, AnnouncementQuery.all()).items().isEmpty());
        // Filters: building Y reaches E1, All and y1; text; state.
        assertEquals(
                3,
                service.list(manager, new AnnouncementQuery(null, Set.of(), y.id(), null, 0, 50))
                        .total());
        assertEquals(
                List.of(forE1.id()),
                service.list(manager, new AnnouncementQuery(org.id(), Set.of(), null, "e1", 0, 50)).items().stream()
                        .map(Announcement::id)
                        .toList());
        assertEquals(
                0,
                service.list(manager, new AnnouncementQuery(null, Set.of(AnnouncementState.DRAFT), null, null, 0, 50))
                        .total());
        assertEquals(
                2,
                service.list(manager, new AnnouncementQuery(null, Set.of(), null, null, 1, 2))
                        .items()
                        .size());
    }

    // ---- receipts -------------------------------------------------------------------------------------

    @Test
    void receiptsCountDistinctReadersOfTheAudienceAtPublication() {
        Announcement draft =
                service.create(manager, input("X", false, AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id())));
        assertEquals(2, draft.audienceCount(), "will reach rx1 and rx2 (not the former resident)");
        Announcement a = service.publish(manager, draft.id(), draft.version());
        assertEquals(2, a.audienceCount());
        assertEquals(0, a.readCount());
        service.open(rx1, a.id());
        service.open(rx1, a.id());
        service.markRead(rx1, a.id());
        AnnouncementReceipts r = service.receipts(manager, a.id());
        assertEquals(1, r.readCount());
        assertEquals(2, r.audienceCount());
        assertEquals(rx1.accountId(), r.readers().get(0).accountId());
        // A new resident moving in later does not change M.
        db.resident("newcomer", org.id(), x2);
        service.open(rx2, a.id());
        assertEquals(2, service.receipts(manager, a.id()).readCount());
        assertEquals(2, service.get(manager, a.id()).audienceCount());
        assertEquals(
                2, service.list(manager, AnnouncementQuery.all()).items().get(0).readCount());
        assertEquals(2, db.count("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT_READ WHERE ANNOUNCEMENT_ID = " + a.id()));
    }

    @Test
    void reachCountsResidentsForTheEditor() {
        assertEquals(
                4,
                service.reach(
                        manager, org.id(), List.of(AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, org.id()))));
        assertEquals(1, service.reach(managerX, org.id(), List.of(AudienceTarget.staircase(x.id(), "B"))));
        refused(
                Kind.FORBIDDEN,
                () -> service.reach(
                        managerX, org.id(), List.of(AudienceTarget.of(AudienceTarget.Kind.BUILDING, y.id()))));
    }

    // ---- refused input --------------------------------------------------------------------------------

    @Test
    void refusesBadInputWritingNothing() {
        AudienceTarget bx = AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id());
        refused(Kind.INVALID, () -> service.create(manager, input("No targets", false)));
        refused(Kind.INVALID, () -> service.create(manager, input("", false, bx)));
        refused(Kind.INVALID, () -> service.create(manager, input("x".repeat(201), false, bx)));
        refused(
                Kind.INVALID,
                () -> service.create(
                        manager, input("Other org", false, AudienceTarget.of(AudienceTarget.Kind.BUILDING, w.id()))));
        refused(
                Kind.INVALID,
                () -> service.create(
                        manager, input("Missing", false, AudienceTarget.of(AudienceTarget.Kind.UNIT, 999_999))));
        refused(
                Kind.INVALID,
                () -> service.create(
                        manager, input("No such staircase", false, AudienceTarget.staircase(x.id(), "Q"))));
        refused(
                Kind.INVALID,
                () -> service.create(
                        manager,
                        new AnnouncementInput(
                                org.id(), "Script", "<script>alert(1)</script>", List.of(bx), null, null, false, 0)));
        Instant t = db.clock.instant().plusSeconds(3600);
        refused(
                Kind.INVALID,
                () -> service.create(
                        manager, new AnnouncementInput(org.id(), "Expiry", "<p>x</p>", List.of(bx), t, t, false, 0)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT_TARGET"));
    }

    @Test
    void aStaleVersionIsAConflict() {
        Announcement a =
                service.create(manager, input("X", false, AudienceTarget.of(AudienceTarget.Kind.BUILDING, x.id())));
        Announcement changed = service.update(
                manager,
                a.id(),
                new AnnouncementInput(org.id(), "X2", "<p>y</p>", a.targets(), null, null, true, a.version()));
        assertEquals("X2", changed.title());
        refused(Kind.CONFLICT, () -> service.publish(manager, a.id(), a.version()));
        assertEquals(
                AnnouncementState.PUBLISHED,
                service.publish(manager, a.id(), changed.version()).state());
        assertEquals(
                1,
                db.count(
                        "SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'communications.announcement.publish'"));
    }
}
