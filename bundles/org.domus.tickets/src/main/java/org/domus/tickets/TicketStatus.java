package org.domus.tickets;

/**
 * Where a ticket is in its workflow. The allowed moves between statuses are the rows of
 * {@link TicketTransition}; {@link #CONFIRMED}, {@link #REJECTED} and {@link #CANCELLED} are final.
 */
public enum TicketStatus {
    /** Submitted, nobody at the office has looked at it yet. */
    NEW,
    /** The office accepted it (first response). */
    ACCEPTED,
    /** Forwarded to a contractor company (and optionally a worker). */
    ASSIGNED,
    /** The contractor started the work. */
    IN_PROGRESS,
    /** The contractor finished; waiting for the requester to confirm or reopen. */
    DONE,
    /** The requester (or the office on their behalf) confirmed the work, with a rating. Final. */
    CONFIRMED,
    /** The requester was not satisfied; the work goes on. */
    REOPENED,
    /** The office refused the request (a reason is required). Final. */
    REJECTED,
    /** Withdrawn by the requester or cancelled by the office. Final. */
    CANCELLED;

    /** True when no transition leaves this status. */
    public boolean isFinal() {
        return this == CONFIRMED || this == REJECTED || this == CANCELLED;
    }

    /** True while work on the ticket is still expected (not DONE and not final). */
    public boolean isOpen() {
        return !isFinal() && this != DONE;
    }

    /** True for DONE and CONFIRMED: the work is finished. */
    public boolean isDone() {
        return this == DONE || this == CONFIRMED;
    }
}
