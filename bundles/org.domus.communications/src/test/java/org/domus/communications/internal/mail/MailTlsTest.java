package org.domus.communications.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP over TLS against a real TLS server (the scripted one, with a certificate keytool made for localhost that no
 * JVM trust store knows): trusted through {@code smtp.trustedCertificates}, mails go out over SMTPS and after
 * STARTTLS; without it, or without STARTTLS offered, nothing is sent and the mail waits in the queue with an error
 * the operator can act on.
 */
class MailTlsTest {

    @TempDir
    static Path dir;

    private static SelfSignedCertificate localhost;
    private static SSLContext localhostServer;
    private static SelfSignedCertificate elsewhere;
    private static SSLContext elsewhereServer;

    private MailDatabase db;

    @BeforeAll
    static void certificates() throws Exception {
        localhost = SelfSignedCertificate.localhost(dir, "relay");
        localhostServer = localhost.serverContext();
        elsewhere = SelfSignedCertificate.create(
                dir, "elsewhere", "CN=mail.elsewhere.example", "SAN=dns:mail.elsewhere.example");
        elsewhereServer = elsewhere.serverContext();
    }

    @BeforeEach
    void setUp() {
        db = new MailDatabase();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Map<String, Object> row(String key) {
        return db.rows("SELECT * FROM COMM_OUTBOX WHERE MAIL_KEY = '" + key + "'")
                .get(0);
    }

    private static List<String> verbs(ScriptedSmtp server) {
        return server.commands.stream().map(ScriptedSmtp.Command::verb).toList();
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    @Test
    void overSmtpsAMailReachesAServerTrustedThroughThePemFile() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 OK", 0, ScriptedSmtp.Tls.SSL, localhostServer)) {
            MailService service = db.service(
                    "node-a",
                    server.port(),
                    Map.of("smtp.security", "ssl", "smtp.trustedCertificates", localhost.pem.toString()));
            db.enqueue(service, MailDatabase.testMail("ssl", "jana@example.org"));

            assertEquals(1, service.deliver().sent());

            Map<String, Object> r = row("ssl");
            assertEquals("SENT", r.get("STATE"));
            assertEquals(List.of(r.get("MESSAGE_ID")), server.accepted);
            assertTrue(
                    verbs(server).containsAll(List.of("EHLO", "MAIL FROM", "RCPT TO", "DATA")),
                    verbs(server).toString());
            assertTrue(server.commands.stream().allMatch(ScriptedSmtp.Command::tls), server.commands.toString());
        }
    }

    @Test
    void withStarttlsTheConnectionIsUpgradedBeforeMailFromAndTheMailReachesTheServer() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 OK", 0, ScriptedSmtp.Tls.STARTTLS, localhostServer)) {
            MailService service = db.service(
                    "node-a",
                    server.port(),
                    Map.of("smtp.security", "starttls", "smtp.trustedCertificates", localhost.pem.toString()));
            db.enqueue(service, MailDatabase.testMail("starttls", "jana@example.org"));

            assertEquals(1, service.deliver().sent());

