package org.domus.core.privacy;

import org.domus.core.access.Permission;

/**
 * Permissions of the personal-data tasks the office performs for a data subject. No role is granted them
 * by default: only ADMIN (which holds every permission) may. Everyone may export their own data without
 * any permission.
 */
public final class PrivacyPermissions {

    /** Export all data about any person (a request made at the office). */
    public static final Permission EXPORT = new Permission("platform.privacy.export");

    /** Erase a former resident's personal data. */
    public static final Permission ERASE = new Permission("platform.privacy.erase");

    private PrivacyPermissions() {}
}
