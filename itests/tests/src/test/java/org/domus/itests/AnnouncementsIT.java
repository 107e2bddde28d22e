package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.domus.core.Role;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.registry.RegistryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Announcements over REST in the real distribution with the communications module installed headless: a
 * building's manager addresses their building (and only it), its resident reads it, the resident of the other
 * building gets an empty feed and 404; receipts count the reader; refused input is a problem document and
 * writes nothing; bodies are sanitised.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AnnouncementsIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String BASE = "/communications/announcements";

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected RegistryService registry;

    @Inject
    @Filter("(osgi.jndi.service.name=domus)")
    protected DataSource dataSource;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private void installCommunications(String bearer) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "communications:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await("announcements REST", WAIT, () -> statusOf("/api" + BASE + "/feed", bearer) == 200);
    }

    private String organisationManager(long organisationId) {
        Account account = accounts.create(
                new NewAccount(
                        "man-" + UUID.randomUUID().toString().substring(0, 6),
                        "Office manager",
                        null,
                        "Correct-Horse-Battery-42".toCharArray(),
                        Set.of(),
                        Locale.ENGLISH,
                        false),
                RegistryFixture.SYSTEM);
        accounts.setGrants(
                account.id(),
                Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.ORGANISATION, organisationId)),
                RegistryFixture.SYSTEM);
        return tokens.create(accounts.subjectOf(account.id()).orElseThrow(), "itest", null)
                .secret();
    }

    private JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        assertEquals(
                response.request().method() + " " + response.uri() + ": " + response.body(),
                status,
                response.statusCode());
        return response.body().isEmpty() ? json.nullNode() : parse(response);
    }

    private void expectProblem(HttpResponse<String> response, int status, String key) throws IOException {
        assertProblem(response, status);
        if (key != null) {
            assertEquals(
                    response.body(), key, parse(response).path("messageKey").asText());
        }
    }

    private static String announcement(long org, String title, String body, String targets, boolean urgent) {
        return "{\"organisationId\":" + org + ",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"targets\":"
                + targets + ",\"urgent\":" + urgent + "}";
    }

    private long count() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    public void anAnnouncementForBuildingAReachesItsResidentOnly() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        long org = world.organisation.id();
        long a = world.buildingA.id();
        long b = world.buildingB.id();
        installCommunications(world.residentA);
        String office = organisationManager(org);

        // The manager of building A writes for A; the body is sanitised on the way in.
        JsonNode draft = expect(
                201,
                send(
                        "POST",
                        BASE,
                        world.managerA,
                        announcement(
                                org,
                                "Water shut-off",
                                "<p onclick=\\\"steal()\\\">No water on <b>Monday</b>"
                                        + "<script>alert(1)</script> <a href=\\\"jav&#x09;ascript:alert(1)\\\">info</a>"
                                        + "</p>",
                                "[{\"kind\":\"BUILDING\",\"id\":" + a + "}]",
                                true)));
        long id = draft.path("id").asLong();
        assertEquals("DRAFT", draft.path("state").asText());
        assertEquals("<p>No water on <b>Monday</b> info</p>", draft.path("body").asText());
        assertEquals(1, draft.path("audienceCount").asLong());
        JsonNode published = expect(
                200,
                send(
                        "POST",
                        BASE + "/" + id + "/publish",
                        world.managerA,
                        "{\"version\":" + draft.path("version").asLong() + "}"));
        assertEquals("PUBLISHED", published.path("state").asText());
        assertEquals(1, published.path("audienceCount").asLong());

        // The resident of A sees it in the feed, unread, and opens it.
        JsonNode feedA = expect(200, send("GET", BASE + "/feed", world.residentA, null));
        assertEquals(feedA.toString(), 1, feedA.size());
        assertEquals(id, feedA.get(0).path("id").asLong());
        assertTrue(feedA.get(0).path("urgent").asBoolean());
        assertFalse(feedA.get(0).path("read").asBoolean());
        JsonNode opened = expect(200, send("GET", BASE + "/" + id, world.residentA, null));
        assertEquals("Water shut-off", opened.path("title").asText());
        expect(204, send("POST", BASE + "/" + id + "/read", world.residentA, null));
        assertTrue(expect(200, send("GET", BASE + "/feed", world.residentA, null))
                .get(0)
                .path("read")
                .asBoolean());

        // The resident of B: an empty feed, and the announcement does not exist for them.
        assertEquals(
                0,
                expect(200, send("GET", BASE + "/feed", world.residentB, null)).size());
        expectProblem(
                send("GET", BASE + "/" + id, world.residentB, null), 404, "communications.announcements.not-found");
        expectProblem(send("POST", BASE + "/" + id + "/read", world.residentB, null), 404, null);
        expectProblem(send("GET", BASE + "/" + id + "/receipts", world.residentB, null), 404, null);

        // Read by 1 of 1.
        JsonNode receipts = expect(200, send("GET", BASE + "/" + id + "/receipts", world.managerA, null));
        assertEquals(1, receipts.path("readCount").asLong());
        assertEquals(1, receipts.path("audienceCount").asLong());
        assertEquals(1, receipts.path("readers").size());
        JsonNode list = expect(200, send("GET", BASE + "?state=PUBLISHED", office, null));
        assertEquals(1, list.path("total").asLong());
        assertEquals(1, list.path("items").get(0).path("readCount").asLong());

        // The manager of A cannot address B, nor the whole organisation: 403, nothing written.
        long before = count();
        expectProblem(
                send(
                        "POST",
                        BASE,
                        world.managerA,
                        announcement(org, "For B", "<p>x</p>", "[{\"kind\":\"BUILDING\",\"id\":" + b + "}]", false)),
                403,
                null);
        expectProblem(
                send(
                        "POST",
                        BASE,
                        world.managerA,
                        announcement(
                                org, "For all", "<p>x</p>", "[{\"kind\":\"ORGANISATION\",\"id\":" + org + "}]", false)),
                403,
                null);
        expectProblem(
                send(
                        "POST",
                        BASE,
                        world.residentA,
                        announcement(
                                org,
                                "Mine",
                                "<p>x</p>",
                                "[{\"kind\":\"UNIT\",\"id\":" + world.unitA.id() + "}]",
                                false)),
                403,
                null);
        // ... and cannot withdraw what the office sent to the whole organisation.
        JsonNode forAll = expect(
                201,
                send(
                        "POST",
                        BASE,
                        office,
                        announcement(
                                org,
                                "Assembly",
                                "<p>Assembly</p>",
                                "[{\"kind\":\"ORGANISATION\",\"id\":" + org + "}]",
                                false)));
        expectProblem(
                send(
                        "POST",
                        BASE + "/" + forAll.path("id").asLong() + "/withdraw",
                        world.managerA,
                        "{\"version\":" + forAll.path("version").asLong() + "}"),
                403,
                null);
        assertEquals(before + 1, count());
    }

    @Test
    public void refusedInputIsAProblemAndWritesNothing() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        long org = world.organisation.id();
        String target = "[{\"kind\":\"BUILDING\",\"id\":" + world.buildingA.id() + "}]";
        installCommunications(world.residentA);
        String office = organisationManager(org);
        long before = count();

        expectProblem(
                send("POST", BASE, office, announcement(org, "No one", "<p>x</p>", "[]", false)),
                422,
                "communications.announcements.targets.required");
        expectProblem(
                send("POST", BASE, office, announcement(org, "Script", "<script>alert(1)</script>", target, false)),
                422,
                "communications.announcements.body.empty");
        expectProblem(
                send("POST", BASE, office, announcement(org, "", "<p>x</p>", target, false)),
                422,
                "communications.announcements.title.invalid");
        expectProblem(
                send(
                        "POST",
                        BASE,
                        office,
                        announcement(org, "Long", "<p>" + "x".repeat(20_001) + "</p>", target, false)),
                422,
                "communications.announcements.body.too-long");
        expectProblem(
                send(
                        "POST",
                        BASE,
                        office,
                        announcement(org, "Nowhere", "<p>x</p>", "[{\"kind\":\"UNIT\",\"id\":987654321}]", false)),
                422,
                "communications.announcements.target.unknown");
        expectProblem(
                send(
                        "POST",
                        BASE,
                        office,
                        "{\"organisationId\":" + org + ",\"title\":\"Expiry\",\"body\":\"<p>x</p>\",\"targets\":"
                                + target
                                + ",\"publishAt\":\"2030-01-02T10:00:00Z\",\"expiresAt\":\"2030-01-01T10:00:00Z\"}"),
                422,
                "communications.announcements.expiry.invalid");
        expectProblem(send("POST", BASE, office, "{\"title\": "), 400, null);
        expectProblem(send("GET", BASE + "?state=SOMETIME", office, null), 422, null);
        assertEquals(before, count());

        // A stale version is a conflict; the right one publishes.
        JsonNode draft =
                expect(201, send("POST", BASE, office, announcement(org, "Lift", "<p>Lift</p>", target, false)));
        long id = draft.path("id").asLong();
        long version = draft.path("version").asLong();
        JsonNode changed = expect(
                200,
                send(
                        "PUT",
                        BASE + "/" + id,
                        office,
                        "{\"organisationId\":" + org + ",\"title\":\"Lift service\",\"body\":\"<p>Lift</p>\","
                                + "\"targets\":" + target + ",\"version\":" + version + "}"));
        expectProblem(
                send("POST", BASE + "/" + id + "/publish", office, "{\"version\":" + version + "}"),
                409,
                "communications.announcements.changed");
        expect(
                200,
                send(
                        "POST",
                        BASE + "/" + id + "/publish",
                        office,
                        "{\"version\":" + changed.path("version").asLong() + "}"));

        // The OpenAPI document lists the resource.
        HttpResponse<String> openapi = get("/api/openapi.json", office);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/communications/announcements/feed"));
        assertTrue(openapi.body().contains("/communications/announcements/{id}/receipts"));
    }
}