            Map<String, Object> r = row("starttls");
            assertEquals("SENT", r.get("STATE"));
            assertEquals(List.of(r.get("MESSAGE_ID")), server.accepted);
            List<String> verbs = verbs(server);
            assertTrue(verbs.indexOf("STARTTLS") >= 0, verbs.toString());
            assertTrue(verbs.indexOf("STARTTLS") < verbs.indexOf("MAIL FROM"), verbs.toString());
            List<ScriptedSmtp.Command> beforeTls = server.commands.subList(0, verbs.indexOf("STARTTLS") + 1);
            assertEquals(
                    List.of(new ScriptedSmtp.Command("EHLO", false), new ScriptedSmtp.Command("STARTTLS", false)),
                    beforeTls,
                    "in clear text only the greeting and STARTTLS");
            assertTrue(
                    server.commands.subList(beforeTls.size(), server.commands.size()).stream()
                            .allMatch(ScriptedSmtp.Command::tls),
                    server.commands.toString());
            assertEquals("EHLO", verbs.get(beforeTls.size()), "the client greets again over TLS");
        }
    }

    @Test
    void overSmtpsACertificateTheJvmDoesNotTrustKeepsTheMailQueuedWithAnErrorSayingWhy() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 OK", 0, ScriptedSmtp.Tls.SSL, localhostServer)) {
            untrustedCertificateKeepsTheMailQueuedUntilTheOperatorTrustsIt(server, "ssl");
        }
    }

    @Test
    void withStarttlsACertificateTheJvmDoesNotTrustKeepsTheMailQueuedWithAnErrorSayingWhy() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 OK", 0, ScriptedSmtp.Tls.STARTTLS, localhostServer)) {
            untrustedCertificateKeepsTheMailQueuedUntilTheOperatorTrustsIt(server, "starttls");
        }
    }

    private void untrustedCertificateKeepsTheMailQueuedUntilTheOperatorTrustsIt(ScriptedSmtp server, String security) {
        MailService jvmOnly =
                db.service("node-a", server.port(), Map.of("smtp.security", security, "retry.backoffSeconds", 60));
        db.enqueue(jvmOnly, MailDatabase.testMail("untrusted", "jana@example.org"));

        DeliveryWorker.Result result = jvmOnly.deliver();

        assertEquals(1, result.retried(), result.toString());
        assertEquals(0, result.failed());
        assertTrue(server.accepted.isEmpty());
        assertFalse(verbs(server).contains("MAIL FROM"), verbs(server).toString());
        Map<String, Object> r = row("untrusted");
        assertEquals("QUEUED", r.get("STATE"));
        assertEquals(1, ((Number) r.get("ATTEMPTS")).intValue());
        assertEquals(db.clock.instant().plusSeconds(60), instant(r.get("NEXT_ATTEMPT_AT")));
        String error = (String) r.get("LAST_ERROR");
        assertNotNull(error);
        assertTrue(error.startsWith("TLS: the server's certificate is not accepted"), error);
        assertTrue(error.contains("smtp.trustedCertificates"), error);
        assertTrue(error.contains("PKIX"), error);
        // what domus:mail-queue lists under "Last errors"
        List<QueuedMail> errors = jvmOnly.lastErrors(10);
        assertEquals(1, errors.size());
        assertEquals(MailState.QUEUED, errors.get(0).state());
        assertEquals(error, errors.get(0).lastError());

        // the operator adds the certificate (a new configuration activates a new service): the mail goes out
        MailService trusting = db.service(
                "node-a",
                server.port(),
                Map.of("smtp.security", security, "smtp.trustedCertificates", localhost.pem.toString()));
        db.clock.plusSeconds(60);
        assertEquals(1, trusting.deliver().sent());
        assertEquals("SENT", row("untrusted").get("STATE"));
        assertEquals(2, ((Number) row("untrusted").get("ATTEMPTS")).intValue());
        assertEquals(1, server.accepted.size());
    }

    @Test
    void theServerMustBeCalledWhatItsTrustedCertificateSays() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 OK", 0, ScriptedSmtp.Tls.SSL, elsewhereServer)) {
            MailService service = db.service(
                    "node-a",
                    server.port(),
                    Map.of("smtp.security", "ssl", "smtp.trustedCertificates", elsewhere.pem.toString()));
            db.enqueue(service, MailDatabase.testMail("identity", "jana@example.org"));

            assertEquals(1, service.deliver().retried());

            assertTrue(server.accepted.isEmpty());
            assertFalse(verbs(server).contains("MAIL FROM"), verbs(server).toString());
            Map<String, Object> r = row("identity");
            assertEquals("QUEUED", r.get("STATE"));
            String error = (String) r.get("LAST_ERROR");
            assertTrue(error.startsWith("TLS: the server's certificate is not issued for smtp.host"), error);
        }
    }

    @Test
    void starttlsIsRequiredAServerWithoutItGetsNothingInClearText() throws Exception {
        try (ScriptedSmtp plain = new ScriptedSmtp("250 OK", 0)) {
            MailService service = db.service(
                    "node-a",
                    plain.port(),
                    Map.of("smtp.security", "starttls", "smtp.trustedCertificates", localhost.pem.toString()));
            db.enqueue(service, MailDatabase.testMail("clear", "jana@example.org"));

            assertEquals(1, service.deliver().retried());

            assertTrue(plain.accepted.isEmpty());
            assertTrue(
                    Set.of("EHLO", "QUIT").containsAll(verbs(plain)),
                    verbs(plain).toString());
            assertTrue(verbs(plain).contains("EHLO"), "the client did talk to the server");
            Map<String, Object> r = row("clear");
            assertEquals("QUEUED", r.get("STATE"));
            String error = (String) r.get("LAST_ERROR");
            assertTrue(error.contains("STARTTLS is required but host does not support STARTTLS"), error);
        }
    }

    @Test
    void anUnusableCertificateFileLeavesDeliveryOffWhileMailsAreStillQueued() {
        MailService bad = new MailService(
                db.jpa,
                MailDatabase.config(Map.of(
                        "mail.enabled",
                        true,
                        "smtp.security",
                        "starttls",
                        "smtp.trustedCertificates",
                        dir.resolve("missing.pem").toString())),
                db.clock,
                "node-bad",
                false);
        assertFalse(bad.deliveryEnabled());
        assertTrue(bad.describeSettings().contains("smtp.trustedCertificates"), bad.describeSettings());
        assertTrue(db.enqueue(bad, MailDatabase.testMail("waits", "jana@example.org")));
        assertTrue(bad.deliver().idle());
        assertEquals("QUEUED", row("waits").get("STATE"));
    }
}
