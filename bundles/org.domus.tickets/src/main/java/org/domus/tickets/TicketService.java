package org.domus.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.domus.core.Subject;
import org.domus.core.export.Table;
import org.domus.core.registry.Page;

/**
 * Tickets: submission, reads, the workflow, the timeline, lists, statistics and bulk actions. Refusals are
 * {@link org.domus.core.DomusException}s: NOT_FOUND for tickets the subject may not know about, FORBIDDEN for
 * staff outside their scope, INVALID for bad input, CONFLICT ({@code tickets.transition.refused}) for a move
 * the workflow does not allow from the current status (arguments: current status, wanted status, allowed
 * next statuses) and for a stale version.
 */
public interface TicketService {

    /** Largest page of a list. */
    int MAX_PAGE = 500;

    /**
     * Submits a ticket. Residents submit for their current units (UNIT) or the buildings where they hold a
     * unit (BUILDING, COMMON_AREA), source PORTAL; staff with {@link TicketsPermissions#MANAGE} for any unit
     * or building in scope, source STAFF. Deadlines are set from the deadline rules.
     */
    Ticket submit(Subject subject, NewTicket ticket);

    /** One ticket as the subject may see it. */
    Ticket get(Subject subject, long ticketId);

    /** The subject's own tickets (as requester), plus building-wide ones of their buildings when configured. */
    Page<Ticket> mine(Subject subject, int offset, int limit);

    /**
     * Tickets matching the query inside the subject's scope: staff with {@link TicketsPermissions#READ} their
     * scope; contractors and technicians the tickets assigned to companies they work for; residents what
     * {@link #mine} shows.
     */
    Page<Ticket> list(Subject subject, TicketQuery query);

    /** Figures for the query in the subject's scope (paging ignored). */
    TicketStatistics statistics(Subject subject, TicketQuery query);

    /** The query's tickets (paging ignored, at most 10 000) as a table for CSV or XLSX export. */
    Table table(Subject subject, TicketQuery query);

    /** The statuses the subject may move the ticket to now. */
    Set<TicketStatus> allowedTransitions(Subject subject, long ticketId);

    /** Changes the status as {@link TicketTransition} allows for the subject's capacity. */
    Ticket transition(Subject subject, long ticketId, TransitionRequest request);

    /** The assigned contractor accepts the assignment (timeline entry, {@code assignmentAcceptedAt}). */
    Ticket acceptAssignment(Subject subject, long ticketId);

    /**
     * The same change on every ticket in one transaction, all or nothing (MANAGER). A refusal names the
     * failing ticket's index as {@code tickets[i]} in an {@link org.domus.core.registry.InvalidFieldsException}.
     */
    BulkResult bulk(Subject subject, List<Long> ticketIds, TransitionRequest request);

    /**
     * The timeline, oldest first; internal entries only for staff and contractors.
     */
    List<TimelineEntry> timeline(Subject subject, long ticketId);

    /**
     * Adds a comment. Residents' comments are public; staff and contractors may mark theirs internal (work
     * notes never shown to residents).
     */
    TimelineEntry comment(Subject subject, long ticketId, String text, boolean internal);

    /** Feedback from the office to the requester (MANAGER); posts {@link TicketEvents#FEEDBACK}. */
    TimelineEntry feedback(Subject subject, long ticketId, String text);

    /**
     * Logs time spent by the assigned contractor (1..1440 minutes) with an optional note; the ticket's
     * {@link Ticket#minutesSpent()} is the sum.
     */
    TimelineEntry logWork(Subject subject, long ticketId, int minutes, String note);

    /** Today in the organisation's time zone (for "today's tickets"). */
    LocalDate today(long organisationId);

    /** The instant a day begins in the organisation's time zone (list filters by creation or assignment day). */
    Instant startOfDay(long organisationId, LocalDate day);
}
