package org.domus.tickets;

/** How fast a ticket must be handled; deadlines come from the {@link DeadlineRule} of the priority. */
public enum TicketPriority {
    LOW,
    NORMAL,
    HIGH,
    /** Emergencies (water leak, lift stuck): deadlines counted in clock hours, day and night. */
    URGENT
}
