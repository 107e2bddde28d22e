package org.domus.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.domus.tickets.Category;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.NewTicket;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketActor;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketEvents;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TicketTransition;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TimelineKind;
import org.domus.tickets.TransitionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketWorkflowTest {

    TicketsDatabase db;
    Organisation org;
    Building building;
    Unit flat;
    Subject resident;
    Subject manager;
    Subject contractor;
    Category water;
    ContractorCompany company;
    ContractorWorker worker;

    @BeforeEach
    void setUp() {
        db = new TicketsDatabase();
        org = db.organisation("CZ");
        Estate estate = db.estate(org.id(), "North");
        building = db.building(estate.id(), "Cejl", "12");
        flat = db.unit(building.id(), "1");
        resident = db.resident("jana", org.id(), flat);
        manager = db.staff("manager", Role.MANAGER, ScopeType.ORGANISATION, org.id());
        Subject contractorUser = db.staff("plumber", Role.CONTRACTOR, ScopeType.ORGANISATION, org.id());
        water = db.configuration.categories(manager, org.id()).stream()
                .filter(c -> c.code().equals("WATER"))
                .findFirst()
                .orElseThrow();
        company = db.contractors.saveCompany(
                manager,
                new ContractorCompany(
                        0, org.id(), "Voda s.r.o.", "12345678", null, "voda@example.com", Set.of("plumbing"), true, 0));
        worker = db.contractors.saveWorker(
                manager,
                new ContractorWorker(
                        0,
                        company.id(),
                        "Petr",
                        null,
                        null,
                        Set.of(),
                        contractorUser.accountId(),
                        true,
                        null,
                        null,
                        null,
                        true,
                        0));
        contractor = contractorUser;
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Ticket submit() {
        return db.tickets.submit(
                resident,
                new NewTicket(
                        TicketArea.UNIT,
                        flat.id(),
                        null,
                        water.id(),
                        TicketPriority.NORMAL,
                        null,
                        "The kitchen tap drips\nall night",
                        null,
                        "jana@example.com",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    Ticket move(Subject s, Ticket t, TransitionRequest r) {
        return db.tickets.transition(s, t.id(), r);
    }

    @Test
    void theFullLoopMovesThroughEveryStepAndTheTimelineHasEachOne() {
        Ticket t = submit();
        assertEquals("T-2026-000001", t.reference());
        assertEquals(TicketStatus.NEW, t.status());
        assertEquals("The kitchen tap drips", t.title());
        assertEquals(Set.of(TicketStatus.CANCELLED), db.tickets.allowedTransitions(resident, t.id()));
        assertEquals(
                Set.of(TicketStatus.ACCEPTED, TicketStatus.REJECTED, TicketStatus.CANCELLED),
                db.tickets.allowedTransitions(manager, t.id()));

        t = move(manager, t, TransitionRequest.to(TicketStatus.ACCEPTED, null));
        assertNotNull(t.respondedAt());
        t = move(manager, t, TransitionRequest.assign(company.id(), worker.id()));
        assertEquals(TicketStatus.ASSIGNED, t.status());
        assertEquals("Voda s.r.o.", t.companyName());
        assertEquals("Petr", t.workerName());
        t = db.tickets.acceptAssignment(contractor, t.id());
        assertNotNull(t.assignmentAcceptedAt());
        t = move(contractor, t, TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        db.tickets.logWork(contractor, t.id(), 45, "replaced the washer");
        db.tickets.logWork(contractor, t.id(), 15, null);
        t = move(contractor, t, TransitionRequest.to(TicketStatus.DONE, null));
        assertEquals(60, t.minutesSpent());
        assertEquals(Boolean.TRUE, t.doneOnTime());
        t = move(resident, t, TransitionRequest.confirm(5, "Quick and clean"));
        assertEquals(TicketStatus.CONFIRMED, t.status());
        assertEquals(5, t.rating());
        assertTrue(db.tickets.allowedTransitions(manager, t.id()).isEmpty());

        List<TimelineKind> staffView = db.tickets.timeline(manager, t.id()).stream()
                .map(TimelineEntry::kind)
                .toList();
        assertEquals(
                List.of(
                        TimelineKind.CREATED,
                        TimelineKind.STATUS,
                        TimelineKind.ASSIGNMENT,
                        TimelineKind.STATUS,
                        TimelineKind.ASSIGNMENT_ACCEPTED,
                        TimelineKind.STATUS,
                        TimelineKind.TIME,
                        TimelineKind.WORK_NOTE,
                        TimelineKind.TIME,
                        TimelineKind.STATUS,
                        TimelineKind.STATUS,
                        TimelineKind.RATING),
                staffView);
        // The work note is internal: the resident's timeline leaves it out.
        List<TimelineEntry> mine = db.tickets.timeline(resident, t.id());
        assertEquals(staffView.size() - 1, mine.size());
        assertTrue(mine.stream().noneMatch(TimelineEntry::internal));
        assertEquals(
                List.of(
                        TicketEvents.CREATED,
                        TicketEvents.STATUS_CHANGED,
                        TicketEvents.ASSIGNED,
                        TicketEvents.STATUS_CHANGED,
                        TicketEvents.STATUS_CHANGED,
                        TicketEvents.STATUS_CHANGED,
                        TicketEvents.STATUS_CHANGED),
                db.tickets.events().sent().stream().map(e -> e.getTopic()).toList());
        // Receivers (notifications) name the ticket by its title and tell changes apart by their timeline entry.
        List<org.osgi.service.event.Event> changes = db.tickets.events().sent().stream()
                .filter(e -> e.getTopic().equals(TicketEvents.STATUS_CHANGED))
                .toList();
        String title = t.title();
        assertTrue(changes.stream().allMatch(e -> title.equals(e.getProperty(TicketEvents.SUMMARY))));
        assertEquals(
                changes.size(),
                changes.stream()
                        .map(e -> e.getProperty(TicketEvents.ENTRY_ID))
                        .filter(Long.class::isInstance)
                        .distinct()
                        .count());
        assertEquals(1, db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'tickets.ticket.create'"));
    }

    @Test
    void ticketsFiledAtOnceGetConsecutiveReferencesWithoutGapsOrDuplicates() throws Exception {
        Organisation other = db.organisation("PL");
        Estate estate = db.estate(other.id(), "Południe");
        Building b = db.building(estate.id(), "Długa", "5");
        Subject office = db.staff("biuro", Role.MANAGER, ScopeType.ORGANISATION, other.id());
        long category = db.configuration.categories(office, other.id()).get(0).id();
        int n = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Ticket>> filed = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            filed.add(pool.submit(() -> {
                start.await();
                return db.tickets.submit(
                        office,
                        new NewTicket(
                                TicketArea.BUILDING,
                                null,
                                b.id(),
                                category,
                                null,
                                null,
                                "Klatka schodowa",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
            }));
        }
        start.countDown();
        java.util.Set<String> references = new java.util.TreeSet<>();
        for (java.util.concurrent.Future<Ticket> f : filed) {
            references.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).reference());
        }
        pool.shutdown();
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (int i = 1; i <= n; i++) {
            expected.add(String.format("T-2026-%06d", i));
        }
        assertEquals(expected, references);
    }

    @Test
    void everyRowOfTheTableIsAllowedForItsActorsAndNoOther() {
        for (TicketTransition row : TicketTransition.values()) {
            for (TicketActor actor : TicketActor.values()) {
                assertEquals(
                        row.actors().contains(actor),
                        TicketTransition.next(row.from(), Set.of(actor)).contains(row.to()),
                        row + " " + actor);
            }
        }
        for (TicketStatus s : TicketStatus.values()) {
            if (s.isFinal()) {
                assertTrue(
                        TicketTransition.next(s, Set.of(TicketActor.values())).isEmpty(), s.name());
            }
        }
    }

    @Test
    void eachAllowedMoveWorksWithTheRightActorAndIsRefusedToTheOthers() {
        // NEW -> CANCELLED by the requester; ACCEPTED -> CANCELLED by the requester
        Ticket a = submit();
        move(resident, a, TransitionRequest.to(TicketStatus.CANCELLED, null));
        Ticket b = submit();
        move(manager, b, TransitionRequest.to(TicketStatus.ACCEPTED, null));
        assertEquals(
                TicketStatus.CANCELLED,
                move(resident, b, TransitionRequest.to(TicketStatus.CANCELLED, "fixed it myself"))
                        .status());
        // NEW -> REJECTED needs a reason
        Ticket c = submit();
        DomusException noReason = assertThrows(
                DomusException.class, () -> move(manager, c, TransitionRequest.to(TicketStatus.REJECTED, null)));
        assertEquals("tickets.reason.required", noReason.messageKey());
        assertEquals(
                TicketStatus.REJECTED,
                move(manager, c, TransitionRequest.to(TicketStatus.REJECTED, "not ours"))
                        .status());
        // the resident cannot accept; the contractor cannot start a ticket of another state
        Ticket d = submit();
        DomusException refused = assertThrows(
                DomusException.class, () -> move(resident, d, TransitionRequest.to(TicketStatus.ACCEPTED, null)));
        assertEquals(Kind.CONFLICT, refused.kind());
        assertEquals("tickets.transition.refused", refused.messageKey());
        assertEquals(List.of("NEW", "ACCEPTED", "CANCELLED"), refused.arguments());
        // reassign, hand back, reopen, resume, assign a reopened one, cancel a reopened one
        Ticket e = move(manager, d, TransitionRequest.to(TicketStatus.ACCEPTED, null));
        e = move(manager, e, TransitionRequest.assign(company.id(), null));
        e = move(manager, e, TransitionRequest.assign(company.id(), worker.id()));
        e = move(contractor, e, TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        e = move(contractor, e, TransitionRequest.to(TicketStatus.ASSIGNED, "needs a spare part"));
        assertEquals(company.id(), e.companyId());
        e = move(contractor, e, TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        e = move(contractor, e, TransitionRequest.to(TicketStatus.DONE, null));
        DomusException reopenWithoutReason = assertThrows(
                DomusException.class, () -> move(resident, d, TransitionRequest.to(TicketStatus.REOPENED, null)));
        assertEquals("tickets.reason.required", reopenWithoutReason.messageKey());
        Ticket ee = e;
        DomusException managerCannotConfirmYet = assertThrows(
                DomusException.class, () -> move(manager, ee, TransitionRequest.to(TicketStatus.CONFIRMED, null)));
        assertEquals(Kind.CONFLICT, managerCannotConfirmYet.kind());
        e = move(resident, e, TransitionRequest.to(TicketStatus.REOPENED, "still drips"));
        assertNull(e.resolvedAt());
        e = move(contractor, e, TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        e = move(contractor, e, TransitionRequest.to(TicketStatus.DONE, null));
        // the office confirms on the requester's behalf after 14 days
        db.clock.plusHours(14 * 24);
        e = move(manager, e, TransitionRequest.to(TicketStatus.CONFIRMED, null));
        assertEquals(TicketStatus.CONFIRMED, e.status());
        assertNull(e.rating());

        Ticket f = submit();
        f = move(manager, f, TransitionRequest.to(TicketStatus.ACCEPTED, null));
        f = move(manager, f, TransitionRequest.assign(company.id(), worker.id()));
        f = move(contractor, f, TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        f = move(contractor, f, TransitionRequest.to(TicketStatus.DONE, null));
        f = move(resident, f, TransitionRequest.to(TicketStatus.REOPENED, "no"));
        f = move(manager, f, TransitionRequest.assign(company.id(), null));
        assertEquals(TicketStatus.ASSIGNED, f.status());
        Ticket g = submit();
        g = move(manager, g, TransitionRequest.to(TicketStatus.ACCEPTED, null));
        g = move(manager, g, TransitionRequest.assign(company.id(), null));
        assertEquals(
                TicketStatus.CANCELLED,
                move(manager, g, TransitionRequest.to(TicketStatus.CANCELLED, "dup"))
                        .status());
        // a requester must rate when confirming
        Ticket h = submit();
        h = move(manager, h, TransitionRequest.to(TicketStatus.ACCEPTED, null));
        h = move(manager, h, TransitionRequest.assign(company.id(), null));
        h = move(contractor, h, TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        Ticket hh = move(contractor, h, TransitionRequest.to(TicketStatus.DONE, null));
        DomusException noRating = assertThrows(
                DomusException.class, () -> move(resident, hh, TransitionRequest.to(TicketStatus.CONFIRMED, null)));
        assertEquals("tickets.rating.required", noRating.messageKey());
        DomusException badRating =
                assertThrows(DomusException.class, () -> move(resident, hh, TransitionRequest.confirm(6, null)));
        assertEquals("tickets.rating.invalid", badRating.messageKey());
        // a stale version is refused
        DomusException stale = assertThrows(
                DomusException.class,
                () -> move(resident, hh, new TransitionRequest(TicketStatus.CONFIRMED, null, null, null, 4, null, 0L)));
        assertEquals("tickets.ticket.stale", stale.messageKey());
        assertFalse(db.tickets.get(resident, hh.id()).status().isFinal());
    }
}
