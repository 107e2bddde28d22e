package org.domus.demo.internal.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementQuery;
import org.domus.communications.AnnouncementService;
import org.domus.communications.ContactDirectory;
import org.domus.communications.ContactsOfBuilding;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;
import org.domus.communications.MessageService;
import org.domus.communications.MessageThread;
import org.domus.communications.MessageTopic;
import org.domus.communications.Office;
import org.domus.communications.StaffContact;
import org.domus.communications.internal.CommunicationsGrants;
import org.domus.communications.internal.announce.AnnouncementsWiring;
import org.domus.communications.internal.directory.DirectoryWiring;
import org.domus.communications.internal.messages.MessagesWiring;
import org.domus.core.Subject;
import org.domus.core.access.ScopeType;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.registry.Organisation;
import org.domus.demo.internal.CooperativeGenerator;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.testing.DomusTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo contact directory, announcements and the demo resident's threads made through the communications
 * module's real services on a migrated in-memory Derby, for a small demo cooperative of three organisations.
 */
class DirectoryDemoDataTest {

    static final Subject ADMIN = DirectoryDemoData.SYSTEM;

    static DomusTestDatabase db;
    static AccountServiceImpl accounts;
    static RoleBasedAccessPolicy policy;
    static ContactDirectory directory;
    static RegistryServiceImpl registry;
    static DirectoryDemoData data;
    static AnnouncementService announcements;
    static MessageService messages;
    static NewsDemoData news;
    static final Map<Long, NewsDemoData.Result> newsResults = new HashMap<>();
    static List<Organisation> organisations;
    static final Map<Long, DirectoryDemoData.Result> results = new HashMap<>();

