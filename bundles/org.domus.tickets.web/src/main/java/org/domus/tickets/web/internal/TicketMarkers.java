package org.domus.tickets.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.domus.core.registry.Building;
import org.domus.tickets.ContractorWorker;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketStatus;
import org.domus.web.components.MapMarker;

/**
 * Where the map draws tickets and workers, and in which colour: a ticket at its pin, else at its building
 * (tickets of one building set around it in a small circle so that each stays clickable); red when overdue,
 * otherwise by status; workers who share their position at their last one.
 */
final class TicketMarkers {

    static final String OVERDUE = "#d32f2f";
    static final String WORKER = "#263238";

    /** Marker ids: {@code ticket-<id>} and {@code worker-<id>}. */
    static final String TICKET_PREFIX = "ticket-";

    /** About ten metres in degrees of latitude. */
    private static final double SPREAD = 0.0001;

    private TicketMarkers() {}

    static String colour(Ticket t) {
        if (t.overdue() && !t.status().isFinal() && t.status() != TicketStatus.DONE) {
            return OVERDUE;
        }
        return colour(t.status());
    }

    static String colour(TicketStatus status) {
        return switch (status) {
            case NEW -> "#1976d2";
            case ACCEPTED, ASSIGNED -> "#f57c00";
            case IN_PROGRESS -> "#7b1fa2";
            case REOPENED -> "#ad1457";
            case DONE, CONFIRMED -> "#388e3c";
            case REJECTED, CANCELLED -> "#757575";
        };
    }

    /** The tickets' markers; tickets with neither a pin nor a building with coordinates are left out. */
    static List<MapMarker> tickets(List<Ticket> tickets, Map<Long, Building> buildings) {
        List<MapMarker> markers = new ArrayList<>();
        Map<Long, Integer> atBuilding = new HashMap<>();
        for (Ticket t : tickets) {
            double lat;
            double lon;
            if (t.latitude() != null && t.longitude() != null) {
                lat = t.latitude().doubleValue();
                lon = t.longitude().doubleValue();
            } else {
                Building b = buildings.get(t.buildingId());
                if (b == null || b.latitude() == null || b.longitude() == null) {
                    continue;
                }
                int n = atBuilding.merge(t.buildingId(), 1, Integer::sum) - 1;
                // the first at the building itself, the next ones on rings around it
                double ring = Math.ceil(Math.sqrt(n));
                double angle = n * 2.399963; // the golden angle: no two on one spoke
                lat = b.latitude().doubleValue() + (n == 0 ? 0 : SPREAD * ring * Math.sin(angle));
                lon = b.longitude().doubleValue() + (n == 0 ? 0 : SPREAD * 1.5 * ring * Math.cos(angle));
            }
            markers.add(new MapMarker(
                    TICKET_PREFIX + t.id(), lat, lon, t.reference() + " – " + t.title(), "ticket", colour(t)));
        }
        return markers;
    }

    /** Workers who share a position and have reported one. */
    static List<MapMarker> workers(List<ContractorWorker> workers, Map<Long, String> companyNames) {
        List<MapMarker> markers = new ArrayList<>();
        for (ContractorWorker w : workers) {
            BigDecimal lat = w.latitude();
            BigDecimal lon = w.longitude();
            if (!w.sharesPosition() || lat == null || lon == null) {
                continue;
            }
            markers.add(new MapMarker(
                    "worker-" + w.id(),
                    lat.doubleValue(),
                    lon.doubleValue(),
                    w.name() + " (" + companyNames.getOrDefault(w.companyId(), "") + ")",
                    "worker",
                    WORKER));
        }
        return markers;
    }
}
