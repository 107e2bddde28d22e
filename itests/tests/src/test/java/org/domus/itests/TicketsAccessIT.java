package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.domus.core.Role;
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

/**
 * Isolation of the tickets REST API in the running distribution. Every method of every {@code /api/tickets}
 * route of the OpenAPI document is called with objects of another resident, another building, another
 * contractor company and another organisation: a resident gets 404, the manager of another building 403, a
 * contractor of another company 404, and no TICKETS_ row changes. Then what each one lists: a resident sees
 * building-wide tickets of their own building without the requester (and not when the setting is off), a
 * contractor only its company's tickets.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TicketsAccessIT extends TicketsTestSupport {

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    /** Everything the tests need, built over REST where the module offers it. */
    private final class World {
        final RegistryFixture registryWorld = new RegistryFixture(registry, accounts, tokens, totp());
        final long organisation = registryWorld.organisation.id();
        final Login office;
        final Login contractorX;
        final Login contractorY;
        final Login neighbour;
        final long water;
        final long companyX;
        final long companyY;
        final long workerX;
        final long workerY;
        /** Resident B's unit ticket, assigned to company X, done with a protocol. */
        final JsonNode ticketB;
        /** Resident B's photo on it. */
        final long photoB;
        /** A neighbour of A's (same building): building-wide, common-area and unit tickets; the first to Y. */
        final JsonNode neighbourBuilding;

        final JsonNode neighbourCommon;
        final JsonNode neighbourUnit;
        /** Resident B's building-wide ticket in building B. */
        final JsonNode buildingB;
        /** Another organisation: its category and deadline rule. */
        final long otherOrganisation;

        final long otherCategory;
        final long otherRule;

        World() throws Exception {
            RegistryFixture w = registryWorld;
            installTickets(w.residentA);
            office = login("office", Role.MANAGER);
            contractorX = login("cx", Role.CONTRACTOR);
            contractorY = login("cy", Role.CONTRACTOR);
            water = category(office.token(), organisation, "WATER");

            // a neighbour of resident A in building A, with contact details that must not reach A
            Unit unitA2 = registry.createUnit(RegistryFixture.SYSTEM, RegistryFixture.unit(w.buildingA.id(), "2"));
            neighbour = login("sousedsky", Set.of());
            Person person = registry.createPerson(
                    RegistryFixture.SYSTEM,
                    new Person(
                            0,
                            organisation,
                            PersonKind.NATURAL,
                            "Petr",
                            "Sousedský",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            neighbour.accountId(),
                            0));
            registry.createTenure(
                    RegistryFixture.SYSTEM,
                    new Tenure(
                            0,
                            unitA2.id(),
                            person.id(),
                            TenureRole.OWNER,
                            Share.ONE,
                            LocalDate.of(2020, 1, 1),
                            null,
                            0));

            // two contractor companies, each with a worker linked to its contractor account
            companyX = expect(
                            201,
                            call(
                                    "POST",
                                    "/tickets/organisations/" + organisation + "/companies",
                                    office.token(),
                                    Map.of("name", "Instalatéři X", "groups", List.of("plumbing"))))
                    .path("id")
                    .asLong();
            companyY = expect(
                            201,
                            call(
                                    "POST",
                                    "/tickets/organisations/" + organisation + "/companies",
                                    office.token(),
                                    Map.of("name", "Údržba Y", "groups", List.of("plumbing", "general"))))
                    .path("id")
                    .asLong();
            workerX = worker(companyX, "Karel X", contractorX);
            workerY = worker(companyY, "Yvona Y", contractorY);

            // B's unit ticket: a photo, accepted, assigned to X, worked and completed with a protocol
            ticketB = submit(w.residentB, unitTicket(w.unitB.id(), water, "Kape kohoutek v koupelně"));
            long b = ticketB.path("id").asLong();
            photoB = expect(
                            201,
                            upload(
                                    "/tickets/" + b + "/attachments",
                                    w.residentB,
                                    "kohoutek.jpg",
                                    jpeg(320, 240),
                                    "image/jpeg"))
                    .path("id")
                    .asLong();
            move(office.token(), b, Map.of("to", "ACCEPTED"));
            move(office.token(), b, Map.of("to", "ASSIGNED", "companyId", companyX, "workerId", workerX));
            expect(200, call("POST", "/tickets/" + b + "/assignment", contractorX.token(), null));
            move(contractorX.token(), b, Map.of("to", "IN_PROGRESS"));
            expect(
                    201,
                    call(
                            "POST",
                            "/tickets/" + b + "/work",
                            contractorX.token(),
                            Map.of("minutes", 45, "note", "Těsnění vyměněno")));
            expect(
                    201,
                    call(
                            "POST",
                            "/tickets/" + b + "/complete",
                            contractorX.token(),
                            Map.of(
                                    "workDone",
                                    "Vyměněno těsnění",
                                    "signerName",
                                    "Jana Dvořák",
                                    "signature",
                                    signature())));

            neighbourBuilding = submit(
                    neighbour.token(),
                    withContact(buildingTicket("BUILDING", w.buildingA.id(), water, "Teče voda ze stoupačky")));
            neighbourCommon = submit(
                    neighbour.token(),
                    withContact(buildingTicket("COMMON_AREA", w.buildingA.id(), water, "Kape voda ve sklepě")));
            neighbourUnit =
                    submit(neighbour.token(), withContact(unitTicket(unitA2.id(), water, "Ucpaný odpad v kuchyni")));
            buildingB = submit(w.residentB, buildingTicket("BUILDING", w.buildingB.id(), water, "Vlhko ve sklepě B"));
            long nb = neighbourBuilding.path("id").asLong();
            move(office.token(), nb, Map.of("to", "ACCEPTED"));
            move(office.token(), nb, Map.of("to", "ASSIGNED", "companyId", companyY));

            // another organisation with its own category and deadline rule
            Organisation other = registry.createOrganisation(
                    RegistryFixture.SYSTEM, new Organisation(0, "Jiné SBD " + nb, null, "CZ", "CZK", 0));
            Estate estate = registry.createEstate(RegistryFixture.SYSTEM, new Estate(0, other.id(), "Jiné", 0));
            registry.createBuilding(
                    RegistryFixture.SYSTEM,
                    new Building(0, estate.id(), "Jiná", "9", "Brno", "60200", "CZ", null, null, 0));
            otherOrganisation = other.id();
            otherCategory = category(office.token(), otherOrganisation, "LIFT");
            expect(
                    200,
                    call(
                            "GET",
                            "/tickets/organisations/" + otherOrganisation + "/deadline-rules",
                            office.token(),
                            null));
            otherRule = expect(
                            201,
                            call(
                                    "POST",
                                    "/tickets/organisations/" + otherOrganisation + "/deadline-rules",
                                    office.token(),
                                    Map.of(
                                            "categoryId",
                                            otherCategory,
                                            "priority",
                                            "HIGH",
                                            "response",
                                            Map.of("amount", 4, "unit", "HOURS"),
                                            "resolution",
                                            Map.of("amount", 2, "unit", "WORKING_DAYS"))))
                    .path("id")
                    .asLong();
            // building B's public code exists before anyone asks for it (asking creates it)
            expect(200, call("GET", "/tickets/buildings/" + w.buildingB.id() + "/public-code", office.token(), null));
        }

        private long worker(long company, String name, Login account) throws IOException, InterruptedException {
            Map<String, Object> input = new HashMap<>();
            input.put("name", name);
            input.put("accountId", account.accountId());
            input.put("sharesPosition", true);
            input.put("groups", List.of("plumbing"));
            return expect(201, call("POST", "/tickets/companies/" + company + "/workers", office.token(), input))
                    .path("id")
                    .asLong();
        }

        private Map<String, Object> withContact(Map<String, Object> ticket) {
            ticket.put("contactName", "Petr Sousedský");
            ticket.put("contactEmail", "petr.sousedsky@example.org");
            ticket.put("contactPhone", "+420 777 123 456");
            ticket.put("contactPreference", "PHONE");
            return ticket;
        }
    }

    /**
     * Every {@code /api/tickets} route of the running OpenAPI document, every method, with B's ticket, photo and
     * building, company X and its worker, and another organisation's category and rule: resident A 404, the
     * building-A manager 403, the contractor of company Y 404; nothing written; the office reads every one of
     * those objects (so the refusals are not for want of an object).
     */
    @Test
    public void noTicketsRouteServesOrChangesAnotherResidentsBuildingsOrCompanysObjects() throws Exception {
        World world = new World();
        RegistryFixture w = world.registryWorld;
        long b = world.ticketB.path("id").asLong();
        String referenceB = world.ticketB.path("reference").asText();

        Map<String, Long> foreign = new LinkedHashMap<>();
        foreign.put("ticketId", b);
        foreign.put("attachmentId", world.photoB);
        foreign.put("buildingId", w.buildingB.id());
        foreign.put("companyId", world.companyX);
        foreign.put("workerId", world.workerX);
        foreign.put("organisationId", world.otherOrganisation);
        foreign.put("categoryId", world.otherCategory);
        foreign.put("ruleId", world.otherRule);

        // Request bodies are filled property by property from the OpenAPI schema, by name, with the foreign side
        // wherever a body names an object; a new property name fails here until it is mapped.
        Map<String, Object> values = new HashMap<>();
        values.put("area", "UNIT");
        values.put("unitId", w.unitB.id());
        values.put("buildingId", w.buildingB.id());
        values.put("categoryId", world.water);
        values.put("priority", "NORMAL");
        values.put("title", "Walk");
        values.put("description", "Walk: never stored");
        values.put("contactName", "Walk");
        values.put("contactEmail", "walk@example.org");
        values.put("contactPhone", "+420 777 000 111");
        values.put("contactPreference", "APP");
        values.put("latitude", new BigDecimal("50.03"));
        values.put("longitude", new BigDecimal("14.51"));
        LocalDateTime visit = LocalDate.now().plusDays(7).atTime(10, 0);
        values.put("visitFrom", visit.toString());
        values.put("visitTo", visit.plusHours(2).toString());
        values.put("to", "REOPENED");
        values.put("reason", "walk");
        values.put("companyId", world.companyX);
        values.put("workerId", world.workerX);
        values.put("rating", 5);
        values.put("comment", "walk");
        values.put("version", world.ticketB.path("version").asLong());
        values.put("text", "walk");
        values.put("internal", false);
        values.put("minutes", 30);
        values.put("note", "walk");
        values.put("workDone", "walk");
        values.put("signerName", "Walk");
        values.put("signature", signature());
        values.put("tickets", List.of(b));
        values.put("code", "WALK");
        values.put("name", "Walk");
        values.put("group", "general");
        values.put("active", true);
        values.put("response", Map.of("amount", 1, "unit", "HOURS"));
        values.put("resolution", Map.of("amount", 1, "unit", "WORKING_DAYS"));
        values.put("registrationNumber", "12345678");
        values.put("phone", "+420 777 000 222");
        values.put("email", "walk@example.org");
        values.put("groups", List.of("general"));
        values.put("accountId", world.contractorY.accountId());
        values.put("sharesPosition", true);

        Map<String, String> subjects = new LinkedHashMap<>();
        subjects.put("resident A", w.residentA);
        subjects.put("building-A manager", w.managerA);
        subjects.put("contractor of Y", world.contractorY.token());

        String before = ticketsTables();
        JsonNode openApi = parse(get("/api/openapi.json", null));
        List<String> leaks = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        int routes = 0;
        int writes = 0;
        for (Iterator<String> paths = openApi.path("paths").fieldNames(); paths.hasNext(); ) {
            String template = paths.next();
            if (!template.startsWith("/tickets")) {
                continue;
            }
            if (template.startsWith("/tickets/public/")) {
                continue; // the anonymous form (no login, a code in the path): TicketsPublicFormIT
            }
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
            List<String> parameters = new ArrayList<>();
            while (names.find()) {
                parameters.add(names.group(1));
            }
            for (String name : parameters) {
                assertTrue("map path parameter {" + name + "} of " + template, foreign.containsKey(name));
            }
            String path = template;
            for (Map.Entry<String, Long> id : foreign.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
            }
            boolean me = template.startsWith("/tickets/workers/me");
            for (Iterator<String> methods = openApi.path("paths").path(template).fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                JsonNode operation = openApi.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
                if (method.equals("GET")) {
                    routes++;
                    if (parameters.isEmpty()) {
                        // lists and figures: B's ticket is not among what the others see
                        for (Map.Entry<String, String> subject : subjects.entrySet()) {
                            HttpResponse<String> seen = read(path, subject.getValue());
                            if (seen.statusCode() >= 500) {
                                leaks.add(subject.getKey() + " GET " + path + " -> " + seen.statusCode());
                            } else if (seen.body().contains(referenceB)) {
                                leaks.add(subject.getKey() + " GET " + path + " shows B's ticket " + referenceB);
                            }
                        }
                        continue;
                    }
                    reads.add(path);
                    expectRefused(leaks, "GET", path, null, subjects, me);
                    continue;
                }
                writes++;
                String body = body(openApi, operation, values, template);
                if (me) {
                    // my own worker records: a resident and the manager are no workers; the contractor's own
                    // position is its own to report
                    for (String subject : List.of("resident A", "building-A manager")) {
                        int status = write(method, path, subjects.get(subject), body);
                        if (status != 404) {
                            leaks.add(subject + " " + method + " " + path + " -> " + status + " (want 404)");
                        }
                    }
                    continue;
                }
                expectRefused(leaks, method, path, body, subjects, false);
            }
        }
        assertTrue("tickets GET routes in the OpenAPI document: " + routes, routes >= 15);
        assertTrue("tickets write routes in the OpenAPI document: " + writes, writes >= 18);
        assertEquals("leaks: " + leaks, List.of(), leaks);
        assertEquals("nothing written by refused requests", before, ticketsTables());

        // the office reads every object the walk named: the refusals were not for want of an object
        for (String path : reads) {
            HttpResponse<String> office = read(path, world.office.token());
            assertEquals("office GET " + path + ": " + office.body(), 200, office.statusCode());
        }
        // and the owners keep their own: B reads the ticket, the photo and the protocol
        assertEquals(200, read("/tickets/" + b, w.residentB).statusCode());
        assertEquals(
                200,
                read("/tickets/" + b + "/attachments/" + world.photoB, w.residentB)
                        .statusCode());
        assertEquals(200, read("/tickets/" + b + "/protocol", w.residentB).statusCode());
    }

    /** Each subject is refused as it should be: 404 for residents and contractors, 403 for the other manager. */
    private void expectRefused(
            List<String> leaks, String method, String path, String body, Map<String, String> subjects, boolean me)
            throws IOException, InterruptedException {
        for (Map.Entry<String, String> subject : subjects.entrySet()) {
            int want = subject.getKey().equals("building-A manager") && !me ? 403 : 404;
            HttpResponse<String> answer = method.equals("GET")
                    ? read(path, subject.getValue())
                    : writeResponse(method, path, subject.getValue(), body);
            if (answer.statusCode() != want) {
                leaks.add(subject.getKey() + " " + method + " " + path + " -> " + answer.statusCode() + " (want " + want
                        + ") " + abbreviate(answer.body()));
            } else if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                leaks.add(subject.getKey() + " " + method + " " + path + " -> no problem document");
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** A JSON body for the operation: every property of its request schema, valued by its name. */
    private String body(JsonNode openApi, JsonNode operation, Map<String, Object> values, String template)
            throws IOException {
        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            schema = openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        Map<String, Object> body = new TreeMap<>();
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue("map body property '" + name + "' of " + template, values.containsKey(name));
            body.put(name, values.get(name));
        }
        return json.writeValueAsString(body);
    }

    private HttpResponse<String> read(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, */*;q=0.5")
                .header("Accept-Language", "en")
                .header("Authorization", "Bearer " + bearer)
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new BytesAsText(response);
    }

    private int write(String method, String path, String bearer, String body) throws IOException, InterruptedException {
        return writeResponse(method, path, bearer, body).statusCode();
    }

    /** A write with a body the route accepts the shape of: a photo for uploads, JSON elsewhere. */
    private HttpResponse<String> writeResponse(String method, String path, String bearer, String body)
            throws IOException, InterruptedException {
        if (path.endsWith("/attachments")) {
            return upload(path, bearer, "walk.jpg", jpeg(64, 48), "image/jpeg");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What residents list: their own tickets and, while the setting is on, the building-wide and common-area
     * tickets of their building without the requester's identity, contacts or pin (in the ticket, the lists,
     * the timeline and the files); never a neighbour's unit ticket nor another building's; with
     * {@code residents.seeBuildingTickets=false} none of the neighbours' tickets.
     */
    @Test
    public void residentsSeeTheirBuildingsSharedTicketsWithoutTheRequesterAndOnlyWhileConfigured() throws Exception {
        World world = new World();
        RegistryFixture w = world.registryWorld;
        String a = w.residentA;
        long building = world.neighbourBuilding.path("id").asLong();
        long common = world.neighbourCommon.path("id").asLong();
        long unit = world.neighbourUnit.path("id").asLong();
        long otherBuilding = world.buildingB.path("id").asLong();
        long b = world.ticketB.path("id").asLong();
        // the neighbour's photo on the building-wide ticket
        expect(
                201,
                upload(
                        "/tickets/" + common + "/attachments",
                        world.neighbour.token(),
                        "sklep.png",
                        png(200, 100),
                        "image/png"));
        expect(
                201,
                call(
                        "POST",
                        "/tickets/" + common + "/comments",
                        world.neighbour.token(),
                        Map.of("text", "Už tam stojí louže")));
        JsonNode own = submit(a, unitTicket(w.unitA.id(), world.water, "Nejde zvonek"));

        // the neighbour sees their own tickets in full
        JsonNode full = expect(200, call("GET", "/tickets/" + common, world.neighbour.token(), null));
        assertEquals("Petr Sousedský", full.path("requesterName").asText());
        assertEquals("petr.sousedsky@example.org", full.path("contactEmail").asText());

        for (long shared : List.of(building, common)) {
            HttpResponse<String> ticket = call("GET", "/tickets/" + shared, a, null);
            JsonNode seen = expect(200, ticket);
            assertNull(ticket.body(), text(seen.path("requesterName")));
            assertNull(ticket.body(), text(seen.path("requesterAccountId")));
            assertNull(ticket.body(), text(seen.path("contactEmail")));
            assertNull(ticket.body(), text(seen.path("contactPhone")));
            assertNoNeighbour("GET /tickets/" + shared, ticket.body(), world);
            HttpResponse<String> timeline = call("GET", "/tickets/" + shared + "/timeline", a, null);
            expect(200, timeline);
            assertNoNeighbour("GET /tickets/" + shared + "/timeline", timeline.body(), world);
            HttpResponse<String> files = call("GET", "/tickets/" + shared + "/attachments", a, null);
            expect(200, files);
            assertNoNeighbour("GET /tickets/" + shared + "/attachments", files.body(), world);
        }
        // a neighbour's unit ticket and another building's ticket do not exist for A
        for (long hidden : List.of(unit, otherBuilding, b)) {
            assertProblem(call("GET", "/tickets/" + hidden, a, null), 404);
            assertProblem(call("GET", "/tickets/" + hidden + "/timeline", a, null), 404);
        }
        for (String list : List.of("/tickets/me?limit=500", "/tickets?limit=500")) {
            HttpResponse<String> page = call("GET", list, a, null);
            JsonNode items = expect(200, page).path("items");
            assertEquals(list + ": " + page.body(), Set.of(own.path("id").asLong(), building, common), ids(items));
            assertNoNeighbour("GET " + list, page.body(), world);
        }
        JsonNode figures = expect(200, call("GET", "/tickets/statistics", a, null));
        assertEquals(figures.toString(), 3, figures.path("total").asLong());

        // switched off: the neighbours' building-wide tickets are gone for A (A's own stays)
        ticketsSettings(Map.of("residents.seeBuildingTickets", false));
        await("the building-wide ticket hidden", WAIT, () -> statusOf("/api/tickets/" + building, a) == 404);
        assertProblem(call("GET", "/tickets/" + common, a, null), 404);
        assertProblem(call("GET", "/tickets/" + common + "/attachments", a, null), 404);
        for (String list : List.of("/tickets/me?limit=500", "/tickets?limit=500")) {
            assertEquals(
                    list,
                    Set.of(own.path("id").asLong()),
                    ids(expect(200, call("GET", list, a, null)).path("items")));
        }
        // the requester still sees their own
        expect(200, call("GET", "/tickets/" + common, world.neighbour.token(), null));
        ticketsSettings(Map.of("residents.seeBuildingTickets", true));
        await("the building-wide ticket shown again", WAIT, () -> statusOf("/api/tickets/" + building, a) == 200);
    }

    /**
     * A contractor's queue is its company's tickets only: the list, the statistics and the export; another
     * company's ticket is a 404 even to read, and staff see both.
     */
    @Test
    public void contractorsListOnlyTicketsAssignedToTheirCompany() throws Exception {
        World world = new World();
        long b = world.ticketB.path("id").asLong();
        long nb = world.neighbourBuilding.path("id").asLong();
        String y = world.contractorY.token();
        String x = world.contractorX.token();

        JsonNode queueY = expect(200, call("GET", "/tickets?limit=500", y, null));
        assertEquals(queueY.toString(), Set.of(nb), ids(queueY.path("items")));
        for (JsonNode t : queueY.path("items")) {
            assertEquals(world.companyY, t.path("companyId").asLong());
        }
        assertEquals(1, queueY.path("total").asLong());
        assertEquals(
                1,
                expect(200, call("GET", "/tickets/statistics", y, null))
                        .path("total")
                        .asLong());
        JsonNode queueX = expect(200, call("GET", "/tickets?limit=500", x, null));
        assertEquals(queueX.toString(), Set.of(b), ids(queueX.path("items")));
        // filters cannot widen the queue
        assertEquals(
                Set.of(),
                ids(expect(200, call("GET", "/tickets?companyId=" + world.companyX, y, null))
                        .path("items")));
        assertEquals(
                Set.of(),
                ids(expect(200, call("GET", "/tickets?buildingId=" + world.registryWorld.buildingB.id(), y, null))
                        .path("items")));
        HttpResponse<String> csv = read("/tickets/export?format=csv", y);
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(
                csv.body(),
                csv.body().contains(world.neighbourBuilding.path("reference").asText()));
        assertFalse(
                csv.body(), csv.body().contains(world.ticketB.path("reference").asText()));
        assertFalse(
                csv.body(),
                csv.body().contains(world.neighbourCommon.path("reference").asText()));
        // another company's ticket and the unassigned ones do not exist for Y
        for (long hidden : List.of(
                b,
                world.neighbourCommon.path("id").asLong(),
                world.buildingB.path("id").asLong())) {
            assertProblem(call("GET", "/tickets/" + hidden, y, null), 404);
        }
        expect(200, call("GET", "/tickets/" + nb, y, null));
        // reassigned to X, it leaves Y's queue
        move(world.office.token(), nb, Map.of("to", "ASSIGNED", "companyId", world.companyX));
        assertEquals(
                Set.of(),
                ids(expect(200, call("GET", "/tickets?limit=500", y, null)).path("items")));
        assertProblem(call("GET", "/tickets/" + nb, y, null), 404);
        assertEquals(
                Set.of(b, nb),
                ids(expect(200, call("GET", "/tickets?limit=500", x, null)).path("items")));
        // the office sees all of them
        Set<Long> all = ids(expect(
                        200,
                        call(
                                "GET",
                                "/tickets?limit=500&organisationId=" + world.organisation,
                                world.office.token(),
                                null))
                .path("items"));
        assertTrue(
                all.toString(),
                all.containsAll(Set.of(b, nb, world.neighbourCommon.path("id").asLong())));
    }

    private void assertNoNeighbour(String what, String body, World world) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String trace : List.of("sousedsk", "777 123 456", "777123456", "petr.")) {
            assertFalse(what + " shows the requester ('" + trace + "'): " + body, lower.contains(trace));
        }
        assertFalse(
                what + " shows the requester's account: " + body,
                body.contains("AccountId\":" + world.neighbour.accountId() + ","));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Set<Long> ids(JsonNode items) {
        Set<Long> ids = new java.util.TreeSet<>();
        for (JsonNode t : items) {
            ids.add(t.path("id").asLong());
        }
        return ids;
    }

    /** A byte answer read as UTF-8 text (downloads and JSON alike). */
    private static final class BytesAsText implements HttpResponse<String> {
        private final HttpResponse<byte[]> bytes;

        BytesAsText(HttpResponse<byte[]> bytes) {
            this.bytes = bytes;
        }

        @Override
        public int statusCode() {
            return bytes.statusCode();
        }

        @Override
        public HttpRequest request() {
            return bytes.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return bytes.headers();
        }

        @Override
        public String body() {
            return new String(bytes.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return bytes.sslSession();
        }

        @Override
        public URI uri() {
            return bytes.uri();
        }

        @Override
        public java.net.http.HttpClient.Version version() {
            return bytes.version();
        }
    }
}
