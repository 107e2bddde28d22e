package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.junit.jupiter.api.Test;

class GrantRulesTest {

    private static String refusal(RoleGrant grant, boolean exists) {
        DomusException e = assertThrows(DomusException.class, () -> GrantRules.checkNew(grant, g -> exists));
        assertEquals(DomusException.Kind.INVALID, e.kind());
        return e.messageKey();
    }

    @Test
    void residentIsNeverGrantedBecauseItFollowsFromTenures() {
        assertEquals("account.grant.resident", refusal(RoleGrant.everywhere(Role.RESIDENT), true));
    }

    @Test
    void everyGrantNeedsAScope() {
        for (Role role : List.of(Role.MANAGER, Role.TECHNICIAN, Role.ADMIN, Role.CONTRACTOR)) {
            assertEquals("account.grant.scope.required", refusal(RoleGrant.everywhere(role), true), role.name());
        }
    }

    @Test
    void adminIsGrantedOrganisationWideOnly() {
        assertEquals(
                "account.grant.admin.organisation", refusal(RoleGrant.scoped(Role.ADMIN, ScopeType.BUILDING, 3), true));
        assertEquals(
                "account.grant.admin.organisation", refusal(RoleGrant.scoped(Role.ADMIN, ScopeType.ESTATE, 2), true));
        assertDoesNotThrow(
                () -> GrantRules.checkNew(RoleGrant.scoped(Role.ADMIN, ScopeType.ORGANISATION, 1), g -> true));
    }

    @Test
    void theScopeObjectMustExist() {
        assertEquals(
                "account.grant.scope.not-found",
                refusal(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, 999), false));
        assertDoesNotThrow(
                () -> GrantRules.checkNew(RoleGrant.scoped(Role.MANAGER, ScopeType.ESTATE, 2), g -> g.scopeId() == 2));
    }

    @Test
    void aMissingGrantIsInvalid() {
        assertEquals("account.grant.invalid", refusal(null, true));
    }

    @Test
    void theLastAdminGrantStays() {
        DomusException e = assertThrows(DomusException.class, () -> GrantRules.checkAdminRemains(List.of()));
        assertEquals(DomusException.Kind.CONFLICT, e.kind());
        assertEquals("account.grant.last-admin", e.messageKey());
        assertDoesNotThrow(() -> GrantRules.checkAdminRemains(List.of(RoleGrant.everywhere(Role.ADMIN))));
    }
}
