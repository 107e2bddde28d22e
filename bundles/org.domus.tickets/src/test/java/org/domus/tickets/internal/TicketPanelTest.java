package org.domus.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.domus.core.export.Table;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.tickets.BulkResult;
import org.domus.tickets.StatisticsCount;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatistics;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TransitionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management panel: bulk actions, lists with filters, statistics. */
class TicketPanelTest {

    Fixture f = new Fixture();

    @AfterEach
    void tearDown() {
        f.close();
    }

    private TicketStatus status(Ticket t) {
        return f.db.tickets.get(f.manager, t.id()).status();
    }

    @Test
    void bulkActionsChangeAllOrNothingAndNameTheFailingTicket() {
        Ticket a = f.unitTicket(f.jana, f.flat1, "a");
        Ticket b = f.unitTicket(f.karel, f.flat2, "b");
        Ticket c = f.unitTicket(f.olga, f.flat7, "c");
        f.db.tickets.transition(f.manager, c.id(), TransitionRequest.to(TicketStatus.REJECTED, "spam"));
        InvalidFieldsException refused = assertThrows(
                InvalidFieldsException.class,
                () -> f.db.tickets.bulk(
                        f.manager, List.of(a.id(), b.id(), c.id()), TransitionRequest.to(TicketStatus.ACCEPTED, null)));
        assertEquals(1, refused.errors().size());
        assertEquals("tickets[2]", refused.errors().get(0).field());
        assertEquals("tickets.transition.refused", refused.errors().get(0).messageKey());
        assertEquals(TicketStatus.NEW, status(a));
        assertEquals(TicketStatus.NEW, status(b));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM TICKETS_TIMELINE WHERE KIND = 'STATUS' AND TEXT IS NULL"));

        BulkResult ok = f.db.tickets.bulk(
                f.manager, List.of(a.id(), b.id()), TransitionRequest.to(TicketStatus.ACCEPTED, null));
        assertEquals(2, ok.tickets().size());
        BulkResult assigned =
                f.db.tickets.bulk(f.manager, List.of(a.id(), b.id()), TransitionRequest.assign(f.plumbing.id(), null));
        assertTrue(assigned.tickets().stream().allMatch(t -> t.status() == TicketStatus.ASSIGNED));
        // residents and contractors may not run bulk actions: the tickets are none of theirs (404)
        assertEquals(
                org.domus.core.DomusException.Kind.NOT_FOUND,
                assertThrows(
                                org.domus.core.DomusException.class,
                                () -> f.db.tickets.bulk(
                                        f.plumber, List.of(a.id()), TransitionRequest.to(TicketStatus.CANCELLED, null)))
                        .kind());
        assertEquals(
                org.domus.core.DomusException.Kind.NOT_FOUND,
                assertThrows(
                                org.domus.core.DomusException.class,
                                () -> f.db.tickets.bulk(
                                        f.jana, List.of(b.id()), TransitionRequest.to(TicketStatus.CANCELLED, null)))
                        .kind());
    }

