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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import org.domus.core.Role;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.registry.Person;
import org.domus.core.registry.PersonKind;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Tenure;
import org.domus.core.registry.TenureRole;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The audit trail and personal data over REST on the real distribution: a resident downloads their data
 * (JSON and PDF), the administrator reads the audit log with filters, exports and erases a former
 * resident; everyone else gets 403 on the administration routes and only their own data on "me".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GdprIT extends DomusTestSupport {

    @Inject
    protected RegistryService registry;

    private RegistryFixture world;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Before
    public void setUp() throws Exception {
        world = new RegistryFixture(registry, accounts, tokens, totp());
        await(
                "privacy REST",
                Duration.ofSeconds(90),
                () -> statusOf("/api/me/data-export", world.residentA) == 200
                        && statusOf("/api/admin/audit", world.admin) == 200);
    }

    private HttpResponse<String> send(String method, String path, String bearer, String accept, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .header("Authorization", "Bearer " + bearer)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer, String language) throws Exception {
        return send("GET", path, bearer, "application/json", language);
    }

    private HttpResponse<byte[]> pdf(String path, String bearer, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/pdf, application/problem+json")
                .header("Accept-Language", language)
                .header("Authorization", "Bearer " + bearer)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    private static JsonNode section(JsonNode export, String id) {
        for (JsonNode s : export.path("sections")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no section " + id + " in " + export);
    }

    @Test
    public void aResidentDownloadsTheirDataAsJsonAndPdf() throws Exception {
        HttpResponse<String> json = get("/me/data-export", world.residentA, "en");
        assertEquals(json.body(), 200, json.statusCode());
        assertTrue(json.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        JsonNode export = parse(json);
        assertEquals("Jana Nováková", export.path("name").asText());
        assertEquals(world.personA.id(), export.path("personId").asLong());
        assertEquals(
                "Nováková",
                section(export, "platform.person")
                        .path("records")
                        .get(0)
                        .path("lastName")
                        .asText());
        JsonNode tenure = section(export, "platform.tenures").path("records").get(0);
        assertEquals(world.unitA.id(), tenure.path("unitId").asLong());
        assertTrue(tenure.path("unit").asText(), tenure.path("unit").asText().contains("Květná 12"));
        assertTrue(section(export, "platform.tokens").path("records").size() >= 1);
        assertFalse(
                "nothing of B", json.body().contains("Dvořák") || json.body().contains("Lipová"));

        HttpResponse<byte[]> pdf = pdf("/me/data-export.pdf", world.residentA, "pl");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = text(pdf.body());
        assertTrue(text, text.contains("Jana Nováková"));
        assertTrue(text, text.contains("Posiadane lokale wraz z historią"));
        assertTrue(text, text.contains("Květná 12"));
        assertFalse(text.contains("Dvořák"));
    }

    @Test
    public void theAdministratorReadsTheAuditLogWithFiltersAndNobodyElseMay() throws Exception {
        String person = "/admin/audit?entityType=person&entityId=" + world.personA.id() + "&limit=10";
        JsonNode page = parse(get(person, world.admin, null));
        assertTrue(page.toString(), page.path("total").asLong() >= 1);
        for (JsonNode event : page.path("items")) {
            assertEquals("person", event.path("entityType").asText());
            assertEquals(
                    String.valueOf(world.personA.id()), event.path("entityId").asText());
        }
        JsonNode created = page.path("items").get(page.path("items").size() - 1);
        assertEquals("registry.person.create", created.path("action").asText());
        assertTrue(created.path("changes").toString().contains("Nováková"));

        JsonNode tenures = parse(get("/admin/audit?actor=ITEST&action=registry.tenure&limit=200", world.admin, null));
        assertTrue(tenures.path("total").asLong() >= 2);
        for (JsonNode event : tenures.path("items")) {
            assertTrue(event.path("action").asText().startsWith("registry.tenure"));
            assertEquals("itest", event.path("actorLogin").asText());
        }
        assertEquals(
                0,
                parse(get("/admin/audit?from=2999-01-01", world.admin, null))
                        .path("total")
                        .asLong());
        assertTrue(parse(get("/admin/audit/entity-types", world.admin, null))
                .toString()
                .contains("\"tenure\""));
        assertProblem(get("/admin/audit?from=yesterday", world.admin, null), 422);
        assertProblem(get("/admin/audit?limit=201", world.admin, null), 422);

        for (String other : List.of(world.residentA, world.managerA)) {
            assertProblem(get("/admin/audit", other, null), 403);
            assertProblem(get("/admin/audit/entity-types", other, null), 403);
        }
    }

    @Test
    public void theOfficeExportsAndErasesAFormerResident() throws Exception {
        // Eva lived in unit A until 2019; her account still exists.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account account = accounts.create(
                new NewAccount(
                        "eva-" + tag,
                        "Eva Formerová",
                        "eva." + tag + "@example.cz",
                        "Correct-Horse-Battery-42".toCharArray(),
                        Set.of(Role.RESIDENT),
                        Locale.ENGLISH,
                        false),
                RegistryFixture.SYSTEM);
        Person eva = registry.createPerson(
                RegistryFixture.SYSTEM,
                new Person(
                        0,
                        world.organisation.id(),
                        PersonKind.NATURAL,
                        "Eva",
                        "Formerová",
                        null,
                        null,
                        "eva.private." + tag + "@example.cz",
                        "+420 777 123 456",
                        null,
                        null,
                        account.id(),
                        0));
        registry.createTenure(
                RegistryFixture.SYSTEM,
                new Tenure(
                        0,
                        world.unitA.id(),
                        eva.id(),
                        TenureRole.TENANT,
                        Share.ONE,
                        LocalDate.of(2012, 3, 1),
                        LocalDate.of(2019, 6, 30),
                        0));
        String evaToken = tokens.create(accounts.subjectOf(account.id()).orElseThrow(), "laptop", null)
                .secret();
        String base = "/admin/persons/" + eva.id();

        for (String other : List.of(world.residentA, world.managerA, evaToken)) {
            assertProblem(get(base + "/data-export", other, null), 403);
            assertProblem(send("POST", base + "/erasure?dryRun=true", other, "application/json", null), 403);
        }
        JsonNode export = parse(get(base + "/data-export", world.admin, "cs"));
        assertEquals("Eva Formerová", export.path("name").asText());
        assertEquals("cs", export.path("language").asText());
        HttpResponse<byte[]> pdf = pdf(base + "/data-export.pdf", world.admin, "ro");
        assertEquals(200, pdf.statusCode());
        assertTrue(text(pdf.body()).contains("Date personale deținute despre Eva Formerová"));

        // Jana still owns unit A: refused, translated.
        HttpResponse<String> refused = send(
                "POST",
                "/admin/persons/" + world.personA.id() + "/erasure?dryRun=true",
                world.admin,
                "application/json",
                "cs");
        assertProblem(refused, 409);
        assertTrue(refused.body(), parse(refused).path("detail").asText().startsWith("Tato osoba stále drží"));

        JsonNode preview = parse(send("POST", base + "/erasure?dryRun=true", world.admin, "application/json", "en"));
        assertFalse(preview.path("applied").asBoolean());
        assertEquals("Erased person #" + eva.id(), preview.path("pseudonym").asText());
        assertEquals(
                "Eva Formerová",
                registry.person(RegistryFixture.SYSTEM, eva.id()).displayName());

        HttpResponse<String> done = send("POST", base + "/erasure", world.admin, "application/json", "en");
        assertEquals(done.body(), 200, done.statusCode());
        JsonNode report = parse(done);
        assertTrue(report.path("applied").asBoolean());
        boolean tenuresKept = false;
        for (JsonNode kept : report.path("kept")) {
            assertFalse(kept.path("reason").asText().isBlank());
            tenuresKept |= kept.path("key").asText().equals("tenures")
                    && kept.path("count").asInt() == 1;
        }
        assertTrue(report.toString(), tenuresKept);
        JsonNode erased = parse(get("/registry/persons/" + eva.id(), world.admin, null));
        assertEquals(
                "Erased person #" + eva.id(),
                erased.path("firstName").asText() + " "
                        + erased.path("lastName").asText());
        assertTrue(erased.path("email").isNull());
        assertEquals(
                1, registry.tenuresOfPerson(RegistryFixture.SYSTEM, eva.id()).size());
        assertEquals("her token is gone", 401, statusOf("/api/me", evaToken));
        assertFalse(get(base + "/data-export", world.admin, null).body().contains("Formerová"));

        JsonNode again = parse(send("POST", base + "/erasure", world.admin, "application/json", "en"));
        assertTrue(again.path("alreadyErased").asBoolean());
        JsonNode audited = parse(get(
                "/admin/audit?entityType=person&entityId=" + eva.id() + "&action=privacy.erasure", world.admin, null));
        assertEquals(1, audited.path("total").asLong());
    }

    /**
     * Every audit and personal-data route of the OpenAPI document: administration routes are 403 for the
     * resident and the manager, and the resident's "me" exports hold nothing of resident B.
     */
    @Test
    public void theNewRoutesOfTheOpenApiDocumentLeakNothing() throws Exception {
        JsonNode openApi = parse(get("/openapi.json", world.admin, null));
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            boolean admin = template.startsWith("/admin/audit") || template.startsWith("/admin/persons");
            boolean me = template.startsWith("/me/data-export");
            if (!admin && !me) {
                continue;
            }
            String path = template.replaceAll("\\{[^}]+}", String.valueOf(world.personB.id()));
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                    continue;
                }
                String accept =
                        path.endsWith(".pdf") ? "application/pdf, application/problem+json" : "application/json";
                for (String caller : List.of(world.residentA, world.managerA)) {
                    HttpResponse<String> answer = send(method, path, caller, accept, null);
                    checked++;
                    if (admin && answer.statusCode() != 403) {
                        leaks.add(method + " " + path + " -> " + answer.statusCode() + " (want 403)");
                    }
                    if (me && (answer.statusCode() != 200 || answer.body().contains("Dvořák"))) {
                        leaks.add(method + " " + path + " -> " + answer.statusCode() + " or shows B");
                    }
                }
            }
        }
        assertTrue("routes checked: " + checked, checked >= 12);
        assertEquals("leaks: " + leaks, 0, leaks.size());
        assertEquals(
                "B's own export has B",
                true,
                get("/me/data-export", world.residentB, null).body().contains("Dvořák"));
    }
}