    @BeforeAll
    static void generate() {
        Clock clock = Clock.systemUTC();
        db = new DomusTestDatabase(
                "demo-directory",
                clock,
                List.of(new RegistryGrants(), new CommunicationsGrants()),
                "db/communications-changelog.xml");
        EntityManagerFactory commEmf = db.persistenceUnit("domus.communications");
        accounts = AccountServiceImpl.create(
                db.coreJpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        policy = db.policy;
        registry = db.registry;
        new CooperativeGenerator(registry, accounts)
                .generateIfEmpty(new CooperativeGenerator.Settings(
                        120,
                        7,
                        "admin",
                        "Demo-Admin-Pass-2026",
                        "resident",
                        "Demo-Resident-Pass-2026",
                        "Staff-Pass-2026"));
        directory = DirectoryWiring.directory(new ResourceLocalJpaTemplate(commEmf), policy, registry, accounts, clock);
        data = new DirectoryDemoData(registry, accounts, directory);
        ResourceLocalJpaTemplate jpa = new ResourceLocalJpaTemplate(commEmf);
        announcements = AnnouncementsWiring.announcements(jpa, policy, new NoAudience(), registry, clock);
        messages = MessagesWiring.messages(jpa, policy, registry, accounts, clock);
        news = new NewsDemoData(registry, accounts, announcements, messages, "resident");
        organisations = registry.organisations(ADMIN);
        for (Organisation o : organisations) {
            results.put(o.id(), data.generateIfEmpty(o.id(), 7));
            newsResults.put(o.id(), news.generateIfEmpty(o.id()));
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyOrganisationGetsItsOfficeStaffAndEmergencyNumbersInItsLanguage() {
        assertEquals(3, organisations.size());
        for (Organisation o : organisations) {
            DirectoryDemoData.Result r = results.get(o.id());
            assertTrue(r.created(), o.name());
            ContactTexts.Country texts = ContactTexts.COUNTRIES.get(o.country());
            List<Office> offices = directory.offices(ADMIN, o.id());
            assertEquals(1, offices.size());
            assertEquals(texts.office(), offices.get(0).name());
            assertEquals(texts.hours().size(), offices.get(0).hours().size());
            List<StaffContact> staff = directory.staffContacts(ADMIN, o.id());
            assertEquals(r.staff(), staff.size());
            Set<String> roles = staff.stream().map(StaffContact::role).collect(Collectors.toSet());
            assertTrue(
                    roles.containsAll(Set.of(texts.manager(), texts.accountant(), texts.estateManager())), roles + "");
            staff.forEach(s -> {
                assertNotNull(s.accountId(), s.name());
                assertTrue(s.email().endsWith("@" + texts.mailDomain()), s.email());
            });
            List<EmergencyContact> emergency = directory.emergencyContacts(ADMIN, o.id());
            assertEquals(r.emergency(), emergency.size());
            Set<EmergencyKind> organisationKinds = emergency.stream()
                    .filter(e -> e.scope().type() == ScopeType.ORGANISATION)
                    .map(EmergencyContact::kind)
                    .collect(Collectors.toSet());
            assertTrue(organisationKinds.containsAll(
                    EnumSet.of(EmergencyKind.GAS, EmergencyKind.ELECTRICITY, EmergencyKind.WATER)));
            assertTrue(emergency.stream()
                    .filter(e -> e.scope().type() == ScopeType.BUILDING)
                    .allMatch(e -> e.kind() == EmergencyKind.LIFT));
        }
    }

    @Test
    void theDemoResidentSeesTheLiftOfTheirBuildingAndTheCzechLinesAndARerunAddsNothing() {
        Subject resident = accounts.subjectOf(
                        accounts.findByLogin("resident").orElseThrow().id())
                .orElseThrow();
        List<ContactsOfBuilding> mine = directory.mine(resident);
        assertFalse(mine.isEmpty());
        for (ContactsOfBuilding b : mine) {
            Set<String> companies =
                    b.emergency().stream().map(EmergencyContact::company).collect(Collectors.toSet());
            assertTrue(companies.contains("GasNet Služby – poruchová služba plynu"), companies + "");
            assertEquals(
                    1,
                    b.emergency().stream()
                            .filter(e -> e.kind() == EmergencyKind.LIFT)
                            .count());
            assertEquals(1, b.offices().size());
            assertFalse(b.staff().isEmpty());
        }
        Organisation first = organisations.get(0);
        long before = directory.emergencyContacts(ADMIN, first.id()).size();
        assertFalse(data.generateIfEmpty(first.id(), 7).created());
        assertEquals(before, directory.emergencyContacts(ADMIN, first.id()).size());
    }

    @Test
    void everyOrganisationGetsAnUrgentShutOffForOneBuildingAMeetingNoticeAndAShortLivedOne() {
        for (Organisation o : organisations) {
            assertTrue(newsResults.get(o.id()).created(), o.name());
            List<Announcement> made = announcements
                    .list(ADMIN, new AnnouncementQuery(o.id(), null, null, null, 0, 50))
                    .items();
            assertEquals(3, made.size(), o.name());
            NewsTexts.Country texts = NewsTexts.COUNTRIES.get(o.country());
            Announcement urgent =
                    made.stream().filter(Announcement::urgent).findFirst().orElseThrow();
            assertTrue(urgent.title().startsWith(texts.shutOffTitle().substring(0, 8)), urgent.title());
            assertEquals(1, made.stream().filter(Announcement::urgent).count());
            assertTrue(made.stream()
                    .anyMatch(a -> a.expiresAt() != null
                            && a.expiresAt()
                                    .isBefore(java.time.Instant.now()
                                            .plusSeconds(NewsDemoData.EXPIRED_AFTER_SECONDS + 1))));
            assertFalse(news.generateIfEmpty(o.id()).created(), "a rerun adds nothing");
        }
    }

    @Test
    void theDemoResidentHasTwoAnsweredThreadsInTheCzechCooperativeOnly() {
        Subject resident = accounts.subjectOf(
                        accounts.findByLogin("resident").orElseThrow().id())
                .orElseThrow();
        List<MessageThread> threads = messages.mine(resident, 0, 50).items();
        assertEquals(2, threads.size());
        assertEquals(
                Set.of(MessageTopic.LEDGER, MessageTopic.REPAIR),
                threads.stream().map(MessageThread::topic).collect(Collectors.toSet()));
        for (MessageThread t : threads) {
            assertEquals(2, messages.read(resident, t.id()).messages().size(), t.subject());
        }
        for (Organisation o : organisations) {
            assertEquals(
                    o.country().equals("CZ") ? 2 : 0, newsResults.get(o.id()).threads(), o.name());
        }
    }
}
