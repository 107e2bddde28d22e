package org.domus.tickets;

import java.time.Instant;
import java.util.Set;

/**
 * What tickets to list or count. Every filter is optional (null or empty); the subject's scope always applies
 * on top (as SQL, never after loading).
 *
 * @param organisationId only this organisation
 * @param estateId only this estate
 * @param buildingId only this building
 * @param street only buildings in this street (exact, case-insensitive)
 * @param categoryId only this category
 * @param group only categories of this trade group
 * @param companyId only assigned to this company
 * @param workerId only assigned to this worker
 * @param statuses only these statuses
 * @param overdue true: only overdue (either deadline), false: only not overdue
 * @param source only from this source
 * @param createdFrom created at or after ("today's tickets": the start of today in the organisation's zone)
 * @param createdTo created before
 * @param assignedFrom assigned at or after ("forwarded today")
 * @param assignedTo assigned before
 * @param assignedOnly only tickets ever assigned ("forwarded all")
 * @param text reference, title or description contains (case-insensitive)
 * @param sort order (default CREATED)
 * @param descending newest / largest first
 * @param offset rows to skip
 * @param limit rows, 1..{@link TicketService#MAX_PAGE}
 */
public record TicketQuery(
        Long organisationId,
        Long estateId,
        Long buildingId,
        String street,
        Long categoryId,
        String group,
        Long companyId,
        Long workerId,
        Set<TicketStatus> statuses,
        Boolean overdue,
        TicketSource source,
        Instant createdFrom,
        Instant createdTo,
        Instant assignedFrom,
        Instant assignedTo,
        boolean assignedOnly,
        String text,
        TicketSort sort,
        boolean descending,
        int offset,
        int limit) {

    public TicketQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? TicketSort.CREATED : sort;
    }

    /** Every ticket in scope, newest first, the first page. */
    public static TicketQuery all() {
        return new TicketQuery(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                TicketSort.CREATED,
                true,
                0,
                50);
    }

    public TicketQuery withStatuses(Set<TicketStatus> s) {
        return new TicketQuery(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                s,
                overdue,
                source,
                createdFrom,
                createdTo,
                assignedFrom,
                assignedTo,
                assignedOnly,
                text,
                sort,
                descending,
                offset,
                limit);
    }

    public TicketQuery withBuilding(Long b) {
        return new TicketQuery(
                organisationId,
                estateId,
                b,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                statuses,
                overdue,
                source,
                createdFrom,
                createdTo,
                assignedFrom,
                assignedTo,
                assignedOnly,
                text,
                sort,
                descending,
                offset,
                limit);
    }

    public TicketQuery withOrganisation(Long o) {
        return new TicketQuery(
                o,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                statuses,
                overdue,
                source,
                createdFrom,
                createdTo,
                assignedFrom,
                assignedTo,
                assignedOnly,
                text,
                sort,
                descending,
                offset,
                limit);
    }

    public TicketQuery withCreated(Instant from, Instant to) {
        return new TicketQuery(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                statuses,
                overdue,
                source,
                from,
                to,
                assignedFrom,
                assignedTo,
                assignedOnly,
                text,
                sort,
                descending,
                offset,
                limit);
    }

    public TicketQuery withAssigned(Instant from, Instant to) {
        return new TicketQuery(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                statuses,
                overdue,
                source,
                createdFrom,
                createdTo,
                from,
                to,
                true,
                text,
                sort,
                descending,
                offset,
                limit);
    }

    public TicketQuery withPage(int newOffset, int newLimit) {
        return new TicketQuery(
                organisationId,
                estateId,
                buildingId,
                street,
                categoryId,
                group,
                companyId,
                workerId,
                statuses,
                overdue,
                source,
                createdFrom,
                createdTo,
                assignedFrom,
                assignedTo,
                assignedOnly,
                text,
                sort,
                descending,
                newOffset,
                newLimit);
    }
}
