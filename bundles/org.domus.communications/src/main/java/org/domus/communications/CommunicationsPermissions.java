package org.domus.communications;

import org.domus.core.access.Permission;

/**
 * Permissions of the communications module, held within the scope of a staff role grant. Residents hold none:
 * they read what is addressed to them, write to the office about their own units and keep their own
 * preferences.
 */
public final class CommunicationsPermissions {

    /** See announcements with their read receipts and the message threads in scope. */
    public static final Permission READ = new Permission("communications.read");

    /** Write, publish, change and withdraw announcements for targets in scope. */
    public static final Permission ANNOUNCE = new Permission("communications.announce");

    /** Answer residents' message threads in scope, assign them to colleagues and close them. */
    public static final Permission MESSAGES = new Permission("communications.messages");

    /** Keep the contact directory in scope: offices and their hours, staff contacts, emergency numbers. */
    public static final Permission DIRECTORY = new Permission("communications.directory");

    private CommunicationsPermissions() {}
}
