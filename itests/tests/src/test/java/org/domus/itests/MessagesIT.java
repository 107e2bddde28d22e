package org.domus.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.inject.Inject;
import org.domus.core.Role;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.registry.RegistryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Message threads over REST on the real assembly: a resident writes to the office about their unit with a photo
 * (re-encoded without metadata, downloadable by the thread's parties only), the building's manager answers and
 * assigns the thread to a colleague; another resident gets 404, a manager of another building 403, bad input a
 * problem document with nothing stored; the routes are in the OpenAPI document.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MessagesIT extends TicketsTestSupport {

    @Inject
    protected RegistryService registry;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private void installCommunications(String token) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "communications:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await("communications REST", WAIT, () -> statusOf("/api/communications/threads/unread", token) == 200);
    }

    private static Map<String, Object> file(String name, byte[] content) {
        return Map.of("name", name, "content", Base64.getEncoder().encodeToString(content));
    }

    private static Map<String, Object> thread(
            long unitId, String subject, String text, List<Map<String, Object>> files) {
        return Map.of("unitId", unitId, "topic", "LEDGER", "subject", subject, "text", text, "attachments", files);
    }

    @Test
    public void aResidentAndTheOfficeTalkPrivatelyAndRefusedInputStoresNothing() throws Exception {
        RegistryFixture w = new RegistryFixture(registry, accounts, tokens, totp());
        installCommunications(w.residentA);
        long org = w.organisation.id();
        Login managerB = login("man-b", Set.of(RoleGrant.scoped(Role.MANAGER, ScopeType.BUILDING, w.buildingB.id())));
        Login accountant = login("acc", Set.of(RoleGrant.scoped(Role.ACCOUNTANT, ScopeType.ORGANISATION, org)));

        // The resident writes about their flat, with a photo.
        byte[] photo = jpegWithGps(640, 480);
        JsonNode opened = expect(
                201,
                call(
                        "POST",
                        "/communications/threads",
                        w.residentA,
                        thread(
                                w.unitA.id(),
                                "Advance for heating",
                                "Why did it go up?",
                                List.of(file("meter.jpg", photo)))));
        long id = opened.path("thread").path("id").asLong();
        assertEquals("OPEN", opened.path("thread").path("state").asText());
        assertEquals(w.buildingA.id(), opened.path("thread").path("buildingId").asLong());
        JsonNode attachment = opened.path("messages").get(0).path("attachments").get(0);
        long fileId = attachment.path("id").asLong();
        assertEquals("image/jpeg", attachment.path("mediaType").asText());

        // The file comes back to both parties, re-encoded without its GPS metadata; to nobody else.
        HttpResponse<byte[]> mine = download("/communications/threads/" + id + "/attachments/" + fileId, w.residentA);
        assertEquals(200, mine.statusCode());
        assertEquals(
                "nosniff", mine.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(
                jpegSegments(mine.body()).toString(), jpegSegments(mine.body()).contains("E1:Exif.."));
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(mine.body()));
        assertEquals(640, served.getWidth());
        HttpResponse<byte[]> office = download("/communications/threads/" + id + "/attachments/" + fileId, w.managerA);
        assertEquals(200, office.statusCode());
        assertArrayEquals(mine.body(), office.body());
        assertEquals(
                404,
                download("/communications/threads/" + id + "/attachments/" + fileId, w.residentB)
                        .statusCode());
        assertEquals(
                403,
                download("/communications/threads/" + id + "/attachments/" + fileId, managerB.token())
                        .statusCode());

        // Isolation: another resident learns nothing, a manager of another building is refused.
        expectProblem(call("GET", "/communications/threads/" + id, w.residentB, null), 404, null, null);
        expectProblem(
                call("POST", "/communications/threads/" + id + "/messages", w.residentB, Map.of("text", "Hi")),
                404,
                null,
                null);
        expectProblem(
                call("POST", "/communications/threads", w.residentB, thread(w.unitA.id(), "Neighbour", "x", List.of())),
                404,
                null,
                null);
        expectProblem(call("GET", "/communications/threads/" + id, managerB.token(), null), 403, null, null);
        assertEquals(
                0,
                expect(200, call("GET", "/communications/threads", managerB.token(), null))
                        .path("total")
                        .asLong());
        expectProblem(call("GET", "/communications/threads", w.residentA, null), 403, null, null);
        assertEquals(
                0,
                expect(200, call("GET", "/communications/threads/me", w.residentB, null))
                        .path("total")
                        .asLong());

        // The office sees it unread, answers; the resident now has one unread message.
        JsonNode inbox = expect(200, call("GET", "/communications/threads?assigned=none&state=OPEN", w.managerA, null));
        assertEquals(1, inbox.path("total").asLong());
        assertEquals(1, inbox.path("items").get(0).path("unread").asInt());
        assertEquals(
                1,
                expect(200, call("GET", "/communications/threads/unread", w.managerA, null))
                        .path("messages")
                        .asLong());
        expect(200, call("GET", "/communications/threads/" + id, w.managerA, null));
        assertEquals(
                0,
                expect(200, call("GET", "/communications/threads/unread", w.managerA, null))
                        .path("messages")
                        .asLong());
        JsonNode answer = expect(
                201,
                call(
                        "POST",
                        "/communications/threads/" + id + "/messages",
                        w.managerA,
                        Map.of("text", "Heating costs rose.")));
        assertTrue(answer.path("fromOffice").asBoolean());
        JsonNode unread = expect(200, call("GET", "/communications/threads/unread", w.residentA, null));
        assertEquals(1, unread.path("threads").asLong());
        assertEquals(1, unread.path("messages").asLong());
        JsonNode read = expect(200, call("GET", "/communications/threads/" + id, w.residentA, null));
        assertEquals("ANSWERED", read.path("thread").path("state").asText());
        assertEquals(2, read.path("messages").size());
        assertEquals(
                0,
                expect(200, call("GET", "/communications/threads/unread", w.residentA, null))
                        .path("messages")
                        .asLong());

        // Assignment: only a colleague answering for the building.
        List<Long> assignees = new ArrayList<>();
        expect(200, call("GET", "/communications/threads/" + id + "/assignees", w.managerA, null))
                .forEach(a -> assignees.add(a.path("accountId").asLong()));
        assertTrue(assignees.toString(), assignees.contains(accountant.accountId()));
        assertFalse(assignees.toString(), assignees.contains(managerB.accountId()));
        expectProblem(
                call(
                        "PUT",
                        "/communications/threads/" + id + "/assignee",
                        w.managerA,
                        Map.of("accountId", managerB.accountId())),
                422,
                "communications.messages.assignee-invalid",
                null);
        assertEquals(
                accountant.accountId(),
                expect(
                                200,
                                call(
                                        "PUT",
                                        "/communications/threads/" + id + "/assignee",
                                        w.managerA,
                                        Map.of("accountId", accountant.accountId())))
                        .path("assigneeAccountId")
                        .asLong());
        assertEquals(
                1,
                expect(200, call("GET", "/communications/threads?assigned=me", accountant.token(), null))
                        .path("total")
                        .asLong());

        // Refused input: a problem document, and nothing stored.
        long threads = count("COMM_THREAD", "1=1");
        long messages = count("COMM_MESSAGE", "1=1");
        long files = count("COMM_MESSAGE_ATTACHMENT", "1=1");
        expectProblem(
                call(
                        "POST",
                        "/communications/threads",
                        w.residentA,
                        thread(w.unitA.id(), "x".repeat(201), "Text", List.of())),
                422,
                "communications.messages.subject-invalid",
                "200");
        expectProblem(
                call(
                        "POST",
                        "/communications/threads",
                        w.residentA,
                        thread(
                                w.unitA.id(),
                                "Two files",
                                "One is not a PDF",
                                List.of(file("ok.png", png(20, 20)), file("bill.pdf", "#!/bin/sh\n".getBytes())))),
                422,
                null,
                null);
        expectProblem(
                call(
                        "POST",
                        "/communications/threads",
                        w.residentA,
                        Map.of(
                                "unitId", w.unitA.id(),
                                "topic", "OTHER",
                                "subject", "Bad",
                                "text", "Bad",
                                "attachments", List.of(Map.of("name", "a.png", "content", "%%%")))),
                422,
                null,
                null);
        List<Map<String, Object>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(file("p" + i + ".png", png(10, 10)));
        }
        expectProblem(
                call("POST", "/communications/threads", w.residentA, thread(w.unitA.id(), "Six", "Six files", six)),
                422,
                "communications.messages.attachment.too-many",
                null);
        expectProblem(
                call("POST", "/communications/threads/" + id + "/messages", w.residentA, Map.of("text", " ")),
                422,
                "communications.messages.text-invalid",
                null);
        expectProblem(call("GET", "/communications/threads?state=NEW&limit=0", w.managerA, null), 422, null, null);
        assertEquals(threads, count("COMM_THREAD", "1=1"));
        assertEquals(messages, count("COMM_MESSAGE", "1=1"));
        assertEquals(files, count("COMM_MESSAGE_ATTACHMENT", "1=1"));

        // The resident closes; a closed thread takes no reply until the office reopens it.
        assertEquals(
                "CLOSED",
                expect(200, call("POST", "/communications/threads/" + id + "/close", w.residentA, null))
                        .path("state")
                        .asText());
        expectProblem(
                call("POST", "/communications/threads/" + id + "/messages", w.residentA, Map.of("text", "More")),
                409,
                "communications.messages.closed",
                null);
        expectProblem(call("POST", "/communications/threads/" + id + "/reopen", w.residentA, null), 403, null, null);
        assertEquals(
                "ANSWERED",
                expect(200, call("POST", "/communications/threads/" + id + "/reopen", w.managerA, null))
                        .path("state")
                        .asText());

        // Documented: every route is in the OpenAPI document.
        JsonNode paths = parse(get("/api/openapi.json", null)).path("paths");
        for (String route : List.of(
                "/communications/threads",
                "/communications/threads/me",
                "/communications/threads/unread",
                "/communications/threads/{threadId}",
                "/communications/threads/{threadId}/messages",
                "/communications/threads/{threadId}/assignee",
                "/communications/threads/{threadId}/assignees",
                "/communications/threads/{threadId}/close",
                "/communications/threads/{threadId}/reopen",
                "/communications/threads/{threadId}/attachments/{attachmentId}")) {
            assertTrue(route + " in " + paths.toString().substring(0, 200), paths.has(route));
        }
    }
}
