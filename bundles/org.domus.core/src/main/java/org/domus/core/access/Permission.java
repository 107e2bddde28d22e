package org.domus.core.access;

/**
 * A named permission. Modules declare their own as constants (for example {@code ledger.post}); the
 * platform's are here. {@link AccessPolicy} decides which subject holds which.
 */
public record Permission(String name) {

    /** Manage user accounts: create, reset passwords, grant roles. */
    public static final Permission ACCOUNTS_MANAGE = new Permission("platform.accounts.manage");

    /** See the platform's administration pages (modules, health). */
    public static final Permission PLATFORM_ADMIN = new Permission("platform.admin");

    public Permission {
        if (name == null || !name.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)+")) {
            throw new IllegalArgumentException("permission names look like module.action: " + name);
        }
    }
}
