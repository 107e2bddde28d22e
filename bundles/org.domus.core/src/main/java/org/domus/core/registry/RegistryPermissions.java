package org.domus.core.registry;

import org.domus.core.access.Permission;

/**
 * Permissions of the registry. Staff hold them within the scope of their role grants: MANAGER reads and
 * writes, ACCOUNTANT, BOARD and TECHNICIAN read, ADMIN holds all everywhere.
 */
public final class RegistryPermissions {

    /** See estates, buildings, units, persons and tenures in scope. */
    public static final Permission READ = new Permission("registry.read");

    /** Create and change them in scope. */
    public static final Permission WRITE = new Permission("registry.write");

    /** Import CSV files. */
    public static final Permission IMPORT = new Permission("registry.import");

    /**
     * Open "My home". No grant gives it: the access policy derives it from the subject itself, holding it
     * for residents and for anyone (staff included) whose person holds or lives in a unit today.
     *
     * @since 1.2
     */
    public static final Permission HOME = new Permission("registry.home");

    private RegistryPermissions() {}
}
