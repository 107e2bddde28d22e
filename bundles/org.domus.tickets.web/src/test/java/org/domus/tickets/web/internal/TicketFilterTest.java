package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketSort;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.web.internal.TicketFilter.ListKind;
import org.junit.jupiter.api.Test;

class TicketFilterTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    /** 23:30 UTC on 20 November is already 21 November in Prague. */
    private static final Instant LATE_EVENING = Instant.parse("2026-11-20T23:30:00Z");

    private static final TicketFilter FILTER = new TicketFilter(
            1L,
            2L,
            3L,
            "  Vinohradská ",
            4L,
            "plumbing",
            5L,
            6L,
            Set.of(TicketStatus.NEW, TicketStatus.ACCEPTED),
            Boolean.TRUE,
            TicketSource.PUBLIC_FORM,
            " ");

    @Test
    void everyFilterReachesTheQueryTrimmedAndBlankTextsAreNoFilter() {
        TicketQuery q = FILTER.query(ListKind.ALL, PRAGUE, LATE_EVENING, TicketSort.CREATED, true, 50, 25);
        assertEquals(1L, q.organisationId());
        assertEquals(2L, q.estateId());
        assertEquals(3L, q.buildingId());
        assertEquals("Vinohradská", q.street());
        assertEquals(4L, q.categoryId());
        assertEquals("plumbing", q.group());
        assertEquals(5L, q.companyId());
        assertEquals(6L, q.workerId());
        assertEquals(Set.of(TicketStatus.NEW, TicketStatus.ACCEPTED), q.statuses());
        assertEquals(Boolean.TRUE, q.overdue());
        assertEquals(TicketSource.PUBLIC_FORM, q.source());
        assertNull(q.text());
        assertEquals(50, q.offset());
        assertEquals(25, q.limit());
        // "all tickets": no time limits, not only forwarded ones
        assertNull(q.createdFrom());
        assertNull(q.assignedFrom());
        assertFalse(q.assignedOnly());
    }

    @Test
    void todayRunsFromMidnightToMidnightInTheOrganisationsZone() {
        TicketQuery q = TicketFilter.NONE.query(ListKind.TODAY, PRAGUE, LATE_EVENING, TicketSort.CREATED, true, 0, 50);
        assertEquals(Instant.parse("2026-11-20T23:00:00Z"), q.createdFrom());
        assertEquals(Instant.parse("2026-11-21T23:00:00Z"), q.createdTo());
        assertNull(q.assignedFrom());
        assertFalse(q.assignedOnly());
    }

    @Test
    void forwardedListsAskForAssignedTicketsAndTodaysForThoseAssignedToday() {
        TicketQuery today = TicketFilter.NONE.query(
                ListKind.FORWARDED_TODAY, PRAGUE, LATE_EVENING, TicketSort.CREATED, true, 0, 50);
        assertTrue(today.assignedOnly());
        assertEquals(Instant.parse("2026-11-20T23:00:00Z"), today.assignedFrom());
        assertEquals(Instant.parse("2026-11-21T23:00:00Z"), today.assignedTo());
        assertNull(today.createdFrom());
        TicketQuery all =
                TicketFilter.NONE.query(ListKind.FORWARDED_ALL, PRAGUE, LATE_EVENING, TicketSort.CREATED, true, 0, 50);
        assertTrue(all.assignedOnly());
        assertNull(all.assignedFrom());
        assertNull(all.createdFrom());
    }

    @Test
    void theDemoCountriesHaveTheirZones() {
        assertEquals(ZoneId.of("Europe/Bucharest"), TicketFilter.zone("RO"));
        assertEquals(ZoneId.of("Europe/Warsaw"), TicketFilter.zone("PL"));
        assertEquals(ZoneId.systemDefault(), TicketFilter.zone(null));
    }
}
