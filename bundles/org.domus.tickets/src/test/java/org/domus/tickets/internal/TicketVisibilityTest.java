package org.domus.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.domus.tickets.Category;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.NewTicket;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TransitionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketVisibilityTest {

    Fixture f = new Fixture();

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static void notFound(Runnable r) {
        DomusException e = assertThrows(DomusException.class, r::run);
        assertEquals(Kind.NOT_FOUND, e.kind(), e.messageKey());
    }

    private static List<String> refs(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::reference).sorted().toList();
    }

    @Test
    void residentsSeeTheirOwnTicketsAndBuildingWideOnesOfTheirBuildingsWithoutTheRequester() {
        Ticket janasFlat = f.unitTicket(f.jana, f.flat1, "Tap drips");
        Ticket janasLift = f.buildingTicket(f.jana, f.cejl, "Lift stuck on floor 3");
        Ticket olgasLift = f.buildingTicket(f.olga, f.horakove, "Lift door squeaks");
        f.db.tickets.comment(f.manager, janasLift.id(), "Checked the engine room", true);

        // Karel (same building) sees Jana's lift ticket, anonymised, without internal entries; not her flat.
        Ticket seen = f.db.tickets.get(f.karel, janasLift.id());
        assertNull(seen.requesterName());
        assertNull(seen.requesterAccountId());
        assertNull(seen.contactEmail());
        assertNull(seen.contactPhone());
        assertTrue(f.db.tickets.timeline(f.karel, janasLift.id()).stream().noneMatch(TimelineEntry::internal));
        // nor in the timeline: Jana's entries carry no author for Karel, the office's do
        List<TimelineEntry> timeline = f.db.tickets.timeline(f.karel, janasLift.id());
        assertNull(timeline.get(0).authorAccountId());
        assertNull(timeline.get(0).authorName());
        assertEquals(
                f.jana.accountId(),
                f.db.tickets.timeline(f.jana, janasLift.id()).get(0).authorAccountId());
        notFound(() -> f.db.tickets.get(f.karel, janasFlat.id()));
        notFound(() -> f.db.tickets.timeline(f.karel, janasFlat.id()));
        // ... and never a ticket of another building
        notFound(() -> f.db.tickets.get(f.karel, olgasLift.id()));
        assertEquals(
                List.of(janasLift.reference()),
                refs(f.db.tickets.mine(f.karel, 0, 50).items()));
        assertEquals(
                List.of(janasLift.reference()),
                refs(f.db.tickets.list(f.karel, TicketQuery.all()).items()));
        // A neighbour may not move or comment someone else's ticket.
        assertEquals(Set.of(), f.db.tickets.allowedTransitions(f.karel, janasLift.id()));
        assertThrows(DomusException.class, () -> f.db.tickets.comment(f.karel, janasLift.id(), "me too", false));

        // Jana sees her own with her contacts.
        Ticket own = f.db.tickets.get(f.jana, janasLift.id());
        assertEquals("someone@example.com", own.contactEmail());
        assertEquals(
                List.of(janasFlat.reference(), janasLift.reference()),
                refs(f.db.tickets.mine(f.jana, 0, 50).items()));
        // Staff see everything of the organisation.
        assertEquals(3, f.db.tickets.list(f.manager, TicketQuery.all()).total());
    }

    @Test
    void withTheSettingOffResidentsSeeOnlyTheirOwnTickets() {
        f.close();
        f = new Fixture(TicketsSettings.defaults().withResidentsSeeBuildingTickets(false));
        Ticket janasLift = f.buildingTicket(f.jana, f.cejl, "Lift stuck");
        notFound(() -> f.db.tickets.get(f.karel, janasLift.id()));
        assertEquals(0, f.db.tickets.mine(f.karel, 0, 50).total());
    }

    @Test
    void contractorsSeeOnlyTicketsAssignedToTheirCompany() {
        Ticket a = f.assigned(f.unitTicket(f.jana, f.flat1, "Tap drips"));
        Ticket b = f.unitTicket(f.karel, f.flat2, "Sink blocked");
        assertEquals(
                List.of(a.reference()),
                refs(f.db.tickets.list(f.plumber, TicketQuery.all()).items()));
        assertNotNull(f.db.tickets.get(f.plumber, a.id()).requesterName());
        notFound(() -> f.db.tickets.get(f.plumber, b.id()));
        // The electrician works for another company: 404 for the plumbing ticket, an empty queue.
        notFound(() -> f.db.tickets.get(f.electrician, a.id()));
        notFound(() ->
                f.db.tickets.transition(f.electrician, a.id(), TransitionRequest.to(TicketStatus.IN_PROGRESS, null)));
        assertEquals(0, f.db.tickets.list(f.electrician, TicketQuery.all()).total());
        // After reassignment the plumber loses it.
        f.db.tickets.transition(f.manager, a.id(), TransitionRequest.assign(f.electric.id(), null));
        notFound(() -> f.db.tickets.get(f.plumber, a.id()));
        assertEquals(1, f.db.tickets.list(f.electrician, TicketQuery.all()).total());
    }

    @Test
    void aContractorsQueueHoldsItsOwnTicketsAndTheCompanysUnallocatedOnesOfItsTrades() {
        ContractorWorker eva =
                f.db.contractors.workers(f.manager, f.electric.id()).get(0);
        f.db.contractors.saveWorker(
                f.manager,
                new ContractorWorker(
                        eva.id(),
                        eva.companyId(),
                        eva.name(),
                        null,
                        null,
                        Set.of("electrical"),
                        eva.accountId(),
                        false,
                        null,
                        null,
                        null,
                        true,
                        eva.version()));
        Category power = f.category("ELECTRICITY");
        Ticket socket = f.db.tickets.submit(
                f.jana,
                new NewTicket(
                        TicketArea.UNIT,
                        f.flat1.id(),
                        null,
                        power.id(),
                        null,
                        null,
                        "Socket sparks",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        Ticket leak = f.unitTicket(f.karel, f.flat2, "Leak near the fuse box");
        for (Ticket t : List.of(socket, leak)) {
            f.db.tickets.transition(f.manager, t.id(), TransitionRequest.to(TicketStatus.ACCEPTED, null));
            f.db.tickets.transition(f.manager, t.id(), TransitionRequest.assign(f.electric.id(), null));
        }
        // Both are the company's: Eva may open either, but her queue holds her trade only ...
        assertNotNull(f.db.tickets.get(f.electrician, leak.id()));
        assertEquals(
                List.of(socket.reference()),
                refs(f.db.tickets.list(f.electrician, TicketQuery.all()).items()));
        // ... and whatever is given to her by name.
        f.db.tickets.transition(f.manager, leak.id(), TransitionRequest.assign(f.electric.id(), eva.id()));
        assertEquals(
                List.of(socket.reference(), leak.reference()),
                refs(f.db.tickets.list(f.electrician, TicketQuery.all()).items()));
    }

    @Test
    void staffOutsideTheirScopeAreForbiddenAndResidentsCannotFileForOthersUnits() {
        Ticket a = f.unitTicket(f.jana, f.flat1, "Tap drips");
        Subject other = f.db.staff("other", Role.MANAGER, ScopeType.BUILDING, f.horakove.id());
        DomusException e = assertThrows(DomusException.class, () -> f.db.tickets.get(other, a.id()));
        assertEquals(Kind.FORBIDDEN, e.kind());
        assertEquals(0, f.db.tickets.list(other, TicketQuery.all()).total());
        // in a bulk action too: the whole request is forbidden, not a field error of the batch
        assertEquals(
                Kind.FORBIDDEN,
                assertThrows(
                                DomusException.class,
                                () -> f.db.tickets.bulk(
                                        other, List.of(a.id()), TransitionRequest.to(TicketStatus.ACCEPTED, null)))
                        .kind());
        assertEquals(TicketStatus.NEW, f.db.tickets.get(f.manager, a.id()).status());
        notFound(() -> f.unitTicket(f.karel, f.flat1, "not my flat"));
        notFound(() -> f.db.tickets.submit(
                f.jana,
                new NewTicket(
                        TicketArea.BUILDING,
                        null,
                        f.horakove.id(),
                        f.water.id(),
                        null,
                        null,
                        "not my building",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
    }
}
