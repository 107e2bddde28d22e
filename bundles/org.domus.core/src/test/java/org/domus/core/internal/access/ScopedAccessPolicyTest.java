package org.domus.core.internal.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RegistryLocation;
import org.domus.core.access.RegistryScope;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.registry.RegistryPermissions;
import org.junit.jupiter.api.Test;

/** Registry decisions: scopes of staff grants, residents by tenure, 404 versus 403. */
class ScopedAccessPolicyTest {

    // organisation 1 > estate 10 > buildings 100, 101 > units 1000 (in 100), 1010 (in 101)
    private static final Map<Long, RegistryLocation> UNITS = Map.of(
            1000L, new RegistryLocation(1, 10L, 100L, 1000L),
            1010L, new RegistryLocation(1, 10L, 101L, 1010L));

    private static final RegistryDirectory DIRECTORY = new RegistryDirectory() {
        @Override
        public Optional<RegistryLocation> locate(ScopeType kind, long id) {
            if (kind == null) {
                return Optional.ofNullable(UNITS.get(id));
            }
            return switch (kind) {
                case BUILDING -> id == 100 || id == 101
                        ? Optional.of(new RegistryLocation(1, 10L, id, null))
                        : Optional.empty();
                case ESTATE -> id == 10 ? Optional.of(new RegistryLocation(1, 10L, null, null)) : Optional.empty();
                case ORGANISATION -> id == 1
                        ? Optional.of(new RegistryLocation(1, null, null, null))
                        : Optional.empty();
            };
        }

        @Override
        public Set<Long> currentUnitsOf(long accountId, LocalDate day) {
            return accountId == 7 ? Set.of(1000L) : Set.of();
        }
    };

