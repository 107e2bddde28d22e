package org.domus.core.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryPermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scoped role grants given and taken by an administrator, against the real schema. */
class AccountGrantsTest {

    static final Subject ADMIN = Subject.system("shell", "Shell");

    private CoreDatabase db;
    private AccountServiceImpl accounts;
    private RoleBasedAccessPolicy policy;
    private Organisation org;
    private Estate estate;
    private Building building;
    private Account jana;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = AccountServiceImpl.create(
                db.jpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        policy = new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(db.jpa), clock);
        RegistryServiceImpl registry = RegistryServiceImpl.create(db.jpa, policy, clock);
        org = registry.createOrganisation(ADMIN, new Organisation(0, "SBD Domov", "12345678", "cz", "czk", 0));
        estate = registry.createEstate(ADMIN, new Estate(0, org.id(), "Jižní Město", 0));
        building = registry.createBuilding(
                ADMIN,
                new Building(
                        0,
                        estate.id(),
                        "Květná",
                        "12",
                        "Praha",
                        "149 00",
                        "CZ",
                        new BigDecimal("50.030000"),
                        new BigDecimal("14.510000"),
                        0));
        jana = accounts.create(
                new NewAccount(
                        "jana", "Jana Nováková", null, "violet tractor harbour".toCharArray(), Set.of(), null, false),
                ADMIN);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aBuildingGrantGivesTheRoleInThatBuildingOnlyAndIsAudited() {
        RoleGrant grant = RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, building.id());
        Account changed = accounts.grant(jana.id(), grant, ADMIN);

        assertEquals(Set.of(Role.MANAGER), changed.roles());
        Subject subject = accounts.subjectOf(jana.id()).orElseThrow();
        assertEquals(Set.of(grant), subject.grants());
        assertEquals(
                Set.of(building.id()),
                policy.registryScope(subject, RegistryPermissions.WRITE).buildingIds());
        Map<String, Object> audit = db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.grant.add'")
                .get(0);
        assertEquals("shell", audit.get("ACTOR_LOGIN"));
        assertEquals(String.valueOf(jana.id()), audit.get("ENTITY_ID"));
        assertEquals("{\"grants\":[]}", clob(audit.get("BEFORE_STATE")));
        assertEquals("{\"grants\":[\"MANAGER@BUILDING:" + building.id() + "\"]}", clob(audit.get("AFTER_STATE")));

        // the same grant again changes nothing and writes nothing
        accounts.grant(jana.id(), grant, ADMIN);
        assertEquals(1, accounts.grants(jana.id()).size());
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.grant.add'")
                        .size());
    }

    @Test
    void revokingTakesEffectForTheNextSubjectAndIsAudited() {
        RoleGrant estateGrant = RoleGrant.scoped(Role.TECHNICIAN, ScopeType.ESTATE, estate.id());
        RoleGrant orgGrant = RoleGrant.scoped(Role.BOARD, ScopeType.ORGANISATION, org.id());
        accounts.grant(jana.id(), estateGrant, ADMIN);
        accounts.grant(jana.id(), orgGrant, ADMIN);

        Account changed = accounts.revoke(jana.id(), estateGrant, ADMIN);

        assertEquals(Set.of(Role.BOARD), changed.roles());
        assertEquals(
                Set.of(orgGrant), accounts.subjectOf(jana.id()).orElseThrow().grants());
        Map<String, Object> audit = db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.grant.remove'")
                .get(0);
        assertTrue(clob(audit.get("BEFORE_STATE")).contains("TECHNICIAN@ESTATE:" + estate.id()));
        assertEquals("{\"grants\":[\"BOARD@ORGANISATION:" + org.id() + "\"]}", clob(audit.get("AFTER_STATE")));

        DomusException again = assertThrows(DomusException.class, () -> accounts.revoke(jana.id(), estateGrant, ADMIN));
        assertEquals("account.grant.not-found", again.messageKey());
    }

    @Test
    void invalidGrantsAreRefusedAndWriteNothing() {
        assertEquals(
                "account.grant.scope.not-found",
                refused(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, building.id() + 1000)));
        assertEquals("account.grant.scope.not-found", refused(RoleGrant.scoped(Role.MANAGER, ScopeType.ESTATE, 999)));
        assertEquals("account.grant.resident", refused(RoleGrant.everywhere(Role.RESIDENT)));
        assertEquals("account.grant.scope.required", refused(RoleGrant.everywhere(Role.MANAGER)));
        assertEquals(
                "account.grant.admin.organisation",
                refused(RoleGrant.scoped(Role.ADMIN, ScopeType.BUILDING, building.id())));
        assertEquals(
                "account.not-found",
                assertThrows(
                                DomusException.class,
                                () -> accounts.grant(
                                        9999, RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, org.id()), ADMIN))
                        .messageKey());
        assertTrue(accounts.grants(jana.id()).isEmpty());
        assertTrue(db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME LIKE 'account.grant.%'")
                .isEmpty());
    }

    @Test
    void setGrantsChecksTheGrantsItAdds() {
        DomusException e = assertThrows(
                DomusException.class,
                () -> accounts.setGrants(
                        jana.id(), Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, 424242)), ADMIN));
        assertEquals("account.grant.scope.not-found", e.messageKey());
        assertTrue(accounts.grants(jana.id()).isEmpty());
    }

    @Test
    void theLastAdministratorCannotBeRemoved() {
        RoleGrant admin = RoleGrant.scoped(Role.ADMIN, ScopeType.ORGANISATION, org.id());
        accounts.grant(jana.id(), admin, ADMIN);

        DomusException e = assertThrows(DomusException.class, () -> accounts.revoke(jana.id(), admin, ADMIN));
        assertEquals(DomusException.Kind.CONFLICT, e.kind());
        assertEquals("account.grant.last-admin", e.messageKey());
        assertEquals(List.of(admin), accounts.grants(jana.id()));

        Account petr = accounts.create(
                new NewAccount("petr", "Petr", null, "granite window seventy".toCharArray(), Set.of(), null, false),
                ADMIN);
        accounts.grant(petr.id(), admin, ADMIN);
        accounts.revoke(jana.id(), admin, ADMIN);
        assertTrue(accounts.grants(jana.id()).isEmpty());
    }

    private String refused(RoleGrant grant) {
        DomusException e = assertThrows(DomusException.class, () -> accounts.grant(jana.id(), grant, ADMIN));
        assertEquals(DomusException.Kind.INVALID, e.kind());
        return e.messageKey();
    }

    private static String clob(Object value) {
        try {
            return value instanceof java.sql.Clob c ? c.getSubString(1, (int) c.length()) : String.valueOf(value);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
