package org.domus.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.ContactData;
import org.domus.core.registry.Estate;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.Holding;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Page;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitChange;
import org.domus.core.registry.UnitFilter;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitSort;
import org.domus.core.registry.UnitState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryServiceTest {

    static final Subject ADMIN = Subject.system("admin", "Admin");

    private CoreDatabase db;
    private MutableClock clock;
    private AccountServiceImpl accounts;
    private RegistryServiceImpl registry;
    private Organisation org;
    private Estate estate;
    private Building b1;
    private Building b2;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = AccountServiceImpl.create(
                db.jpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        RoleBasedAccessPolicy policy =
                new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(db.jpa), clock);
        registry = RegistryServiceImpl.create(db.jpa, policy, clock);
        org = registry.createOrganisation(ADMIN, new Organisation(0, "SBD Domov", "12345678", "cz", "czk", 0));
        estate = registry.createEstate(ADMIN, new Estate(0, org.id(), "Jižní Město", 0));
        b1 = registry.createBuilding(ADMIN, building("Květná", "12"));
        b2 = registry.createBuilding(ADMIN, building("Lipová", "3"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Building building(String street, String number) {
        return new Building(
                0,
                estate.id(),
                street,
                number,
                "Praha",
                "149 00",
                "CZ",
                new BigDecimal("50.030000"),
                new BigDecimal("14.510000"),
                0);
    }

    private static Unit unit(long building, String number, Share share) {
        return new Unit(
                0,
                building,
                number,
                UnitKind.FLAT,
                2,
                null,
                new BigDecimal("61.50"),
                3,
                List.of("balcony", "cellar"),
                share,
                LegalForm.COOPERATIVE_RIGHT,
                UnitState.OCCUPIED,
                new Money(new BigDecimal("8450.00"), "CZK"),
                null,
                null,
                0);
    }

    private Subject staff(Role role, ScopeType type, long id) {
        Account a = accounts.create(
                new NewAccount(
                        "staff-" + role.name().toLowerCase(Locale.ROOT) + "-" + id,
                        "Staff",
                        null,
                        "violet tractor harbour".toCharArray(),
                        Set.of(),
                        null,
                        false),
                ADMIN);
        accounts.setGrants(a.id(), Set.of(RoleGrant.scoped(role, type, id)), ADMIN);
        return accounts.subjectOf(a.id()).orElseThrow();
    }

    private Subject residentWithPerson(String login, String last) {
        Account a = accounts.create(
                new NewAccount(login, last, null, "violet tractor harbour".toCharArray(), Set.of(), null, false),
                ADMIN);
        registry.createPerson(ADMIN, natural(last, a.id()));
        return accounts.subjectOf(a.id()).orElseThrow();
    }

    private Person natural(String last, Long account) {
        return new Person(
                0,
                org.id(),
                PersonKind.NATURAL,
                "Jana",
                last,
                null,
                null,
                "jana@example.org",
                "+420 601 123 456",
                new Address("Květná 12", "Praha", "149 00", "CZ"),
                "CZ65 0800 0000 1920 0014 5399",
                account,
                0);
    }

    private static Set<String> fields(InvalidFieldsException e) {
        Set<String> f = new HashSet<>();
        for (FieldError error : e.errors()) {
            f.add(error.field() + ":" + error.messageKey());
        }
        return f;
    }

    @Test
    void changelogCreatesEveryRegistryTable() {
        for (String table : List.of(
                "CORE_ORGANISATION",
                "CORE_ESTATE",
                "CORE_BUILDING",
                "CORE_UNIT",
                "CORE_PERSON",
                "CORE_TENURE",
                "CORE_UNIT_HISTORY")) {
            assertTrue(db.rows("SELECT COUNT(*) AS N FROM " + table).size() == 1, table);
        }
        assertEquals(2, db.rows("SELECT * FROM CORE_BUILDING").size());
    }

    @Test
    void createsAndReadsAUnitWithExactShareMoneyAndPaymentReferences() {
        Unit u = registry.createUnit(
                ADMIN,
                new Unit(
                        0,
                        b1.id(),
                        "12",
                        UnitKind.FLAT,
                        3,
                        null,
                        new BigDecimal("72.35"),
                        3,
                        List.of("balcony"),
                        new Share(7235, 100000),
                        LegalForm.OWNERSHIP,
                        UnitState.OCCUPIED,
                        new Money(new BigDecimal("1234.50"), "PLN"),
                        "2040101",
                        "61 1090 1014 0000 0712 1981 2874",
                        0));
        Unit read = registry.unit(ADMIN, u.id());
        assertEquals(new Share(1447, 20000), read.share());
        assertEquals(0, new BigDecimal("72.35").compareTo(read.area()));
        assertEquals("PLN", read.rent().currency());
        assertEquals(0, new BigDecimal("1234.50").compareTo(read.rent().amount()));
        assertEquals("61109010140000071219812874", read.virtualAccount());
        assertEquals(List.of("balcony"), read.equipment());
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'registry.unit.create'")
                        .size());
        assertEquals(
                "created", registry.history(ADMIN, u.id(), 0, 10).items().get(0).field());
    }

    @Test
    void sharesOfABuildingMayNotSumAboveOne() {
        registry.createUnit(ADMIN, unit(b1.id(), "1", new Share(1, 2)));
        Unit second = registry.createUnit(ADMIN, unit(b1.id(), "2", new Share(1, 2)));
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class, () -> registry.createUnit(ADMIN, unit(b1.id(), "3", new Share(1, 1000))));
        assertTrue(
                fields(e).contains("share:registry.unit.share.sum"), fields(e).toString());
        // another building has its own whole
        registry.createUnit(ADMIN, unit(b2.id(), "1", Share.ONE));
        // shrinking a unit frees room, growing it beyond the whole is refused
        registry.updateUnit(ADMIN, withShare(second, new Share(1, 4)));
        registry.createUnit(ADMIN, unit(b1.id(), "3", new Share(1, 4)));
        assertEquals(
                3,
                registry.units(ADMIN, new UnitFilter(null, b1.id(), null, null, null), 0, 10)
                        .total());
    }

    private static Unit withShare(Unit u, Share share) {
        return new Unit(
                u.id(),
                u.buildingId(),
                u.number(),
                u.kind(),
                u.floor(),
                u.staircase(),
                u.area(),
                u.rooms(),
                u.equipment(),
                share,
                u.legalForm(),
                u.state(),
                u.rent(),
                u.variableSymbol(),
                u.virtualAccount(),
                u.version());
    }

    @Test
    void invalidUnitNamesEveryBadFieldAndWritesNothing() {
        Unit bad = new Unit(
                0,
                b1.id(),
                " ",
                UnitKind.FLAT,
                null,
                null,
                new BigDecimal("-3"),
                null,
                List.of(),
                new Share(3, 2),
                null,
                UnitState.VACANT,
                null,
                "8551011238",
                "12 3456",
                0);
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> registry.createUnit(ADMIN, bad));
        assertEquals(
                Set.of(
                        "number:registry.required",
                        "area:registry.positive",
                        "share:registry.share.above-one",
                        "legalForm:registry.required",
                        "variableSymbol:registry.vs.birth-number",
                        "virtualAccount:registry.nrb.invalid"),
                fields(e));
        assertTrue(db.rows("SELECT * FROM CORE_UNIT").isEmpty());
        assertTrue(db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ENTITY_TYPE = 'unit'")
                .isEmpty());
    }

    @Test
    void adminSetsBankDetailsWhichAreCheckedStoredCompactAndAudited() {
        Organisation withBank = registry.updateOrganisation(
                ADMIN,
                new Organisation(
                        org.id(),
                        org.name(),
                        org.registrationNumber(),
                        org.country(),
                        org.currency(),
                        "cz65 0800 0000 1920 0014 5399",
                        "GIBACZPX",
                        "SBD Domov, fond oprav",
                        "CZ12345678",
                        org.version()));
        assertEquals("CZ6508000000192000145399", withBank.iban());
        assertEquals("GIBACZPX", withBank.bic());
        assertEquals("SBD Domov, fond oprav", withBank.recipient());
        assertEquals(withBank, registry.organisation(ADMIN, org.id()));
        List<Map<String, Object>> audit =
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'registry.organisation.update'");
        assertEquals(1, audit.size());
        assertTrue(String.valueOf(audit.get(0).get("AFTER_STATE")).contains("CZ6508000000192000145399"));

        // a bad checksum, a wrong length for the country, a malformed BIC: every field named, nothing written
        InvalidFieldsException bad = assertThrows(
                InvalidFieldsException.class,
                () -> registry.updateOrganisation(
                        ADMIN,
                        new Organisation(
                                org.id(),
                                "SBD Domov",
                                null,
                                "CZ",
                                "CZK",
                                "CZ6608000000192000145399",
                                "GIBA CZ",
                                null,
                                null,
                                withBank.version())));
        assertEquals(Set.of("iban:registry.iban.invalid", "bic:registry.bic.invalid"), fields(bad));
        assertEquals(
                Set.of("iban:registry.iban.invalid"),
                fields(assertThrows(
                        InvalidFieldsException.class,
                        () -> registry.updateOrganisation(
                                ADMIN,
                                new Organisation(
                                        org.id(),
                                        "SBD Domov",
                                        null,
                                        "CZ",
                                        "CZK",
                                        "CZ650800000019200014539",
                                        null,
                                        null,
                                        null,
                                        withBank.version())))));
        assertEquals(withBank, registry.organisation(ADMIN, org.id()));
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'registry.organisation.update'")
                        .size());

        // stale versions conflict; staff may read but not change the organisation
        assertEquals(
                DomusException.Kind.CONFLICT,
                assertThrows(DomusException.class, () -> registry.updateOrganisation(ADMIN, org))
                        .kind());
        Subject accountant = staff(Role.ACCOUNTANT, ScopeType.ORGANISATION, org.id());
        assertEquals(withBank, registry.organisation(accountant, org.id()));
        // an organisation-wide manager writes the registry there, but the organisation itself is the ADMIN's
        Subject manager = staff(Role.MANAGER, ScopeType.ORGANISATION, org.id());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> registry.updateOrganisation(manager, withBank))
                        .kind());
        assertEquals(withBank, registry.organisation(ADMIN, org.id()));
    }

    @Test
    void aPolishOrganisationsTaxIdMustBeAValidNip() {
        Organisation pl = registry.createOrganisation(
                ADMIN, new Organisation(0, "SM Przykładowa", null, "PL", "PLN", null, null, null, "526-104-08-28", 0));
        assertEquals("526-104-08-28", pl.taxId());
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> registry.createOrganisation(
                        ADMIN, new Organisation(0, "SM Zła", null, "PL", "PLN", null, null, null, "5261040829", 0)));
        assertEquals(Set.of("taxId:registry.nip.invalid"), fields(e));
    }

    @Test
    void duplicateNumbersAndVariableSymbolsAreRefused() {
        Unit first = unit(b1.id(), "1", new Share(1, 10));
        registry.createUnit(ADMIN, withVs(first, "1001"));
        InvalidFieldsException e =
                assertThrows(InvalidFieldsException.class, () -> registry.createUnit(ADMIN, withVs(first, "1002")));
        assertEquals(Set.of("number:registry.unit.number.taken"), fields(e));
        InvalidFieldsException vs = assertThrows(
                InvalidFieldsException.class,
                () -> registry.createUnit(ADMIN, withVs(unit(b2.id(), "1", new Share(1, 10)), "1001")));
        assertEquals(Set.of("variableSymbol:registry.vs.taken"), fields(vs));
    }

    private static Unit withVs(Unit u, String vs) {
        return new Unit(
                u.id(),
                u.buildingId(),
                u.number(),
                u.kind(),
                u.floor(),
                u.staircase(),
                u.area(),
                u.rooms(),
                u.equipment(),
                u.share(),
                u.legalForm(),
                u.state(),
                u.rent(),
                vs,
                u.virtualAccount(),
                u.version());
    }

    @Test
    void staleVersionIsAConflictAndChangesAreInTheHistory() {
        Unit u = registry.createUnit(ADMIN, unit(b1.id(), "7", new Share(1, 10)));
        Unit changed = registry.updateUnit(ADMIN, withShare(u, new Share(1, 5)));
        assertEquals(u.version() + 1, changed.version());
        DomusException conflict =
                assertThrows(DomusException.class, () -> registry.updateUnit(ADMIN, withShare(u, new Share(1, 8))));
        assertEquals(DomusException.Kind.CONFLICT, conflict.kind());
        List<UnitChange> history = registry.history(ADMIN, u.id(), 0, 10).items();
        assertEquals("share", history.get(0).field());
        assertEquals("1/10", history.get(0).before());
        assertEquals("1/5", history.get(0).after());
        assertEquals("admin", history.get(0).actor());
    }

    @Test
    void theStaircaseIsTrimmedCheckedStoredAndItsChangesAreInTheHistory() {
        Unit u = registry.createUnit(ADMIN, withStaircase(unit(b1.id(), "7", new Share(1, 10)), "  B-1 "));
        assertEquals("B-1", u.staircase());
        assertEquals("B-1", registry.unit(ADMIN, u.id()).staircase());

        Unit moved = registry.updateUnit(ADMIN, withStaircase(u, "Vchod 3"));
        assertEquals("Vchod 3", moved.staircase());
        UnitChange change = registry.history(ADMIN, u.id(), 0, 10).items().get(0);
        assertEquals("staircase", change.field());
        assertEquals("B-1", change.before());
        assertEquals("Vchod 3", change.after());

        assertEquals(
                Set.of("staircase:registry.staircase.invalid"),
                fields(assertThrows(
                        InvalidFieldsException.class, () -> registry.updateUnit(ADMIN, withStaircase(moved, "A/2")))));
        assertEquals(
                Set.of("staircase:registry.too-long"),
                fields(assertThrows(
                        InvalidFieldsException.class,
                        () -> registry.updateUnit(ADMIN, withStaircase(moved, "A".repeat(17))))));
        assertEquals("Vchod 3", registry.unit(ADMIN, u.id()).staircase());

        // blank clears it
        assertNull(registry.updateUnit(ADMIN, withStaircase(moved, " ")).staircase());
    }

    private static Unit withStaircase(Unit u, String staircase) {
        return new Unit(
                u.id(),
                u.buildingId(),
                u.number(),
                u.kind(),
                u.floor(),
                staircase,
                u.area(),
                u.rooms(),
                u.equipment(),
                u.share(),
                u.legalForm(),
                u.state(),
                u.rent(),
                u.variableSymbol(),
                u.virtualAccount(),
                u.version());
    }

    @Test
    void tenuresKeepTheirHistoryAndResidentsSeeOnlyTheirUnits() {
        Unit mine = registry.createUnit(ADMIN, unit(b1.id(), "1", new Share(1, 10)));
        Unit theirs = registry.createUnit(ADMIN, unit(b1.id(), "2", new Share(1, 10)));
        Subject jana = residentWithPerson("jana", "Nováková");
        Subject petr = residentWithPerson("petr", "Dvořák");
        long janaPerson = registry.myPerson(jana).orElseThrow().id();
        long petrPerson = registry.myPerson(petr).orElseThrow().id();
        Tenure old = registry.createTenure(
                ADMIN,
                new Tenure(0, mine.id(), petrPerson, TenureRole.OWNER, Share.ONE, LocalDate.of(2010, 1, 1), null, 0));
        registry.endTenure(ADMIN, old.id(), LocalDate.of(2020, 6, 30), old.version());
        registry.createTenure(
                ADMIN,
                new Tenure(0, mine.id(), janaPerson, TenureRole.OWNER, Share.ONE, LocalDate.of(2020, 7, 1), null, 0));
        registry.createTenure(
                ADMIN,
                new Tenure(0, theirs.id(), petrPerson, TenureRole.TENANT, null, LocalDate.of(2021, 1, 1), null, 0));

        List<Holding> janas = registry.myUnits(jana);
        assertEquals(1, janas.size());
        assertEquals(mine.id(), janas.get(0).unit().id());
        assertEquals(1, janas.get(0).holders().size(), "Petr's ended tenure is not a current holder");
        assertEquals(
                List.of(theirs.id()),
                registry.myUnits(petr).stream().map(h -> h.unit().id()).toList());
        assertEquals(2, registry.tenuresOfUnit(ADMIN, mine.id()).size(), "the ended tenure stays");

        // residents do not use the staff pages, and do not learn what exists there
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> registry.unit(jana, theirs.id()))
                        .kind());
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> registry.person(jana, petrPerson))
                        .kind());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> registry.units(jana, UnitFilter.NONE, 0, 10))
                        .kind());

        List<String> fields = registry.history(ADMIN, mine.id(), 0, 20).items().stream()
                .map(UnitChange::field)
                .toList();
        assertTrue(fields.contains("tenure." + old.id()), fields.toString());
        assertTrue(fields.contains("tenure." + old.id() + ".validTo"), fields.toString());
        // the person filter finds units by holders' names, accents and case included
        assertEquals(
                List.of(mine.id()),
                registry.units(ADMIN, new UnitFilter(null, null, null, null, "nováková"), 0, 10).items().stream()
                        .map(Unit::id)
                        .toList());
    }

    @Test
    void residentEditsOwnContactDataWithAudit() {
        Subject jana = residentWithPerson("jana", "Nováková");
        Person updated = registry.updateMyContact(
                jana, new ContactData("jana.new@example.org", "+420 777 000 111", null, "DE89 3704 0044 0532 0130 00"));
        assertEquals("jana.new@example.org", updated.email());
        assertNull(updated.address());
        assertEquals("DE89370400440532013000", updated.bankAccount());
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'registry.person.contact'")
                        .size());
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> registry.updateMyContact(jana, new ContactData("nope", null, null, "CZ00 1234")));
        assertEquals(Set.of("email:registry.email.invalid", "bankAccount:registry.iban.invalid"), fields(e));
        assertEquals(
                "jana.new@example.org", registry.myPerson(jana).orElseThrow().email());
    }

    @Test
    void buildingManagerWorksInsideHisBuildingOnly() {
        Unit inside = registry.createUnit(ADMIN, unit(b1.id(), "1", new Share(1, 10)));
        Unit outside = registry.createUnit(ADMIN, unit(b2.id(), "1", new Share(1, 10)));
        Subject manager = staff(Role.MANAGER, ScopeType.BUILDING, b1.id());
        assertEquals(Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, b1.id())), manager.grants());
        assertEquals(
                List.of(inside.id()),
                registry.units(manager, UnitFilter.NONE, 0, 50).items().stream()
                        .map(Unit::id)
                        .toList());
        assertEquals(1, registry.countUnits(manager, UnitFilter.NONE));
        assertEquals(1, registry.buildings(manager, BuildingFilter.NONE, 0, 10).total());
        registry.updateUnit(manager, withShare(inside, new Share(1, 9)));
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> registry.unit(manager, outside.id()))
                        .kind());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> registry.createUnit(manager, unit(b2.id(), "9", Share.ZERO)))
                        .kind());
        // persons: only those with a tenure in his building
        Person inHouse = registry.createPerson(ADMIN, natural("Svobodová", null));
        Person elsewhere = registry.createPerson(ADMIN, natural("Černý", null));
        registry.createTenure(
                ADMIN,
                new Tenure(0, inside.id(), inHouse.id(), TenureRole.MEMBER, null, LocalDate.of(2024, 1, 1), null, 0));
        registry.createTenure(
                ADMIN,
                new Tenure(
                        0, outside.id(), elsewhere.id(), TenureRole.MEMBER, null, LocalDate.of(2024, 1, 1), null, 0));
        assertEquals(
                List.of(inHouse.id()),
                registry.persons(manager, PersonFilter.NONE, 0, 10).items().stream()
                        .map(Person::id)
                        .toList());
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> registry.person(manager, elsewhere.id()))
                        .kind());
        // the scope change is audited
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'account.grants.change'")
                        .size());
    }

    @Test
    void concurrentUnitsOfOneBuildingCannotTogetherExceedTheWhole() throws Exception {
        // Each of the two alone fits (6/10); both would make 12/10. Without the building lock both
        // transactions read a sum of 0 and commit.
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            Building b = registry.createBuilding(ADMIN, building("Souběžná", Integer.toString(round + 1)));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
                for (String number : List.of("1", "2")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            registry.createUnit(ADMIN, unit(b.id(), number, new Share(6, 10)));
                            return true;
                        } catch (InvalidFieldsException refused) {
                            return false;
                        }
                    }));
                }
                int created = 0;
                for (java.util.concurrent.Future<Boolean> r : results) {
                    created += r.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, created, "round " + round);
                assertEquals(1, registry.countUnits(ADMIN, new UnitFilter(null, b.id(), null, null, null)));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void unitListSortsByAnyColumnAndHoldersComeInOneCallWithinScope() {
        List<Unit> units = new ArrayList<>();
        String[] areas = {"61.50", "24.00", "99.90"};
        for (int i = 0; i < areas.length; i++) {
            Unit u = unit(b1.id(), Integer.toString(i + 1), new Share(1, 10));
            units.add(registry.createUnit(
                    ADMIN,
                    new Unit(
                            0,
                            u.buildingId(),
                            u.number(),
                            u.kind(),
                            3 - i,
                            null,
                            new BigDecimal(areas[i]),
                            u.rooms(),
                            u.equipment(),
                            u.share(),
                            u.legalForm(),
                            u.state(),
                            u.rent(),
                            null,
                            null,
                            0)));
        }
        Unit outside = registry.createUnit(ADMIN, unit(b2.id(), "1", new Share(1, 10)));
        UnitFilter inB1 = new UnitFilter(null, b1.id(), null, null, null);
        assertEquals(List.of("3", "1", "2"), numbers(registry.units(ADMIN, inB1, UnitSort.parse("-area"), 0, 10)));
        assertEquals(List.of("2", "1", "3"), numbers(registry.units(ADMIN, inB1, UnitSort.parse("area"), 0, 10)));
        assertEquals(List.of("3", "2", "1"), numbers(registry.units(ADMIN, inB1, UnitSort.parse("floor"), 0, 10)));
        assertEquals(List.of("3", "2", "1"), numbers(registry.units(ADMIN, inB1, UnitSort.parse("-number"), 0, 10)));
        assertEquals("-area", UnitSort.parse("-AREA").toString());
        assertThrows(IllegalArgumentException.class, () -> UnitSort.parse("price"));

        // two matching holders of one unit list it once, and count it once
        Person anna = registry.createPerson(ADMIN, natural("Nováková", null));
        Person petr = registry.createPerson(ADMIN, natural("Novák", null));
        Person former = registry.createPerson(ADMIN, natural("Dvořák", null));
        LocalDate from = LocalDate.of(2020, 1, 1);
        registry.createTenures(
                ADMIN,
                List.of(
                        new Tenure(
                                0, units.get(0).id(), anna.id(), TenureRole.CO_OWNER, new Share(1, 2), from, null, 0),
                        new Tenure(
                                0, units.get(0).id(), petr.id(), TenureRole.CO_OWNER, new Share(1, 2), from, null, 0),
                        new Tenure(0, units.get(1).id(), petr.id(), TenureRole.OWNER, null, from, null, 0),
                        new Tenure(
                                0,
                                units.get(2).id(),
                                former.id(),
                                TenureRole.OWNER,
                                null,
                                from,
                                LocalDate.of(2021, 1, 1),
                                0),
                        new Tenure(0, outside.id(), anna.id(), TenureRole.OWNER, null, from, null, 0)));
        UnitFilter novak = new UnitFilter(null, b1.id(), null, null, "novák");
        assertEquals(List.of("1", "2"), numbers(registry.units(ADMIN, novak, UnitSort.ADDRESS, 0, 10)));
        assertEquals(2, registry.countUnits(ADMIN, novak));
        assertEquals(2, registry.units(ADMIN, novak, UnitSort.ADDRESS, 0, 10).total());

        Subject manager = staff(Role.MANAGER, ScopeType.BUILDING, b1.id());
        List<Long> ids =
                List.of(units.get(0).id(), units.get(1).id(), units.get(2).id(), outside.id());
        Map<Long, List<Holding.Holder>> holders = registry.currentHolders(manager, ids, LocalDate.of(2026, 6, 1));
        // unit 3's only tenure has ended; the unit in the other building is not the manager's
        assertEquals(Set.of(units.get(0).id(), units.get(1).id()), holders.keySet());
        assertEquals(
                List.of("Jana Novák", "Jana Nováková"),
                holders.get(units.get(0).id()).stream()
                        .map(Holding.Holder::name)
                        .toList());
        assertEquals(
                Set.of(units.get(0).id(), units.get(1).id(), outside.id()),
                registry.currentHolders(ADMIN, ids, LocalDate.of(2026, 6, 1)).keySet());
        assertEquals(
                List.of("Jana Dvořák"),
                registry
                        .currentHolders(ADMIN, List.of(units.get(2).id()), LocalDate.of(2020, 6, 1))
                        .get(units.get(2).id())
                        .stream()
                        .map(Holding.Holder::name)
                        .toList());
        assertTrue(registry.currentHolders(residentWithPerson("eva", "Malá"), ids, LocalDate.of(2026, 6, 1))
                .isEmpty());

        // the building manager's persons: each holder once (Petr holds two units), nobody from elsewhere
        Page<Person> persons = registry.persons(manager, PersonFilter.NONE, 0, 10);
        assertEquals(
                List.of(former.id(), petr.id(), anna.id()),
                persons.items().stream().map(Person::id).toList());
        assertEquals(3, persons.total());
        assertEquals(
                List.of(petr.id(), anna.id()),
                registry.persons(manager, new PersonFilter("novák", null), 0, 10).items().stream()
                        .map(Person::id)
                        .toList());
    }

    @Test
    void holderNameFilterFollowsNewTenuresRenamesAndOlderDatabases() throws Exception {
        Unit flat = registry.createUnit(ADMIN, unit(b1.id(), "7", new Share(1, 10)));
        Person holder = registry.createPerson(ADMIN, natural("Procházková", null));
        UnitFilter byName = new UnitFilter(null, null, null, null, "procház");
        assertEquals(0, registry.countUnits(ADMIN, byName));
        registry.createTenure(
                ADMIN,
                new Tenure(0, flat.id(), holder.id(), TenureRole.OWNER, null, LocalDate.of(2024, 1, 1), null, 0));
        assertEquals(
                List.of(flat.id()),
                registry.units(ADMIN, byName, 0, 10).items().stream()
                        .map(Unit::id)
                        .toList());
        // the search key is not the unit's data: its version (the form's optimistic lock) is untouched
        assertEquals(flat.version(), registry.unit(ADMIN, flat.id()).version());

        // a renamed holder is found by the new name, and no longer by the old one
        Person p = registry.person(ADMIN, holder.id());
        registry.updatePerson(
                ADMIN,
                new Person(
                        p.id(),
                        p.organisationId(),
                        p.kind(),
                        p.firstName(),
                        "Dvořáková",
                        p.companyName(),
                        p.registrationNumber(),
                        p.email(),
                        p.phone(),
                        p.address(),
                        p.bankAccount(),
                        p.accountId(),
                        p.version()));
        assertEquals(0, registry.countUnits(ADMIN, byName));
        assertEquals(1, registry.countUnits(ADMIN, new UnitFilter(null, null, null, null, "dvořák")));

        // a database from before the key existed gets it at start-up
        try (java.sql.Connection c = db.dataSource.getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE CORE_UNIT SET HOLDERS_KEY = NULL");
        }
        db.emf.getCache().evictAll();
        assertEquals(0, registry.countUnits(ADMIN, new UnitFilter(null, null, null, null, "dvořák")));
        RegistryServiceImpl restarted = RegistryServiceImpl.create(
                db.jpa,
                new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(db.jpa), clock),
                clock);
        assertEquals(1, restarted.countUnits(ADMIN, new UnitFilter(null, null, null, null, "dvořák")));
    }

    @Test
    void buildingsAreFoundByStreetOrByStreetAndHouseNumberAsTheListsShowThem() {
        for (String typed : List.of("kvě", "Květná 1", "KVĚTNÁ  12", "Květná 12, 149 00 Praha")) {
            assertEquals(
                    List.of(b1.id()),
                    registry.buildings(ADMIN, new BuildingFilter(null, typed), 0, 10).items().stream()
                            .map(Building::id)
                            .toList(),
                    typed);
        }
        assertEquals(
                0,
                registry.buildings(ADMIN, new BuildingFilter(null, "Květná 3"), 0, 10)
                        .total());
        assertEquals(
                0,
                registry.buildings(ADMIN, new BuildingFilter(null, "100%"), 0, 10)
                        .total());
    }

    private static List<String> numbers(Page<Unit> page) {
        return page.items().stream().map(Unit::number).toList();
    }

    @Test
    void tenThousandUnitsPageInOrderWithScopeAndFiltersInTheQuery() {
        Subject manager = staff(Role.MANAGER, ScopeType.BUILDING, b2.id());
        List<Building> buildings = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            buildings.add(
                    registry.createBuilding(ADMIN, building("Ulice " + (char) ('A' + b), Integer.toString(b + 1))));
        }
        for (Building b : buildings) {
            List<Unit> batch = new ArrayList<>();
            for (int i = 1; i <= 500; i++) {
                batch.add(unit(b.id(), Integer.toString(i), new Share(1, 500)));
            }
            registry.createUnits(ADMIN, batch);
        }
        registry.createUnit(ADMIN, unit(b2.id(), "1", new Share(1, 2)));
        assertEquals(10_001, registry.countUnits(ADMIN, UnitFilter.NONE));

        // walk every page: each unit once, in natural order per building
        Set<Long> seen = new HashSet<>();
        String previous = null;
        int pages = 0;
        for (int offset = 0; ; offset += 200) {
            Page<Unit> page = registry.units(ADMIN, UnitFilter.NONE, offset, 200);
            assertEquals(10_001, page.total());
            if (page.items().isEmpty()) {
                break;
            }
            pages++;
            for (Unit u : page.items()) {
                assertTrue(seen.add(u.id()), "unit listed twice: " + u.id());
            }
            if (offset == 0) {
                // "Lipová" sorts before "Ulice A"; then 1, 2, ... 10 in natural order, not 1, 10, 100
                assertEquals(b2.id(), page.items().get(0).buildingId());
                assertEquals(
                        List.of("1", "2", "3"),
                        page.items().subList(1, 4).stream().map(Unit::number).toList());
                assertEquals("10", page.items().get(10).number());
            }
            previous = page.items().get(page.items().size() - 1).number();
        }
        assertEquals(10_001, seen.size());
        assertEquals(51, pages);
        assertEquals("500", previous, "the last page ends with Ulice T 20/500");

        Page<Unit> tenth =
                registry.units(ADMIN, new UnitFilter(null, buildings.get(3).id(), null, null, null), 9, 1);
        assertEquals("10", tenth.items().get(0).number());
        assertEquals(500, tenth.total());
        assertEquals(500, registry.countUnits(ADMIN, new UnitFilter(estate.id(), null, "ulice c", null, null)));
        assertEquals(
                20 * 11,
                registry.countUnits(ADMIN, new UnitFilter(null, null, "ulice", "10", null)),
                "10, 100..109 in each building");
        // the manager's scope is part of the query: one unit of 10,001
        Page<Unit> managerPage = registry.units(manager, UnitFilter.NONE, 0, 200);
        assertEquals(1, managerPage.total());
        assertEquals(b2.id(), managerPage.items().get(0).buildingId());
        assertEquals(
                0,
                registry.countUnits(
                        manager, new UnitFilter(null, buildings.get(0).id(), null, null, null)));
    }

    @Test
    void batchesOfPersonsAndTenuresAreWrittenWithAuditAndHistory() {
        Unit u = registry.createUnit(ADMIN, unit(b1.id(), "1", new Share(1, 2)));
        List<Person> people =
                registry.createPersons(ADMIN, List.of(natural("Dvořáková", null), natural("Dvořák", null)));
        assertEquals(2, people.size());
        // The result follows the request's order (ids do not: the provider chooses the insert order).
        assertEquals("Dvořáková", people.get(0).lastName());
        assertEquals(people.get(1), registry.person(ADMIN, people.get(1).id()));
        assertTrue(people.get(0).id() > 0 && people.get(1).id() != people.get(0).id());
        List<Tenure> ts = registry.createTenures(
                ADMIN,
                List.of(
                        new Tenure(
                                0,
                                u.id(),
                                people.get(0).id(),
                                TenureRole.CO_OWNER,
                                new Share(1, 2),
                                LocalDate.of(2010, 1, 1),
                                null,
                                0),
                        new Tenure(
                                0,
                                u.id(),
                                people.get(1).id(),
                                TenureRole.CO_OWNER,
                                new Share(1, 2),
                                LocalDate.of(2010, 1, 1),
                                null,
                                0)));
        assertEquals(2, registry.tenuresOfUnit(ADMIN, u.id()).size());
        assertEquals(TenureRole.CO_OWNER, ts.get(1).role());
        assertEquals(
                2,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'registry.tenure.create'")
                        .size());
        assertEquals(3, registry.history(ADMIN, u.id(), 0, 10).total()); // created + two tenures
    }

    @Test
    void aBatchWithOneBadTenureWritesNoneOfThem() {
        Unit u = registry.createUnit(ADMIN, unit(b1.id(), "1", new Share(1, 2)));
        Person p = registry.createPerson(ADMIN, natural("Malá", null));
        assertThrows(
                InvalidFieldsException.class,
                () -> registry.createTenures(
                        ADMIN,
                        List.of(
                                new Tenure(
                                        0,
                                        u.id(),
                                        p.id(),
                                        TenureRole.OWNER,
                                        Share.ONE,
                                        LocalDate.of(2010, 1, 1),
                                        null,
                                        0),
                                new Tenure(
                                        0,
                                        u.id(),
                                        p.id() + 999,
                                        TenureRole.TENANT,
                                        null,
                                        LocalDate.of(2011, 1, 1),
                                        null,
                                        0))));
        assertEquals(0, registry.tenuresOfUnit(ADMIN, u.id()).size());
    }

    @Test
    void allOrNothingRollsBackEveryCallInsideWhenTheWorkFails() {
        assertThrows(
                IllegalStateException.class,
                () -> registry.allOrNothing(() -> {
                    registry.createEstate(ADMIN, new Estate(0, org.id(), "Severní Město", 0));
                    registry.createUnit(ADMIN, unit(b1.id(), "7", new Share(1, 3)));
                    accounts.create(
                            new NewAccount(
                                    "rolled-back",
                                    "Gone",
                                    null,
                                    "violet tractor harbour".toCharArray(),
                                    Set.of(),
                                    null,
                                    false),
                            ADMIN);
                    throw new IllegalStateException("generator failed");
                }));
        assertEquals(1, registry.estates(ADMIN, 0, 10).total());
        assertEquals(0, registry.countUnits(ADMIN, UnitFilter.NONE));
        assertTrue(accounts.findByLogin("rolled-back").isEmpty());
        Unit kept = registry.allOrNothing(() -> registry.createUnit(ADMIN, unit(b1.id(), "8", new Share(1, 3))));
        assertEquals(kept, registry.unit(ADMIN, kept.id()));
    }
}
