package org.domus.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Unit;
import org.domus.tickets.Category;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.NewTicket;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketService;
import org.domus.tickets.TicketStatistics;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TimelineKind;
import org.domus.tickets.TransitionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording past tickets with their original instants (the test database's clock stands at 2026-03-06). */
class TicketHistoryTest {

    static final Subject SYSTEM = Subject.system("import", "Portal import");

    TicketsDatabase db;
    Organisation org;
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
        Building building = db.building(estate.id(), "Cejl", "12");
        flat = db.unit(building.id(), "1");
        resident = db.resident("jana", org.id(), flat);
        manager = db.staff("manager", Role.MANAGER, ScopeType.ORGANISATION, org.id());
        contractor = db.staff("plumber", Role.CONTRACTOR, ScopeType.ORGANISATION, org.id());
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
                        contractor.accountId(),
                        true,
                        null,
                        null,
                        null,
                        true,
                        0));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    TicketService at(String instant) {
        return db.tickets.at(SYSTEM, Instant.parse(instant));
    }

    Ticket submit(TicketService service) {
        return service.submit(
                resident,
                new NewTicket(
                        TicketArea.UNIT,
                        flat.id(),
                        null,
                        water.id(),
                        TicketPriority.NORMAL,
                        null,
                        "The kitchen tap drips",
                        null,
                        "jana@example.com",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void aPastTicketKeepsItsInstantsDeadlinesFromItsSubmissionTimeFromItsWorkAndLatenessFromItsResolution() {
        // Monday 5 January 2026, 10:00 in Prague; NORMAL: respond in 2 working days, resolve in 10.
        Ticket t = submit(at("2026-01-05T09:00:00Z"));
        assertEquals(Instant.parse("2026-01-05T09:00:00Z"), t.createdAt());
        assertEquals("T-2026-000001", t.reference());
        // Midnight after the 2nd / 10th working day following the day it came in (Prague is UTC+1 in winter).
        assertEquals(Instant.parse("2026-01-07T23:00:00Z"), t.responseDue());
        assertEquals(Instant.parse("2026-01-19T23:00:00Z"), t.resolutionDue());
        long id = t.id();

        at("2026-01-05T13:00:00Z").transition(manager, id, TransitionRequest.to(TicketStatus.ACCEPTED, null));
        at("2026-01-06T09:30:00Z").transition(manager, id, TransitionRequest.assign(company.id(), worker.id()));
        at("2026-01-07T07:00:00Z").acceptAssignment(contractor, id);
        at("2026-01-12T07:00:00Z").transition(contractor, id, TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        at("2026-01-12T10:00:00Z").logWork(contractor, id, 90, "new washer ordered");
        at("2026-01-21T09:00:00Z").logWork(contractor, id, 30, null);
        t = at("2026-01-21T11:00:00Z").transition(contractor, id, TransitionRequest.to(TicketStatus.DONE, null));
        assertEquals(Instant.parse("2026-01-05T13:00:00Z"), t.respondedAt());
        assertEquals(Instant.parse("2026-01-06T09:30:00Z"), t.assignedAt());
        assertEquals(Instant.parse("2026-01-07T07:00:00Z"), t.assignmentAcceptedAt());
        assertEquals(Instant.parse("2026-01-21T11:00:00Z"), t.resolvedAt());
        assertEquals(120, t.minutesSpent());
        assertEquals(Boolean.FALSE, t.doneOnTime(), "resolved two days after its deadline");
        t = at("2026-01-23T17:45:00Z").transition(resident, id, TransitionRequest.confirm(4, "Took a while"));
        assertEquals(Instant.parse("2026-01-23T17:45:00Z"), t.confirmedAt());
        assertEquals(Instant.parse("2026-01-23T17:45:00Z"), t.updatedAt());

        List<TimelineEntry> timeline = db.tickets.timeline(manager, id);
        assertEquals(Instant.parse("2026-01-05T09:00:00Z"), timeline.get(0).at());
        assertEquals(TimelineKind.CREATED, timeline.get(0).kind());
        // Each step keeps its real author, not the importing system subject.
        assertEquals(resident.accountId(), timeline.get(0).authorAccountId());
        assertEquals(
                contractor.accountId(),
                timeline.stream()
                        .filter(e -> e.kind() == TimelineKind.TIME)
                        .findFirst()
                        .orElseThrow()
                        .authorAccountId());
        assertEquals(
                Instant.parse("2026-01-23T17:45:00Z"),
                timeline.get(timeline.size() - 1).at());
        for (int i = 1; i < timeline.size(); i++) {
            assertFalse(timeline.get(i).at().isBefore(timeline.get(i - 1).at()), timeline.toString());
        }
        assertEquals(
                List.of(Instant.parse("2026-01-12T10:00:00Z"), Instant.parse("2026-01-21T09:00:00Z")),
                timeline.stream()
                        .filter(e -> e.kind() == TimelineKind.TIME)
                        .map(TimelineEntry::at)
                        .toList());

        // A second one, filed last month and left waiting, is overdue now (the live service's clock).
        Ticket waiting = submit(at("2026-02-02T08:00:00Z"));
        assertFalse(waiting.overdue(), "not overdue at the instant it was filed");
        assertTrue(db.tickets.get(manager, waiting.id()).overdue());

        TicketStatistics s = db.tickets.statistics(manager, TicketQuery.all().withOrganisation(org.id()));
        assertEquals(2, s.total());
        assertEquals(1, s.overdue());
        assertEquals(
                ChronoUnit.MINUTES.between(
                        Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-01-21T11:00:00Z")),
                s.medianMinutesToResolve());
        assertEquals(0.0, s.onTimeRatio());
        // The audit event of the submission carries the ticket's own instant.
        assertEquals(
                2,
                db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'tickets.ticket.create'"
                        + " AND OCCURRED_AT < TIMESTAMP('2026-02-03 00:00:00')"));
    }

    @Test
    void recordedHistoryPostsNoEvents() {
        Ticket t = submit(at("2026-02-02T08:00:00Z"));
        at("2026-02-02T09:00:00Z").transition(manager, t.id(), TransitionRequest.to(TicketStatus.ACCEPTED, null));
        at("2026-02-02T10:00:00Z").comment(manager, t.id(), "We will come on Monday", false);
        at("2026-02-02T11:00:00Z").feedback(manager, t.id(), "A plumber is ordered");
        assertEquals(List.of(), db.tickets.events().sent());
        // ... while a live step on the same ticket does.
        db.tickets.transition(manager, t.id(), TransitionRequest.assign(company.id(), worker.id()));
        assertEquals(2, db.tickets.events().sent().size());
    }

    @Test
    void onlyThePlatformsOwnSubjectMayRecordHistory() {
        Instant past = Instant.parse("2026-01-05T09:00:00Z");
        Subject admin = db.staff("root", Role.ADMIN, ScopeType.ORGANISATION, org.id());
        Subject orgWideZero = Subject.of(
                0,
                "fake",
                "Fake",
                Locale.ENGLISH,
                Set.of(RoleGrant.scoped(Role.ADMIN, ScopeType.ORGANISATION, org.id())));
        Subject everywhereButAnAccount =
                Subject.of(42, "someone", "Someone", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.ADMIN)));
        for (Subject s : List.of(manager, resident, contractor, admin, orgWideZero, everywhereButAnAccount)) {
            DomusException e = assertThrows(DomusException.class, () -> db.tickets.at(s, past), s.login());
            assertEquals(Kind.FORBIDDEN, e.kind(), s.login());
        }
        assertThrows(DomusException.class, () -> db.tickets.at(null, past));
    }

    @Test
    void instantsInTheFutureOrBeforeTheTicketsLastChangeAreRefusedAndNothingIsWritten() {
        Instant now = db.clock.instant();
        DomusException future = assertThrows(DomusException.class, () -> db.tickets.at(SYSTEM, now.plusSeconds(1)));
        assertEquals(Kind.INVALID, future.kind());
        assertEquals("tickets.history.future", future.messageKey());
        // Exactly now is the present, not the future.
        db.tickets.at(SYSTEM, now);

        Ticket t = submit(at("2026-02-02T08:00:00Z"));
        at("2026-02-03T08:00:00Z").transition(manager, t.id(), TransitionRequest.to(TicketStatus.ACCEPTED, null));
        int entries = db.tickets.timeline(manager, t.id()).size();
        TicketService earlier = at("2026-02-03T07:59:59Z");
        List<Runnable> steps = List.of(
                () -> earlier.transition(manager, t.id(), TransitionRequest.assign(company.id(), worker.id())),
                () -> earlier.comment(manager, t.id(), "late note", true),
                () -> earlier.feedback(manager, t.id(), "late feedback"));
        for (Runnable step : steps) {
            DomusException e = assertThrows(DomusException.class, step::run);
            assertEquals(Kind.INVALID, e.kind());
            assertEquals("tickets.history.backwards", e.messageKey());
        }
        InvalidFieldsException bulk = assertThrows(
                InvalidFieldsException.class,
                () -> earlier.bulk(manager, List.of(t.id()), TransitionRequest.to(TicketStatus.CANCELLED, "dup")));
        assertEquals("tickets.history.backwards", bulk.errors().get(0).messageKey());
        Ticket unchanged = db.tickets.get(manager, t.id());
        assertEquals(TicketStatus.ACCEPTED, unchanged.status());
        assertNull(unchanged.companyId());
        assertEquals(Instant.parse("2026-02-03T08:00:00Z"), unchanged.updatedAt());
        assertEquals(entries, db.tickets.timeline(manager, t.id()).size());
        // The same instant as the last change is not going backwards.
        at("2026-02-03T08:00:00Z").transition(manager, t.id(), TransitionRequest.assign(company.id(), worker.id()));
        assertEquals(TicketStatus.ASSIGNED, db.tickets.get(manager, t.id()).status());
    }
}
