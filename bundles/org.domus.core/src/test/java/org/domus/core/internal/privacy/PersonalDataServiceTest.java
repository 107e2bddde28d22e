package org.domus.core.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.domus.core.DomusException;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.AccessToken;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.Account;
import org.domus.core.account.AccountStatus;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.NewAccount;
import org.domus.core.account.SessionService;
import org.domus.core.consent.ConsentKind;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.IdentityFixtures;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.internal.testing.CoreDatabase;
import org.domus.core.internal.testing.MutableClock;
import org.domus.core.privacy.DataSubject;
import org.domus.core.privacy.ErasureReport;
import org.domus.core.privacy.PersonalDataContributor;
import org.domus.core.privacy.PersonalDataExport;
import org.domus.core.privacy.PersonalDataSection;
import org.domus.core.registry.Address;
import org.domus.core.registry.Building;
import org.domus.core.registry.ContactData;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export and erasure against the real schema on Derby. Jana Nováková owned flat 1 and owns flat 2 with
 * Petr Dvořák; she has an account with TOTP, a token, a session, consents, sign-ins and a changed e-mail.
 */
class PersonalDataServiceTest {

    static final Subject ADMIN =
            Subject.of(9000, "office.admin", "Admin", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.ADMIN)));
    static final String PASSWORD = "violet tractor harbour";
    static final String IBAN = "CZ6508000000192000145399";
    static final String OLD_EMAIL = "jana.old@example.cz";
    static final String EMAIL = "jana.nova@example.cz";
    static final String PHONE = "+420 601 123 456";

    private CoreDatabase db;
    private MutableClock clock;
    private AccountServiceImpl accounts;
    private RegistryServiceImpl registry;
    private PersonalDataServiceImpl privacy;
    private AccessTokenService tokens;
    private SessionService sessions;
    private Unit flat1;
    private Unit flat2;
    private Person jana;
    private Person petr;
    private Subject janaSubject;
    private Tenure janaFlat2;
    private AccessToken.Issued token;

    @BeforeEach
    void setUp() {
        db = new CoreDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        accounts = IdentityFixtures.accounts(db.jpa, clock);
        RoleBasedAccessPolicy policy =
                new RoleBasedAccessPolicy(List.of(new RegistryGrants()), new JpaRegistryDirectory(db.jpa), clock);
        registry = RegistryServiceImpl.create(db.jpa, policy, clock);
        privacy = PersonalDataServiceImpl.create(db.jpa, policy, clock);
        tokens = IdentityFixtures.tokens(db.jpa, accounts, clock);
        sessions = IdentityFixtures.sessions(db.jpa, accounts, clock);

        Organisation org = registry.createOrganisation(ADMIN, new Organisation(0, "SBD Domov", null, "CZ", "CZK", 0));
        Estate estate = registry.createEstate(ADMIN, new Estate(0, org.id(), "Jižní Město", 0));
        Building building = registry.createBuilding(
                ADMIN, new Building(0, estate.id(), "Květná", "12", "Praha", "149 00", "CZ", null, null, 0));
        flat1 = registry.createUnit(ADMIN, unit(building.id(), "1"));
        flat2 = registry.createUnit(ADMIN, unit(building.id(), "2"));

        Account account = accounts.create(
                new NewAccount(
                        "jana.novakova",
                        "Jana Nováková",
                        "jana.login@example.cz",
                        PASSWORD.toCharArray(),
                        Set.of(Role.RESIDENT),
                        new Locale("cs"),
                        false),
                ADMIN);
        jana = registry.createPerson(
                ADMIN,
                new Person(
                        0,
                        org.id(),
                        PersonKind.NATURAL,
                        "Jana",
                        "Nováková",
                        null,
                        null,
                        OLD_EMAIL,
                        PHONE,
                        new Address("Hlavní 12", "Praha", "140 00", "CZ"),
                        IBAN,
                        account.id(),
                        0));
        petr = registry.createPerson(
                ADMIN,
                new Person(
                        0,
                        org.id(),
                        PersonKind.NATURAL,
                        "Petr",
                        "Dvořák",
                        null,
                        null,
                        "petr.dvorak@example.cz",
                        null,
                        null,
                        null,
                        null,
                        0));
        registry.createTenure(
                ADMIN,
                new Tenure(
                        0,
                        flat1.id(),
                        jana.id(),
                        TenureRole.OWNER,
                        Share.ONE,
                        LocalDate.of(2010, 5, 1),
                        LocalDate.of(2019, 12, 31),
                        0));
        janaFlat2 = registry.createTenure(
                ADMIN,
                new Tenure(
                        0,
                        flat2.id(),
                        jana.id(),
                        TenureRole.CO_OWNER,
                        new Share(1, 2),
                        LocalDate.of(2020, 1, 1),
                        null,
                        0));
        registry.createTenure(
                ADMIN,
                new Tenure(
                        0,
                        flat2.id(),
                        petr.id(),
                        TenureRole.CO_OWNER,
                        new Share(1, 2),
                        LocalDate.of(2020, 1, 1),
                        null,
                        0));

        janaSubject = accounts.subjectOf(account.id()).orElseThrow();
        // She changes her e-mail (the old one stays in the audit trail), signs in, consents, makes a token.
        registry.updateMyContact(
                janaSubject, new ContactData(EMAIL, PHONE, new Address("Hlavní 12", "Praha", "140 00", "CZ"), IBAN));
        AuthenticationResult signIn = accounts.authenticate(
                "jana.novakova", PASSWORD.toCharArray(), new ClientInfo("203.0.113.77", "Firefox/128 Jana-PC"));
        assertEquals(AuthenticationResult.Outcome.SUCCESS, signIn.outcome());
        sessions.open(janaSubject, new ClientInfo("203.0.113.77", "Firefox/128 Jana-PC"));
        IdentityFixtures.consents(db.jpa, clock).set(janaSubject, ConsentKind.E_INVOICE, true);
        token = tokens.create(janaSubject, "Jana's phone", null);
        IdentityFixtures.enrolTotp(db.jpa, clock, janaSubject);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Unit unit(long building, String number) {
        return new Unit(
                0,
                building,
                number,
                UnitKind.FLAT,
                2,
                null,
                new BigDecimal("61.50"),
                3,
                List.of(),
                new Share(1, 10),
                LegalForm.OWNERSHIP,
                UnitState.OCCUPIED,
                null,
                null,
                null,
                0);
    }

    private static PersonalDataSection section(PersonalDataExport export, String id) {
        return export.sections().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
    }

    // ---- export -----------------------------------------------------------------------------------

    @Test
    void myExportHoldsEverySectionAboutMeAndNoSecrets() {
        PersonalDataExport export = privacy.exportMine(janaSubject, Locale.ENGLISH);
        assertEquals("Jana Nováková", export.name());
        assertEquals(jana.id(), export.personId());
        assertEquals(
                List.of(
                        "platform.person",
                        "platform.tenures",
                        "platform.account",
                        "platform.roles",
                        "platform.logins",
                        "platform.consents",
                        "platform.tokens",
                        "platform.sessions",
                        "platform.audit"),
                export.sections().stream().map(PersonalDataSection::id).toList());
        Map<String, Object> person =
                section(export, "platform.person").records().get(0);
        assertEquals(EMAIL, person.get("email"));
        assertEquals(IBAN, person.get("bankAccount"));
        assertEquals("Hlavní 12, 140 00 Praha, CZ", person.get("address"));
        assertEquals("SBD Domov", person.get("organisation"));

        List<Map<String, Object>> tenures = section(export, "platform.tenures").records();
        assertEquals(2, tenures.size(), "the ended tenure too");
        assertEquals("2, Květná 12, 149 00 Praha", tenures.get(0).get("unit"));
        assertEquals(true, tenures.get(0).get("current"));
        assertEquals("2019-12-31", tenures.get(1).get("validTo"));
        assertEquals(false, tenures.get(1).get("current"));

        assertEquals(true, section(export, "platform.account").records().get(0).get("twoFactor"));
        assertEquals(
                "203.0.113.77",
                section(export, "platform.logins").records().get(0).get("ip"));
        assertEquals(
                "E_INVOICE",
                section(export, "platform.consents").records().get(0).get("consent"));
        assertEquals(
                token.token().prefix(),
                section(export, "platform.tokens").records().get(0).get("prefix"));
        assertEquals(1, section(export, "platform.sessions").records().size());
        List<Map<String, Object>> audit = section(export, "platform.audit").records();
        assertTrue(
                audit.stream()
                        .anyMatch(r -> r.get("action").equals("registry.person.contact")
                                && r.get("changes").toString().contains(OLD_EMAIL + " → " + EMAIL)),
                audit.toString());
        assertTrue(audit.stream().anyMatch(r -> r.get("action").equals("registry.tenure.create")));

        String all = export.toString();
        assertFalse(all.contains(token.secret()), "never the token secret");
        for (Map<String, Object> row : db.rows("SELECT PASSWORD_HASH FROM CORE_ACCOUNT")) {
            assertFalse(all.contains(row.get("PASSWORD_HASH").toString()), "never the password hash");
        }
        for (Map<String, Object> row : db.rows("SELECT SECRET_SEALED FROM CORE_ACCOUNT_TOTP")) {
            assertFalse(all.contains(row.get("SECRET_SEALED").toString()), "never the TOTP seed");
        }
        assertFalse(all.contains("Dvořák") || all.contains("petr.dvorak"), "nothing of the co-owner");
        assertEquals(
                1,
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'privacy.export'"
                                + " AND ENTITY_TYPE = 'account' AND ENTITY_ID = '" + janaSubject.accountId() + "'")
                        .size());
    }

    @Test
    void thePdfReadsBackInTheUsersLanguageWithNameAndUnits() throws Exception {
        PersonalDataExport export = privacy.exportMine(janaSubject, new Locale("cs"));
        byte[] pdf = privacy.pdf(export);
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        String text;
        try (PDDocument doc = PDDocument.load(pdf)) {
            text = new PDFTextStripper().getText(doc);
            assertTrue(doc.getNumberOfPages() >= 1);
        }
        assertTrue(text.contains("Osobní údaje vedené o osobě Jana Nováková"), text);
        assertTrue(text.contains("Držené jednotky včetně historie"), text);
        assertTrue(text.contains("2, Květná 12, 149 00 Praha"), text);
        assertTrue(text.contains("1, Květná 12, 149 00 Praha"), text);
        assertTrue(text.contains(IBAN), text);
        assertTrue(text.contains(EMAIL), text);
        assertTrue(text.contains("203.0.113.77"), text);
    }

    @Test
    void aLongExportFlowsOverPagesAndSurvivesCharactersTheFontLacks() throws Exception {
        PersonalDataSection many = new PersonalDataSection(
                "test.many",
                "Many rows",
                null,
                List.of(new PersonalDataSection.Column("text", "Text")),
                java.util.stream.IntStream.range(0, 300)
                        .mapToObj(i -> Map.<String, Object>of("text", "row " + i + " 😀 " + "x".repeat(150)))
                        .toList());
        privacy.addContributor(new PersonalDataContributor() {
            @Override
            public List<PersonalDataSection> sections(DataSubject subject, Locale locale) {
                return List.of(many);
            }
        });
        byte[] pdf = privacy.pdf(privacy.exportMine(janaSubject, new Locale("pl")));
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertTrue(doc.getNumberOfPages() > 5, "pages: " + doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("row 299 ?"), "unprintable characters become ?");
            assertTrue(text.contains("Posiadane lokale wraz z historią"));
        }
    }

    @Test
    void moduleContributorsAddTheirSectionsInOrder() {
        privacy.addContributor(new PersonalDataContributor() {
            @Override
            public int order() {
                return 200;
            }

            @Override
            public List<PersonalDataSection> sections(DataSubject subject, Locale locale) {
                return List.of(new PersonalDataSection(
                        "ledger.postings",
                        "Postings of " + subject.personId(),
                        null,
                        List.of(new PersonalDataSection.Column("amount", "Amount")),
                        List.of(Map.of("amount", "8450.00 CZK"))));
            }
        });
        PersonalDataExport export = privacy.exportPerson(ADMIN, jana.id(), Locale.ENGLISH);
        PersonalDataSection last = export.sections().get(export.sections().size() - 1);
        assertEquals("ledger.postings", last.id());
        assertEquals("Postings of " + jana.id(), last.title());
    }

    @Test
    void theOfficeExportNeedsThePermissionAndIsAudited() {
        Subject manager =
                Subject.of(77, "manager", "Manager", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.MANAGER)));
        DomusException refused =
                assertThrows(DomusException.class, () -> privacy.exportPerson(manager, jana.id(), Locale.ENGLISH));
        assertEquals(DomusException.Kind.FORBIDDEN, refused.kind());
        assertEquals(
                DomusException.Kind.NOT_FOUND,
                assertThrows(DomusException.class, () -> privacy.exportPerson(ADMIN, 999_999, Locale.ENGLISH))
                        .kind());
        PersonalDataExport export = privacy.exportPerson(ADMIN, petr.id(), Locale.ENGLISH);
        assertNull(export.accountId());
        assertEquals(
                List.of("platform.person", "platform.tenures", "platform.audit"),
                export.sections().stream().map(PersonalDataSection::id).toList());
        List<Map<String, Object>> audited = db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME ="
                + " 'privacy.export' AND ENTITY_TYPE = 'person' AND ENTITY_ID = '" + petr.id() + "'");
        assertEquals(1, audited.size());
        assertEquals("office.admin", audited.get(0).get("ACTOR_LOGIN"));
        assertFalse(audited.get(0).get("AFTER_STATE").toString().contains("Dvořák"), "what, never the data");
    }

    // ---- erasure ----------------------------------------------------------------------------------

    private void endJanasTenure() {
        registry.endTenure(ADMIN, janaFlat2.id(), LocalDate.of(2026, 2, 28), janaFlat2.version());
    }

    @Test
    void erasureIsRefusedWhileThePersonHoldsAUnit() {
        for (boolean dryRun : new boolean[] {true, false}) {
            DomusException e =
                    assertThrows(DomusException.class, () -> privacy.erase(ADMIN, jana.id(), dryRun, Locale.ENGLISH));
            assertEquals(DomusException.Kind.CONFLICT, e.kind());
            assertEquals("privacy.erasure.current-tenure", e.messageKey());
        }
        // A tenure that starts later counts too.
        endJanasTenure();
        registry.createTenure(
                ADMIN,
                new Tenure(0, flat1.id(), jana.id(), TenureRole.TENANT, null, LocalDate.of(2026, 6, 1), null, 0));
        assertEquals(
                "privacy.erasure.current-tenure",
                assertThrows(DomusException.class, () -> privacy.erase(ADMIN, jana.id(), false, Locale.ENGLISH))
                        .messageKey());
        assertEquals("Jana", registry.person(ADMIN, jana.id()).firstName());
    }

    @Test
    void companiesStaffTheActorAndNonAdministratorsAreRefused() {
        endJanasTenure();
        Subject manager =
                Subject.of(77, "manager", "Manager", Locale.ENGLISH, Set.of(RoleGrant.everywhere(Role.MANAGER)));
        assertEquals(
                DomusException.Kind.FORBIDDEN,
                assertThrows(DomusException.class, () -> privacy.erase(manager, jana.id(), true, Locale.ENGLISH))
                        .kind());
        Subject herself = Subject.of(
                janaSubject.accountId(), "jana.novakova", "Jana", null, Set.of(RoleGrant.everywhere(Role.ADMIN)));
        assertEquals(
                "privacy.erasure.self",
                assertThrows(DomusException.class, () -> privacy.erase(herself, jana.id(), true, Locale.ENGLISH))
                        .messageKey());
        accounts.setGrants(
                janaSubject.accountId(),
                Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, jana.organisationId())),
                ADMIN);
        assertEquals(
                "privacy.erasure.staff",
                assertThrows(DomusException.class, () -> privacy.erase(ADMIN, jana.id(), true, Locale.ENGLISH))
                        .messageKey());
        Person company = registry.createPerson(
                ADMIN,
                new Person(
                        0,
                        jana.organisationId(),
                        PersonKind.LEGAL,
                        null,
                        null,
                        "Výtahy s.r.o.",
                        "12345678",
                        null,
                        null,
                        null,
                        null,
                        null,
                        0));
        assertEquals(
                "privacy.erasure.legal-person",
                assertThrows(DomusException.class, () -> privacy.erase(ADMIN, company.id(), true, Locale.ENGLISH))
                        .messageKey());
    }

    @Test
    void aDryRunSaysWhatWouldBeErasedAndKeptAndChangesNothing() {
        endJanasTenure();
        long events = db.rows("SELECT ID FROM CORE_AUDIT_EVENT").size();
        ErasureReport preview = privacy.erase(ADMIN, jana.id(), true, new Locale("pl"));
        assertFalse(preview.applied());
        assertFalse(preview.alreadyErased());
        assertEquals("Erased person #" + jana.id(), preview.pseudonym());
        assertEquals(
                List.of("name", "contact", "bank", "account", "credentials", "roles", "logins", "consents", "audit"),
                preview.erased().stream().map(ErasureReport.Item::key).toList());
        assertEquals(
                List.of("person", "tenures", "audit", "logins", "erasure"),
                preview.kept().stream().map(ErasureReport.Item::key).toList());
        ErasureReport.Item tenures = preview.kept().get(1);
        assertEquals(2, tenures.count());
        assertTrue(tenures.reason().contains("Prawo spółdzielcze"), tenures.reason());
        assertTrue(preview.kept().stream()
                .allMatch(i -> i.reason() != null && !i.reason().isBlank()));
        assertTrue(preview.message().startsWith("Usunięcie"), preview.message());
        assertEquals("Jana", registry.person(ADMIN, jana.id()).firstName());
        assertEquals(events, db.rows("SELECT ID FROM CORE_AUDIT_EVENT").size(), "a dry run writes nothing");
        assertFalse(traces(List.of("Nováková")).isEmpty());
    }

    @Test
    void erasureLeavesNoTraceOfThePersonInAnyTableAndKeepsTheTenures() {
        endJanasTenure();
        List<String> personal = List.of(
                "Nováková",
                "novakova",
                "jana.nova@",
                "jana.old@",
                "jana.login@",
                IBAN,
                PHONE,
                "203.0.113.77",
                "Jana-PC",
                "Jana's phone",
                "Hlavní 12");
        assertFalse(traces(personal).isEmpty(), "the scan finds the data before");
        long before = db.rows("SELECT ID FROM CORE_AUDIT_EVENT").size();

        ErasureReport report = privacy.erase(ADMIN, jana.id(), false, Locale.ENGLISH);
        assertTrue(report.applied());
        assertEquals(
                "The personal data has been erased; the record is now \"Erased person #" + jana.id()
                        + "\". What was kept, and why, is listed below.",
                report.message());

        assertEquals(List.of(), traces(personal), "no trace of the person anywhere");
        Person erased = registry.person(ADMIN, jana.id());
        assertEquals("Erased person #" + jana.id(), erased.displayName());
        assertNull(erased.email());
        assertNull(erased.accountId());
        List<Tenure> tenures = registry.tenuresOfPerson(ADMIN, jana.id());
        assertEquals(2, tenures.size(), "tenures kept");
        assertEquals(LocalDate.of(2020, 1, 1), tenures.get(0).validFrom());
        assertEquals(new Share(1, 2), tenures.get(0).share());
        assertEquals(TenureRole.OWNER, tenures.get(1).role());
        assertEquals(2, registry.tenuresOfUnit(ADMIN, flat2.id()).size(), "the co-owner's history is whole");
        assertEquals("Petr Dvořák", registry.person(ADMIN, petr.id()).displayName(), "nobody else is touched");

        Account account = accounts.findById(janaSubject.accountId()).orElseThrow();
        assertEquals(AccountStatus.DISABLED, account.status());
        assertEquals("erased-" + account.id(), account.login());
        assertEquals(
                AuthenticationResult.Outcome.BAD_CREDENTIALS,
                accounts.authenticate("jana.novakova", PASSWORD.toCharArray(), new ClientInfo("192.0.2.1", "x"))
                        .outcome());
        assertTrue(tokens.resolve(token.secret()).isEmpty(), "the token no longer works");
        for (String table : List.of(
                "CORE_SESSION",
                "CORE_ACCESS_TOKEN",
                "CORE_ACCOUNT_TOTP",
                "CORE_RECOVERY_CODE",
                "CORE_CONSENT_EVENT",
                "CORE_ACCOUNT_ROLE")) {
            assertEquals(
                    0,
                    db.rows("SELECT * FROM " + table + " WHERE ACCOUNT_ID = " + account.id())
                            .size(),
                    table);
        }
        List<Map<String, Object>> logins = db.rows("SELECT * FROM CORE_LOGIN_EVENT WHERE ACCOUNT_ID = " + account.id());
        assertEquals(1, logins.size(), "sign-in times stay");
        assertNull(logins.get(0).get("CLIENT_IP"));
        assertEquals("SUCCESS", logins.get(0).get("OUTCOME"));

        assertTrue(db.rows("SELECT ID FROM CORE_AUDIT_EVENT").size() >= before, "the trail stays");
        List<Map<String, Object>> erasure =
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'privacy.erasure'");
        assertEquals(1, erasure.size());
        assertEquals("office.admin", erasure.get(0).get("ACTOR_LOGIN"));
        List<Map<String, Object>> contact =
                db.rows("SELECT * FROM CORE_AUDIT_EVENT WHERE ACTION_NAME =" + " 'registry.person.contact'");
        assertEquals("erased-" + account.id(), contact.get(0).get("ACTOR_LOGIN"), "who/when/what kept, renamed");
        assertTrue(contact.get(0).get("AFTER_STATE").toString().contains("\"email\":\"[erased]\""));
    }

    @Test
    void erasingTwiceChangesNothingAndSaysWhen() {
        endJanasTenure();
        privacy.erase(ADMIN, jana.id(), false, Locale.ENGLISH);
        long events = db.rows("SELECT ID FROM CORE_AUDIT_EVENT").size();
        ErasureReport again = privacy.erase(ADMIN, jana.id(), false, new Locale("cs"));
        assertTrue(again.alreadyErased());
        assertFalse(again.applied());
        assertTrue(again.erased().isEmpty() && again.kept().isEmpty());
        assertTrue(again.message().startsWith("Údaje této osoby byly vymazány dne 1. března 2026"), again.message());
        assertEquals(events, db.rows("SELECT ID FROM CORE_AUDIT_EVENT").size());
        assertTrue(privacy.erase(ADMIN, jana.id(), true, Locale.ENGLISH).alreadyErased());
    }

    /**
     * Every string column of every table of the schema, searched for the texts (case ignored): where
     * each one still appears, as "TABLE.COLUMN: text".
     */
    private List<String> traces(List<String> texts) {
        List<String> found = new ArrayList<>();
        try (Connection c = db.dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, "APP", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.contains("CORE_PERSON") && tables.contains("CORE_AUDIT_EVENT"), tables.toString());
            for (String table : tables) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(null, "APP", table, "%")) {
                    while (rs.next()) {
                        int type = rs.getInt("DATA_TYPE");
                        if (type == Types.VARCHAR
                                || type == Types.CHAR
                                || type == Types.CLOB
                                || type == Types.LONGVARCHAR) {
                            columns.add(rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                for (String column : columns) {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT \"" + column + "\" FROM \"" + table + "\"")) {
                        while (rs.next()) {
                            String value = rs.getString(1);
                            if (value == null) {
                                continue;
                            }
                            for (String text : texts) {
                                if (value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                                    found.add(table + "." + column + ": " + text + " in " + value);
                                }
                            }
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
