package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Identity over REST on the real distribution: issued accounts, TOTP at /api/session, login history. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IdentityIT extends DomusTestSupport {

    private static final String PASSWORD = "Correct-Horse-Battery-42";

    @Configuration
    public Option[] config() {
        return distribution();
    }

    private void awaitRest() throws InterruptedException {
        await("REST up", Duration.ofSeconds(90), () -> statusOf("/api/health", null) == 200);
    }

    @Test
    public void officeIssuesAnAccountAndItsLetterDownloadsOnceOnly() throws Exception {
        awaitRest();
        String admin = tokenForNewAccount(Role.ADMIN);
        await("admin resource", Duration.ofSeconds(60), () -> statusOf("/api/admin/accounts", admin) == 200);

        HttpResponse<String> issued =
                post("/api/admin/accounts", admin, "{\"displayName\":\"Jiří Nováček\",\"roles\":[\"RESIDENT\"]}");
        assertEquals(issued.body(), 201, issued.statusCode());
        JsonNode body = parse(issued);
        String login = body.path("account").path("login").asText();
        assertTrue(login, login.startsWith("jiri.novacek"));
        assertTrue(body.path("account").path("mustChangePassword").asBoolean());
        String password = body.path("initialPassword").asText();
        assertEquals(20, password.length());

        HttpRequest download = HttpRequest.newBuilder(
                        URI.create(base() + "/api/" + body.path("letter").asText()))
                .header("Authorization", "Bearer " + admin)
                .header("Accept", "application/pdf, application/problem+json")
                .build();
        HttpResponse<byte[]> letter = http.send(download, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, letter.statusCode());
        assertEquals("%PDF-", new String(letter.body(), 0, 5, StandardCharsets.US_ASCII));
        assertEquals(
                "a letter downloads once",
                404,
                http.send(download, HttpResponse.BodyHandlers.discarding()).statusCode());

        // The initial password works at /api/session and says it must be changed.
        HttpResponse<String> signIn =
                post("/api/session", null, "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
        assertEquals(signIn.body(), 200, signIn.statusCode());
        assertTrue(parse(signIn).path("mustChangePassword").asBoolean());

        String resident = tokenForNewAccount(Role.RESIDENT);
        assertProblem(get("/api/admin/accounts", resident), 403);
        assertProblem(post("/api/admin/accounts", admin, "{\"displayName\":\" \"}"), 422);
    }

    @Test
    public void totpIsAskedAtSessionSignInAndACodeWorksOnceOnly() throws Exception {
        awaitRest();
        String login = "it-totp-" + UUID.randomUUID().toString().substring(0, 8);
        Subject system = Subject.system("itest", "Integration test");
        Account account = accounts.create(
                new NewAccount(
                        login, "TOTP " + login, null, PASSWORD.toCharArray(), Set.of(Role.RESIDENT), null, false),
                system);
        String bearer = tokens.create(accounts.subjectOf(account.id()).orElseThrow(), "itest", null)
                .secret();
        await("totp resource", Duration.ofSeconds(60), () -> statusOf("/api/me/totp", bearer) == 200);

        JsonNode enrolment = parse(post("/api/me/totp/enrolment", bearer, ""));
        assertTrue(enrolment.path("uri").asText().startsWith("otpauth://totp/"));
        assertTrue(enrolment.path("qrPng").asText().startsWith("data:image/png;base64,"));
        byte[] secret = base32(enrolment.path("secret").asText());
        long now = Instant.now().getEpochSecond() / 30;
        HttpResponse<String> confirmed =
                post("/api/me/totp/confirm", bearer, "{\"code\":\"" + code(secret, now) + "\"}");
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals(10, parse(confirmed).path("recoveryCodes").size());
        assertTrue(parse(get("/api/me/totp", bearer)).path("enabled").asBoolean());

        String credentials = "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"";
        HttpResponse<String> withoutCode = post("/api/session", null, credentials + "}");
        assertProblem(withoutCode, 401);
        HttpResponse<String> wrongCode = post("/api/session", null, credentials + ",\"code\":\"000000\"}");
        assertProblem(wrongCode, 401);
        assertEquals(
                "same generic answer",
                parse(withoutCode).path("detail"),
                parse(wrongCode).path("detail"));

        String next = code(secret, now + 1);
        HttpResponse<String> ok = post("/api/session", null, credentials + ",\"code\":\"" + next + "\"}");
        assertEquals(ok.body(), 200, ok.statusCode());
        assertProblem(post("/api/session", null, credentials + ",\"code\":\"" + next + "\"}"), 401);

        JsonNode logins = parse(get("/api/me/logins?limit=10", bearer));
        assertEquals("BAD_SECOND_FACTOR", logins.get(0).path("outcome").asText());
        assertEquals("SUCCESS", logins.get(1).path("outcome").asText());
        assertEquals("BAD_SECOND_FACTOR", logins.get(2).path("outcome").asText());
        assertProblem(get("/api/me/logins?limit=0", bearer), 422);
    }

    @Test
    public void consentsAreSwitchedAndKeptAsHistory() throws Exception {
        awaitRest();
        String resident = tokenForNewAccount(Role.RESIDENT);
        await("consents resource", Duration.ofSeconds(60), () -> statusOf("/api/me/consents", resident) == 200);
        JsonNode before = parse(get("/api/me/consents", resident));
        assertEquals(false, before.path("termsAccepted").asBoolean());
        String version = before.path("termsVersion").asText();
        assertProblem(post("/api/me/consents/terms", resident, "{\"version\":\"old\"}"), 409);
        assertTrue(parse(post("/api/me/consents/terms", resident, "{\"version\":\"" + version + "\"}"))
                .path("termsAccepted")
                .asBoolean());

        HttpResponse<String> granted = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/me/consents/E_INVOICE"))
                        .header("Authorization", "Bearer " + resident)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"granted\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(granted.body(), 200, granted.statusCode());
        assertTrue(parse(granted).path("consents").path("E_INVOICE").asBoolean());
        JsonNode history = parse(get("/api/me/consents/history", resident));
        assertEquals("E_INVOICE", history.get(0).path("key").asText());
        assertEquals("TERMS", history.get(1).path("key").asText());
    }

    private static String code(byte[] secret, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "RAW"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length());
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }
}
