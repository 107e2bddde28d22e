package org.domus.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Money;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonFilter;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitFilter;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
import org.domus.core.registry.imports.ImportKind;
import org.domus.core.registry.imports.ImportOptions;
import org.domus.core.registry.imports.ImportProblem;
import org.domus.core.registry.imports.ImportRefusedException;
import org.domus.core.registry.imports.ImportReport;
import org.domus.core.registry.imports.ImportRow;
import org.domus.core.registry.imports.RowStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryImportTest {

    static final Subject ADMIN =
            Subject.of(0, "admin", "Admin", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.ADMIN)));
    private static final Charset CP1250 = Charset.forName("windows-1250");

    private static final String UNITS_HEADER =
            "building_street;building_number;building_city;unit;kind;floor;area;rooms;equipment;share;legal_form;"
                    + "rent;variable_symbol\r\n";

    private CoreDatabase db;
    private AccountServiceImpl accounts;
    private RegistryServiceImpl registry;
    private RegistryImportImpl imports;
    private Organisation org;
    private Estate estate;
    private Building b1;
    private Building b2;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = AccountServiceImpl.create(
                db.jpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        RoleBasedAccessPolicy policy =
                new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(db.jpa), clock);
        registry = RegistryServiceImpl.create(db.jpa, policy, clock);
        imports = RegistryImportImpl.create(db.jpa, policy, registry, clock);
        org = registry.createOrganisation(ADMIN, new Organisation(0, "SBD Domov", "12345678", "CZ", "CZK", 0));
        estate = registry.createEstate(ADMIN, new Estate(0, org.id(), "Jižní Město", 0));
        b1 = registry.createBuilding(ADMIN, building("Květná", "1024/12"));
        b2 = registry.createBuilding(ADMIN, building("Lipová", "3"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Building building(String street, String number) {
        return new Building(0, estate.id(), street, number, "Praha", "149 00", "CZ", null, null, 0);
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

    private long units() {
        return registry.countUnits(ADMIN, UnitFilter.NONE);
    }

    private int audits(String action) {
        return db.rows("SELECT ID FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = '" + action + "'")
                .size();
    }

    private static List<RowStatus> statuses(ImportReport report) {
        return report.rows().stream().map(ImportRow::status).toList();
    }

    private static Set<String> problems(ImportReport report) {
        return report.rows().stream()
                .flatMap(r -> r.problems().stream())
                .map(p -> p.line() + ":" + p.column() + ":" + p.messageKey())
                .collect(Collectors.toSet());
    }

    /** Three flats of Květná 1024/12 as Excel on Czech Windows saves them: cp1250, ';', decimal commas. */
    private static byte[] threeFlats() {
        return (UNITS_HEADER
                        + "Květná;1024/12;Praha;1;FLAT;0;61,5;3;balkón|sklep;615/4521;OWNERSHIP;8 450,00;1024001\r\n"
                        + "Květná;1024/12;Praha;2;flat;1;44,25;2;;4425/45210;cooperative_right;;\r\n"
                        + "\"Květná\";\"1024/12\";Praha;\"G1\";GARAGE;-1;\"18,0\";;;180/45210;LEASE;\"1 200\";1024003\r\n")
                .getBytes(CP1250);
    }

    @Test
    void previewWritesNothingAndApplyCreatesTheUnitsWithAuditEvents() {
        ImportReport preview = imports.preview(ADMIN, ImportKind.UNITS, threeFlats(), ImportOptions.DETECT);
        assertEquals("windows-1250", preview.encoding());
        assertEquals(";", preview.separator());
        assertEquals(List.of(RowStatus.CREATE, RowStatus.CREATE, RowStatus.CREATE), statuses(preview));
        assertEquals(3, preview.created());
        assertFalse(preview.applied());
        assertEquals("Květná 1024/12, Praha / G1", preview.rows().get(2).label());
        assertEquals(0, units());
        assertEquals(0, audits("registry.unit.create"));
        assertEquals(0, audits("registry.import"));

        ImportReport applied = imports.apply(ADMIN, ImportKind.UNITS, threeFlats(), ImportOptions.DETECT);
        assertTrue(applied.applied());
        assertEquals(3, applied.created());
        assertEquals(3, units());
        Unit flat = registry.unit(ADMIN, applied.rows().get(0).id());
        assertEquals("1", flat.number());
        assertEquals(b1.id(), flat.buildingId());
        assertEquals(0, new BigDecimal("61.5").compareTo(flat.area()));
        assertEquals(new Share(615, 4521), flat.share());
        assertEquals(List.of("balkón", "sklep"), flat.equipment());
        assertEquals(
                new Money(new BigDecimal("8450.00"), "CZK")
                        .amount()
                        .compareTo(flat.rent().amount()),
                0);
        assertEquals("CZK", flat.rent().currency());
        assertEquals(UnitState.OCCUPIED, flat.state());
        Unit garage = registry.unit(ADMIN, applied.rows().get(2).id());
        assertEquals(UnitKind.GARAGE, garage.kind());
        assertEquals(-1, garage.floor());
        assertEquals(LegalForm.LEASE, garage.legalForm());
        assertEquals(3, audits("registry.unit.create"));
        assertEquals(1, audits("registry.import"));
        String importEvent =
                (String) db.rows("SELECT AFTER_STATE FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'registry.import'")
                        .get(0)
                        .get("AFTER_STATE");
        assertTrue(importEvent.contains("\"created\":3"), importEvent);
        assertTrue(importEvent.contains("sha256"), importEvent);
    }

    @Test
    void reimportingTheSameFileAddsNothing() {
        imports.apply(ADMIN, ImportKind.UNITS, threeFlats(), ImportOptions.DETECT);
        int history = db.rows("SELECT ID FROM CORE_UNIT_HISTORY").size();

        ImportReport again = imports.apply(ADMIN, ImportKind.UNITS, threeFlats(), ImportOptions.DETECT);
        assertEquals(List.of(RowStatus.UNCHANGED, RowStatus.UNCHANGED, RowStatus.UNCHANGED), statuses(again));
        assertEquals(0, again.created());
        assertEquals(3, again.unchanged());
        assertNotNull(again.rows().get(0).id());
        assertEquals(3, units());
        assertEquals(3, audits("registry.unit.create"));
        assertEquals(history, db.rows("SELECT ID FROM CORE_UNIT_HISTORY").size());

        // The same data as UTF-8 with ',' and ISO decimals is the same file to the registry.
        String utf8 = new String(threeFlats(), CP1250)
                .replace(";", ",")
                .replace("61,5", "61.5")
                .replace("44,25", "44.25")
                .replace("\"18,0\"", "18")
                .replace("8 450,00", "8450");
        ImportReport converted = imports.preview(
                ADMIN, ImportKind.UNITS, ("\uFEFF" + utf8).getBytes(StandardCharsets.UTF_8), ImportOptions.DETECT);
        assertEquals("UTF-8", converted.encoding());
        assertEquals(3, converted.unchanged(), converted.toString());
    }

    @Test
    void anInvalidRowWritesNothingUnlessOnlyValidRowsAreAsked() {
        byte[] file = (UNITS_HEADER
                        + "Květná;1024/12;Praha;1;FLAT;0;61,5;3;;1/4;OWNERSHIP;;\r\n"
                        + "Květná;1024/12;Praha;2;FLAT;0;-3;3;;1/4;OWNERSHIP;;8551011238\r\n"
                        + "Nová;7;Praha;1;FLAT;0;40;3;;1/4;OWNERSHIP;;\r\n"
                        + "Květná;1024/12;Praha;3;HOUSEBOAT;0;40;2;;1/4;RENT;;\r\n"
                        + "Květná;1024/12;Praha;1;FLAT;0;61,5;3;;1/4;OWNERSHIP;;\r\n"
                        + "Lipová;3;Praha;9;FLAT;0;50;2;;1/4;OWNERSHIP;;\r\n")
                .getBytes(StandardCharsets.UTF_8);

        ImportRefusedException refused = assertThrows(
                ImportRefusedException.class, () -> imports.apply(ADMIN, ImportKind.UNITS, file, ImportOptions.DETECT));
        assertEquals(0, units());
        assertEquals(0, audits("registry.import"));
        ImportReport report = refused.report();
        assertFalse(report.applied());
        assertEquals(
                List.of(
                        RowStatus.CREATE,
                        RowStatus.ERROR,
                        RowStatus.ERROR,
                        RowStatus.ERROR,
                        RowStatus.ERROR,
                        RowStatus.CREATE),
                statuses(report));
        Set<String> problems = problems(report);
        assertTrue(problems.contains("3:area:registry.positive"), problems.toString());
        assertTrue(problems.contains("3:variable_symbol:registry.vs.birth-number"), problems.toString());
        assertTrue(problems.contains("4:building_street:registry.import.building.unknown"), problems.toString());
        assertTrue(problems.contains("5:kind:registry.import.code"), problems.toString());
        assertTrue(problems.contains("5:legal_form:registry.import.code"), problems.toString());
        assertTrue(problems.contains("6:null:registry.import.row.repeated"), problems.toString());
        assertTrue(refused.errors().stream().anyMatch(e -> e.field().equals("lines[3].area")));

        ImportReport partial =
                imports.apply(ADMIN, ImportKind.UNITS, file, ImportOptions.DETECT.withOnlyValidRows(true));
        assertTrue(partial.applied());
        assertEquals(2, partial.created());
        assertEquals(4, partial.invalid());
        assertEquals(2, units());
        assertNull(partial.rows().get(1).id());
        assertEquals(2, audits("registry.unit.create"));
        assertEquals(1, audits("registry.import"));
    }

    @Test
    void sharesPerBuildingAreCheckedAcrossTheFileAndTheRegistry() {
        registry.createUnit(
                ADMIN,
                new Unit(
                        0,
                        b1.id(),
                        "A",
                        UnitKind.FLAT,
                        1,
                        null,
                        new BigDecimal("50"),
                        2,
                        List.of(),
                        new Share(1, 2),
                        LegalForm.OWNERSHIP,
                        UnitState.OCCUPIED,
                        null,
                        "555",
                        null,
                        0));
        byte[] file = (UNITS_HEADER
                        + "Květná;1024/12;Praha;B;FLAT;1;50;2;;1/4;OWNERSHIP;;\r\n"
                        + "Květná;1024/12;Praha;C;FLAT;1;50;2;;1/2;OWNERSHIP;;\r\n"
                        + "Květná;1024/12;Praha;D;FLAT;1;50;2;;1/4;OWNERSHIP;;555\r\n"
                        + "Květná;1024/12;Praha;E;FLAT;1;50;2;;1/8;OWNERSHIP;;\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportReport report = imports.preview(ADMIN, ImportKind.UNITS, file, ImportOptions.DETECT);
        assertEquals(List.of(RowStatus.CREATE, RowStatus.ERROR, RowStatus.ERROR, RowStatus.CREATE), statuses(report));
        ImportProblem share = report.rows().get(1).problems().get(0);
        assertEquals("share", share.column());
        assertEquals("registry.unit.share.sum", share.messageKey());
        assertEquals("3/4", share.arguments().get(0));
        assertTrue(
                problems(report).contains("4:variable_symbol:registry.vs.taken"),
                problems(report).toString());
        assertEquals(1, units());
    }

    @Test
    void theOptionalStaircaseColumnIsImportedAndCheckedLikeTheForm() {
        byte[] file = ("building_street;building_number;building_city;unit;kind;staircase;area;share;legal_form\r\n"
                        + "Květná;1024/12;Praha;1;FLAT; A ;50;1/4;OWNERSHIP\r\n"
                        + "Květná;1024/12;Praha;2;FLAT;;50;1/4;OWNERSHIP\r\n"
                        + "Květná;1024/12;Praha;3;FLAT;A/2;50;1/4;OWNERSHIP\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportReport preview = imports.preview(ADMIN, ImportKind.UNITS, file, ImportOptions.DETECT);
        assertEquals(List.of(RowStatus.CREATE, RowStatus.CREATE, RowStatus.ERROR), statuses(preview));
        assertTrue(
                problems(preview).contains("4:staircase:registry.staircase.invalid"),
                problems(preview).toString());

        ImportReport applied =
                imports.apply(ADMIN, ImportKind.UNITS, file, ImportOptions.DETECT.withOnlyValidRows(true));
        assertEquals("A", registry.unit(ADMIN, applied.rows().get(0).id()).staircase());
        assertNull(registry.unit(ADMIN, applied.rows().get(1).id()).staircase());
    }

    @Test
    void aBuildingManagerImportsOnlyIntoTheirBuilding() {
        Subject manager = staff(Role.MANAGER, ScopeType.BUILDING, b1.id());
        byte[] file = (UNITS_HEADER
                        + "Květná;1024/12;Praha;1;FLAT;0;61,5;3;;1/4;OWNERSHIP;;\r\n"
                        + "Lipová;3;Praha;1;FLAT;0;50;2;;1/4;OWNERSHIP;;\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportReport preview = imports.preview(manager, ImportKind.UNITS, file, ImportOptions.DETECT);
        assertEquals(List.of(RowStatus.CREATE, RowStatus.ERROR), statuses(preview));
        assertEquals(
                "registry.import.out-of-scope",
                preview.rows().get(1).problems().get(0).messageKey());
        assertThrows(
                ImportRefusedException.class,
                () -> imports.apply(manager, ImportKind.UNITS, file, ImportOptions.DETECT));
        assertEquals(0, units());
        imports.apply(manager, ImportKind.UNITS, file, ImportOptions.DETECT.withOnlyValidRows(true));
        assertEquals(1, registry.countUnits(ADMIN, new UnitFilter(null, b1.id(), null, null, null)));
        assertEquals(0, registry.countUnits(ADMIN, new UnitFilter(null, b2.id(), null, null, null)));

        // Staff who only read the registry, and residents, may not import at all.
        Subject accountant = staff(Role.ACCOUNTANT, ScopeType.ORGANISATION, org.id());
        DomusException forbidden = assertThrows(
                DomusException.class, () -> imports.preview(accountant, ImportKind.UNITS, file, ImportOptions.DETECT));
        assertEquals(DomusException.Kind.FORBIDDEN, forbidden.kind());
        assertThrows(DomusException.class, () -> imports.template(accountant, ImportKind.UNITS));
        // A building manager cannot create buildings, even in their estate.
        byte[] buildings =
                "estate;street;number;city;country\nJižní Město;Nová;7;Praha;CZ\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                "registry.import.out-of-scope",
                imports.preview(manager, ImportKind.BUILDINGS, buildings, ImportOptions.DETECT)
                        .rows()
                        .get(0)
                        .problems()
                        .get(0)
                        .messageKey());
    }

    @Test
    void buildingsAreFoundByEstateNameAndAddress() {
        byte[] file = ("Estate,Street,Number,City,Postcode,Country,Latitude,Longitude\n"
                        + "jižní město,Květná,1024/12,Praha,149 00,CZ,,\n"
                        + "Jižní Město,Nová,7,Praha,149 00,cz,\"50,0312\",\"14,51\"\n"
                        + "Severní Město,Nová,8,Praha,149 00,CZ,,\n"
                        + "Jižní Město,Lipová,3,Praha,149 01,CZ,,\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportReport report =
                imports.apply(ADMIN, ImportKind.BUILDINGS, file, ImportOptions.DETECT.withOnlyValidRows(true));
        assertEquals(
                List.of(RowStatus.UNCHANGED, RowStatus.CREATE, RowStatus.ERROR, RowStatus.ERROR), statuses(report));
        assertEquals(
                "registry.import.estate.unknown",
                report.rows().get(2).problems().get(0).messageKey());
        ImportProblem differs = report.rows().get(3).problems().get(0);
        assertEquals("postcode", differs.column());
        assertEquals("registry.import.differs", differs.messageKey());
        assertEquals(List.of("149 00"), differs.arguments());
        Building created = registry.building(ADMIN, report.rows().get(1).id());
        assertEquals("CZ", created.country());
        assertEquals(0, new BigDecimal("50.0312").compareTo(created.latitude()));
        assertEquals(1, audits("registry.building.create") - 2);
    }

    @Test
    void personsByReferenceAndTenuresBetweenThem() {
        byte[] persons = ("reference;first_name;last_name;company_name;email;phone;street;city;postcode;country;"
                        + "bank_account\n"
                        + "M-1;Jana;Nováková;;jana@example.cz;+420 601 123 456;Květná 12;Praha;149 00;CZ;"
                        + "CZ65 0800 0000 1920 0014 5399\n"
                        + "M-2;Petr;Dvořák;;;;;;;;\n"
                        + "F-1;;;Stavby Říčany s.r.o.;info@stavby.cz;;;;;;\n"
                        + "M-3;Eva;;;not-an-email;;;;;;\n")
                .getBytes(CP1250);
        ImportReport made =
                imports.apply(ADMIN, ImportKind.PERSONS, persons, ImportOptions.DETECT.withOnlyValidRows(true));
        assertEquals(List.of(RowStatus.CREATE, RowStatus.CREATE, RowStatus.CREATE, RowStatus.ERROR), statuses(made));
        assertTrue(
                problems(made).contains("5:last_name:registry.required"),
                problems(made).toString());
        assertTrue(
                problems(made).contains("5:email:registry.email.invalid"),
                problems(made).toString());
        Person company = registry.person(ADMIN, made.rows().get(2).id());
        assertEquals("Stavby Říčany s.r.o.", company.displayName());
        assertEquals(
                "M-1",
                db.rows("SELECT IMPORT_REF FROM CORE_PERSON WHERE ID = "
                                + made.rows().get(0).id())
                        .get(0)
                        .get("IMPORT_REF"));
        assertEquals(3, audits("registry.person.create"));
        String event =
                (String) db.rows("SELECT AFTER_STATE FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'registry.import'")
                        .get(0)
                        .get("AFTER_STATE");
        assertTrue(event.contains("M-1"), event);

        ImportReport again =
                imports.apply(ADMIN, ImportKind.PERSONS, persons, ImportOptions.DETECT.withOnlyValidRows(true));
        assertEquals(3, again.unchanged());
        assertEquals(0, again.created());
        assertEquals(3, registry.persons(ADMIN, PersonFilter.NONE, 0, 10).total());

        registry.createUnits(
                ADMIN,
                List.of(new Unit(
                        0,
                        b1.id(),
                        "12",
                        UnitKind.FLAT,
                        1,
                        null,
                        new BigDecimal("50"),
                        2,
                        List.of(),
                        new Share(1, 4),
                        LegalForm.OWNERSHIP,
                        UnitState.OCCUPIED,
                        null,
                        null,
                        null,
                        0)));
        byte[] tenures = ("building_street;building_number;building_city;unit;person_reference;role;share;"
                        + "valid_from;valid_to\n"
                        + "Květná;1024/12;Praha;12;M-1;OWNER;1/2;01.03.2019;\n"
                        + "Květná;1024/12;Praha;12;M-2;co-owner;1/2;2019-03-01;\n"
                        + "Květná;1024/12;Praha;12;F-1;TENANT;;1.1.2020;31.12.2019\n"
                        + "Květná;1024/12;Praha;12;M-9;RESIDENT;;1.1.2020;\n"
                        + "Květná;1024/12;Praha;99;M-1;RESIDENT;;1.1.2020;\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportReport held =
                imports.apply(ADMIN, ImportKind.TENURES, tenures, ImportOptions.DETECT.withOnlyValidRows(true));
        assertEquals(
                List.of(RowStatus.CREATE, RowStatus.CREATE, RowStatus.ERROR, RowStatus.ERROR, RowStatus.ERROR),
                statuses(held));
        Set<String> problems = problems(held);
        assertTrue(problems.contains("4:valid_to:registry.tenure.ends-before-start"), problems.toString());
        assertTrue(problems.contains("5:person_reference:registry.import.person.unknown"), problems.toString());
        assertTrue(problems.contains("6:unit:registry.import.unit.unknown"), problems.toString());
        Tenure owner = registry.tenure(ADMIN, held.rows().get(0).id());
        assertEquals(TenureRole.OWNER, owner.role());
        assertEquals(LocalDate.of(2019, 3, 1), owner.validFrom());
        assertEquals(made.rows().get(0).id(), owner.personId());
        assertEquals(2, audits("registry.tenure.create"));

        ImportReport heldAgain =
                imports.preview(ADMIN, ImportKind.TENURES, tenures, ImportOptions.DETECT.withOnlyValidRows(true));
        assertEquals(2, heldAgain.unchanged());
        assertEquals(0, heldAgain.created());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        byte[] file = "street;number;colour\nKvětná;1;red\n".getBytes(StandardCharsets.UTF_8);
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> imports.preview(ADMIN, ImportKind.UNITS, file, ImportOptions.DETECT));
        Set<String> header = e.errors().stream()
                .map(f -> f.field() + ":" + f.messageKey() + ":" + f.arguments().get(0))
                .collect(Collectors.toSet());
        assertTrue(header.contains("header:registry.import.column.unknown:colour"), header.toString());
        assertTrue(header.contains("header:registry.import.column.missing:building_city"), header.toString());
        assertTrue(header.contains("header:registry.import.column.missing:share"), header.toString());
    }

    @Test
    void theTemplateIsTheHeaderRowForExcel() {
        String template = new String(imports.template(ADMIN, ImportKind.TENURES), StandardCharsets.UTF_8);
        assertEquals(
                "\uFEFFbuilding_street;building_number;building_city;unit;person_reference;role;share;valid_from;"
                        + "valid_to\r\n",
                template);
        // and a filled-in template imports
        byte[] filled = (template + "Květná;1024/12;Praha;1;M-1;OWNER;;1.1.2020;\r\n").getBytes(StandardCharsets.UTF_8);
        ImportReport report = imports.preview(ADMIN, ImportKind.TENURES, filled, ImportOptions.DETECT);
        assertEquals("UTF-8", report.encoding());
        assertEquals(1, report.rows().size());
    }

    @Test
    void severalOrganisationsNeedTheOrganisationNamed() {
        Organisation other =
                registry.createOrganisation(ADMIN, new Organisation(0, "SVJ Lipová", null, "CZ", "CZK", 0));
        InvalidFieldsException e = assertThrows(
                InvalidFieldsException.class,
                () -> imports.preview(ADMIN, ImportKind.UNITS, threeFlats(), ImportOptions.DETECT));
        assertEquals("registry.import.organisation.choose", e.errors().get(0).messageKey());
        ImportReport inOther = imports.preview(
                ADMIN, ImportKind.UNITS, threeFlats(), new ImportOptions(null, null, other.id(), false));
        assertEquals(
                "registry.import.building.unknown",
                inOther.rows().get(0).problems().get(0).messageKey());
        assertEquals(
                3,
                imports.preview(ADMIN, ImportKind.UNITS, threeFlats(), new ImportOptions(null, ';', org.id(), false))
                        .created());
        Subject manager = staff(Role.MANAGER, ScopeType.BUILDING, b1.id());
        DomusException forbidden = assertThrows(
                DomusException.class,
                () -> imports.preview(
                        manager, ImportKind.UNITS, threeFlats(), new ImportOptions(null, null, other.id(), false)));
        assertEquals(DomusException.Kind.FORBIDDEN, forbidden.kind());
    }
}
