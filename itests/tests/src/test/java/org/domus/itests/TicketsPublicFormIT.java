package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.domus.core.Role;
import org.domus.core.registry.RegistryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The anonymous form behind a building's code, in the running distribution: it works without login, an
 * unknown or replaced code is a 404, the per-address limit holds (the next submission is a 429 problem with
 * {@code Retry-After} and stores nothing), texts and the photo are limited, and staff see and triage what
 * came in. The test clients are told apart by {@code X-Forwarded-For} behind a trusted local proxy.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TicketsPublicFormIT extends TicketsTestSupport {

    private static final int PER_ADDRESS = 3;
    private static final int LIMIT = 1024 * 1024;

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution(
                editConfigurationFilePut("etc/org.domus.rest.cfg", "trustedProxies", "127.0.0.1"),
                editConfigurationFilePut(
                        "etc/" + TICKETS_PID + ".cfg", "public.perAddressPerHour", String.valueOf(PER_ADDRESS)),
                editConfigurationFilePut("etc/" + TICKETS_PID + ".cfg", "uploads.maxBytes", String.valueOf(LIMIT)));
    }

    /** A building with a public code: the world, the office's token and the code. */
    private record Form(RegistryFixture world, String office, String code, long category) {}

    private Form form() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        installTickets(world.residentA);
        String office = login("office", Role.MANAGER).token();
        long category = category(office, world.organisation.id(), "LIFT");
        JsonNode code =
                expect(200, call("GET", "/tickets/buildings/" + world.buildingA.id() + "/public-code", office, null));
        assertEquals(world.buildingA.id(), code.path("buildingId").asLong());
        // asking again gives the same code
        assertEquals(
                code.path("code").asText(),
                expect(200, call("GET", "/tickets/buildings/" + world.buildingA.id() + "/public-code", office, null))
                        .path("code")
                        .asText());
        return new Form(world, office, code.path("code").asText(), category);
    }

    private HttpResponse<String> anonymous(String method, String path, String client, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("X-Forwarded-For", client);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> photo(String code, String token, String name, byte[] content)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/tickets/public/" + code + "/photo?token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> report(long category, String description) {
        Map<String, Object> form = new HashMap<>();
        form.put("categoryId", category);
        form.put("description", description);
        return form;
    }

    /**
     * Without login: the building and its categories, a report with a name, a phone and one photo; the office
     * finds it among the public form's tickets and the building's manager triages it; a neighbour sees it
     * without the reporter's name and phone.
     */
    @Test
    public void anAnonymousReportArrivesWithItsPhotoAndStaffTriageIt() throws Exception {
        Form form = form();
        RegistryFixture world = form.world();
        String client = "203.0.113.10";

        JsonNode building = expect(200, anonymous("GET", "/tickets/public/" + form.code(), client, null));
        assertTrue(building.toString(), building.path("address").asText().contains("Květná 12"));
        assertTrue(building.path("categories").size() >= 5);
        assertFalse("no ids of people or units", building.toString().contains("unitId"));

        Map<String, Object> input = report(form.category(), "Výtah stojí mezi 3. a 4. patrem, bliká světlo");
        input.put("name", "Host Anonymní");
        input.put("contact", "+420 605 111 222");
        JsonNode sent = expect(201, anonymous("POST", "/tickets/public/" + form.code(), client, input));
        String reference = sent.path("reference").asText();
        assertTrue(sent.toString(), reference.startsWith("T-"));
        String token = sent.path("photoToken").asText();
        assertTrue(sent.toString(), token.length() >= 32);
        JsonNode photo = expect(201, photo(form.code(), token, "vytah.jpg", jpegWithGps(640, 480)));
        assertEquals("image/jpeg", photo.path("mediaType").asText());
        // the token was for one photo
        expectProblem(photo(form.code(), token, "vytah2.jpg", jpeg(64, 64)), 404, "tickets.public.token-invalid", null);

        // the office finds it among the public form's tickets
        JsonNode listed = expect(
                200,
                call(
                        "GET",
                        "/tickets?source=PUBLIC_FORM&organisationId=" + world.organisation.id(),
                        form.office(),
                        null));
        assertEquals(listed.toString(), 1, listed.path("total").asLong());
        JsonNode ticket = listed.path("items").get(0);
        assertEquals(reference, ticket.path("reference").asText());
        long id = ticket.path("id").asLong();
        assertEquals("PUBLIC_FORM", ticket.path("source").asText());
        assertEquals("BUILDING", ticket.path("area").asText());
        assertEquals("NEW", ticket.path("status").asText());
        assertEquals(world.buildingA.id(), ticket.path("buildingId").asLong());
        assertEquals("Host Anonymní", ticket.path("requesterName").asText());
        assertEquals("PHONE", ticket.path("contactPreference").asText());
        assertTrue(
                ticket.toString(),
                ticket.path("contactPhone").asText().replace(" ", "").contains("605111222"));
        JsonNode files = expect(200, call("GET", "/tickets/" + id + "/attachments", form.office(), null));
        assertEquals(1, files.size());
        assertEquals("PHOTO", files.get(0).path("kind").asText());
        byte[] stored = download(
                        "/tickets/" + id + "/attachments/"
                                + files.get(0).path("id").asLong(),
                        form.office())
                .body();
        assertFalse("the photo lost its GPS", contains(stored, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        JsonNode timeline = expect(200, call("GET", "/tickets/" + id + "/timeline", form.office(), null));
        assertEquals("anonymous", timeline.get(0).path("authorName").asText());

        // the building's manager triages: accepts, the office assigns a contractor
        expect(
                200,
                call("GET", "/tickets?source=PUBLIC_FORM&buildingId=" + world.buildingA.id(), world.managerA, null));
        move(world.managerA, id, Map.of("to", "ACCEPTED"));
        long company = expect(
                        201,
                        call(
                                "POST",
                                "/tickets/organisations/" + world.organisation.id() + "/companies",
                                form.office(),
                                Map.of("name", "Výtahy Brno", "groups", List.of("lifts"))))
                .path("id")
                .asLong();
        JsonNode assigned = move(world.managerA, id, Map.of("to", "ASSIGNED", "companyId", company));
        assertEquals("ASSIGNED", assigned.path("status").asText());
        assertEquals(company, assigned.path("companyId").asLong());
        expect(
                201,
                call("POST", "/tickets/" + id + "/feedback", world.managerA, Map.of("text", "Technik přijede dnes")));

        // a resident of the building sees the report, but not who sent it
        HttpResponse<String> neighbour = call("GET", "/tickets/" + id, world.residentA, null);
        expect(200, neighbour);
        assertFalse(neighbour.body(), neighbour.body().contains("Anonymní"));
        assertFalse(neighbour.body(), neighbour.body().contains("605"));
        // and the other building's resident does not
        assertProblem(call("GET", "/tickets/" + id, world.residentB, null), 404);
    }

    /** An unknown or malformed code is a 404 problem, for reading and sending alike, and nothing is stored. */
    @Test
    public void anUnknownCodeIsNotFound() throws Exception {
        Form form = form();
        String before = ticketsTables();
        int client = 20;
        for (String code : List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "..%2F..%2Fetc", form.code() + "x")) {
            expectProblem(
                    anonymous("GET", "/tickets/public/" + code, "203.0.113." + client++, null),
                    404,
                    "tickets.public.not-found",
                    "This form is not available");
            expectProblem(
                    anonymous(
                            "POST",
                            "/tickets/public/" + code,
                            "203.0.113." + client++,
                            report(form.category(), "Rozbité okno")),
                    404,
                    "tickets.public.not-found",
                    null);
        }
        assertEquals(before, ticketsTables());
    }

    /**
     * The per-address limit: {@value #PER_ADDRESS} reports an hour from one client, the next is a 429 problem
     * with {@code Retry-After} and nothing stored; another client still gets through.
     */
    @Test
    public void thePerAddressLimitHoldsWithA429AndStoresNothing() throws Exception {
        Form form = form();
        String client = "198.51.100.7";
        long building = form.world().buildingA.id();
        for (int i = 1; i <= PER_ADDRESS; i++) {
            expect(
                    201,
                    anonymous(
                            "POST", "/tickets/public/" + form.code(), client, report(form.category(), "Hlášení " + i)));
        }
        long tickets = count("TICKETS_TICKET", "BUILDING_ID = " + building);
        String before = ticketsTables();
        HttpResponse<String> refused =
                anonymous("POST", "/tickets/public/" + form.code(), client, report(form.category(), "Hlášení navíc"));
        JsonNode problem = expectProblem(refused, 429, "tickets.public.rate-limited", "Too many reports from here.");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElse("-1"));
        assertTrue("Retry-After " + retryAfter, retryAfter >= 1 && retryAfter <= 3600);
        assertEquals(
                problem.toString(),
                String.valueOf(retryAfter),
                problem.path("detail").asText().replaceAll("[^0-9]", ""));
        assertEquals(before, ticketsTables());
        assertEquals(tickets, count("TICKETS_TICKET", "BUILDING_ID = " + building));
        // a wrong code from the same client is counted first: still 429, not a way to probe codes
        assertEquals(
                429,
                anonymous("POST", "/tickets/public/AAAAAAAAAAAAAAAAAAAAAAAA", client, report(form.category(), "x"))
                        .statusCode());
        // reading the form is not limited, and another client still reports
        expect(200, anonymous("GET", "/tickets/public/" + form.code(), client, null));
        expect(
                201,
                anonymous("POST", "/tickets/public/" + form.code(), "198.51.100.8", report(form.category(), "Jiný")));
        assertEquals(tickets + 1, count("TICKETS_TICKET", "BUILDING_ID = " + building));
    }

    /**
     * Texts and the photo are limited: a description of 2000 characters is taken, 2001 refused; a name over 200
     * characters and a bad contact are refused; the photo one byte over the limit, a PDF or an SVG are refused
     * (the token is spent) and no file is stored.
     */
    @Test
    public void textsAndThePhotoAreLimited() throws Exception {
        Form form = form();
        String path = "/tickets/public/" + form.code();
        String before = ticketsTables();
        expectProblem(
                anonymous("POST", path, "192.0.2.1", report(form.category(), "x".repeat(2001))),
                422,
                "tickets.description.invalid",
                "at most 2,000 characters");
        expectProblem(
                anonymous("POST", path, "192.0.2.1", report(form.category(), "  ")),
                422,
                "tickets.description.invalid",
                null);
        Map<String, Object> longName = report(form.category(), "Rozbitá zásuvka");
        longName.put("name", "N".repeat(201));
        assertProblem(anonymous("POST", path, "192.0.2.2", longName), 422);
        Map<String, Object> badContact = report(form.category(), "Rozbitá zásuvka");
        badContact.put("contact", "<script>@x");
        assertProblem(anonymous("POST", path, "192.0.2.2", badContact), 422);
        Map<String, Object> farPin = report(form.category(), "Rozbitá zásuvka");
        farPin.put("latitude", 48.2);
        farPin.put("longitude", 16.37);
        assertProblem(anonymous("POST", path, "192.0.2.3", farPin), 422);
        expectProblem(
                anonymous("POST", path, "192.0.2.3", report(form.category() + 100000, "Neznámá kategorie")),
                422,
                null,
                null);
        assertEquals("nothing stored for refused reports", before, ticketsTables());

        JsonNode sent = expect(201, anonymous("POST", path, "192.0.2.4", report(form.category(), "y".repeat(2000))));
        String reference = sent.path("reference").asText();
        long id = expect(
                        200,
                        call(
                                "GET",
                                "/tickets?source=PUBLIC_FORM&organisationId="
                                        + form.world().organisation.id(),
                                form.office(),
                                null))
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        assertEquals(
                reference,
                expect(200, call("GET", "/tickets/" + id, form.office(), null))
                        .path("reference")
                        .asText());
        // one byte over the limit: refused, the token spent, no file
        byte[] big = Arrays.copyOf(jpeg(640, 480), LIMIT + 1);
        expectProblem(
                photo(form.code(), sent.path("photoToken").asText(), "velka.jpg", big),
                422,
                "upload.too-large",
                "at most 1 MB");
        expectProblem(
                photo(form.code(), sent.path("photoToken").asText(), "mala.jpg", jpeg(64, 64)),
                404,
                "tickets.public.token-invalid",
                null);
        assertEquals(0, count("TICKETS_ATTACHMENT", "TICKET_ID = " + id));
        // a PDF or an SVG is no photo
        JsonNode second = expect(201, anonymous("POST", path, "192.0.2.5", report(form.category(), "Zápach v chodbě")));
        expectProblem(
                photo(form.code(), second.path("photoToken").asText(), "letak.pdf", pdf()),
                422,
                "upload.type-refused",
                null);
        JsonNode third = expect(201, anonymous("POST", path, "192.0.2.6", report(form.category(), "Graffiti")));
        expectProblem(
                photo(
                        form.code(),
                        third.path("photoToken").asText(),
                        "foto.png",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                                .getBytes(StandardCharsets.UTF_8)),
                422,
                "upload.svg-refused",
                null);
        assertEquals(
                0,
                count(
                        "TICKETS_ATTACHMENT",
                        "TICKET_ID IN (SELECT ID FROM TICKETS_TICKET WHERE SOURCE = 'PUBLIC_FORM' AND ORGANISATION_ID = "
                                + form.world().organisation.id() + ")"));
        // a made-up token adds nothing
        expectProblem(
                photo(form.code(), "x".repeat(43), "foto.jpg", jpeg(64, 64)),
                404,
                "tickets.public.token-invalid",
                null);
    }

    /** Replacing the code: the old one stops working at once, the new one works; only the office may do it. */
    @Test
    public void aRotatedCodeStopsWorking() throws Exception {
        Form form = form();
        RegistryFixture world = form.world();
        String path = "/tickets/buildings/" + world.buildingA.id() + "/public-code";
        assertProblem(call("POST", path, world.residentA, null), 404);
        assertProblem(call("POST", path, world.residentB, null), 404);
        JsonNode rotated = expect(200, call("POST", path, world.managerA, null));
        String code = rotated.path("code").asText();
        assertFalse(code.equals(form.code()));
        assertEquals(
                code,
                expect(200, call("GET", path, form.office(), null)).path("code").asText());
        String before = ticketsTables();
        expectProblem(
                anonymous("GET", "/tickets/public/" + form.code(), "192.0.2.50", null),
                404,
                "tickets.public.not-found",
                null);
        expectProblem(
                anonymous(
                        "POST",
                        "/tickets/public/" + form.code(),
                        "192.0.2.50",
                        report(form.category(), "Stará nálepka")),
                404,
                "tickets.public.not-found",
                null);
        assertEquals(before, ticketsTables());
        expect(200, anonymous("GET", "/tickets/public/" + code, "192.0.2.51", null));
        expect(
                201,
                anonymous("POST", "/tickets/public/" + code, "192.0.2.51", report(form.category(), "Nová nálepka")));
    }
}
