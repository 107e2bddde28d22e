package org.domus.core.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.Permission;
import org.domus.core.access.PermissionGrant;
import org.domus.core.access.RoleGrant;
import org.junit.jupiter.api.Test;

class RoleBasedAccessPolicyTest {

    private static final Permission LEDGER_POST = new Permission("ledger.post");
    private static final Permission LEDGER_READ = new Permission("ledger.read");
    private static final PermissionGrant LEDGER = () -> Map.of(
            Role.ACCOUNTANT, Set.of(LEDGER_POST, LEDGER_READ),
            Role.BOARD, Set.of(LEDGER_READ));

    private static Subject with(Role... roles) {
        Set<RoleGrant> grants = new java.util.HashSet<>();
        for (Role role : roles) {
            grants.add(RoleGrant.everywhere(role));
        }
        return Subject.of(1, "someone", "Someone", null, grants);
    }

    @Test
    void adminHoldsEveryPermissionEvenWithoutGrants() {
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy();
        assertTrue(policy.isGranted(with(Role.ADMIN), Permission.ACCOUNTS_MANAGE));
        assertTrue(policy.isGranted(with(Role.ADMIN), Permission.PLATFORM_ADMIN));
        assertTrue(policy.isGranted(with(Role.ADMIN), LEDGER_POST));
    }

    @Test
    void otherRolesHoldWhatTheGrantsGiveThem() {
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(List.of(LEDGER));
        assertTrue(policy.isGranted(with(Role.ACCOUNTANT), LEDGER_POST));
        assertTrue(policy.isGranted(with(Role.BOARD), LEDGER_READ));
        assertFalse(policy.isGranted(with(Role.BOARD), LEDGER_POST));
        assertTrue(policy.isGranted(with(Role.BOARD, Role.ACCOUNTANT), LEDGER_POST));
        assertFalse(policy.isGranted(with(Role.MANAGER), Permission.ACCOUNTS_MANAGE));
        assertFalse(policy.isGranted(with(Role.RESIDENT), LEDGER_READ));
        assertFalse(policy.isGranted(null, LEDGER_READ));
    }

    @Test
    void grantsComeAndGoWithTheirModules() {
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy();
        policy.addGrant(LEDGER);
        assertTrue(policy.isGranted(with(Role.ACCOUNTANT), LEDGER_POST));
        policy.removeGrant(LEDGER);
        assertFalse(policy.isGranted(with(Role.ACCOUNTANT), LEDGER_POST));
    }

    @Test
    void requireRefusesWithForbidden() {
        DomusException e = assertThrows(DomusException.class, () -> new RoleBasedAccessPolicy()
                .require(with(Role.RESIDENT), Permission.PLATFORM_ADMIN));
        assertEquals(DomusException.Kind.FORBIDDEN, e.kind());
    }
}
