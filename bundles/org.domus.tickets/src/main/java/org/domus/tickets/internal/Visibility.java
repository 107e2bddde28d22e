package org.domus.tickets.internal;

import java.util.Set;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.tickets.TicketActor;
import org.domus.tickets.TicketArea;

/**
 * What one subject may see of the tickets, in the form a query needs (turned into a JPQL WHERE clause by
 * {@link TicketQueries}) and the form a single ticket's check needs ({@link #sees}).
 *
 * @param staff the staff read scope ({@code tickets.read})
 * @param manage the staff manage scope ({@code tickets.manage})
 * @param companyIds companies the subject works for (CONTRACTOR/TECHNICIAN with {@code tickets.work})
 * @param workerIds the subject's worker records
 * @param requesterId the subject's account id (tickets it filed), or -1
 * @param residentUnits units the subject holds today
 * @param residentBuildings buildings where the subject holds a unit today (for building-wide tickets; empty
 *     when the setting is off)
 * @param queue the subject's worker records, for its work queue: per company, the tickets given to that worker
 *     and those given to nobody in particular whose category is of one of the worker's trade groups (all
 *     groups when the worker has none)
 */
record Visibility(
        RegistryScope staff,
        RegistryScope manage,
        Set<Long> companyIds,
        Set<Long> workerIds,
        long requesterId,
        Set<Long> residentUnits,
        Set<Long> residentBuildings,
        java.util.List<Worker> queue) {

    /** One worker record of the subject. */
    record Worker(long companyId, long workerId, Set<String> groups) {}

    /** How a subject sees one ticket. */
    enum View {
        /** Everything, internal entries included (staff in scope, the assigned contractor). */
        FULL,
        /** The requester's own ticket: no internal entries. */
        OWN,
        /** Someone else's building-wide ticket: no requester identity, no internal entries. */
        NEIGHBOUR,
        /** Not at all. */
        NONE
    }

    View sees(TicketEntity t) {
        if (staff.covers(location(t)) || (t.companyId != null && companyIds.contains(t.companyId))) {
            return View.FULL;
        }
        if (t.requesterId != null && t.requesterId == requesterId) {
            return View.OWN;
        }
        if (!TicketArea.UNIT.name().equals(t.area) && residentBuildings.contains(t.buildingId)) {
            return View.NEIGHBOUR;
        }
        return View.NONE;
    }

    /** The capacities in which the subject acts on the ticket. */
    Set<TicketActor> actors(TicketEntity t) {
        java.util.EnumSet<TicketActor> as = java.util.EnumSet.noneOf(TicketActor.class);
        if (t.requesterId != null && t.requesterId == requesterId) {
            as.add(TicketActor.REQUESTER);
        }
        if (manage.covers(location(t))) {
            as.add(TicketActor.MANAGER);
        }
        if (t.companyId != null
                && companyIds.contains(t.companyId)
                && (t.workerId == null || workerIds.contains(t.workerId))) {
            as.add(TicketActor.CONTRACTOR);
        }
        return as;
    }

    /** Whether any staff grant of {@code tickets.read} exists (decides 403 against 404). */
    boolean isStaff() {
        return !staff.isEmpty();
    }

    static RegistryLocation location(TicketEntity t) {
        return new RegistryLocation(t.organisationId, t.estateId, t.buildingId, t.unitId);
    }
}
