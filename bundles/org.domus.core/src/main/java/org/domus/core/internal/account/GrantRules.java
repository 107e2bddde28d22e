package org.domus.core.internal.account;

import java.util.Collection;
import java.util.function.Predicate;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Role;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;

/**
 * What a role grant given by an administrator must satisfy. Kept apart from the service so that the
 * rules are tested without a database.
 */
final class GrantRules {

    private GrantRules() {}

    /**
     * Checks a grant about to be added.
     *
     * @param scopeExists whether the organisation, estate or building of a scoped grant exists
     * @throws DomusException INVALID with the key of the broken rule
     */
    static void checkNew(RoleGrant grant, Predicate<RoleGrant> scopeExists) {
        if (grant == null) {
            throw new DomusException(Kind.INVALID, "account.grant.invalid");
        }
        if (grant.role() == Role.RESIDENT) {
            // Residents follow from the tenures of the person linked to the account, never from a grant.
            throw new DomusException(Kind.INVALID, "account.grant.resident");
        }
        if (!grant.isScoped()) {
            throw new DomusException(Kind.INVALID, "account.grant.scope.required");
        }
        if (grant.role() == Role.ADMIN && grant.scopeType() != ScopeType.ORGANISATION) {
            throw new DomusException(Kind.INVALID, "account.grant.admin.organisation");
        }
        if (!scopeExists.test(grant)) {
            throw new DomusException(Kind.INVALID, "account.grant.scope.not-found");
        }
    }

    /**
     * Refuses to take the last ADMIN grant of the installation away, which would leave nobody able to
     * manage accounts.
     *
     * @param adminGrantsLeft every ADMIN grant of every account once the change is made
     */
    static void checkAdminRemains(Collection<RoleGrant> adminGrantsLeft) {
        if (adminGrantsLeft.stream().noneMatch(g -> g.role() == Role.ADMIN)) {
            throw new DomusException(Kind.CONFLICT, "account.grant.last-admin");
        }
    }
}
