package org.domus.tickets;

/** What a ticket is about: a unit (the requester's own flat), the whole building or a common area. */
public enum TicketArea {
    /** Inside one unit; only the requester and staff see it. */
    UNIT,
    /** The building as a whole (roof, façade, heating). Residents of the building may see it. */
    BUILDING,
    /** A common area (staircase, lift, cellar, courtyard). Residents of the building may see it. */
    COMMON_AREA
}
