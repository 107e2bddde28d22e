package org.domus.core.audit;

import org.domus.core.access.Permission;

/**
 * Permissions of the audit trail. No role is granted them by default: only ADMIN, which holds every
 * permission, reads the trail (it shows personal data of everyone).
 */
public final class AuditPermissions {

    /** Read the audit trail. */
    public static final Permission READ = new Permission("platform.audit.read");

    private AuditPermissions() {}
}
