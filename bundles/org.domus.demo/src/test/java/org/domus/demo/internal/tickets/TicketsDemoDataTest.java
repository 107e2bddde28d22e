package org.domus.demo.internal.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import org.domus.core.Subject;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.account.SecretBox;
import org.domus.core.internal.ratelimit.DatabaseRateLimiter;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.registry.Organisation;
import org.domus.demo.internal.CooperativeGenerator;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.testing.DomusTestDatabase;
import org.domus.tickets.Ticket;
import org.domus.tickets.TicketQuery;
import org.domus.tickets.TicketSource;
import org.domus.tickets.TicketStatistics;
import org.domus.tickets.TicketStatus;
import org.domus.tickets.TimelineEntry;
import org.domus.tickets.TimelineKind;
import org.domus.tickets.internal.TicketsWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo tickets made through the tickets module's real services on a migrated in-memory Derby, for a small
 * demo cooperative of three organisations.
 */
class TicketsDemoDataTest {

    static final Subject ADMIN = TicketsDemoData.SYSTEM;

    static DomusTestDatabase db;
    static RegistryServiceImpl registry;
    static AccountServiceImpl accounts;
    static TicketsWiring tickets;
    static TicketsDemoData data;
    static List<Organisation> organisations;
    static Map<Long, TicketsDemoData.Result> results = new HashMap<>();

    @BeforeAll
    static void generate() {
        Clock clock = Clock.systemUTC();
        db = new DomusTestDatabase(
                "demo-tickets",
                clock,
                List.of(new RegistryGrants(), TicketsWiring.grants()),
                "db/tickets-changelog.xml");
        EntityManagerFactory ticketsEmf = db.persistenceUnit("domus.tickets");
        ResourceLocalJpaTemplate coreJpa = db.coreJpa;
        accounts = AccountServiceImpl.create(
                coreJpa,
                new Argon2PasswordHasher(new Argon2PasswordHasher.Params(1024, 1, 1), new SecureRandom()),
                new PasswordPolicy(),
                clock);
        RoleBasedAccessPolicy policy = db.policy;
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
        tickets = new TicketsWiring(
                new ResourceLocalJpaTemplate(ticketsEmf),
                policy,
                registry,
                accounts,
                DatabaseRateLimiter.create(coreJpa, clock, SecretBox.random()),
                clock);
        data = new TicketsDemoData(
                registry,
                accounts,
                tickets.tickets,
                tickets.tickets,
                tickets.configuration,
                tickets.contractors,
                tickets.publicForm,
                "resident");
        organisations = registry.organisations(ADMIN);
        for (Organisation o : organisations) {
            results.put(o.id(), data.generateIfEmpty(o.id(), 7));
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<Ticket> ticketsOf(Organisation o) {
        return tickets.tickets
                .list(ADMIN, TicketQuery.all().withOrganisation(o.id()).withPage(0, 500))
                .items();
    }

    @Test
    void everyOrganisationGetsItsTicketsInEveryStatusWithoutARefusedStep() {
        assertEquals(3, organisations.size());
        for (Organisation o : organisations) {
            TicketsDemoData.Result r = results.get(o.id());
            assertTrue(r.created(), o.name());
            assertEquals(7, r.categories());
            assertEquals(3, r.companies());
            assertEquals(TicketsDemoData.TICKETS, r.tickets(), r.toString());
            assertEquals(0, r.refusals(), r.toString());
            assertEquals(EnumSet.allOf(TicketStatus.class), r.statuses().keySet(), r.toString());
            List<Ticket> made = ticketsOf(o);
            assertEquals(TicketsDemoData.TICKETS, made.size());
            Map<TicketStatus, Long> byStatus =
                    made.stream().collect(Collectors.groupingBy(Ticket::status, Collectors.counting()));
            assertEquals(
                    r.statuses().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue())),
                    byStatus);
        }
    }

