package org.domus.tickets;

/**
 * EventAdmin topics the tickets module posts after a change has committed (asynchronously). Every event
 * carries {@value #TICKET_ID}, {@value #REFERENCE}, {@value #ORGANISATION_ID}, {@value #BUILDING_ID},
 * {@value #STATUS}, {@value #ACTOR_ACCOUNT_ID} (0 for the public form and the system) and, when set,
 * {@value #SUMMARY} (the ticket's title, for notifications) and, when set, {@value #UNIT_ID},
 * {@value #REQUESTER_ACCOUNT_ID}, {@value #COMPANY_ID}; {@value #PREVIOUS_STATUS} on {@link #STATUS_CHANGED};
 * {@value #ENTRY_ID} (the timeline entry the change wrote, unique per change: receivers deduplicate on it) on
 * {@link #STATUS_CHANGED}, {@link #COMMENTED} and {@link #FEEDBACK}. Ids are {@code Long}, statuses the
 * {@link TicketStatus} name.
 */
public final class TicketEvents {

    /** A ticket was submitted (portal, public form or staff). */
    public static final String CREATED = "org/domus/tickets/CREATED";

    /** The status changed: {@value #PREVIOUS_STATUS} and {@value #STATUS}. */
    public static final String STATUS_CHANGED = "org/domus/tickets/STATUS_CHANGED";

    /** Assigned (or reassigned) to a contractor company: {@value #COMPANY_ID}, {@value #WORKER_ID}. */
    public static final String ASSIGNED = "org/domus/tickets/ASSIGNED";

    /** A comment visible to the requester was added. */
    public static final String COMMENTED = "org/domus/tickets/COMMENTED";

    /** The office sent feedback to the requester: {@value #TEXT}. */
    public static final String FEEDBACK = "org/domus/tickets/FEEDBACK";

    public static final String TICKET_ID = "ticketId";
    public static final String REFERENCE = "reference";
    public static final String ORGANISATION_ID = "organisationId";
    public static final String BUILDING_ID = "buildingId";
    public static final String UNIT_ID = "unitId";
    public static final String REQUESTER_ACCOUNT_ID = "requesterAccountId";
    public static final String ACTOR_ACCOUNT_ID = "actorAccountId";
    public static final String STATUS = "status";
    public static final String PREVIOUS_STATUS = "previousStatus";
    public static final String COMPANY_ID = "companyId";
    public static final String WORKER_ID = "workerId";
    public static final String TEXT = "text";
    /** {@code String}: the ticket's title. */
    public static final String SUMMARY = "summary";
    /** {@code Long}: the timeline entry written by the change. */
    public static final String ENTRY_ID = "entryId";

    private TicketEvents() {}
}
