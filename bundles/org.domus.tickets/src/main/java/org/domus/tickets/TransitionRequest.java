package org.domus.tickets;

/**
 * A requested status change.
 *
 * @param to the status wanted
 * @param reason required for REJECTED and REOPENED; optional otherwise (kept in the timeline)
 * @param companyId required for ASSIGNED: the contractor company
 * @param workerId optional for ASSIGNED: a worker of that company
 * @param rating required (1..5) when the requester confirms
 * @param comment optional comment with the rating
 * @param version the version the caller saw, or null to skip the optimistic-lock check
 */
public record TransitionRequest(
        TicketStatus to, String reason, Long companyId, Long workerId, Integer rating, String comment, Long version) {

    /** A plain move without assignment or rating. */
    public static TransitionRequest to(TicketStatus to, String reason) {
        return new TransitionRequest(to, reason, null, null, null, null, null);
    }

    /** Assign to a company and optionally a worker. */
    public static TransitionRequest assign(long companyId, Long workerId) {
        return new TransitionRequest(TicketStatus.ASSIGNED, null, companyId, workerId, null, null, null);
    }

    /** Confirm with a rating. */
    public static TransitionRequest confirm(int rating, String comment) {
        return new TransitionRequest(TicketStatus.CONFIRMED, null, null, null, rating, comment, null);
    }
}
