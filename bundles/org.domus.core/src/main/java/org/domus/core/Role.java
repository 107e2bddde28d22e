package org.domus.core;

/**
 * Roles known to the platform. RESIDENT is derived from a person's current tenures; the staff roles are
 * granted to an account and carry a scope (organisation, estate or building).
 */
public enum Role {
    RESIDENT,
    MANAGER,
    ACCOUNTANT,
    TECHNICIAN,
    CONTRACTOR,
    BOARD,
    ADMIN;

    /** True for every role that works for the cooperative rather than living in it. */
    public boolean isStaff() {
        return this != RESIDENT && this != CONTRACTOR;
    }
}
