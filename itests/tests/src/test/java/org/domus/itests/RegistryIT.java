package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.domus.core.audience.Audience;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.audience.AudienceTarget.Kind;
import org.domus.core.audience.Recipient;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.UnitFilter;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The registry's REST API in the running distribution: staff CRUD, and the isolation matrix over every
 * registry and "me" route the running system's OpenAPI document lists.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegistryIT extends DomusTestSupport {

    @Inject
    protected RegistryService registry;

    @Inject
    protected Audience audience;

    private RegistryFixture world;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Before
    public void setUp() throws Exception {
        world = new RegistryFixture(registry, accounts, tokens, totp());
        await(
                "registry REST",
                Duration.ofSeconds(60),
                () -> statusOf("/api/registry/units/" + world.unitA.id(), world.admin) == 200);
    }

    @Test
    public void staffCreateReadUpdateAndConflictOnAStaleVersion() throws Exception {
        String unit = "{\"buildingId\":" + world.buildingA.id() + ",\"number\":\"2\",\"kind\":\"FLAT\",\"floor\":1,"
                + "\"area\":44.5,\"rooms\":2,\"equipment\":[\"cellar\"],\"share\":{\"numerator\":1,\"denominator\":20},"
                + "\"legalForm\":\"OWNERSHIP\",\"state\":\"VACANT\",\"variableSymbol\":\"7700123\"}";
        HttpResponse<String> created = send("POST", "/registry/units", world.managerA, unit);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode u = parse(created);
        long id = u.path("id").asLong();
        assertEquals("7700123", u.path("variableSymbol").asText());

        String changed = unit.replace("\"VACANT\"", "\"OCCUPIED\"")
                .replace("{\"buildingId\"", "{\"version\":" + u.path("version").asLong() + ",\"buildingId\"");
        HttpResponse<String> updated = send("PUT", "/registry/units/" + id, world.managerA, changed);
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals("OCCUPIED", parse(updated).path("state").asText());
        assertProblem(send("PUT", "/registry/units/" + id, world.managerA, changed), 409);

        JsonNode history = parse(send("GET", "/registry/units/" + id + "/history", world.managerA, null));
        assertEquals("state", history.path("items").get(0).path("field").asText());

        JsonNode page = parse(send("GET", "/registry/units?street=kv&limit=10", world.managerA, null));
        assertEquals(2, page.path("total").asInt());
        // sorted by area, largest first, and back
        JsonNode byArea = parse(send("GET", "/registry/units?street=kv&sort=-area", world.managerA, null));
        assertTrue(
                byArea.toString(),
                byArea.path("items")
                                .get(0)
                                .path("area")
                                .decimalValue()
                                .compareTo(
                                        byArea.path("items").get(1).path("area").decimalValue())
                        >= 0);
        JsonNode ascending = parse(send("GET", "/registry/units?street=kv&sort=area", world.managerA, null));
        assertEquals(
                byArea.path("items").get(0).path("id").asLong(),
                ascending.path("items").get(1).path("id").asLong());
    }

    @Test
    public void theStaircaseTravelsThroughRestAndTheAudienceServiceReachesItsResidents() throws Exception {
        String unit = "{\"buildingId\":" + world.buildingA.id() + ",\"number\":\"S1\",\"kind\":\"FLAT\","
                + "\"staircase\":\" B \",\"area\":30,\"share\":{\"numerator\":1,\"denominator\":50},"
                + "\"legalForm\":\"OWNERSHIP\",\"state\":\"VACANT\"}";
        HttpResponse<String> created = send("POST", "/registry/units", world.managerA, unit);
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("B", parse(created).path("staircase").asText());
        HttpResponse<String> refused =
                send("POST", "/registry/units", world.managerA, unit.replace("\" B \"", "\"B/2\""));
        assertProblem(refused, 422);
        JsonNode error = parse(refused).path("errors").get(0);
        assertEquals("staircase", error.path("field").asText());
        assertFalse(error.path("message").asText().startsWith("registry."));
        assertEquals(List.of("B"), audience.staircases(world.buildingA.id()));

        // the platform's Audience service answers in the container: building A's current holder only
        LocalDate today = LocalDate.now();
        List<Recipient> residents =
                audience.residents(List.of(AudienceTarget.of(Kind.BUILDING, world.buildingA.id())), today, Set.of());
        assertEquals(1, residents.size());
        assertEquals((long) world.personA.accountId(), residents.get(0).accountId());
        assertEquals(Set.of(world.unitA.id()), residents.get(0).unitIds());
        assertFalse(audience.reaches(
                world.personB.accountId(), List.of(AudienceTarget.of(Kind.BUILDING, world.buildingA.id())), today));
    }

    @Test
    public void invalidInputIsA422WithFieldErrorsAndWritesNothing() throws Exception {
        long before = registry.countUnits(RegistryFixture.SYSTEM, null);
        String bad = "{\"buildingId\":" + world.buildingA.id() + ",\"number\":\"\",\"kind\":\"FLAT\",\"area\":-1,"
                + "\"share\":{\"numerator\":2,\"denominator\":1},\"legalForm\":\"LEASE\",\"state\":\"VACANT\","
                + "\"variableSymbol\":\"8551011238\",\"virtualAccount\":\"123\"}";
        HttpResponse<String> response = send("POST", "/registry/units", world.admin, bad);
        assertProblem(response, 422);
        List<String> fields = new ArrayList<>();
        for (JsonNode e : parse(response).path("errors")) {
            fields.add(e.path("field").asText());
            assertFalse(e.path("message").asText().startsWith("registry."));
        }
        assertTrue(
                fields.toString(),
                fields.containsAll(List.of("number", "area", "share", "variableSymbol", "virtualAccount")));
        assertEquals(before, registry.countUnits(RegistryFixture.SYSTEM, null));
        assertProblem(send("GET", "/registry/units?limit=201", world.admin, null), 422);
        assertProblem(send("GET", "/registry/units?sort=price", world.admin, null), 422);
    }

    @Test
    public void residentSeesOwnHomeAndEditsOwnContactData() throws Exception {
        JsonNode mine = parse(send("GET", "/me/units", world.residentA, null));
        assertEquals(1, mine.size());
        assertEquals(world.unitA.id(), mine.get(0).path("unit").path("id").asLong());
        assertEquals(
                "Jana Nováková", mine.get(0).path("holders").get(0).path("name").asText());
        HttpResponse<String> put = send(
                "PUT",
                "/me/person",
                world.residentA,
                "{\"email\":\"jana@example.org\",\"phone\":\"+420 601 000 111\"}");
        assertEquals(put.body(), 200, put.statusCode());
        assertEquals(
                "jana@example.org",
                parse(send("GET", "/me/person", world.residentA, null))
                        .path("email")
                        .asText());
        assertProblem(send("PUT", "/me/person", world.residentA, "{\"email\":\"nope\"}"), 422);
    }

    /**
     * The import's routes take a kind, not an id: a resident gets 403 (a staff page), and the building-A
     * manager's CSV row for building B is refused without writing anything.
     */
    private int checkImportRoute(String template, JsonNode operations, List<String> leaks)
            throws IOException, InterruptedException {
        String path = template.replace("{kind}", "units");
        String csv = "building_street;building_number;building_city;unit;kind;area;share;legal_form\r\n"
                + "Lipová;3;Praha;99;FLAT;40;1/100;OWNERSHIP\r\n";
        long unitsOfB = registry.countUnits(
                RegistryFixture.SYSTEM, new UnitFilter(null, world.buildingB.id(), null, null, null));
        int checked = 0;
        for (Iterator<String> methods = operations.fieldNames(); methods.hasNext(); ) {
            String method = methods.next().toUpperCase(java.util.Locale.ROOT);
            String target = method.equals("POST") ? path + "?mode=apply" : path;
            String body = method.equals("POST") ? csv : null;
            int resident = sendCsv(method, target, world.residentA, body).statusCode();
            checked++;
            if (resident != 403) {
                leaks.add("resident " + method + " " + target + " -> " + resident + " (want 403)");
            }
            int manager = sendCsv(method, target, world.managerA, body).statusCode();
            checked++;
            if (method.equals("POST") && manager / 100 == 2) {
                leaks.add("manager " + method + " " + target + " -> " + manager + " (want a refusal)");
            }
        }
        if (registry.countUnits(RegistryFixture.SYSTEM, new UnitFilter(null, world.buildingB.id(), null, null, null))
                != unitsOfB) {
            leaks.add("the building-A manager imported a unit into building B");
        }
        return checked;
    }

    private HttpResponse<String> sendCsv(String method, String path, String bearer, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", body == null ? "text/csv" : "application/json")
                .header("Authorization", "Bearer " + bearer);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "text/csv; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Every registry and "me" route of the OpenAPI document, called with the other side's ids: resident A
     * must get 404 for anything of B's (403 on staff lists), the building-A manager 403 outside building A.
     */
    @Test
    public void isolationMatrixOverEveryRouteHasNoLeaks() throws Exception {
        JsonNode openApi = parse(get("/api/openapi.json", null));
        Map<String, Long> bSide = Map.of(
                "units", world.unitB.id(),
                "buildings", world.buildingB.id(),
                "persons", world.personB.id(),
                "tenures", world.tenureB.id(),
                "estates", world.estate.id(),
                "organisations", world.organisation.id());
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            boolean registryRoute = template.startsWith("/registry/");
            boolean meRoute = template.startsWith("/me/units") || template.startsWith("/me/person");
            if (!registryRoute && !meRoute) {
                continue;
            }
            if (template.startsWith("/registry/import/")) {
                checked += checkImportRoute(template, entry.getValue(), leaks);
                continue;
            }
            String[] segments = template.split("/");
            String collection = segments[2];
            Long foreign = registryRoute ? bSide.get(collection) : Long.valueOf(world.unitB.id());
            boolean hasId = template.contains("{");
            String path = hasId ? template.replaceAll("\\{[^}]+}", String.valueOf(foreign)) : template;
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String body = method.equals("GET") ? null : "{}";
                // resident A against B's objects and the staff pages
                int resident = send(method, path, world.residentA, body).statusCode();
                checked++;
                if (registryRoute) {
                    int expected = hasId ? 404 : (method.equals("GET") ? 403 : 404);
                    if (hasId ? resident != 404 : resident / 100 == 2) {
                        leaks.add("resident " + method + " " + path + " -> " + resident + " (want " + expected + ")");
                    }
                } else if (hasId && resident != 404) {
                    leaks.add("resident " + method + " " + path + " -> " + resident + " (want 404)");
                } else if (!hasId && method.equals("GET")) {
                    String answer = send(method, path, world.residentA, null).body();
                    if (answer.contains("\"id\":" + world.unitB.id() + ",") || answer.contains("Dvořák")) {
                        leaks.add("resident " + method + " " + path + " shows B's data");
                    }
                }
                // the building-A manager against building B
                HttpResponse<String> manager = send(method, path, world.managerA, body);
                checked++;
                if (registryRoute && hasId && manager.statusCode() != 403) {
                    leaks.add("manager " + method + " " + path + " -> " + manager.statusCode() + " (want 403)");
                }
                if (registryRoute && !hasId && method.equals("GET") && manager.statusCode() == 200) {
                    JsonNode answer = parse(manager);
                    for (JsonNode item : answer.path("items").isMissingNode() ? answer : answer.path("items")) {
                        long id = item.path("id").asLong();
                        if (collection.equals("units") && id == world.unitB.id()
                                || collection.equals("buildings") && id == world.buildingB.id()
                                || collection.equals("persons") && id == world.personB.id()) {
                            leaks.add("manager list " + path + " shows " + id);
                        }
                    }
                }
                if (meRoute && hasId && manager.statusCode() != 404) {
                    leaks.add("manager " + method + " " + path + " -> " + manager.statusCode() + " (want 404)");
                }
            }
        }
        assertTrue("routes checked: " + checked, checked >= 40);
        assertEquals("leaks: " + leaks, 0, leaks.size());
        // and the positive side: each sees their own
        assertEquals(
                200,
                send("GET", "/registry/units/" + world.unitA.id(), world.managerA, null)
                        .statusCode());
        assertEquals(
                200,
                send("GET", "/me/units/" + world.unitA.id(), world.residentA, null)
                        .statusCode());
        assertEquals(
                200,
                send("GET", "/me/units/" + world.unitB.id(), world.residentB, null)
                        .statusCode());
    }
}
