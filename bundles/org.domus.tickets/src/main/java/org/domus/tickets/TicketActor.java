package org.domus.tickets;

/** In which capacity a subject acts on a ticket; {@link TicketTransition} names who may make each move. */
public enum TicketActor {
    /** The resident who submitted the ticket. */
    REQUESTER,
    /** Staff holding {@link TicketsPermissions#MANAGE} on the ticket's building. */
    MANAGER,
    /** A worker (CONTRACTOR or TECHNICIAN account) of the company the ticket is assigned to. */
    CONTRACTOR
}
