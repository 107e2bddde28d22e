package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Role;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.domus.core.registry.Unit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Notifications end to end in the real distribution, with a real SMTP server (GreenMail in the container): a
 * ticket's status change (the tickets module's documented event) and a published announcement reach the right
 * residents by e-mail in each one's language; a resident who turned e-mail off for announcements gets none but
 * still finds the notification in their centre; residents of another building get nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsMailIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected FeaturesService features;

    @Inject
    protected RegistryService registry;

    @Inject
    protected EventAdmin eventAdmin;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private record Resident(long accountId, String token, String email) {}

    private void installModuleAndGreenMail(String token) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "communications:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await(
                "notifications REST",
                WAIT,
                () -> statusOf("/api/communications/notifications/unread-count", token) == 200);
        boolean greenMail = false;
        for (Bundle b : bundleContext.getBundles()) {
            greenMail |= "greenmail".equals(b.getSymbolicName());
        }
        if (!greenMail) {
            features.installFeature("wrap");
            bundleContext
                    .installBundle("wrap:mvn:com.icegreen/greenmail/1.6.15$Bundle-SymbolicName=greenmail"
                            + "&Export-Package=com.icegreen.greenmail.*;version=1.6.15"
                            + "&Import-Package=*;resolution:=optional")
                    .start();
        }
    }

    private void mailTo(int port) throws Exception {
        Map<String, Object> values = new TreeMap<>();
        values.put("mail.enabled", "true");
        values.put("smtp.host", "127.0.0.1");
        values.put("smtp.port", Integer.toString(port));
        values.put("smtp.from", "Domus IT <domus@example.org>");
        values.put("smtp.timeoutSeconds", "5");
        values.put("retry.backoffSeconds", "1");
        values.put("retry.backoffMaxSeconds", "2");
        values.put("delivery.intervalSeconds", "1");
        values.put("publicUrl", "https://domus.example.org");
        configurationAdmin.getConfiguration("org.domus.communications", null).update(new Hashtable<>(values));
    }

    private Resident resident(Organisation org, Unit unit, String tag, String name, String language) {
        String login = name + "-" + tag;
        String email = login + "@example.org";
        Account account = accounts.create(
                new NewAccount(
                        login,
                        name,
                        email,
                        "Correct-Horse-Battery-42".toCharArray(),
                        Set.of(),
                        Locale.forLanguageTag(language),
                        false),
                RegistryFixture.SYSTEM);
        Person person = registry.createPerson(
                RegistryFixture.SYSTEM,
                new Person(
                        0,
                        org.id(),
                        PersonKind.NATURAL,
                        name,
                        "Resident",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        account.id(),
                        0));
        registry.createTenure(
                RegistryFixture.SYSTEM,
                new Tenure(0, unit.id(), person.id(), TenureRole.OWNER, Share.ONE, LocalDate.of(2020, 1, 1), null, 0));
        String token = tokens.create(accounts.subjectOf(account.id()).orElseThrow(), "itest", null)
                .secret();
        return new Resident(account.id(), token, email);
    }

    private String manager(long buildingId, String tag) {
        Account account = accounts.create(
                new NewAccount(
                        "office-" + tag,
                        "Office",
                        null,
                        "Correct-Horse-Battery-42".toCharArray(),
                        Set.of(),
                        Locale.ENGLISH,
                        false),
                RegistryFixture.SYSTEM);
        accounts.setGrants(
                account.id(),
                Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, buildingId)),
                RegistryFixture.SYSTEM);
        return tokens.create(accounts.subjectOf(account.id()).orElseThrow(), "itest", null)
                .secret();
    }

    private JsonNode notifications(Resident r) throws Exception {
        return parse(get("/api/communications/notifications", r.token()));
    }

    @Test
    public void aTicketUpdateAndAnAnnouncementReachTheRightResidentsInTheirLanguageAsTheyChose() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Organisation org = registry.createOrganisation(
                RegistryFixture.SYSTEM, new Organisation(0, "SBD " + tag, null, "CZ", "CZK", 0));
        Estate estate = registry.createEstate(RegistryFixture.SYSTEM, new Estate(0, org.id(), "Lesná " + tag, 0));
        Building a = registry.createBuilding(RegistryFixture.SYSTEM, building(estate, "Haškova", "12"));
        Building b = registry.createBuilding(RegistryFixture.SYSTEM, building(estate, "Fillova", "3"));
        Unit a1 = registry.createUnit(RegistryFixture.SYSTEM, RegistryFixture.unit(a.id(), "1"));
        Unit a2 = registry.createUnit(RegistryFixture.SYSTEM, RegistryFixture.unit(a.id(), "2"));
        Unit a3 = registry.createUnit(RegistryFixture.SYSTEM, RegistryFixture.unit(a.id(), "3"));
        Unit b1 = registry.createUnit(RegistryFixture.SYSTEM, RegistryFixture.unit(b.id(), "1"));
        Resident jana = resident(org, a1, tag, "jana", "cs");
        Resident piotr = resident(org, a2, tag, "piotr", "pl");
        Resident eva = resident(org, a3, tag, "eva", "en");
        Resident ion = resident(org, b1, tag, "ion", "ro");
        String office = manager(a.id(), tag);

        installModuleAndGreenMail(jana.token());
        try (NotificationMailbox smtp = new NotificationMailbox()) {
            mailTo(smtp.port());
            // Eva wants announcements in the application only
            Answer put = new Answer(send(
                    "PUT",
                    "/communications/preferences",
                    eva.token(),
                    "{\"channels\":{\"ANNOUNCEMENTS\":[\"IN_APP\"]}}"));
            assertEquals(put.body, 200, put.status);
            // an unknown kind is refused and changes nothing
            Answer bad = new Answer(
                    send("PUT", "/communications/preferences", eva.token(), "{\"channels\":{\"GOSSIP\":[\"EMAIL\"]}}"));
            assertEquals(bad.body, 400, bad.status);

            // The tickets module tells that Jana's ticket is done (its documented event, as it posts it).
            Map<String, Object> ticket = new HashMap<>();
            ticket.put("ticketId", 4711L);
            ticket.put("reference", "T-" + tag);
            ticket.put("organisationId", org.id());
            ticket.put("buildingId", a.id());
            ticket.put("unitId", a1.id());
            ticket.put("status", "DONE");
            ticket.put("previousStatus", "IN_PROGRESS");
            ticket.put("summary", "Kapající kohoutek");
            ticket.put("requesterAccountId", jana.accountId());
            ticket.put("actorAccountId", 0L);
            ticket.put("entryId", 99L);
            eventAdmin.postEvent(new Event("org/domus/tickets/STATUS_CHANGED", ticket));
            eventAdmin.postEvent(new Event("org/domus/tickets/STATUS_CHANGED", ticket));

            // The office publishes an urgent announcement for building A.
            JsonNode draft = parse(send(
                    "POST",
                    "/communications/announcements",
                    office,
                    "{\"organisationId\":" + org.id() + ",\"title\":\"Voda " + tag + "\",\"body\":\"<p>Bez vody"
                            + " <b>8-12</b></p>\",\"targets\":[{\"kind\":\"BUILDING\",\"id\":" + a.id()
                            + "}],\"urgent\":true}"));
            long id = draft.path("id").asLong();
            JsonNode published = parse(send(
                    "POST",
                    "/communications/announcements/" + id + "/publish",
                    office,
                    "{\"version\":" + draft.path("version").asLong() + "}"));
            assertEquals(
                    published.toString(), "PUBLISHED", published.path("state").asText());

            await(
                    "the mails",
                    WAIT,
                    () -> smtp.to(jana.email()).size() >= 2
                            && smtp.to(piotr.email()).size() >= 1);
            Thread.sleep(3000);

            List<NotificationMailbox.Mail> janas = smtp.to(jana.email());
            assertEquals(2, janas.size());
            Set<String> subjects = new java.util.TreeSet<>();
            for (NotificationMailbox.Mail m : janas) {
                subjects.add(m.subject());
            }
            assertTrue(subjects.toString(), subjects.contains("Váš požadavek T-" + tag + ": Hotový"));
            assertTrue(subjects.toString(), subjects.contains("[NALÉHAVÉ] Voda " + tag));
            String janasBody = janas.get(0).content() + janas.get(1).content();
            assertTrue(janasBody, janasBody.contains("https://domus.example.org/"));

            List<NotificationMailbox.Mail> piotrs = smtp.to(piotr.email());
            assertEquals(1, piotrs.size());
            assertEquals("[PILNE] Voda " + tag, piotrs.get(0).subject());
            assertEquals("e-mail off for announcements", 0, smtp.to(eva.email()).size());
            assertEquals("another building", 0, smtp.to(ion.email()).size());

            // In-app: everyone in building A has the announcement, Eva too; Ion nothing.
            await("eva's notification", WAIT, () -> {
                try {
                    return notifications(eva).path("total").asLong() == 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode evas = notifications(eva).path("items").get(0);
            assertEquals("ANNOUNCEMENTS", evas.path("kind").asText());
            assertEquals("URGENT: Voda " + tag, evas.path("title").asText());
            assertEquals(2, notifications(jana).path("total").asLong());
            assertEquals(0, notifications(ion).path("total").asLong());
            assertEquals(
                    2,
                    parse(get("/api/communications/notifications/unread-count", jana.token()))
                            .path("unread")
                            .asLong());
            long first = notifications(jana).path("items").get(0).path("id").asLong();
            assertEquals(
                    404,
                    new Answer(send("POST", "/communications/notifications/" + first + "/read", piotr.token(), ""))
                            .status);
            assertEquals(
                    200,
                    new Answer(send("POST", "/communications/notifications/" + first + "/read", jana.token(), ""))
                            .status);
            assertEquals(
                    1,
                    parse(get("/api/communications/notifications/unread-count", jana.token()))
                            .path("unread")
                            .asLong());
        }
    }

    private record Answer(int status, String body) {
        Answer(java.net.http.HttpResponse<String> r) {
            this(r.statusCode(), r.body());
        }
    }

    private static Building building(Estate estate, String street, String number) {
        return new Building(
                0,
                estate.id(),
                street,
                number,
                "Brno",
                "638 00",
                "CZ",
                new BigDecimal("49.22"),
                new BigDecimal("16.62"),
                0);
    }
}
