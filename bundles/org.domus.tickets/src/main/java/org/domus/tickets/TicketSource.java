package org.domus.tickets;

/** Where a ticket came from. */
public enum TicketSource {
    /** A logged-in resident (web or mobile app). */
    PORTAL,
    /** The anonymous form reached through a building's public code (no login). */
    PUBLIC_FORM,
    /** Entered by staff (a phone call, a visit at the office). */
    STAFF
}
