package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Role;
import org.domus.core.Subject;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The tickets module installs from the modules configuration and carries a ticket through its whole life over
 * REST: the resident reports a leak with a photo, the office accepts it and assigns it to a contractor company
 * and its worker, the contractor accepts the assignment, starts, logs time and completes with a signature, the
 * resident downloads the completion protocol and confirms with a rating; the timeline shows every step. A move
 * the workflow does not allow is a 409 problem naming the current status and the allowed ones.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TicketsIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    protected FeaturesService features;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected BundleContext context;

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private void installTickets(String bearer) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "tickets:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        // The services can be up a moment before the feature counts as installed.
        await(
                "tickets services up and feature domus-tickets installed",
                WAIT,
                () -> service("org.domus.tickets.TicketService") != null
                        && service("org.domus.tickets.PublicTickets") != null
                        && installed("domus-tickets"));
        await("tickets REST", WAIT, () -> statusOf("/api/tickets/me", bearer) == 200);
    }

    @Test
    public void aLeakGoesFromTheResidentThroughTheOfficeAndTheContractorBackToTheResident() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        String resident = world.residentA;
        long org = world.organisation.id();
        installTickets(resident);
        String manager = token("man", Role.MANAGER, org);
        long contractorAccount = account("con");
        accounts.setGrants(
                contractorAccount,
                Set.of(RoleGrant.scoped(Role.CONTRACTOR, ScopeType.ORGANISATION, org)),
                RegistryFixture.SYSTEM);
        String contractor = tokenOf(contractorAccount);
        String otherContractor = token("con2", Role.CONTRACTOR, org);

        // The resident reports a leak in the flat, with a photo.
        JsonNode categories =
                parse(expect(200, send("GET", "/tickets/organisations/" + org + "/categories", resident, null)));
        long water = -1;
        for (JsonNode c : categories) {
            if (c.path("code").asText().equals("WATER")) {
                water = c.path("id").asLong();
            }
        }
        assertTrue(categories.toString(), water > 0);
        JsonNode ticket = parse(expect(
                201,
                send(
                        "POST",
                        "/tickets",
                        resident,
                        "{\"area\":\"UNIT\",\"unitId\":" + world.unitA.id() + ",\"categoryId\":" + water
                                + ",\"description\":\"Voda kape ze stropu v koupelně\",\"contactPreference\":\"APP\""
                                + ",\"latitude\":50.0301,\"longitude\":14.5101}")));
        long id = ticket.path("id").asLong();
        String reference = ticket.path("reference").asText();
        assertTrue(reference, reference.matches("T-\\d{4}-\\d{6}"));
        assertEquals("NEW", ticket.path("status").asText());
        JsonNode photo =
                parse(expect(201, upload("/tickets/" + id + "/attachments?name=leak.png", resident, png(64, 48))));
        assertEquals("PHOTO", photo.path("kind").asText());

        // Another resident and another company's contractor learn nothing about it.
        assertProblem(send("GET", "/tickets/" + id, world.residentB, null), 404);
        assertProblem(send("GET", "/tickets/" + id, otherContractor, null), 404);

        // A forbidden move: the resident cannot accept the ticket.
        HttpResponse<String> refused =
                send("POST", "/tickets/" + id + "/transitions", resident, "{\"to\":\"ACCEPTED\"}");
        assertProblem(refused, 409);
        JsonNode problem = parse(refused);
        assertEquals("tickets.transition.refused", problem.path("messageKey").asText());
        assertTrue(problem.toString(), problem.path("detail").asText().contains("NEW"));
        assertTrue(problem.toString(), problem.path("detail").asText().contains("CANCELLED"));

        // The office accepts, creates the company and its worker, and assigns.
        expect(200, send("POST", "/tickets/" + id + "/transitions", manager, "{\"to\":\"ACCEPTED\"}"));
        long company = parse(expect(
                        201,
                        send(
                                "POST",
                                "/tickets/organisations/" + org + "/companies",
                                manager,
                                "{\"name\":\"Instalatérství Kapka s.r.o.\",\"groups\":[\"plumbing\"]}")))
                .path("id")
                .asLong();
        long worker = parse(expect(
                        201,
                        send(
                                "POST",
                                "/tickets/companies/" + company + "/workers",
                                manager,
                                "{\"name\":\"Petr Kapka\",\"accountId\":" + contractorAccount
                                        + ",\"sharesPosition\":true}")))
                .path("id")
                .asLong();
        JsonNode assigned = parse(expect(
                200,
                send(
                        "POST",
                        "/tickets/" + id + "/transitions",
                        manager,
                        "{\"to\":\"ASSIGNED\",\"companyId\":" + company + ",\"workerId\":" + worker + "}")));
        assertEquals("Instalatérství Kapka s.r.o.", assigned.path("companyName").asText());

        // The contractor sees it in the queue, accepts, starts, logs time and completes with a signature.
        JsonNode queue = parse(expect(200, send("GET", "/tickets", contractor, null)));
        assertEquals(1, queue.path("total").asInt());
        assertEquals(id, queue.path("items").get(0).path("id").asLong());
        assertEquals(
                0,
                parse(expect(200, send("GET", "/tickets", otherContractor, null)))
                        .path("total")
                        .asInt());
        expect(200, send("POST", "/tickets/" + id + "/assignment", contractor, null));
        expect(200, send("POST", "/tickets/" + id + "/transitions", contractor, "{\"to\":\"IN_PROGRESS\"}"));
        expect(201, send("POST", "/tickets/" + id + "/work", contractor, "{\"minutes\":45,\"note\":\"pipe joint\"}"));
        expect(
                200,
                send("PUT", "/tickets/workers/me/position", contractor, "{\"latitude\":50.03,\"longitude\":14.51}"));
        String signature = Base64.getEncoder().encodeToString(png(300, 100));
        JsonNode protocol = parse(expect(
                201,
                send(
                        "POST",
                        "/tickets/" + id + "/complete",
                        contractor,
                        "{\"workDone\":\"Vyměněn spoj odpadu, zkouška těsnosti\",\"signerName\":\"Jana Nováková\","
                                + "\"signature\":\"data:image/png;base64," + signature + "\"}")));
        assertEquals("PROTOCOL", protocol.path("kind").asText());

        // The resident downloads the protocol and confirms with a rating.
        HttpResponse<byte[]> pdf = bytes("/api/tickets/" + id + "/protocol", resident);
        assertEquals(200, pdf.statusCode());
        assertEquals(
                "application/pdf",
                pdf.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(
                "nosniff", pdf.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String text = pdfText(pdf.body());
        assertTrue(text, text.contains(reference));
        assertTrue(text, text.contains("Vyměněn spoj odpadu"));
        assertTrue(text, text.contains("Jana Nováková"));
        assertTrue(text, text.contains("45 min"));
        JsonNode done = parse(expect(200, send("GET", "/tickets/" + id, resident, null)));
        assertEquals("DONE", done.path("status").asText());
        assertEquals(45, done.path("minutesSpent").asInt());
        JsonNode confirmed = parse(expect(
                200,
                send(
                        "POST",
                        "/tickets/" + id + "/transitions",
                        resident,
                        "{\"to\":\"CONFIRMED\",\"rating\":5,\"comment\":\"Rychlé a čisté\"}")));
        assertEquals("CONFIRMED", confirmed.path("status").asText());
        assertEquals(5, confirmed.path("rating").asInt());

        // A final ticket moves nowhere.
        HttpResponse<String> afterwards =
                send("POST", "/tickets/" + id + "/transitions", manager, "{\"to\":\"CANCELLED\"}");
        assertProblem(afterwards, 409);

        // The timeline has every step, with its author; the internal work note only for staff.
        List<String> residentKinds =
                kinds(parse(expect(200, send("GET", "/tickets/" + id + "/timeline", resident, null))));
        for (String step : List.of(
                "CREATED",
                "ATTACHMENT",
                "STATUS",
                "ASSIGNMENT",
                "ASSIGNMENT_ACCEPTED",
                "TIME",
                "WORK_NOTE",
                "PROTOCOL",
                "RATING")) {
            assertTrue(step + " in " + residentKinds, residentKinds.contains(step));
        }
        JsonNode staffTimeline = parse(expect(200, send("GET", "/tickets/" + id + "/timeline", manager, null)));
        List<String> statuses = new ArrayList<>();
        boolean internalSeen = false;
        for (JsonNode e : staffTimeline) {
            assertFalse(e.toString(), e.path("authorName").asText().isEmpty());
            assertFalse(e.toString(), e.path("at").asText().isEmpty());
            if (e.path("kind").asText().equals("STATUS")) {
                statuses.add(e.path("status").asText());
            }
            internalSeen |= e.path("internal").asBoolean();
        }
        assertEquals(List.of("ACCEPTED", "ASSIGNED", "IN_PROGRESS", "DONE", "CONFIRMED"), statuses);
        assertTrue(internalSeen);
        assertEquals(staffTimeline.size() - 1, residentKinds.size());

        // The office's statistics count it as done on time.
        JsonNode stats = parse(expect(200, send("GET", "/tickets/statistics?organisationId=" + org, manager, null)));
        assertEquals(1, stats.path("done").asInt());
        assertEquals(1.0, stats.path("onTimeRatio").asDouble(), 0.0);
    }

    /**
     * The public form: the office prints the building's code, anyone reports without logging in (one photo with
     * the one-time token), the sixth report from one address within the hour is a 429 problem with Retry-After;
     * every route is in the OpenAPI document.
     */
    @Test
    public void thePublicFormTakesAnonymousReportsWithinItsLimits() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        installTickets(world.residentA);
        String manager = token("pub", Role.MANAGER, world.organisation.id());
        String code = parse(expect(
                        200, send("GET", "/tickets/buildings/" + world.buildingA.id() + "/public-code", manager, null)))
                .path("code")
                .asText();
        assertProblem(
                send("GET", "/tickets/buildings/" + world.buildingA.id() + "/public-code", world.residentA, null), 404);

        JsonNode form = parse(get("/api/tickets/public/" + code, null));
        assertTrue(form.toString(), form.path("address").asText().startsWith("Květná 12"));
        long category = form.path("categories").get(0).path("id").asLong();
        assertEquals(404, get("/api/tickets/public/" + "x".repeat(32), null).statusCode());

        String report = "{\"categoryId\":" + category + ",\"description\":\"Rozbité světlo ve 3. patře\"}";
        HttpResponse<String> first = post("/api/tickets/public/" + code, null, report);
        assertEquals(first.body(), 201, first.statusCode());
        JsonNode sent = parse(first);
        HttpResponse<String> photo = upload(
                "/tickets/public/" + code + "/photo?token="
                        + sent.path("photoToken").asText() + "&name=light.png",
                null,
                png(32, 32));
        assertEquals(photo.body(), 201, photo.statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals(201, post("/api/tickets/public/" + code, null, report).statusCode());
        }
        HttpResponse<String> limited = post("/api/tickets/public/" + code, null, report);
        assertProblem(limited, 429);
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
        assertTrue("Retry-After " + retryAfter, retryAfter > 0 && retryAfter <= 3600);

        // The office sees the reports, marked as coming from the public form.
        JsonNode list = parse(expect(
                200, send("GET", "/tickets?source=PUBLIC_FORM&buildingId=" + world.buildingA.id(), manager, null)));
        assertEquals(5, list.path("total").asInt());

        String openApi = get("/api/openapi.json", null).body();
        for (String route : List.of(
                "/tickets/{ticketId}/transitions",
                "/tickets/{ticketId}/attachments/{attachmentId}",
                "/tickets/{ticketId}/protocol",
                "/tickets/organisations/{organisationId}/deadline-rules",
                "/tickets/companies/{companyId}/workers",
                "/tickets/workers/me/position",
                "/tickets/public/{code}",
                "/tickets/statistics",
                "/tickets/bulk")) {
            assertTrue(route, openApi.contains("\"" + route + "\""));
        }
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : timeline) {
            assertFalse(e.toString(), e.path("internal").asBoolean());
            kinds.add(e.path("kind").asText());
        }
        return kinds;
    }

    private HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(response.body(), status, response.statusCode());
        return response;
    }

    private HttpResponse<String> upload(String path, String bearer, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(5, height - 10, width - 5, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    private long account(String prefix) {
        Account account = accounts.create(
                new NewAccount(
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 6),
                        "Tickets " + prefix,
                        null,
                        "Correct-Horse-Battery-42".toCharArray(),
                        Set.of(),
                        Locale.ENGLISH,
                        false),
                RegistryFixture.SYSTEM);
        return account.id();
    }

    /** A token of a new account holding the role on the whole organisation. */
    private String token(String prefix, Role role, long organisationId) {
        long id = account(prefix);
        accounts.setGrants(
                id, Set.of(RoleGrant.scoped(role, ScopeType.ORGANISATION, organisationId)), RegistryFixture.SYSTEM);
        return tokenOf(id);
    }

    private String tokenOf(long accountId) {
        Subject subject = accounts.subjectOf(accountId).orElseThrow();
        if (totp().isRequired(subject)) {
            enrolTotp(totp(), subject);
        }
        return tokens.create(subject, "itest", null).secret();
    }

    private boolean installed(String feature) {
        try {
            return features.isInstalled(features.getFeature(feature));
        } catch (Exception e) {
            return false;
        }
    }

    private Object service(String className) {
        ServiceReference<?> ref = context.getServiceReference(className);
        return ref == null ? null : context.getService(ref);
    }
}
