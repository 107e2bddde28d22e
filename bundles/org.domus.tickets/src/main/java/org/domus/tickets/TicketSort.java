package org.domus.tickets;

/** Orders of ticket lists. */
public enum TicketSort {
    CREATED,
    REFERENCE,
    STATUS,
    PRIORITY,
    RESOLUTION_DUE,
    ADDRESS
}
