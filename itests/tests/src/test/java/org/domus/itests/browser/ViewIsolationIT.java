package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.domus.itests.browser.RunningDomus.RESIDENT;
import static org.domus.itests.browser.RunningDomus.RESIDENT_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The isolation matrix over every routed view of the running system, in the browser: the routes come
 * from {@code /api/admin/views}, so a view added by any module is covered without touching this test.
 * Resident A opens every view with resident B's objects and must get "page not found" with none of B's
 * data; a building-scoped technician opens them with objects outside the building and must get "access
 * denied". Views a role may not open are refused to it; a view whose URL parameter is of a kind this
 * test cannot fill fails the test.
 */
public class ViewIsolationIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final ShellMessages EN = new ShellMessages(Locale.ENGLISH);
    private static final String TECHNICIAN = "technician.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The ledger's views (module UI feature domus-ledger-ui), installed through the modules list. */
    private static final List<String> LEDGER_ROUTES = List.of(
            "ledger/my-payments",
            "ledger/units",
            "ledger/unit",
            "ledger/billing",
            "ledger/charges",
            "ledger/arrears",
            "ledger/transparency",
            "ledger/payment-import");

    /** The tickets' views (module UI feature domus-tickets-ui), installed through the modules list. */
    private static final List<String> TICKETS_ROUTES =
            List.of("tickets/my", "tickets/report", "tickets/ticket", "tickets/work", "report");

    /** The announcements' views (module UI feature domus-communications-ui), installed through the modules list. */
    private static final List<String> ANNOUNCEMENT_ROUTES = List.of(
            "communications/news",
            "communications/news-item",
            "communications/announcements",
            "communications/announcement");

    /** The title of the announcement for B's building only: no page may show it to A or the technician. */
    private static final String FOREIGN_ANNOUNCEMENT = "Isolation walk: the lift of a neighbour's building stops";

    /** The description of B's ticket: no page may show it to A or the technician. */
    private static final String FOREIGN_TICKET = "Isolation walk: the bathroom fan of a neighbour is loud";

    /** The subject of B's conversation with the office: no page may show it to A or the technician. */
    private static final String FOREIGN_THREAD = "Isolation walk: a neighbour asks about the advance";

    /** What a refused view shows instead of itself. */
    private enum Page {
        NOT_FOUND,
        ACCESS_DENIED,
        VIEW
    }

    /** One user's side: which objects are "the other side's" and which texts must never appear. */
    private record Side(String login, Map<String, Long> foreign, Set<String> foreignTexts, Page refusal) {}

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void everyRoutedViewRefusesOtherPeoplesObjectsAndShowsNoneOfTheirData() throws Exception {
        browser.open(1280, 900);
        String technicianPassword = DOMUS.demoPassword(TECHNICIAN);

        // What A holds and where the technician works, each seen by themselves.
        String residentSession = signIn(RESIDENT, RESIDENT_PASSWORD);
        Set<Long> aUnits = new HashSet<>();
        Set<Long> aBuildings = new HashSet<>();
        Set<String> aNames = new HashSet<>();
        for (JsonNode holding : DOMUS.getJson("/api/me/units", residentSession)) {
            aUnits.add(holding.path("unit").path("id").asLong());
            aBuildings.add(holding.path("building").path("id").asLong());
            holding.path("holders").forEach(h -> aNames.add(h.path("name").asText()));
        }
        assertFalse("the demo resident holds units", aUnits.isEmpty());
        signOut();
        String technicianSession = signIn(TECHNICIAN, technicianPassword);
        Set<Long> techBuildings = new HashSet<>();
        for (JsonNode unit : DOMUS.getJson("/api/registry/units?limit=200", technicianSession)
                .path("items")) {
            techBuildings.add(unit.path("buildingId").asLong());
        }
        assertEquals("the technician works in one building", 1, techBuildings.size());
        signOut();

        // B: a held unit in a building neither A nor the technician has anything to do with.
        String admin = signIn(ADMIN, ADMIN_PASSWORD);
        JsonNode foreignUnit = null;
        JsonNode foreignPerson = null;
        for (JsonNode unit :
                DOMUS.getJson("/api/registry/units?limit=200", admin).path("items")) {
            long building = unit.path("buildingId").asLong();
            if (aUnits.contains(unit.path("id").asLong())
                    || aBuildings.contains(building)
                    || techBuildings.contains(building)) {
                continue;
            }
            for (JsonNode tenure :
                    DOMUS.getJson("/api/registry/units/" + unit.path("id").asLong() + "/tenures", admin)) {
                if (!tenure.path("validTo").isNull()
                        && LocalDate.parse(tenure.path("validTo").asText()).isBefore(LocalDate.now())) {
                    continue;
                }
                JsonNode person = DOMUS.getJson(
                        "/api/registry/persons/" + tenure.path("personId").asLong(), admin);
                if (!aNames.contains(displayName(person)) && !holdsIn(person, techBuildings, admin)) {
                    foreignUnit = unit;
                    foreignPerson = person;
                    break;
                }
            }
            if (foreignUnit != null) {
                break;
            }
        }
        if (foreignUnit == null) {
            fail("the demo cooperative has no unit of a third party to test with");
        }
        JsonNode building = DOMUS.getJson(
                "/api/registry/buildings/" + foreignUnit.path("buildingId").asLong(), admin);
        Map<String, Long> foreign = new HashMap<>();
        foreign.put("registry.unit", foreignUnit.path("id").asLong());
        foreign.put("registry.person", foreignPerson.path("id").asLong());
        foreign.put("registry.building", building.path("id").asLong());
        // B's request about B's unit, filed by the office on B's behalf.
        long organisation = DOMUS.getJson(
                        "/api/registry/estates/" + building.path("estateId").asLong(), admin)
                .path("organisationId")
                .asLong();
        long category = DOMUS.getJson("/api/tickets/organisations/" + organisation + "/categories", admin)
                .get(0)
                .path("id")
                .asLong();
        HttpResponse<String> ticket = DOMUS.send(
                "POST",
                "/api/tickets",
                admin,
                "{\"area\":\"UNIT\",\"unitId\":" + foreignUnit.path("id").asLong() + ",\"categoryId\":" + category
                        + ",\"description\":\"" + FOREIGN_TICKET + "\"}");
        assertEquals(ticket.body(), 201, ticket.statusCode());
        foreign.put("tickets.ticket", JSON.readTree(ticket.body()).path("id").asLong());
        // B's conversation with the office about B's unit: B gets an account of their own for it.
        foreign.put(
                "communications.thread",
                foreignThread(admin, foreignPerson, foreignUnit.path("id").asLong()));
        // An announcement published for B's building only.
        HttpResponse<String> announcement = DOMUS.send(
                "POST",
                "/api/communications/announcements",
                admin,
                "{\"organisationId\":" + organisation + ",\"title\":\"" + FOREIGN_ANNOUNCEMENT
                        + "\",\"body\":\"<p>" + FOREIGN_ANNOUNCEMENT
                        + "</p>\",\"targets\":[{\"kind\":\"BUILDING\",\"id\":"
                        + building.path("id").asLong() + "}]}");
        assertEquals(announcement.body(), 201, announcement.statusCode());
        JsonNode draft = JSON.readTree(announcement.body());
        HttpResponse<String> published = DOMUS.send(
                "POST",
                "/api/communications/announcements/" + draft.path("id").asLong() + "/publish",
                admin,
                "{\"version\":" + draft.path("version").asLong() + "}");
        assertEquals(published.body(), 200, published.statusCode());
        foreign.put("communications.announcement", draft.path("id").asLong());
        Set<String> texts = Set.of(
                FOREIGN_THREAD,
                displayName(foreignPerson),
                building.path("street").asText() + " " + building.path("number").asText(),
                FOREIGN_TICKET,
                FOREIGN_ANNOUNCEMENT);

        JsonNode residentViews = DOMUS.getJson("/api/admin/views?for=" + RESIDENT, admin);
        JsonNode technicianViews = DOMUS.getJson("/api/admin/views?for=" + TECHNICIAN, admin);
        // The walk covers the modules the test distribution installs: the ledger's views must be among them.
        Set<String> routes = new HashSet<>();
        residentViews.forEach(v -> routes.add(v.path("route").asText()));
        for (String ledger : LEDGER_ROUTES) {
            assertTrue("the ledger view " + ledger + " is walked: " + routes, routes.contains(ledger));
        }
        for (String tickets : TICKETS_ROUTES) {
            assertTrue("the tickets view " + tickets + " is served: " + routes, routes.contains(tickets));
        }
        for (String announcements : ANNOUNCEMENT_ROUTES) {
            assertTrue(
                    "the announcements view " + announcements + " is served: " + routes,
                    routes.contains(announcements));
        }
        JsonNode techBuilding = DOMUS.getJson(
                "/api/registry/buildings/" + techBuildings.iterator().next(), admin);
        long technicianId = DOMUS.getJson("/api/admin/accounts?q=" + TECHNICIAN, admin)
                .get(0)
                .path("id")
                .asLong();
        // Leave the administrator's server session open for the REST calls at the end.
        browser.driver().manage().deleteAllCookies();

        // The technician may only be shown B's estate as foreign when the technician's building is elsewhere.
        long estate = building.path("estateId").asLong();
        Map<String, Long> technicianForeign = new HashMap<>(foreign);
        if (techBuilding.path("estateId").asLong() != estate) {
            technicianForeign.put("registry.estate", estate);
        }
        Map<String, Long> residentForeign = new HashMap<>(foreign);
        residentForeign.put("registry.estate", estate);

        List<String> failures = new ArrayList<>();
        int opened = matrix(
                new Side(RESIDENT, residentForeign, texts, Page.NOT_FOUND), RESIDENT_PASSWORD, residentViews, failures);
        opened += matrix(
                new Side(TECHNICIAN, technicianForeign, texts, Page.ACCESS_DENIED),
                technicianPassword,
                technicianViews,
                failures);
        assertTrue("views opened: " + opened, opened >= 2 * 10);
        assertEquals("failures: " + String.join("\n", failures), 0, failures.size());

        // A grant taken away stops working at the holder's next click, without a new sign-in.
        signIn(TECHNICIAN, technicianPassword);
        browser.get("/");
        browser.awaitVisible(By.cssSelector("#main-menu a[href='registry/units']"));
        String grants = "/api/admin/accounts/" + technicianId + "/grants";
        JsonNode grant = DOMUS.getJson(grants, admin).get(0);
        String query = "?role=" + grant.path("role").asText() + "&scopeType="
                + grant.path("scopeType").asText() + "&scopeId="
                + grant.path("scopeId").asLong();
        assertEquals(204, DOMUS.send("DELETE", grants + query, admin, null).statusCode());
        try {
            // the menu entry is still on the page; following it is the next request
            browser.driver()
                    .findElement(By.cssSelector("#main-menu a[href='registry/units']"))
                    .click();
            browser.awaitVaadin();
            assertEquals("revoked grant, next click", Page.NOT_FOUND, shown());
            assertTrue(browser.driver()
                    .findElements(By.cssSelector("#main-menu a[href='registry/units']"))
                    .isEmpty());
        } finally {
            assertEquals(
                    200,
                    DOMUS.send(
                                    "POST",
                                    grants,
                                    admin,
                                    "{\"role\":\"" + grant.path("role").asText() + "\",\"scopeType\":\""
                                            + grant.path("scopeType").asText() + "\",\"scopeId\":"
                                            + grant.path("scopeId").asLong() + "}")
                            .statusCode());
        }
        browser.get("/registry/units");
        browser.awaitVaadin();
        assertEquals("granted again", Page.VIEW, shown());
    }

    /** Opens every listed view as the side's user; returns how many were opened. */
    private int matrix(Side side, String password, JsonNode views, List<String> failures) throws Exception {
        signIn(side.login(), password);
        int opened = 0;
        for (JsonNode view : views) {
            String route = view.path("route").asText();
            if (route.equals("login")) {
                continue; // public: the sign-in page of a signed-in user shows no data of anyone
            }
            if (view.path("publicView").asBoolean()) {
                // An anonymous zone (a building's public form): it shows only what its code gives away, to
                // anyone; its own browser test proves that an unknown code shows nothing.
                continue;
            }
            boolean allowed = view.path("allowed").asBoolean();
            String path = "/" + route;
            if (view.path("hasParameter").asBoolean()) {
                String kind = view.path("parameterKind").isNull()
                        ? null
                        : view.path("parameterKind").asText();
                Long id = kind == null ? null : side.foreign().get(kind);
                if (id == null) {
                    failures.add(route + ": parameter kind " + kind + " cannot be filled by this test (declare "
                            + "ViewContribution.parameterKind() and teach the test the kind)");
                    continue;
                }
                path += "/" + id;
                allowed = false; // never another person's object
            }
            browser.get(path);
            browser.awaitVaadin();
            Page shown = shown();
            opened++;
            String where = side.login() + " " + path;
            if (allowed && shown != Page.VIEW) {
                failures.add(where + ": refused (" + shown + ") although allowed");
            } else if (!allowed && shown != side.refusal() && !ticketNotFound(side, view, shown)) {
                failures.add(where + ": shows " + shown + ", want " + side.refusal());
            }
            String text = browser.driver().findElement(By.tagName("body")).getText();
            for (String foreign : side.foreignTexts()) {
                if (text.contains(foreign)) {
                    failures.add(where + ": shows '" + foreign + "'");
                }
            }
        }
        signOut();
        return opened;
    }

    /**
     * Issues an account for B's person (linked by the administrator), signs B in over REST and opens a thread
     * about B's unit; answers its id.
     */
    private static long foreignThread(String admin, JsonNode person, long unitId) throws Exception {
        HttpResponse<String> issued =
                DOMUS.send("POST", "/api/admin/accounts", admin, "{\"displayName\":\"Isolation B\",\"locale\":\"en\"}");
        assertEquals(issued.body(), 201, issued.statusCode());
        JsonNode account = JSON.readTree(issued.body());
        com.fasterxml.jackson.databind.node.ObjectNode linked = person.deepCopy();
        linked.put("accountId", account.path("account").path("id").asLong());
        HttpResponse<String> link = DOMUS.send(
                "PUT", "/api/registry/persons/" + person.path("id").asLong(), admin, JSON.writeValueAsString(linked));
        assertEquals(link.body(), 200, link.statusCode());
        HttpResponse<String> signedIn = HTTP.send(
                HttpRequest.newBuilder(URI.create(DOMUS.url("/api/session")))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "login", account.path("account").path("login").asText(),
                                "password", account.path("initialPassword").asText()))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(signedIn.body(), 200, signedIn.statusCode());
        String session = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(DomusBrowser.SESSION_COOKIE + "="))
                .map(c -> c.substring(DomusBrowser.SESSION_COOKIE.length() + 1).split(";")[0])
                .findFirst()
                .orElseThrow();
        HttpResponse<String> thread = DOMUS.send(
                "POST",
                "/api/communications/threads",
                session,
                JSON.writeValueAsString(Map.of(
                        "unitId", unitId, "topic", "LEDGER", "subject", FOREIGN_THREAD, "text", FOREIGN_THREAD)));
        assertEquals(thread.body(), 201, thread.statusCode());
        return JSON.readTree(thread.body()).path("thread").path("id").asLong();
    }

    /**
     * A ticket not assigned to the technician's company is "not found" to the technician (the tickets module
     * hides such tickets from contractors and technicians entirely) in the views technicians may open.
     */
    private static boolean ticketNotFound(Side side, JsonNode view, Page shown) {
        // Likewise a message thread: technicians hold no communications permission anywhere, so threads are "not
        // found" to them (as to any subject without a staff grant of the permission).
        return side.login().equals(TECHNICIAN)
                && shown == Page.NOT_FOUND
                && Set.of("tickets.ticket", "communications.thread")
                        .contains(view.path("parameterKind").asText());
    }

    /** Which page the browser shows: the shell's "not found", its "access denied", or a view. */
    private Page shown() {
        return browser.await(d -> {
            List<String> headings = d.findElements(By.cssSelector(".domus-page h2")).stream()
                    .map(e -> e.getText())
                    .toList();
            if (headings.contains(EN.get("error.notFound.title"))) {
                return Page.NOT_FOUND;
            }
            if (headings.contains(EN.get("error.forbidden.title"))) {
                return Page.ACCESS_DENIED;
            }
            return d.findElements(By.cssSelector(".domus-page")).isEmpty() ? null : Page.VIEW;
        });
    }

    private String signIn(String login, String password) throws InterruptedException {
        browser.signIn(login, password);
        Cookie session = browser.sessionCookie();
        return session.getValue();
    }

    private void signOut() {
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");
    }

    private static boolean holdsIn(JsonNode person, Set<Long> buildings, String admin)
            throws IOException, InterruptedException {
        for (JsonNode tenure :
                DOMUS.getJson("/api/registry/persons/" + person.path("id").asLong() + "/tenures", admin)) {
            JsonNode unit =
                    DOMUS.getJson("/api/registry/units/" + tenure.path("unitId").asLong(), admin);
            if (buildings.contains(unit.path("buildingId").asLong())) {
                return true;
            }
        }
        return false;
    }

    private static String displayName(JsonNode person) {
        if ("LEGAL".equals(person.path("kind").asText())) {
            return person.path("companyName").asText();
        }
        return (person.path("firstName").asText("") + " "
                        + person.path("lastName").asText(""))
                .strip();
    }
}
