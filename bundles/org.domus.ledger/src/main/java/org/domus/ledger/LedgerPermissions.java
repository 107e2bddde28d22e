package org.domus.ledger;

import org.domus.core.access.Permission;

/**
 * Permissions of the ledger, held within the scope of a staff role grant: ACCOUNTANT reads, posts and runs
 * billing; MANAGER and BOARD read; ADMIN holds all. Residents hold none of them: they read the ledgers of
 * their current units through the access policy's resident scope.
 */
public final class LedgerPermissions {

    /** See ledgers, balances, turnover, charge components and billing runs in scope. */
    public static final Permission READ = new Permission("ledger.read");

    /** Post transactions and payments, reverse them, declare persons. */
    public static final Permission POST = new Permission("ledger.post");

    /** Define components, rates and exemptions; preview, post and reverse billing runs. */
    public static final Permission BILLING = new Permission("ledger.billing");

    private LedgerPermissions() {}
}
