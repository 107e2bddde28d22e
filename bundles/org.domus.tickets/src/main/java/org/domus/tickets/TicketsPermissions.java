package org.domus.tickets;

import org.domus.core.access.Permission;

/**
 * Permissions of the tickets module, held within the scope of a staff role grant: MANAGER reads, manages,
 * keeps the contractor records and configures; TECHNICIAN and CONTRACTOR work (and then see only tickets
 * assigned to a company they are workers of); ADMIN holds all. Residents hold none: they see their own
 * tickets (and, when {@code residents.seeBuildingTickets} is on, the building-wide tickets of buildings where
 * they hold a unit) and submit for their current units and buildings.
 */
public final class TicketsPermissions {

    /** See tickets, timelines, statistics and exports in scope. */
    public static final Permission READ = new Permission("tickets.read");

    /** Accept, reject, assign, cancel, give feedback, bulk actions, public codes of buildings. */
    public static final Permission MANAGE = new Permission("tickets.manage");

    /** Work on tickets assigned to the subject's company: accept the assignment, start, log time, finish. */
    public static final Permission WORK = new Permission("tickets.work");

    /** Keep contractor companies and their workers. */
    public static final Permission CONTRACTORS = new Permission("tickets.contractors");

    /** Keep categories and deadline rules. */
    public static final Permission CONFIGURE = new Permission("tickets.configure");

    private TicketsPermissions() {}
}
