package org.domus.tickets;

import static org.domus.tickets.TicketActor.CONTRACTOR;
import static org.domus.tickets.TicketActor.MANAGER;
import static org.domus.tickets.TicketActor.REQUESTER;
import static org.domus.tickets.TicketStatus.ACCEPTED;
import static org.domus.tickets.TicketStatus.ASSIGNED;
import static org.domus.tickets.TicketStatus.CANCELLED;
import static org.domus.tickets.TicketStatus.CONFIRMED;
import static org.domus.tickets.TicketStatus.DONE;
import static org.domus.tickets.TicketStatus.IN_PROGRESS;
import static org.domus.tickets.TicketStatus.NEW;
import static org.domus.tickets.TicketStatus.REJECTED;
import static org.domus.tickets.TicketStatus.REOPENED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow: the one table of allowed status changes and who may make each. The server refuses every
 * other change ({@code tickets.transition.refused}, naming the current status and the allowed next ones).
 * Requirements on the request ({@link TransitionRequest}): REJECTED needs a reason, ASSIGNED a company,
 * CONFIRMED a rating (1..5) when the requester confirms, REOPENED a reason.
 */
public enum TicketTransition {
    ACCEPT(NEW, ACCEPTED, MANAGER),
    REJECT_NEW(NEW, REJECTED, MANAGER),
    CANCEL_NEW(NEW, CANCELLED, REQUESTER, MANAGER),
    ASSIGN(ACCEPTED, ASSIGNED, MANAGER),
    REJECT_ACCEPTED(ACCEPTED, REJECTED, MANAGER),
    CANCEL_ACCEPTED(ACCEPTED, CANCELLED, REQUESTER, MANAGER),
    START(ASSIGNED, IN_PROGRESS, CONTRACTOR),
    /** Another company or worker; the contractor's acceptance is reset. */
    REASSIGN(ASSIGNED, ASSIGNED, MANAGER),
    CANCEL_ASSIGNED(ASSIGNED, CANCELLED, MANAGER),
    FINISH(IN_PROGRESS, DONE, CONTRACTOR),
    /** Back to the office's hands: another company or worker takes over, or the contractor hands it back. */
    REASSIGN_IN_PROGRESS(IN_PROGRESS, ASSIGNED, MANAGER, CONTRACTOR),
    /** With a rating; the office may confirm on the requester's behalf after the configured days. */
    CONFIRM(DONE, CONFIRMED, REQUESTER, MANAGER),
    REOPEN(DONE, REOPENED, REQUESTER),
    ASSIGN_REOPENED(REOPENED, ASSIGNED, MANAGER),
    RESUME(REOPENED, IN_PROGRESS, CONTRACTOR, MANAGER),
    CANCEL_REOPENED(REOPENED, CANCELLED, MANAGER);

    private final TicketStatus from;
    private final TicketStatus to;
    private final Set<TicketActor> actors;

    TicketTransition(TicketStatus from, TicketStatus to, TicketActor... actors) {
        this.from = from;
        this.to = to;
        this.actors = Set.copyOf(Arrays.asList(actors));
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }

    /** Who may make this move. */
    public Set<TicketActor> actors() {
        return actors;
    }

    /** The row for this move, or empty when the workflow has none. */
    public static Optional<TicketTransition> of(TicketStatus from, TicketStatus to) {
        return Arrays.stream(values()).filter(t -> t.from == from && t.to == to).findFirst();
    }

    /** Statuses reachable from {@code from} by any of these actors. */
    public static Set<TicketStatus> next(TicketStatus from, Set<TicketActor> as) {
        Set<TicketStatus> next = EnumSet.noneOf(TicketStatus.class);
        for (TicketTransition t : values()) {
            if (t.from == from && t.actors.stream().anyMatch(as::contains)) {
                next.add(t.to);
            }
        }
        return next;
    }
}
