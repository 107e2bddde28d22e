package org.domus.core.internal.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AccountStatus;
import org.domus.core.account.NewAccount;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.AudienceTarget.Kind;
import org.domus.core.audience.Recipient;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.IdentityFixtures;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audience queries on Derby with the real changelog. Two organisations: the first has estate "south" with
 * building b1 (staircases A and B) and building b2, and estate "north" with building b3; the second has b4.
 * One database for the class (building the schema is the slow part): the tests only read, except the staff
 * test, whose accounts hold no units and so change no resident answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AudienceTest {

    private static final Subject ADMIN = Subject.system("admin", "Admin");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private CoreDatabase db;
    private AccountServiceImpl accounts;
    private RegistryServiceImpl registry;
    private SqlAudience audience;

    private Organisation org;
    private Organisation otherOrg;
    private Estate south;
    private Estate north;
    private Building b1;
    private Building b2;
    private Building b3;
    private Building b4;
    private Unit flatA;
    private Unit flatB;
    private Unit flatB2;
    private Unit flatNorth;
    private Unit flatOther;

    private long anna;
    private long petr;
    private long former;
    private long future;
    private long lastDay;
    private long disabled;
    private long elsewhere;
    private final Map<Long, Person> persons = new HashMap<>();

    @BeforeAll
    void setUp() {
        db = new CoreDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = IdentityFixtures.accounts(db.jpa, clock);
        RoleBasedAccessPolicy policy =
                new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(db.jpa), clock);
        registry = RegistryServiceImpl.create(db.jpa, policy, clock);
        audience = SqlAudience.create(db.jpa, "cs");

        org = registry.createOrganisation(ADMIN, new Organisation(0, "SBD Domov", "12345678", "cz", "czk", 0));
        otherOrg = registry.createOrganisation(ADMIN, new Organisation(0, "SBD Jinde", "87654321", "cz", "czk", 0));
        south = registry.createEstate(ADMIN, new Estate(0, org.id(), "Jih", 0));
        north = registry.createEstate(ADMIN, new Estate(0, org.id(), "Sever", 0));
        Estate away = registry.createEstate(ADMIN, new Estate(0, otherOrg.id(), "Jinde", 0));
        b1 = registry.createBuilding(ADMIN, building(south, "Květná", "12"));
        b2 = registry.createBuilding(ADMIN, building(south, "Lipová", "3"));
        b3 = registry.createBuilding(ADMIN, building(north, "Severní", "1"));
        b4 = registry.createBuilding(ADMIN, building(away, "Daleká", "9"));
        flatA = registry.createUnit(ADMIN, unit(b1, "1"));
        flatB = registry.createUnit(ADMIN, unit(b1, "2"));
        Unit flatB1 = registry.createUnit(ADMIN, unit(b1, "3"));
        flatB2 = registry.createUnit(ADMIN, unit(b2, "1"));
        flatNorth = registry.createUnit(ADMIN, unit(b3, "1"));
        flatOther = registry.createUnit(ADMIN, unit(b4, "1"));
        staircase(flatA, "A");
        staircase(flatB, "B");
        staircase(flatB1, "B");

        anna = account("anna", "anna@example.org", Locale.forLanguageTag("pl"));
        petr = account("petr", null, null);
        former = account("former", "former@example.org", null);
        future = account("future", "future@example.org", null);
        lastDay = account("lastday", "lastday@example.org", null);
        disabled = account("disabled", "disabled@example.org", null);
        elsewhere = account("elsewhere", "elsewhere@example.org", null);
        accounts.setStatus(disabled, AccountStatus.DISABLED, ADMIN);

        LocalDate from = LocalDate.of(2020, 1, 1);
        hold(anna, flatA, TenureRole.OWNER, from, null);
        hold(petr, flatB, TenureRole.TENANT, from, null);
        hold(petr, flatB2, TenureRole.RESIDENT, from, null);
        hold(former, flatB2, TenureRole.OWNER, from, DAY.minusDays(1));
        hold(future, flatNorth, TenureRole.OWNER, DAY.plusDays(1), null);
        hold(lastDay, flatNorth, TenureRole.TENANT, from, DAY);
        hold(disabled, flatNorth, TenureRole.OWNER, from, null);
        hold(null, flatNorth, TenureRole.RESIDENT, from, null); // a person without an account
        hold(elsewhere, flatOther, TenureRole.OWNER, from, null);
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    private static Building building(Estate estate, String street, String number) {
        return new Building(0, estate.id(), street, number, "Praha", "149 00", "CZ", null, null, 0);
    }

    private static Unit unit(Building building, String number) {
        return new Unit(
                0,
                building.id(),
                number,
                UnitKind.FLAT,
                1,
                new BigDecimal("55.00"),
                2,
                List.of(),
                new Share(1, 4),
                LegalForm.OWNERSHIP,
                UnitState.OCCUPIED,
                null,
                null,
                null,
                0);
    }

    private void staircase(Unit unit, String label) {
        sql("UPDATE CORE_UNIT SET STAIRCASE = ? WHERE ID = ?", label, unit.id());
    }

    private void sql(String statement, Object... parameters) {
        try (Connection c = db.dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long account(String login, String email, Locale locale) {
        Account a = accounts.create(
                new NewAccount(
                        login, "Name " + login, email, "violet tractor harbour".toCharArray(), Set.of(), locale, false),
                ADMIN);
        return a.id();
    }

    private void hold(Long accountId, Unit unit, TenureRole role, LocalDate from, LocalDate to) {
        // an account belongs to one person, who may hold several units
        Person person = accountId != null && persons.containsKey(accountId)
                ? persons.get(accountId)
                : registry.createPerson(
                        ADMIN,
                        new Person(
                                0,
                                unit.buildingId() == b4.id() ? otherOrg.id() : org.id(),
                                PersonKind.NATURAL,
                                "Jana",
                                "Holder" + (accountId == null ? "" : accountId),
                                null,
                                null,
                                null,
                                null,
                                new Address("Květná 12", "Praha", "149 00", "CZ"),
                                null,
                                accountId,
                                0));
        if (accountId != null) {
            persons.put(accountId, person);
        }
        registry.createTenure(ADMIN, new Tenure(0, unit.id(), person.id(), role, null, from, to, 0));
    }

    private static List<Long> ids(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::accountId).toList();
    }

    private List<Long> residents(AudienceTarget... targets) {
        return ids(audience.residents(List.of(targets), DAY, Set.of()));
    }

    @Test
    void anOrganisationTargetReachesTheCurrentHoldersOfEveryUnitInItOnce() {
        List<Recipient> recipients =
                audience.residents(List.of(AudienceTarget.of(Kind.ORGANISATION, org.id())), DAY, Set.of());

        assertEquals(List.of(anna, petr, lastDay), ids(recipients));
        Recipient p = recipients.get(1);
        assertEquals(Set.of(flatB.id(), flatB2.id()), p.unitIds());
        assertEquals("Name petr", p.displayName());
        assertEquals(
                3, audience.countResidents(List.of(AudienceTarget.of(Kind.ORGANISATION, org.id())), DAY, Set.of()));
        assertEquals(List.of(elsewhere), residents(AudienceTarget.of(Kind.ORGANISATION, otherOrg.id())));
    }

    @Test
    void estateBuildingStaircaseAndUnitTargetsReachOnlyTheirUnits() {
        assertEquals(List.of(anna, petr), residents(AudienceTarget.of(Kind.ESTATE, south.id())));
        assertEquals(List.of(lastDay), residents(AudienceTarget.of(Kind.ESTATE, north.id())));
        assertEquals(List.of(anna, petr), residents(AudienceTarget.of(Kind.BUILDING, b1.id())));
        assertEquals(List.of(petr), residents(AudienceTarget.of(Kind.BUILDING, b2.id())));
        assertEquals(List.of(anna), residents(AudienceTarget.staircase(b1.id(), "A")));
        assertEquals(List.of(petr), residents(AudienceTarget.staircase(b1.id(), " B ")));
        assertEquals(List.of(), residents(AudienceTarget.staircase(b2.id(), "A")));
        assertEquals(List.of(petr), residents(AudienceTarget.of(Kind.UNIT, flatB2.id())));
        // the unit a staircase resident is reached through is the staircase's, not every unit they hold
        assertEquals(
                Set.of(flatB.id()),
                audience.residents(List.of(AudienceTarget.staircase(b1.id(), "B")), DAY, Set.of())
                        .get(0)
                        .unitIds());
    }

    @Test
    void targetsCombineWithOrAndEachAccountComesOnce() {
        List<Recipient> recipients = audience.residents(
                List.of(
                        AudienceTarget.staircase(b1.id(), "A"),
                        AudienceTarget.of(Kind.UNIT, flatB2.id()),
                        AudienceTarget.of(Kind.UNIT, flatB.id()),
                        AudienceTarget.of(Kind.BUILDING, b4.id())),
                DAY,
                Set.of());

        assertEquals(List.of(anna, petr, elsewhere), ids(recipients));
        assertEquals(Set.of(flatB.id(), flatB2.id()), recipients.get(1).unitIds());
        assertEquals(
                3,
                audience.countResidents(
                        List.of(
                                AudienceTarget.of(Kind.BUILDING, b1.id()),
                                AudienceTarget.of(Kind.BUILDING, b2.id()),
                                AudienceTarget.of(Kind.BUILDING, b4.id())),
                        DAY,
                        Set.of()));
        assertEquals(List.of(), audience.residents(List.of(), DAY, Set.of()));
        assertEquals(0, audience.countResidents(List.of(), DAY, Set.of()));
    }

    @Test
    void endedAndFutureTenuresDoNotCountButTheirFirstAndLastDaysDo() {
        AudienceTarget b2Target = AudienceTarget.of(Kind.BUILDING, b2.id());
        AudienceTarget north = AudienceTarget.of(Kind.BUILDING, b3.id());

        assertEquals(List.of(petr), residents(b2Target));
        assertEquals(List.of(petr, former), ids(audience.residents(List.of(b2Target), DAY.minusDays(1), Set.of())));
        assertEquals(List.of(lastDay), residents(north));
        assertEquals(List.of(future), ids(audience.residents(List.of(north), DAY.plusDays(1), Set.of())));
        assertFalse(audience.reaches(former, List.of(b2Target), DAY));
        assertTrue(audience.reaches(former, List.of(b2Target), DAY.minusDays(1)));
        assertFalse(audience.reaches(future, List.of(north), DAY));
    }

    @Test
    void inactiveAccountsAndPersonsWithoutAccountAreNeitherReturnedNorCounted() {
        AudienceTarget north = AudienceTarget.of(Kind.UNIT, flatNorth.id());

        // current holders of the unit: lastDay, the disabled account and a person without an account
        assertEquals(List.of(lastDay), residents(north));
        assertEquals(1, audience.countResidents(List.of(north), DAY, Set.of()));
        assertFalse(audience.reaches(disabled, List.of(north), DAY));
        assertEquals(Optional.empty(), audience.account(disabled));
        assertEquals(Optional.empty(), audience.account(999_999));
    }

    @Test
    void theRoleFilterKeepsOnlyTenuresInThoseRoles() {
        AudienceTarget all = AudienceTarget.of(Kind.ORGANISATION, org.id());

        assertEquals(List.of(anna), ids(audience.residents(List.of(all), DAY, Set.of(TenureRole.OWNER))));
        assertEquals(
                List.of(petr, lastDay),
                ids(audience.residents(List.of(all), DAY, Set.of(TenureRole.TENANT, TenureRole.MEMBER))));
        assertEquals(
                Set.of(flatB2.id()),
                audience.residents(List.of(all), DAY, Set.of(TenureRole.RESIDENT))
                        .get(0)
                        .unitIds());
        assertEquals(2, audience.countResidents(List.of(all), DAY, Set.of(TenureRole.OWNER, TenureRole.RESIDENT)));
    }

    @Test
    void reachesAnswersForOneAccount() {
        assertTrue(audience.reaches(anna, List.of(AudienceTarget.staircase(b1.id(), "A")), DAY));
        assertFalse(audience.reaches(anna, List.of(AudienceTarget.staircase(b1.id(), "B")), DAY));
        assertFalse(audience.reaches(anna, List.of(AudienceTarget.of(Kind.BUILDING, b2.id())), DAY));
        assertTrue(audience.reaches(
                anna,
                List.of(AudienceTarget.of(Kind.BUILDING, b2.id()), AudienceTarget.of(Kind.ESTATE, south.id())),
                DAY));
        assertFalse(audience.reaches(elsewhere, List.of(AudienceTarget.of(Kind.ORGANISATION, org.id())), DAY));
        assertFalse(audience.reaches(anna, List.of(), DAY));
    }

    @Test
    void accountsWithoutALanguageGetTheCooperativesAndEmailIsOptional() {
        Recipient a = audience.account(anna).orElseThrow();
        Recipient p = audience.account(petr).orElseThrow();

        assertEquals(Locale.forLanguageTag("pl"), a.locale());
        assertEquals(Optional.of("anna@example.org"), a.email());
        assertEquals(Locale.forLanguageTag("cs"), p.locale());
        assertEquals(Optional.empty(), p.email());
        assertEquals(Set.of(), p.unitIds());
        assertEquals(
                Locale.ENGLISH,
                SqlAudience.create(db.jpa, "xx").account(petr).orElseThrow().locale());
    }

    @Test
    void staffAreThoseWhoseGrantScopeCoversTheBuilding() {
        long orgManager = staff("orgmanager", RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, org.id()));
        long estateTech = staff("southtech", RoleGrant.scoped(Role.TECHNICIAN, ScopeType.ESTATE, south.id()));
        long buildingTech = staff("b1tech", RoleGrant.scoped(Role.TECHNICIAN, ScopeType.BUILDING, b1.id()));
        long b2Tech = staff("b2tech", RoleGrant.scoped(Role.TECHNICIAN, ScopeType.BUILDING, b2.id()));
        long northManager = staff("northmanager", RoleGrant.scoped(Role.MANAGER, ScopeType.ESTATE, north.id()));
        long otherManager =
                staff("othermanager", RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, otherOrg.id()));
        // the service grants scoped roles only; unscoped rows come from installs older than scopes
        long admin = account("admin2", "admin2@example.org", null);
        sql("INSERT INTO CORE_ACCOUNT_ROLE (ACCOUNT_ID, ROLE_NAME) VALUES (?, ?)", admin, "ADMIN");
        long gone = staff("gone", RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, b1.id()));
        accounts.setStatus(gone, AccountStatus.DISABLED, ADMIN);

        assertEquals(List.of(orgManager, estateTech, buildingTech, admin), ids(audience.staff(b1.id(), Set.of())));
        assertEquals(List.of(estateTech, buildingTech), ids(audience.staff(b1.id(), Set.of(Role.TECHNICIAN))));
        assertEquals(List.of(orgManager), ids(audience.staff(b1.id(), Set.of(Role.MANAGER))));
        assertEquals(List.of(orgManager, northManager), ids(audience.staff(b3.id(), Set.of(Role.MANAGER))));
        assertEquals(List.of(otherManager, admin), ids(audience.staff(b4.id(), Set.of())));
        assertEquals(List.of(), ids(audience.staff(b1.id(), Set.of(Role.RESIDENT))));
        assertEquals(
                List.of(orgManager, estateTech, buildingTech, b2Tech, northManager, admin),
                ids(audience.staffOfOrganisation(org.id(), Set.of())));
        assertEquals(List.of(otherManager), ids(audience.staffOfOrganisation(otherOrg.id(), Set.of(Role.MANAGER))));
        assertTrue(audience.staff(b1.id(), Set.of()).stream()
                .allMatch(r -> r.unitIds().isEmpty()));
    }

    @Test
    void staircasesOfABuildingAreListedOnceAndSorted() {
        assertEquals(List.of("A", "B"), audience.staircases(b1.id()));
        assertEquals(List.of(), audience.staircases(b2.id()));
    }

    @Test
    void manyChosenUnitsAreAnsweredWithoutOneQueryPerUnit() {
        // more unit targets than one IN list takes: the list is split, the answer is the same
        List<AudienceTarget> targets = new ArrayList<>();
        for (long id = 1; id <= SqlAudience.IN_CHUNK * 2L + 17; id++) {
            targets.add(AudienceTarget.of(Kind.UNIT, 1_000_000 + id));
        }
        targets.add(AudienceTarget.of(Kind.UNIT, flatA.id()));
        targets.add(AudienceTarget.of(Kind.UNIT, flatOther.id()));

        assertEquals(List.of(anna, elsewhere), ids(audience.residents(targets, DAY, Set.of())));
        assertEquals(2, audience.countResidents(targets, DAY, Set.of()));
    }

    private long staff(String login, RoleGrant grant) {
        long id = account(login, login + "@example.org", null);
        accounts.setGrants(id, Set.of(grant), ADMIN);
        return id;
    }
}
