package org.domus.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.domus.tickets.Deadline;
import org.domus.tickets.DeadlineRule;
import org.domus.tickets.NewTicket;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TransitionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketDeadlinesTest {

    Fixture f = new Fixture();

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Ticket submit(TicketPriority priority) {
        return f.db.tickets.submit(
                f.jana,
                new NewTicket(
                        TicketArea.UNIT,
                        f.flat1.id(),
                        null,
                        f.water.id(),
                        priority,
                        null,
                        "Leak",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void workingDaysSkipTheWeekendAndEndAtMidnightInPrague() {
        // Friday 6 March 2026, 09:00 in Prague
        Ticket normal = submit(TicketPriority.NORMAL);
        // 2 working days: Monday 9, Tuesday 10 -> midnight after Tuesday, Prague (UTC+1)
        assertEquals(Instant.parse("2026-03-10T23:00:00Z"), normal.responseDue());
        // 10 working days: Monday 9 .. Friday 20
        assertEquals(Instant.parse("2026-03-20T23:00:00Z"), normal.resolutionDue());
        Ticket urgent = submit(TicketPriority.URGENT);
        assertEquals(Instant.parse("2026-03-06T10:00:00Z"), urgent.responseDue());
        assertEquals(Instant.parse("2026-03-07T08:00:00Z"), urgent.resolutionDue());
    }

    @Test
    void easterHolidaysOfTheCountryAndConfiguredHolidaysAreNotWorkingDays() {
        // Thursday 2 April 2026: Good Friday (3rd) and Easter Monday (6th) are Czech holidays
        f.db.clock.set(Instant.parse("2026-04-02T08:00:00Z"));
        Ticket high = submit(TicketPriority.HIGH);
        // 1 working day: Tuesday 7 April -> midnight after it, Prague summer time (UTC+2)
        assertEquals(Instant.parse("2026-04-07T22:00:00Z"), high.responseDue());

        f.db.clock.set(Instant.parse("2026-03-06T08:00:00Z"));
        f.db.tickets.settings(TicketsSettings.defaults().withHolidays(LocalDate.of(2026, 3, 9)));
        Ticket normal = submit(TicketPriority.NORMAL);
        // Monday 9 March is closed: Tuesday 10 and Wednesday 11
        assertEquals(Instant.parse("2026-03-11T23:00:00Z"), normal.responseDue());
    }

    @Test
    void aCategoryRuleWinsOverTheDefaultAndOverdueIsFlaggedAndFiltered() {
        f.db.configuration.saveDeadlineRule(
                f.manager,
                new DeadlineRule(
                        0, f.org.id(), f.water.id(), TicketPriority.NORMAL, Deadline.hours(4), Deadline.hours(8), 0));
        Ticket t = submit(TicketPriority.NORMAL);
        assertEquals(Instant.parse("2026-03-06T12:00:00Z"), t.responseDue());
        Ticket late = submit(TicketPriority.LOW);
        f.db.clock.plusHours(5);
        Ticket seen = f.db.tickets.get(f.manager, t.id());
        assertTrue(seen.responseOverdue());
        assertFalse(seen.resolutionOverdue());
        assertFalse(f.db.tickets.get(f.manager, late.id()).overdue());
        TicketQuery overdue = new TicketQuery(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Boolean.TRUE,
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
                50);
        assertEquals(1, f.db.tickets.list(f.manager, overdue).total());
        // Accepting answers the response; done after the resolution deadline is not on time.
        f.db.tickets.transition(f.manager, t.id(), TransitionRequest.to(TicketStatus.ACCEPTED, null));
        f.db.tickets.transition(f.manager, t.id(), TransitionRequest.assign(f.plumbing.id(), f.petr.id()));
        f.db.tickets.transition(f.plumber, t.id(), TransitionRequest.to(TicketStatus.IN_PROGRESS, null));
        f.db.clock.plusHours(4);
        assertTrue(f.db.tickets.get(f.manager, t.id()).resolutionOverdue());
        Ticket done = f.db.tickets.transition(f.plumber, t.id(), TransitionRequest.to(TicketStatus.DONE, null));
        assertEquals(Boolean.FALSE, done.doneOnTime());
        assertFalse(done.resolutionOverdue());
    }
}