    private final RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(
            List.of(new RegistryGrants()),
            DIRECTORY,
            Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));

    private static Subject subject(long id, RoleGrant... grants) {
        return new Subject(id, "u" + id, "User " + id, Set.of(), null, Set.of(grants));
    }

    @Test
    void buildingManagerReadsAndWritesOnlyHisBuilding() {
        Subject manager = subject(2, RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, 100));
        RegistryScope scope = policy.registryScope(manager, RegistryPermissions.WRITE);
        assertEquals(Set.of(100L), scope.buildingIds());
        assertFalse(scope.all());
        assertDoesNotThrow(() -> policy.requireUnit(manager, RegistryPermissions.WRITE, 1000));
        DomusException outside =
                assertThrows(DomusException.class, () -> policy.requireUnit(manager, RegistryPermissions.READ, 1010));
        assertEquals(DomusException.Kind.FORBIDDEN, outside.kind());
        // the estate is above his scope
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> policy.requireEstate(manager, RegistryPermissions.READ, 10))
                        .kind());
    }

    @Test
    void unknownObjectsAreNotFoundForStaffToo() {
        Subject manager = subject(2, RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, 100));
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> policy.requireUnit(manager, RegistryPermissions.READ, 9999))
                        .kind());
    }

    @Test
    void accountantReadsButDoesNotWrite() {
        Subject accountant = subject(3, RoleGrant.scoped(Role.ACCOUNTANT, ScopeType.ESTATE, 10));
        assertDoesNotThrow(() -> policy.requireUnit(accountant, RegistryPermissions.READ, 1010));
        assertTrue(policy.registryScope(accountant, RegistryPermissions.WRITE).isEmpty());
        // no write grant anywhere: the object is as good as unknown to him for writing
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(
                                DomusException.class,
                                () -> policy.requireUnit(accountant, RegistryPermissions.WRITE, 1010))
                        .kind());
    }

    @Test
    void organisationScopeCoversEverythingBelow() {
        Subject board = subject(4, RoleGrant.scoped(Role.BOARD, ScopeType.ORGANISATION, 1));
        assertDoesNotThrow(() -> policy.requireUnit(board, RegistryPermissions.READ, 1000));
        assertDoesNotThrow(() -> policy.requireEstate(board, RegistryPermissions.READ, 10));
    }

    @Test
    void adminAndUnscopedGrantsSeeEverything() {
        assertTrue(policy.registryScope(subject(5, RoleGrant.everywhere(Role.ADMIN)), RegistryPermissions.WRITE)
                .all());
        assertTrue(policy.registryScope(subject(6, RoleGrant.everywhere(Role.TECHNICIAN)), RegistryPermissions.READ)
                .all());
    }

    @Test
    void aStaffRoleWithoutAGrantIsRefusedInsteadOfWidenedToEverywhere() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Subject(8, "m", "M", Set.of(Role.MANAGER), null, Set.of()));
        assertTrue(e.getMessage().contains("MANAGER"), e.getMessage());
        // a role held in one building only does not become organisation-wide for another role's sake
        assertThrows(
                IllegalArgumentException.class,
                () -> new Subject(
                        8,
                        "m",
                        "M",
                        Set.of(Role.MANAGER, Role.TECHNICIAN),
                        null,
                        Set.of(RoleGrant.scoped(Role.TECHNICIAN, ScopeType.BUILDING, 100))));
        // RESIDENT follows from tenures and needs no grant
        Subject resident = new Subject(8, "r", "R", Set.of(Role.RESIDENT), null, Set.of());
        assertEquals(Set.of(Role.RESIDENT), resident.roles());
        assertTrue(policy.registryScope(resident, RegistryPermissions.READ).isEmpty());
    }

    @Test
    void anAdminGrantOfOneOrganisationCoversThatOrganisationOnly() {
        Subject admin = subject(11, RoleGrant.scoped(Role.ADMIN, ScopeType.ORGANISATION, 1));
        RegistryScope scope = policy.registryScope(admin, RegistryPermissions.WRITE);
        assertFalse(scope.all());
        assertEquals(Set.of(1L), scope.organisationIds());
        assertTrue(policy.isGranted(admin, org.domus.core.access.Permission.ACCOUNTS_MANAGE));
    }

    @Test
    void myHomeIsForResidentsAndForStaffWhoHoldAUnitOnly() {
        // account 7 holds unit 1000 today
        Subject technicianWithAFlat = subject(7, RoleGrant.scoped(Role.TECHNICIAN, ScopeType.BUILDING, 101));
        assertTrue(policy.isGranted(technicianWithAFlat, RegistryPermissions.HOME));
        assertTrue(policy.isGranted(
                new Subject(12, "r", "R", Set.of(Role.RESIDENT), null, Set.of()), RegistryPermissions.HOME));
        assertFalse(policy.isGranted(subject(13, RoleGrant.everywhere(Role.ADMIN)), RegistryPermissions.HOME));
        assertFalse(policy.isGranted(
                subject(14, RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, 1)), RegistryPermissions.HOME));
    }

    @Test
    void theSystemSubjectIsAnExplicitAdminEverywhere() {
        Subject system = Subject.system("shell", "Shell");
        assertEquals(Set.of(RoleGrant.everywhere(Role.ADMIN)), system.grants());
        assertTrue(policy.registryScope(system, RegistryPermissions.WRITE).all());
    }

    @Test
    void residentSeesOwnUnitAndGetsNotFoundForOthers() {
        Subject resident = subject(7, RoleGrant.everywhere(Role.RESIDENT));
        assertEquals(Set.of(1000L), policy.residentScope(resident).unitIds());
        assertTrue(policy.registryScope(resident, RegistryPermissions.READ).isEmpty());
        assertDoesNotThrow(() -> policy.requireRegistry(
                resident, RegistryPermissions.READ, DIRECTORY.locate(null, 1000), true, "registry.unit.not-found"));
        DomusException other = assertThrows(
                DomusException.class,
                () -> policy.requireRegistry(
                        resident, RegistryPermissions.READ, DIRECTORY.locate(null, 1010), true, "x"));
        assertEquals(DomusException.Kind.NOT_FOUND, other.kind());
        // staff routes never serve residents, not even their own unit, and do not confirm it exists
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> policy.requireUnit(resident, RegistryPermissions.READ, 1000))
                        .kind());
    }

    @Test
    void subjectKeepsScopedGrantsAndListsTheirRoles() {
        Subject s = subject(
                9,
                RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, 100),
                RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, 101));
        assertEquals(Set.of(Role.MANAGER), s.roles());
        assertEquals(2, s.grants().size());
        assertEquals(
                Set.of(100L, 101L),
                policy.registryScope(s, RegistryPermissions.READ).buildingIds());
        assertThrows(IllegalArgumentException.class, () -> RoleGrant.scoped(Role.RESIDENT, ScopeType.BUILDING, 1));
    }
}
