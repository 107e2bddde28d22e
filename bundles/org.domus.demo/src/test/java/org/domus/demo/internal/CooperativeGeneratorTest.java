package org.domus.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.ClientInfo;
import org.domus.core.registry.Building;
import org.domus.core.registry.BuildingFilter;
import org.domus.core.registry.Holding;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.PaymentIdentifiers;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.core.registry.UnitKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CooperativeGeneratorTest {

    static final Subject ADMIN = CooperativeGenerator.SYSTEM;
    static final int UNITS = 240;

    static DemoDatabase db;
    static CooperativeGenerator.Result result;
    static List<Building> buildings;
    static List<Unit> units;

    static CooperativeGenerator.Settings settings(int units, long seed, String staffPassword) {
        return new CooperativeGenerator.Settings(
                units, seed, "admin", "Demo-Admin-Pass-2026", "resident", "Demo-Resident-Pass-2026", staffPassword);
    }

    @BeforeAll
    static void generate() {
        db = new DemoDatabase();
        result = db.generator().generateIfEmpty(settings(UNITS, 42, "Demo-Staff-Pass-2026"));
        buildings = db.registry.buildings(ADMIN, BuildingFilter.NONE, 0, 1000).items();
        units = db.registry.units(ADMIN, UnitFilter.NONE, 0, 1000).items();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void createsTheRequestedNumberOfUnitsInScaledBuildingsAndEstates() {
        assertTrue(result.created());
        assertEquals(UNITS, result.units());
        assertEquals(UNITS, units.size());
        int expectedBuildings = 0;
        for (int n : CooperativeGenerator.unitsPerOrganisation(UNITS, 3)) {
            expectedBuildings += CooperativeGenerator.buildingsFor(n);
        }
        assertEquals(expectedBuildings, buildings.size());
        assertEquals(6, db.registry.estates(ADMIN, 0, 100).total()); // two districts of each city
        assertEquals(3, db.registry.organisations(ADMIN).size());
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        units.forEach(u -> kinds.add(u.kind()));
        assertEquals(EnumSet.allOf(UnitKind.class), kinds);
        assertTrue(units.stream().filter(u -> u.kind() == UnitKind.FLAT).count() > UNITS * 0.7);
    }

    @Test
    void buildingsHaveAddressesInTheirCountrysFormatAndPositionsNearTheirCity() {
        Set<String> countries = new TreeSet<>();
        for (Building b : buildings) {
            countries.add(b.country());
            switch (b.country()) {
                case "CZ" -> {
                    assertTrue(b.postcode().matches("\\d{3} \\d{2}"), b.postcode());
                    assertTrue(b.number().matches("\\d+/\\d+"), b.number());
                }
                case "PL" -> assertTrue(b.postcode().matches("\\d{2}-\\d{3}"), b.postcode());
                case "RO" -> assertTrue(b.postcode().matches("\\d{6}"), b.postcode());
                default -> throw new AssertionError(b.country());
            }
            Places.District d = Places.DISTRICTS.stream()
                    .filter(x -> x.city().equals(b.city()) && x.streets().contains(b.street()))
                    .findFirst()
                    .orElseThrow();
            assertTrue(Math.abs(b.latitude().doubleValue() - d.latitude()) < 0.02, b.address());
            assertTrue(Math.abs(b.longitude().doubleValue() - d.longitude()) < 0.02, b.address());
        }
        assertEquals(Set.of("CZ", "PL", "RO"), countries);
    }

    @Test
    void threeOrganisationsEachWithItsCountrysCurrencyBankAccountAndRegistrationNumbers() {
        List<Organisation> orgs = db.registry.organisations(ADMIN);
        assertEquals(Set.copyOf(result.organisations()), Set.copyOf(orgs));
        assertEquals("CZ", result.organisation().country());
        Map<String, Organisation> byCountry = new HashMap<>();
        orgs.forEach(o -> byCountry.put(o.country(), o));

        Organisation cz = byCountry.get("CZ");
        assertEquals(CooperativeGenerator.NAME, cz.name());
        assertEquals("CZK", cz.currency());
        assertTrue(cz.iban().startsWith("CZ") && PaymentIdentifiers.isValidIban(cz.iban()), cz.iban());
        assertEquals("GIBACZPX", cz.bic());
        assertTrue(cz.registrationNumber().matches("\\d{8}") && cz.taxId().equals("CZ" + cz.registrationNumber()));

        Organisation pl = byCountry.get("PL");
        assertTrue(pl.name().startsWith("Spółdzielnia Mieszkaniowa"), pl.name());
        assertEquals("PLN", pl.currency());
        assertTrue(pl.iban().startsWith("PL") && PaymentIdentifiers.isValidIban(pl.iban()), pl.iban());
        // the cooperative's own account is at the bank of the units' virtual accounts
        assertEquals(BankNumbers.PL_SORT_CODE, pl.iban().substring(4, 12));
        assertTrue(PaymentIdentifiers.isValidNip(pl.taxId()), pl.taxId());
        assertTrue(pl.registrationNumber().matches("\\d{10}"), pl.registrationNumber()); // KRS

        Organisation ro = byCountry.get("RO");
        assertTrue(ro.name().startsWith("Asociația de Proprietari"), ro.name());
        assertEquals("RON", ro.currency());
        assertTrue(ro.iban().startsWith("RO") && PaymentIdentifiers.isValidIban(ro.iban()), ro.iban());
        assertEquals("BTRLRO22", ro.bic());
        assertTrue(validCui(ro.taxId()), ro.taxId());

        // each organisation's estates, buildings, units and persons are in its own city and currency
        Map<Long, Organisation> orgOfEstate = new HashMap<>();
        db.registry
                .estates(ADMIN, 0, 100)
                .items()
                .forEach(e -> orgOfEstate.put(
                        e.id(),
                        orgs.stream()
                                .filter(o -> o.id() == e.organisationId())
                                .findFirst()
                                .orElseThrow()));
        Map<Long, Organisation> orgOfBuilding = new HashMap<>();
        Map<String, String> cities = Map.of("CZ", "Praha", "PL", "Kraków", "RO", "Cluj-Napoca");
        for (Building b : buildings) {
            Organisation o = orgOfEstate.get(b.estateId());
            assertEquals(o.country(), b.country());
            assertEquals(cities.get(o.country()), b.city());
            orgOfBuilding.put(b.id(), o);
        }
        Map<Long, Integer> unitsOfOrg = new HashMap<>();
        for (Unit u : units) {
            Organisation o = orgOfBuilding.get(u.buildingId());
            unitsOfOrg.merge(o.id(), 1, Integer::sum);
            if (u.rent() != null) {
                assertEquals(o.currency(), u.rent().currency(), u.toString());
            }
            for (Tenure t : db.registry.tenuresOfUnit(ADMIN, u.id())) {
                assertEquals(
                        o.id(),
                        db.registry.person(ADMIN, t.personId()).organisationId(),
                        "the holder of " + u + " belongs to its organisation");
            }
        }
        assertEquals(
                List.of(80, 80, 80),
                orgs.stream().map(o -> unitsOfOrg.get(o.id())).toList());
    }

    /** A Romanian CUI: the check digit of key 753217532 over the number padded to nine digits. */
    private static boolean validCui(String cui) {
        if (cui == null || !cui.matches("\\d{2,10}")) {
            return false;
        }
        String body = "0".repeat(10 - cui.length()) + cui.substring(0, cui.length() - 1);
        String key = "753217532";
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (key.charAt(i) - '0');
        }
        return (sum * 10 % 11) % 10 == cui.charAt(cui.length() - 1) - '0';
    }

    @Test
    void sharesOfEveryBuildingSumToExactlyOne() {
        Map<Long, List<Share>> byBuilding = new HashMap<>();
        units.forEach(u -> byBuilding
                .computeIfAbsent(u.buildingId(), k -> new ArrayList<>())
                .add(u.share()));
        assertEquals(buildings.size(), byBuilding.size());
        byBuilding.forEach((b, shares) -> assertEquals(Share.ONE, Share.sum(shares), "building " + b));
    }

    @Test
    void unitNumbersAreUniquePerBuildingAndAreasPlausible() {
        Set<String> seen = new HashSet<>();
        for (Unit u : units) {
            assertTrue(seen.add(u.buildingId() + "/" + u.number()), u.number());
            double area = u.area().doubleValue();
            switch (u.kind()) {
                case FLAT -> assertTrue(area >= 20 && area <= 100 && u.rooms() >= 1 && u.floor() >= 1, u.toString());
                case COMMERCIAL -> assertTrue(area >= 40 && area <= 180 && u.floor() == 0, u.toString());
                case GARAGE -> assertTrue(area >= 13 && area <= 19 && u.floor() == -1, u.toString());
                case STORAGE -> assertTrue(area >= 3 && area <= 9, u.toString());
                default -> throw new AssertionError(u.kind());
            }
        }
    }

    @Test
    void flatsOfLargerBuildingsAreSpreadOverTwoOrThreeStaircasesLabelledInTheCountrysWay() {
        Map<Long, String> country = new HashMap<>();
        buildings.forEach(b -> country.put(b.id(), b.country()));
        Map<Long, Map<String, Integer>> flatsByStaircase = new HashMap<>();
        for (Unit u : units) {
            if (u.kind() != UnitKind.FLAT) {
                assertEquals(null, u.staircase(), u.toString());
                continue;
            }
            assertTrue(Unit.isValidStaircase(u.staircase()), u.toString());
            assertTrue(
                    "CZ".equals(country.get(u.buildingId()))
                            ? u.staircase().matches("[1-3]")
                            : u.staircase().matches("[A-C]"),
                    u.toString());
            flatsByStaircase
                    .computeIfAbsent(u.buildingId(), k -> new HashMap<>())
                    .merge(u.staircase(), 1, Integer::sum);
        }
        Set<String> countriesWithSeveral = new HashSet<>();
        flatsByStaircase.forEach((building, counts) -> {
            int flats = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (flats >= 12) {
                assertTrue(counts.size() >= 2 && counts.size() <= 3, building + ": " + counts);
                countriesWithSeveral.add(country.get(building));
            }
            // spread evenly: no staircase has more than twice the flats of another
            int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(max <= 2 * min + 1, building + ": " + counts);
        });
        assertEquals(Set.of("CZ", "PL", "RO"), countriesWithSeveral);
    }

    @Test
    void czechUnitsHaveValidVariableSymbolsAndPolishUnitsValidVirtualAccounts() {
        Map<Long, String> country = new HashMap<>();
        buildings.forEach(b -> country.put(b.id(), b.country()));
        Set<String> symbols = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        for (Unit u : units) {
            switch (country.get(u.buildingId())) {
                case "CZ" -> {
                    assertEquals(null, PaymentIdentifiers.variableSymbolProblem(u.variableSymbol()));
                    assertTrue(symbols.add(u.variableSymbol()));
                }
                case "PL" -> {
                    assertTrue(PaymentIdentifiers.isValidNrb(u.virtualAccount()), u.virtualAccount());
                    assertTrue(accounts.add(u.virtualAccount()));
                    assertEquals(BankNumbers.PL_SORT_CODE, u.virtualAccount().substring(2, 10));
                }
                default -> assertTrue(u.variableSymbol() == null && u.virtualAccount() == null);
            }
        }
        assertFalse(symbols.isEmpty());
        assertFalse(accounts.isEmpty());
    }

    @Test
    void ownerPeriodsNeverHoldMoreThanTheWholeUnitAndHistoriesChangeOwners() {
        int unitsWithFormerOwners = 0;
        int coOwned = 0;
        for (Unit u : units) {
            List<Tenure> tenures = db.registry.tenuresOfUnit(ADMIN, u.id());
            List<Tenure> owners = tenures.stream()
                    .filter(t -> t.role() == TenureRole.OWNER
                            || t.role() == TenureRole.CO_OWNER
                            || t.role() == TenureRole.MEMBER)
                    .toList();
            Set<LocalDate> days = new TreeSet<>();
            owners.forEach(t -> {
                days.add(t.validFrom());
                if (t.validTo() != null) {
                    days.add(t.validTo());
                }
            });
            for (LocalDate day : days) {
                List<Share> held = owners.stream()
                        .filter(t -> t.isCurrent(day))
                        .map(Tenure::share)
                        .toList();
                assertTrue(Share.sum(held).isAtMostOne(), "unit " + u.id() + " on " + day + ": " + held);
            }
            if (owners.stream().anyMatch(t -> t.validTo() != null)) {
                unitsWithFormerOwners++;
            }
            if (owners.stream().anyMatch(t -> t.role() == TenureRole.CO_OWNER)) {
                coOwned++;
            }
        }
        assertTrue(unitsWithFormerOwners > 10, "former owners in " + unitsWithFormerOwners + " units");
        assertTrue(coOwned > 5, "co-owned units: " + coOwned);
    }

    @Test
    void personsAreNaturalAndLegalWithTenantsResidentsAndMultiUnitHolders() {
        List<Person> persons =
                db.registry.persons(ADMIN, PersonFilter.NONE, 0, 1000).items();
        assertEquals(result.persons(), persons.size());
        assertTrue(persons.stream().anyMatch(p -> p.kind() == PersonKind.LEGAL));
        assertTrue(persons.stream()
                .filter(p -> p.bankAccount() != null)
                .allMatch(p -> PaymentIdentifiers.isValidIban(p.bankAccount())));
        Set<TenureRole> roles = EnumSet.noneOf(TenureRole.class);
        Map<Long, Set<Long>> currentUnitsOfPerson = new HashMap<>();
        for (Unit u : units) {
            for (Tenure t : db.registry.tenuresOfUnit(ADMIN, u.id())) {
                roles.add(t.role());
                if (t.validTo() == null) {
                    currentUnitsOfPerson
                            .computeIfAbsent(t.personId(), k -> new HashSet<>())
                            .add(u.id());
                }
            }
        }
        assertEquals(EnumSet.allOf(TenureRole.class), roles);
        assertTrue(currentUnitsOfPerson.values().stream().anyMatch(s -> s.size() >= 3), "someone holds several units");
    }

    @Test
    void everyRoleHasADemoLoginWithItsScope() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        result.logins().forEach(l -> roles.add(l.role()));
        assertEquals(EnumSet.allOf(Role.class), roles);
        Map<ScopeType, Integer> scopes = new HashMap<>();
        for (CooperativeGenerator.DemoLogin l : result.logins()) {
            Account a = db.accounts.findByLogin(l.login()).orElseThrow();
            assertEquals(
                    AuthenticationResult.Outcome.SUCCESS,
                    db.accounts
                            .authenticate(l.login(), l.password().toCharArray(), ClientInfo.SHELL)
                            .outcome(),
                    l.login());
            for (RoleGrant g : db.accounts.grants(a.id())) {
                if (g.scopeType() != null) {
                    scopes.merge(g.scopeType(), 1, Integer::sum);
                }
            }
        }
        // manager, accountant, board of each organisation
        assertEquals(9, scopes.get(ScopeType.ORGANISATION), scopes.toString());
        // a manager per estate, a contractor of each organisation
        assertEquals(6 + 3, scopes.get(ScopeType.ESTATE), scopes.toString());
        assertEquals(buildings.size(), scopes.get(ScopeType.BUILDING), scopes.toString());
        String file = String.join("\n", LoginsFile.lines(result));
        assertTrue(file.contains("technician.1") && file.contains("Demo-Staff-Pass-2026"), file);
    }

    @Test
    void theStaffOfEachOrganisationSeeOnlyItsUnitsAndSpeakItsLanguage() {
        Map<String, Organisation> byCountry = new HashMap<>();
        result.organisations().forEach(o -> byCountry.put(o.country(), o));
        Map<Long, String> country = new HashMap<>();
        buildings.forEach(b -> country.put(b.id(), b.country()));
        for (Map.Entry<String, String> staff : Map.of("manager", "CZ", "accountant.krakow", "PL", "board.cluj", "RO")
                .entrySet()) {
            Account a = db.accounts.findByLogin(staff.getKey()).orElseThrow();
            Subject subject = db.accounts.subjectOf(a.id()).orElseThrow();
            List<Unit> seen =
                    db.registry.units(subject, UnitFilter.NONE, 0, 1000).items();
            assertEquals(UNITS / 3, seen.size(), staff.getKey());
            assertTrue(seen.stream().allMatch(u -> country.get(u.buildingId()).equals(staff.getValue())));
            assertEquals(List.of(byCountry.get(staff.getValue())), db.registry.organisations(subject), staff.getKey());
        }
        // the Czech staff keep the platform's default language (their logins are the long-standing ones)
        assertNull(db.accounts.findByLogin("manager").orElseThrow().locale());
        assertEquals(
                Locale.forLanguageTag("pl"),
                db.accounts.findByLogin("manager.krakow").orElseThrow().locale());
        assertEquals(
                Locale.forLanguageTag("pl"),
                db.accounts.findByLogin("manager.nowa-huta").orElseThrow().locale());
        assertEquals(
                Locale.forLanguageTag("ro"),
                db.accounts.findByLogin("manager.cluj").orElseThrow().locale());
        // the administrator holds every organisation
        Subject admin = db.accounts
                .subjectOf(db.accounts.findByLogin("admin").orElseThrow().id())
                .orElseThrow();
        assertEquals(UNITS, db.registry.countUnits(admin, UnitFilter.NONE));
        assertEquals(3, db.registry.organisations(admin).size());
    }

    @Test
    void oneOrganisationPutsEveryUnitIntoTheCzechCooperative() {
        try (DemoDatabase single = new DemoDatabase()) {
            CooperativeGenerator.Result one = single.generator()
                    .generateIfEmpty(new CooperativeGenerator.Settings(
                            40,
                            42,
                            "admin",
                            "Demo-Admin-Pass-2026",
                            "resident",
                            "Demo-Resident-Pass-2026",
                            "Demo-Staff-Pass-2026",
                            1));
            assertEquals(List.of(one.organisation()), single.registry.organisations(ADMIN));
            assertEquals("CZK", one.organisation().currency());
            assertEquals(40, single.registry.countUnits(ADMIN, UnitFilter.NONE));
            assertTrue(single.registry.buildings(ADMIN, BuildingFilter.NONE, 0, 100).items().stream()
                    .allMatch(b -> b.city().equals("Praha")));
            assertTrue(single.accounts.findByLogin("manager.krakow").isEmpty());
        }
        assertThrows(IllegalArgumentException.class, () -> settingsFor(4));
        assertThrows(IllegalArgumentException.class, () -> settingsFor(0));
    }

    private static CooperativeGenerator.Settings settingsFor(int organisations) {
        return new CooperativeGenerator.Settings(40, 1, "a", "b", "c", "d", "e", organisations);
    }

    @Test
    void aBuildingTechnicianSeesOnlyHisBuilding() {
        Account tech = db.accounts.findByLogin("technician.2").orElseThrow();
        Subject subject = db.accounts.subjectOf(tech.id()).orElseThrow();
        List<Unit> seen = db.registry.units(subject, UnitFilter.NONE, 0, 1000).items();
        assertFalse(seen.isEmpty());
        assertEquals(1, seen.stream().map(Unit::buildingId).distinct().count());
    }

    @Test
    void theDemoResidentHoldsTwoUnitsUnderOneLogin() {
        Account resident = db.accounts.findByLogin("resident").orElseThrow();
        Subject subject = db.accounts.subjectOf(resident.id()).orElseThrow();
        List<Holding> mine = db.registry.myUnits(subject);
        assertEquals(2, mine.size());
        assertTrue(mine.stream().allMatch(h -> h.mine().get(0).role() == TenureRole.OWNER));
        assertTrue(mine.stream().allMatch(h -> "Praha".equals(h.building().city())), mine.toString());
        assertNotNull(db.registry.myPerson(subject).orElseThrow().lastName());
    }

    @Test
    void aSecondRunAddsNothing() {
        CooperativeGenerator.Result again = db.generator().generateIfEmpty(settings(UNITS, 42, "Demo-Staff-Pass-2026"));
        assertFalse(again.created());
        assertEquals(UNITS, db.registry.countUnits(ADMIN, UnitFilter.NONE));
        assertEquals(3, db.registry.organisations(ADMIN).size());
        assertEquals(result.logins().size(), db.accounts.list().size());
    }

    @Test
    void theSameSeedGivesTheSameCooperativeAndAnotherSeedAnotherOne() {
        try (DemoDatabase same = new DemoDatabase();
                DemoDatabase other = new DemoDatabase()) {
            same.generator().generateIfEmpty(settings(UNITS, 42, "Demo-Staff-Pass-2026"));
            other.generator().generateIfEmpty(settings(UNITS, 7, "Demo-Staff-Pass-2026"));
            assertEquals(
                    buildings,
                    same.registry.buildings(ADMIN, BuildingFilter.NONE, 0, 1000).items());
            assertEquals(content(db), content(same));
            assertNotEquals(content(db), content(other));
        }
    }

    /**
     * Units, persons and tenures without their ids: ids of a batch follow the persistence provider's
     * insert order, which is not the batch order, so only the content is reproducible.
     */
    private static List<String> content(DemoDatabase d) {
        Map<Long, String> names = new HashMap<>();
        d.registry
                .persons(ADMIN, PersonFilter.NONE, 0, 1000)
                .items()
                .forEach(p ->
                        names.put(p.id(), p.displayName() + " " + p.email() + " " + p.phone() + " " + p.bankAccount()));
        List<String> lines = new ArrayList<>();
        for (Unit u : d.registry.units(ADMIN, UnitFilter.NONE, 0, 1000).items()) {
            lines.add(new Unit(
                            0,
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
                            u.variableSymbol(),
                            u.virtualAccount(),
                            0)
                    .toString());
            List<String> held = new ArrayList<>();
            for (Tenure t : d.registry.tenuresOfUnit(ADMIN, u.id())) {
                held.add("  " + names.get(t.personId()) + " " + t.role() + " " + t.share() + " " + t.validFrom() + " "
                        + t.validTo());
            }
            held.sort(null); // co-holders start on the same day; their id order is not reproducible
            lines.addAll(held);
        }
        return lines;
    }

    @Test
    void aFailingRunLeavesNoHalfCooperative() {
        try (DemoDatabase fresh = new DemoDatabase()) {
            // The staff password breaks the password policy, so the first staff account fails after the
            // organisation, estates, buildings and two accounts were already written in the run.
            assertThrows(DomusException.class, () -> fresh.generator().generateIfEmpty(settings(UNITS, 42, "short")));
            assertTrue(fresh.registry.organisations(ADMIN).isEmpty());
            assertEquals(
                    0,
                    fresh.registry.buildings(ADMIN, BuildingFilter.NONE, 0, 10).total());
            assertTrue(fresh.accounts.list().isEmpty());
            assertTrue(fresh.generator()
                    .generateIfEmpty(settings(UNITS, 42, "Demo-Staff-Pass-2026"))
                    .created());
        }
    }
}