    @Test
    void listsFilterInTheDatabaseAndStatisticsCountAKnownSet() {
        Ticket a = f.unitTicket(f.jana, f.flat1, "a");
        Ticket b = f.unitTicket(f.karel, f.flat2, "b");
        Ticket c = f.buildingTicket(f.olga, f.horakove, "c");
        Ticket d = f.unitTicket(f.olga, f.flat7, "d");
        // a: done after 2 h on time and confirmed; b: done after 26 h on time; c: assigned, then overdue; d: new
        f.assigned(a);
        f.db.tickets.transition(f.plumber, a.id(), TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        f.db.clock.plusHours(2);
        f.db.tickets.transition(f.plumber, a.id(), TransitionRequest.to(TicketStatus.DONE, null));
        f.db.tickets.transition(f.jana, a.id(), TransitionRequest.confirm(4, null));
        f.assigned(b);
        f.db.tickets.transition(f.plumber, b.id(), TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        f.db.clock.plusHours(24);
        f.db.tickets.transition(f.plumber, b.id(), TransitionRequest.to(TicketStatus.DONE, null));
        f.db.tickets.transition(f.manager, c.id(), TransitionRequest.to(TicketStatus.ACCEPTED, null));
        f.db.tickets.transition(f.manager, c.id(), TransitionRequest.assign(f.electric.id(), null));
        f.db.clock.set(Instant.parse("2026-04-30T08:00:00Z"));

        TicketStatistics s = f.db.tickets.statistics(f.manager, TicketQuery.all());
        assertEquals(4, s.total());
        assertEquals(2, s.done());
        assertEquals(2, s.open());
        // c (resolution due long ago) and d (no response) are overdue
        assertEquals(2, s.overdue());
        // median of 120 and 1560 minutes
        assertEquals(840L, s.medianMinutesToResolve());
        assertEquals(1.0, s.onTimeRatio());
        Map<String, Long> perStatus =
                s.perStatus().stream().collect(Collectors.toMap(StatisticsCount::key, StatisticsCount::count));
        assertEquals(Map.of("NEW", 1L, "ASSIGNED", 1L, "DONE", 1L, "CONFIRMED", 1L), perStatus);
        assertEquals(
                List.of("Cejl 12, 60200 Brno", "Milady Horákové 3, 60200 Brno"),
                s.perBuilding().stream().map(StatisticsCount::label).toList());
        Map<String, Long> perCompany =
                s.perCompany().stream().collect(Collectors.toMap(StatisticsCount::label, StatisticsCount::count));
        assertEquals(Map.of("Voda s.r.o.", 2L, "Elektro a.s.", 1L, "none", 1L), perCompany);

        // filters: building, street, company, status, group, forwarded
        TicketQuery all = TicketQuery.all();
        assertEquals(
                2, f.db.tickets.list(f.manager, all.withBuilding(f.cejl.id())).total());
        assertEquals(
                Set.of(c.reference(), d.reference()),
                refs(f.db.tickets.list(
                        f.manager,
                        new TicketQuery(
                                null,
                                null,
                                null,
                                "milady horákové",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                null,
                                true,
                                0,
                                50))));
        assertEquals(
                1,
                f.db.tickets
                        .list(
                                f.manager,
                                new TicketQuery(
                                        null, null, null, null, null, "lifts", null, null, null, null, null, null, null,
                                        null, null, false, null, null, true, 0, 50))
                        .total());
        assertEquals(
                3, f.db.tickets.list(f.manager, all.withAssigned(null, null)).total());
        assertEquals(
                1,
                f.db.tickets
                        .list(f.manager, all.withStatuses(Set.of(TicketStatus.NEW)))
                        .total());
        assertEquals(
                0,
                f.db.tickets
                        .list(
                                f.manager,
                                new TicketQuery(
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        TicketSource.PUBLIC_FORM,
                                        null,
                                        null,
                                        null,
                                        null,
                                        false,
                                        null,
                                        null,
                                        true,
                                        0,
                                        50))
                        .total());
        TicketStatistics cejlOnly = f.db.tickets.statistics(f.manager, all.withBuilding(f.cejl.id()));
        assertEquals(2, cejlOnly.total());
        assertEquals(0, cejlOnly.overdue());
        // the contractor's statistics cover its company only
        assertEquals(2, f.db.tickets.statistics(f.plumber, all).total());
        // export
        Table table = f.db.tickets.table(f.manager, all);
        assertEquals(4, table.rows().size());
        assertEquals("Reference", table.columns().get(0).header());
        TicketStatistics none = f.db.tickets.statistics(f.manager, all.withStatuses(Set.of(TicketStatus.CANCELLED)));
        assertEquals(0, none.total());
        assertNull(none.medianMinutesToResolve());
    }

    private static Set<String> refs(org.domus.core.registry.Page<Ticket> page) {
        return page.items().stream().map(Ticket::reference).collect(Collectors.toSet());
    }
}