    @Test
    void theTicketsSpeakTheOrganisationsLanguageAndComeThroughEveryChannel() {
        for (Organisation o : organisations) {
            Set<String> titles = TicketTexts.PROBLEMS.get(o.country()).stream()
                    .map(TicketTexts.Problem::title)
                    .collect(Collectors.toSet());
            List<Ticket> made = ticketsOf(o);
            for (Ticket t : made) {
                if (t.source() != TicketSource.PUBLIC_FORM) {
                    assertTrue(titles.contains(t.title()), o.country() + ": " + t.title());
                }
            }
            List<Ticket> anonymous = made.stream()
                    .filter(t -> t.source() == TicketSource.PUBLIC_FORM)
                    .toList();
            assertFalse(anonymous.isEmpty(), o.name());
            anonymous.forEach(t -> assertNull(t.requesterAccountId()));
        }
        // the demo resident lives in the Czech cooperative and reported some through the portal
        Organisation czech = organisations.stream()
                .filter(o -> o.country().equals("CZ"))
                .findFirst()
                .orElseThrow();
        assertTrue(ticketsOf(czech).stream().anyMatch(t -> t.source() == TicketSource.PORTAL));
        organisations.stream()
                .filter(o -> o != czech)
                .forEach(o -> assertTrue(ticketsOf(o).stream().noneMatch(t -> t.source() == TicketSource.PORTAL)));
    }

    @Test
    void confirmedTicketsHaveRatingsAndTheWholeStoryInTheirTimeline() {
        Ticket confirmed = ticketsOf(organisations.get(1)).stream()
                .filter(t -> t.status() == TicketStatus.CONFIRMED)
                .findFirst()
                .orElseThrow();
        assertNotNull(confirmed.rating());
        assertTrue(confirmed.rating() >= 1 && confirmed.rating() <= 5);
        assertNotNull(confirmed.companyId());
        assertTrue(confirmed.minutesSpent() > 0);
        List<TimelineEntry> timeline = tickets.tickets.timeline(ADMIN, confirmed.id());
        Set<TimelineKind> kinds = timeline.stream().map(TimelineEntry::kind).collect(Collectors.toSet());
        assertTrue(
                kinds.containsAll(Set.of(
                        TimelineKind.CREATED,
                        TimelineKind.STATUS,
                        TimelineKind.ASSIGNMENT,
                        TimelineKind.ASSIGNMENT_ACCEPTED,
                        TimelineKind.TIME,
                        TimelineKind.RATING)),
                kinds.toString());
        TicketStatistics s = tickets.tickets.statistics(
                ADMIN, TicketQuery.all().withOrganisation(organisations.get(1).id()));
        assertEquals(TicketsDemoData.TICKETS, s.total());
        assertTrue(s.done() > 0 && s.open() > 0, s.toString());
        assertEquals(
                3, s.perCompany().stream().filter(c -> !"none".equals(c.key())).count(), s.toString());
    }

