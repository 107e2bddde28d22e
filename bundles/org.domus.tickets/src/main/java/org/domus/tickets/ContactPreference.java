package org.domus.tickets;

/** How the requester wants to be contacted about the ticket. */
public enum ContactPreference {
    APP,
    EMAIL,
    PHONE
}
