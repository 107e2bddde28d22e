package org.domus.tickets.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.core.registry.Building;
import org.domus.tickets.ContractorCompany;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketArea;
import org.domus.tickets.TicketPriority;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatus;
import org.domus.web.components.MapMarker;
import org.junit.jupiter.api.Test;

class TicketMarkersTest {

    private static final Building BUILDING = new Building(
            3,
            2,
            "Vinohradská",
            "12",
            "Praha",
            "120 00",
            "CZ",
            new BigDecimal("50.0755"),
            new BigDecimal("14.4378"),
            0);

    private static Ticket ticket(long id, TicketStatus status, boolean overdue, BigDecimal lat, BigDecimal lon) {
        return new Ticket(
                id,
                "T-2026-00000" + id,
                1,
                2,
                3,
                null,
                "Vinohradská 12",
                "Vinohradská",
                TicketArea.BUILDING,
                4,
                "Výtah",
                "lifts",
                TicketPriority.NORMAL,
                "Výtah stojí",
                "Výtah stojí mezi patry",
                status,
                TicketSource.STAFF,
                null,
                null,
                null,
                null,
                null,
                lat,
                lon,
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
                null,
                null,
                Instant.now(),
                Instant.now(),
                overdue,
                false,
                null,
                0,
                null,
                null,
                0);
    }

    @Test
    void ticketsSitAtTheirPinOrAroundTheirBuildingEachApart() {
        List<MapMarker> markers = TicketMarkers.tickets(
                List.of(
                        ticket(1, TicketStatus.NEW, false, null, null),
                        ticket(2, TicketStatus.ASSIGNED, false, null, null),
                        ticket(3, TicketStatus.DONE, false, new BigDecimal("50.08"), new BigDecimal("14.44"))),
                Map.of(3L, BUILDING));
        assertEquals(3, markers.size());
        assertEquals("ticket-1", markers.get(0).id());
        assertEquals(50.0755, markers.get(0).lat(), 1e-9);
        assertEquals(14.4378, markers.get(0).lon(), 1e-9);
        assertNotEquals(
                markers.get(0).lat() + "," + markers.get(0).lon(),
                markers.get(1).lat() + "," + markers.get(1).lon());
        assertEquals(50.0755, markers.get(1).lat(), 0.001); // within about a hundred metres
        assertEquals(50.08, markers.get(2).lat(), 1e-9);
        assertEquals("T-2026-000001 – Výtah stojí", markers.get(0).label());
    }

    @Test
    void overdueOpenTicketsAreRedTheOthersColouredByStatus() {
        assertEquals(TicketMarkers.OVERDUE, TicketMarkers.colour(ticket(1, TicketStatus.ASSIGNED, true, null, null)));
        assertEquals(
                TicketMarkers.colour(TicketStatus.CONFIRMED),
                TicketMarkers.colour(ticket(1, TicketStatus.CONFIRMED, true, null, null)));
        assertNotEquals(TicketMarkers.colour(TicketStatus.NEW), TicketMarkers.colour(TicketStatus.IN_PROGRESS));
    }

    @Test
    void ticketsWithoutAPlaceAreLeftOutAndOnlyWorkersWhoShareArePlaced() {
        assertEquals(
                List.of(), TicketMarkers.tickets(List.of(ticket(1, TicketStatus.NEW, false, null, null)), Map.of()));
        ContractorCompany company =
                new ContractorCompany(8, 1, "Výtahy Vltava s.r.o.", null, null, null, Set.of(), true, 0);
        ContractorWorker sharing = new ContractorWorker(
                5,
                8,
                "Pavel Horák",
                null,
                null,
                Set.of(),
                77L,
                true,
                new BigDecimal("50.07"),
                new BigDecimal("14.43"),
                Instant.now(),
                true,
                0);
        ContractorWorker hidden = new ContractorWorker(
                6,
                8,
                "Jiří Kučera",
                null,
                null,
                Set.of(),
                78L,
                false,
                new BigDecimal("50.07"),
                new BigDecimal("14.43"),
                Instant.now(),
                true,
                0);
        List<MapMarker> workers = TicketMarkers.workers(List.of(sharing, hidden), Map.of(company.id(), company.name()));
        assertEquals(1, workers.size());
        assertEquals("worker-5", workers.get(0).id());
        assertEquals("Pavel Horák (Výtahy Vltava s.r.o.)", workers.get(0).label());
    }
}