    @Test
    void theTicketsSpreadOverTheLastNinetyDaysSoTheStatisticsShowOverdueTicketsAMedianALateShareAndToday() {
        Instant now = Instant.now();
        for (Organisation o : organisations) {
            List<Ticket> made = ticketsOf(o);
            Instant oldest = made.stream()
                    .map(Ticket::createdAt)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            assertTrue(oldest.isAfter(now.minus(TicketPlan.DAYS + 1, ChronoUnit.DAYS)), oldest.toString());
            assertTrue(oldest.isBefore(now.minus(60, ChronoUnit.DAYS)), oldest.toString());
            // References grow with the reporting time (tickets filed in the order they came in).
            List<Ticket> byReference = made.stream()
                    .sorted(Comparator.comparing(Ticket::reference))
                    .toList();
            for (int i = 1; i < byReference.size(); i++) {
                assertFalse(
                        byReference
                                .get(i)
                                .createdAt()
                                .isBefore(byReference.get(i - 1).createdAt()),
                        byReference.get(i).reference());
            }
            for (Ticket t : made) {
                assertFalse(t.updatedAt().isAfter(now), t.reference());
                // deadlines from the submission instant: the response is due before the resolution, after filing
                assertTrue(t.responseDue().isAfter(t.createdAt()), t.reference());
                assertFalse(t.resolutionDue().isBefore(t.responseDue()), t.reference());
                if (t.resolvedAt() != null) {
                    assertEquals(!t.resolvedAt().isAfter(t.resolutionDue()), t.doneOnTime(), t.reference());
                }
            }

            TicketQuery ofOrganisation = TicketQuery.all().withOrganisation(o.id());
            TicketStatistics s = tickets.tickets.statistics(ADMIN, ofOrganisation);
            assertTrue(s.overdue() > 0, s.toString());
            assertTrue(s.overdue() < s.open(), s.toString());
            assertTrue(s.medianMinutesToResolve() > 24 * 60, s.toString());
            assertTrue(s.medianMinutesToResolve() < 30 * 24 * 60, s.toString());
            assertTrue(s.onTimeRatio() > 0.5 && s.onTimeRatio() < 1.0, s.toString());

            Instant startOfToday = tickets.tickets.startOfDay(o.id(), tickets.tickets.today(o.id()));
            long today = tickets.tickets
                    .list(ADMIN, ofOrganisation.withCreated(startOfToday, null).withPage(0, 1))
                    .total();
            long forwardedToday = tickets.tickets
                    .list(ADMIN, ofOrganisation.withAssigned(startOfToday, null).withPage(0, 1))
                    .total();
            assertTrue(today > 0 && today < TicketsDemoData.TICKETS / 3, o.name() + ": today " + today);
            assertTrue(forwardedToday > 0, o.name() + ": forwarded today " + forwardedToday);
            // Recorded timelines run forwards from the filing instant to the ticket's last change.
            List<Ticket> recorded = made.stream()
                    .filter(t -> t.source() != TicketSource.PUBLIC_FORM)
                    .limit(40)
                    .toList();
            for (Ticket t : recorded) {
                List<TimelineEntry> timeline = tickets.tickets.timeline(ADMIN, t.id());
                assertEquals(t.createdAt(), timeline.get(0).at(), t.reference());
                assertEquals(t.updatedAt(), timeline.get(timeline.size() - 1).at(), t.reference());
                for (int i = 1; i < timeline.size(); i++) {
                    assertFalse(
                            timeline.get(i).at().isBefore(timeline.get(i - 1).at()), t.reference());
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "Demo ticket statistics of '%s' (%s): total %d, open %d, done %d, overdue %d, median to resolve"
                            + " %d min (%.1f days), on time %.1f %%, reported today %d, forwarded today %d%n",
                    o.name(),
                    o.country(),
                    s.total(),
                    s.open(),
                    s.done(),
                    s.overdue(),
                    s.medianMinutesToResolve(),
                    s.medianMinutesToResolve() / 1440.0,
                    100 * s.onTimeRatio(),
                    today,
                    forwardedToday);
        }
    }

    @Test
    void theContractorsAndTechniciansAreWorkersWhoShareTheirPositionAndASecondRunAddsNothing() {
        for (String login : List.of("contractor", "contractor.krakow", "contractor.cluj", "technician.1")) {
            Subject s = accounts.subjectOf(
                            accounts.findByLogin(login).orElseThrow().id())
                    .orElseThrow();
            assertFalse(tickets.contractors.me(s).isEmpty(), login);
            assertTrue(tickets.contractors.me(s).stream().allMatch(w -> w.sharesPosition()), login);
            assertTrue(tickets.contractors.me(s).stream().anyMatch(w -> w.latitude() != null), login);
        }
        for (Organisation o : organisations) {
            assertFalse(data.generateIfEmpty(o.id(), 7).created());
            assertEquals(TicketsDemoData.TICKETS, ticketsOf(o).size());
        }
    }
}
