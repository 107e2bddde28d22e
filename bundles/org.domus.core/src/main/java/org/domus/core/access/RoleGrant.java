package org.domus.core.access;

import java.util.Objects;
import org.domus.core.Role;

/**
 * A role held by an account, limited to a part of the housing stock. A grant without a scope
 * ({@code scopeType == null}) holds everywhere; that is how unscoped roles such as ADMIN are stored.
 *
 * @param role the role
 * @param scopeType the kind of scope, or null for everywhere
 * @param scopeId id of the organisation, estate or building; null exactly when {@code scopeType} is null
 * @since 1.2
 */
public record RoleGrant(Role role, ScopeType scopeType, Long scopeId) {

    public RoleGrant {
        Objects.requireNonNull(role, "role");
        if ((scopeType == null) != (scopeId == null)) {
            throw new IllegalArgumentException("scope type and id go together: " + scopeType + " " + scopeId);
        }
        if (role == Role.RESIDENT && scopeType != null) {
            // Residents are scoped by their tenures, never by a grant.
            throw new IllegalArgumentException("RESIDENT carries no scope");
        }
    }

    /** A grant that holds everywhere. */
    public static RoleGrant everywhere(Role role) {
        return new RoleGrant(role, null, null);
    }

    /** A grant limited to one organisation, estate or building. */
    public static RoleGrant scoped(Role role, ScopeType type, long id) {
        return new RoleGrant(role, Objects.requireNonNull(type, "type"), id);
    }

    public boolean isScoped() {
        return scopeType != null;
    }
}
