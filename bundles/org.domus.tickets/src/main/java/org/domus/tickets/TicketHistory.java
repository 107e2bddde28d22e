package org.domus.tickets;

import java.time.Instant;
import org.domus.core.Subject;

/**
 * Records ticket history with its original instants: a cooperative importing the tickets of its previous
 * portal, or the demo generator spreading its tickets over past months. Only the platform acting on its own
 * behalf ({@link Subject#system}: account id 0, ADMIN everywhere) may do so; anybody else is refused with
 * {@code FORBIDDEN}. <strong>Not exposed over REST</strong>: back-dating is an import, never something a user
 * of the portal or the mobile apps does.
 *
 * <p>{@link #at} gives the ticket services as they would have behaved at that instant. Each step is still
 * taken by the subject whose job it is (the manager accepts, the contractor logs time, the requester
 * confirms) and checked exactly as a live step: the workflow, access, deadlines (computed from the submission
 * instant by the same rules as for live tickets), time spent (the sum of the work entries), done on time
 * (the resolution instant against the resolution deadline) and audit events (stamped with the instant).
 * Instants must not lie in the future ({@code INVALID}, {@code tickets.history.future}) and must not go
 * backwards within a ticket: a change at an instant before the ticket's last change is refused
 * ({@code INVALID}, {@code tickets.history.backwards}, argument: the ticket's last change).
 *
 * <p><strong>No events</strong> are posted for recorded history: {@link TicketEvents} drive notifications,
 * and telling a resident today about last year's repair would be wrong.
 */
public interface TicketHistory {

    /**
     * The ticket services acting at {@code at} without posting events. Reads through them (overdue flags)
     * are as of {@code at} too.
     *
     * @param system the platform's own subject
     * @param at the instant of the steps taken through the returned service, not in the future
     */
    TicketService at(Subject system, Instant at);
}
