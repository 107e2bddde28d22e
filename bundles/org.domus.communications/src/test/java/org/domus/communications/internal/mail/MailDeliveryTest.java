package org.domus.communications.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.mail.Multipart;
import javax.mail.internet.MimeMessage;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.TransactionType;
import org.domus.core.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {

    private MailDatabase db;
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        db = new MailDatabase();
        port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        db.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Map<String, Object> row(long id) {
        return db.rows("SELECT * FROM COMM_OUTBOX WHERE ID = " + id).get(0);
    }

    private long idOf(String key) {
        return ((Number) db.rows("SELECT ID FROM COMM_OUTBOX WHERE MAIL_KEY = '" + key + "'")
                        .get(0)
                        .get("ID"))
                .longValue();
    }

    private static Set<String> messageIds(MimeMessage[] messages) throws Exception {
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : messages) {
            ids.add(m.getMessageID());
        }
        return ids;
    }

    @Test
    void aQueuedMailIsDeliveredOnceWithItsStoredMessageIdAndBothParts() throws Exception {
        MailService service = db.service("node-a", port, Map.of());
        assertTrue(db.enqueue(
                service,
                new MailRequest(
                        "notification:1",
                        7,
                        "jana@example.org",
                        Locale.forLanguageTag("cs"),
                        MailTemplates.TICKET_STATUS,
                        Map.of(
                                "name",
                                "Jana",
                                "reference",
                                "T-1",
                                "summary",
                                "Kapající kohoutek",
                                "status",
                                "Vyřešeno"))));
        long id = idOf("notification:1");
        assertEquals("QUEUED", row(id).get("STATE"));

        DeliveryWorker.Result result = service.deliver();

        assertEquals(1, result.sent());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals(row(id).get("MESSAGE_ID"), mail.getMessageID());
        assertEquals("Váš požadavek T-1: Vyřešeno", mail.getSubject());
        assertEquals("jana@example.org", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getFrom()[0].toString().contains("domus@example.org"));
        Multipart alternative = (Multipart) mail.getContent();
        assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
        assertEquals(2, alternative.getCount());
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(((String) alternative.getBodyPart(0).getContent()).contains("„Kapající kohoutek“"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));

        Map<String, Object> sent = row(id);
        assertEquals("SENT", sent.get("STATE"));
        assertEquals(1, ((Number) sent.get("ATTEMPTS")).intValue());
        assertNotNull(sent.get("SENT_AT"));
        assertNull(sent.get("CLAIMED_BY"));
        assertNull(sent.get("LAST_ERROR"));

        assertTrue(service.deliver().idle(), "nothing is sent twice");
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void payingMailsCarryTheQrCodeAsAnInlineImage() throws Exception {
        MailService service = db.service("node-a", port, Map.of());
        db.enqueue(
                service,
                new MailRequest(
                        "due:1",
                        7,
                        "jana@example.org",
                        Locale.ENGLISH,
                        MailTemplates.PAYMENT_DUE,
                        Map.of(
                                "name", "Jana",
                                "unit", "12",
                                "amount", "2500",
                                "currency", "CZK",
                                "dueDate", "2026-03-15",
                                "qrPayload", "SPD*1.0*ACC:CZ6508000000192000145399*AM:2500.00*CC:CZK")));
        service.deliver();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        Multipart alternative = (Multipart) mail.getContent();
        Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
        assertTrue(related.getContentType().startsWith("multipart/related"));
        assertTrue(related.getBodyPart(0).isMimeType("text/html"));
        assertTrue(((String) related.getBodyPart(0).getContent()).contains("cid:qr"));
        assertTrue(related.getBodyPart(1).isMimeType("image/png"));
        assertEquals("<qr>", ((javax.mail.internet.MimeBodyPart) related.getBodyPart(1)).getContentID());
    }

    @Test
    void theSameKeyIsQueuedOnceAndTheCallersTransactionGoesOn() {
        MailService service = db.service("node-a", port, Map.of());
        List<Boolean> answers = db.jpa.txExpr(TransactionType.Required, em -> {
            List<Boolean> a = new ArrayList<>();
            a.add(service.enqueue(em, MailDatabase.testMail("k1", "a@example.org")));
            a.add(service.enqueue(em, MailDatabase.testMail("k1", "b@example.org")));
            a.add(service.enqueue(em, MailDatabase.testMail("k2", "c@example.org")));
            return a;
        });
        assertEquals(List.of(true, false, true), answers);
        assertFalse(db.enqueue(service, MailDatabase.testMail("k1", "d@example.org")));
        assertEquals(2, db.count("SELECT COUNT(*) FROM COMM_OUTBOX"));
        assertEquals(
                "a@example.org",
                db.rows("SELECT ADDRESS FROM COMM_OUTBOX WHERE MAIL_KEY = 'k1'")
                        .get(0)
                        .get("ADDRESS"));
    }

    @Test
    void aRolledBackCallerQueuesNothing() {
        MailService service = db.service("node-a", port, Map.of());
        try {
            db.jpa.tx(TransactionType.Required, em -> {
                service.enqueue(em, MailDatabase.testMail("k1", "a@example.org"));
                throw new PersistenceException("the caller's change failed");
            });
        } catch (PersistenceException expected) {
            // the mail goes with it
        }
        assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_OUTBOX"));
    }

    @Test
    void whileTheServerIsDownMailsStayQueuedWithBackoffAndAreDeliveredOnceItIsBack() throws Exception {
        MailService service =
                db.service("node-a", port, Map.of("retry.backoffSeconds", 60, "retry.backoffMaxSeconds", 150));
        for (int i = 0; i < 3; i++) {
            db.enqueue(service, MailDatabase.testMail("down:" + i, "r" + i + "@example.org"));
        }
        smtp.stop();

        DeliveryWorker.Result first = service.deliver();
        assertEquals(3, first.retried());
        Instant start = db.clock.instant();
        for (Map<String, Object> r : db.rows("SELECT * FROM COMM_OUTBOX")) {
            assertEquals("QUEUED", r.get("STATE"));
            assertEquals(1, ((Number) r.get("ATTEMPTS")).intValue());
            assertNotNull(r.get("LAST_ERROR"));
            assertTrue(((String) r.get("LAST_ERROR")).contains("Connect"), (String) r.get("LAST_ERROR"));
            assertEquals(start.plusSeconds(60), instant(r.get("NEXT_ATTEMPT_AT")));
        }
        assertTrue(service.deliver().idle(), "not due before the backoff");

        db.clock.plusSeconds(60);
        assertEquals(3, service.deliver().retried());
        assertEquals(
                db.clock.instant().plusSeconds(120),
                instant(db.rows("SELECT NEXT_ATTEMPT_AT FROM COMM_OUTBOX")
                        .get(0)
                        .get("NEXT_ATTEMPT_AT")));
        db.clock.plusSeconds(120);
        service.deliver();
        assertEquals(
                db.clock.instant().plusSeconds(150),
                instant(db.rows("SELECT NEXT_ATTEMPT_AT FROM COMM_OUTBOX")
                        .get(0)
                        .get("NEXT_ATTEMPT_AT")),
                "the backoff doubles up to its cap");
        assertEquals(0, smtp.getReceivedMessages().length);

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        db.clock.plusSeconds(150);
        assertEquals(3, service.deliver().sent());
        assertEquals(3, smtp.getReceivedMessages().length);
        assertEquals(3, db.count("SELECT COUNT(*) FROM COMM_OUTBOX WHERE STATE = 'SENT' AND ATTEMPTS = 4"));
        assertTrue(service.deliver().idle());
    }

    @Test
    void afterTheLastAllowedAttemptAMailIsGivenUp() {
        MailService service = db.service("node-a", port, Map.of("retry.maxAttempts", 2));
        db.enqueue(service, MailDatabase.testMail("k", "a@example.org"));
        smtp.stop();
        assertEquals(1, service.deliver().retried());
        db.clock.plusSeconds(3600);
        assertEquals(1, service.deliver().failed());
        Map<String, Object> r = db.rows("SELECT * FROM COMM_OUTBOX").get(0);
        assertEquals("FAILED", r.get("STATE"));
        assertEquals(2, ((Number) r.get("ATTEMPTS")).intValue());
        db.clock.plusSeconds(86_400);
        assertTrue(service.deliver().idle());

        List<QueuedMail> errors = service.lastErrors(10);
        assertEquals(1, errors.size());
        assertEquals(MailState.FAILED, errors.get(0).state());
        assertTrue(service.retry(
                Subject.system("shell", "Karaf shell"), errors.get(0).id()));
        assertEquals("QUEUED", db.rows("SELECT STATE FROM COMM_OUTBOX").get(0).get("STATE"));
        assertEquals(
                1, db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'communications.mail.retry'"));
        assertFalse(
                service.retry(
                        Subject.system("shell", "Karaf shell"), errors.get(0).id()),
                "not FAILED now");
    }

    @Test
    void aMalformedAddressFailsAtOnce() {
        MailService service = db.service("node-a", port, Map.of());
        db.enqueue(service, MailDatabase.testMail("bad", "not an address"));
        db.enqueue(service, MailDatabase.testMail("good", "good@example.org"));
        DeliveryWorker.Result result = service.deliver();
        assertEquals(1, result.failed());
        assertEquals(1, result.sent());
        Map<String, Object> bad =
                db.rows("SELECT * FROM COMM_OUTBOX WHERE MAIL_KEY = 'bad'").get(0);
        assertEquals("FAILED", bad.get("STATE"));
        assertEquals(1, ((Number) bad.get("ATTEMPTS")).intValue());
        assertTrue(((String) bad.get("LAST_ERROR")).contains("AddressException"));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void aPermanentRefusalOfTheServerFailsAtOnceATemporaryOneIsRetried() throws Exception {
        try (ScriptedSmtp refusing = new ScriptedSmtp("550 5.1.1 no such mailbox", 0);
                ScriptedSmtp busy = new ScriptedSmtp("451 4.3.0 try again later", 0)) {
            MailService permanent = db.service("node-a", refusing.port(), Map.of());
            db.enqueue(permanent, MailDatabase.testMail("k550", "gone@example.org"));
            assertEquals(1, permanent.deliver().failed());
            Map<String, Object> r =
                    db.rows("SELECT * FROM COMM_OUTBOX WHERE MAIL_KEY = 'k550'").get(0);
            assertEquals("FAILED", r.get("STATE"));
            assertTrue(((String) r.get("LAST_ERROR")).contains("550"), (String) r.get("LAST_ERROR"));

            MailService temporary = db.service("node-b", busy.port(), Map.of());
            db.enqueue(temporary, MailDatabase.testMail("k451", "busy@example.org"));
            assertEquals(1, temporary.deliver().retried());
            Map<String, Object> t =
                    db.rows("SELECT * FROM COMM_OUTBOX WHERE MAIL_KEY = 'k451'").get(0);
            assertEquals("QUEUED", t.get("STATE"));
            assertTrue(((String) t.get("LAST_ERROR")).contains("451"), (String) t.get("LAST_ERROR"));
        }
    }

    @Test
    void twoWorkersOnOneDatabaseNeverSendAMailTwice() throws Exception {
        MailService a = db.service("node-a", port, Map.of("delivery.batchSize", 5));
        MailService b = db.service("node-b", port, Map.of("delivery.batchSize", 5));
        int n = 60;
        for (int i = 0; i < n; i++) {
            db.enqueue(i % 2 == 0 ? a : b, MailDatabase.testMail("both:" + i, "r" + i + "@example.org"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<DeliveryWorker.Result> ra = pool.submit(() -> {
                go.await();
                return a.deliver();
            });
            Future<DeliveryWorker.Result> rb = pool.submit(() -> {
                go.await();
                return b.deliver();
            });
            go.countDown();
            int sent = ra.get(60, TimeUnit.SECONDS).sent()
                    + rb.get(60, TimeUnit.SECONDS).sent();
            assertEquals(n, sent);
        } finally {
            pool.shutdownNow();
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(n, received.length);
        assertEquals(n, messageIds(received).size(), "every Message-ID once");
        assertEquals(n, db.count("SELECT COUNT(*) FROM COMM_OUTBOX WHERE STATE = 'SENT'"));
    }

    @Test
    void stoppingMidBatchFinishesTheMailInFlightAndReleasesTheRestSoARestartSendsEachOnce() throws Exception {
        int n = 12;
        try (ScriptedSmtp slow = new ScriptedSmtp("250 OK", 150)) {
            MailService first = db.service("node-a", slow.port(), Map.of());
            for (int i = 0; i < n; i++) {
                db.enqueue(first, MailDatabase.testMail("stop:" + i, "r" + i + "@example.org"));
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<DeliveryWorker.Result> run = pool.submit(first::deliver);
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (slow.accepted.isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                first.deactivate();
                DeliveryWorker.Result result = run.get(30, TimeUnit.SECONDS);
                assertTrue(result.sent() >= 1 && result.sent() < n, "stopped mid-batch: " + result);
                assertEquals(0, db.count("SELECT COUNT(*) FROM COMM_OUTBOX WHERE STATE = 'SENDING'"));
                assertEquals(slow.accepted.size(), db.count("SELECT COUNT(*) FROM COMM_OUTBOX WHERE STATE = 'SENT'"));
                assertEquals(
                        n - slow.accepted.size(),
                        db.count("SELECT COUNT(*) FROM COMM_OUTBOX WHERE STATE = 'QUEUED' AND ATTEMPTS = 0"
                                + " AND CLAIMED_BY IS NULL"),
                        "the rest is back in the queue, no attempt counted");
            } finally {
                pool.shutdownNow();
            }

            MailService restarted = db.service("node-a2", slow.port(), Map.of());
            restarted.deliver();
            assertEquals(n, slow.accepted.size());
            assertEquals(n, new HashSet<>(slow.accepted).size(), "each mail exactly once");
            assertEquals(n, db.count("SELECT COUNT(*) FROM COMM_OUTBOX WHERE STATE = 'SENT'"));
        }
    }

    @Test
    void aClaimOfANodeThatDiedIsTakenOverOnceItsLeaseExpires() {
        MailService dead = db.service("node-dead", port, Map.of());
        db.enqueue(dead, MailDatabase.testMail("k", "a@example.org"));
        Instant now = db.clock.instant();
        long id = idOf("k");
        boolean claimed = db.jpa.txExpr(
                TransactionType.Required, em -> OutboxStore.claim(em, id, "node-dead", now, now.plusSeconds(300)));
        assertTrue(claimed);
        MailService alive = db.service("node-alive", port, Map.of());
        assertTrue(alive.deliver().idle(), "the live claim is respected");
        db.clock.plusSeconds(301);
        assertEquals(1, alive.deliver().sent());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void mailsQueuedWhileDeliveryIsOffWaitAndOldOnesAreGivenUp() {
        MailService off = new MailService(
                db.jpa, MailDatabase.config(Map.of("mail.enabled", false)), db.clock, "node-off", false);
        assertFalse(off.deliveryEnabled());
        assertTrue(db.enqueue(off, MailDatabase.testMail("old", "a@example.org")));
        assertTrue(off.deliver().idle());
        db.clock.plusSeconds(73 * 3600);
        db.enqueue(off, MailDatabase.testMail("new", "b@example.org"));
        MailService on = db.service("node-on", port, Map.of());
        assertEquals(1, on.deliver().sent());
        assertEquals(
                "FAILED",
                db.rows("SELECT STATE FROM COMM_OUTBOX WHERE MAIL_KEY = 'old'")
                        .get(0)
                        .get("STATE"));
        assertEquals(
                "SENT",
                db.rows("SELECT STATE FROM COMM_OUTBOX WHERE MAIL_KEY = 'new'")
                        .get(0)
                        .get("STATE"));
    }

    @Test
    void badSettingsLeaveDeliveryOffButMailsAreStillQueued() {
        MailService bad = new MailService(
                db.jpa,
                MailDatabase.config(Map.of("mail.enabled", true, "smtp.security", "tls13", "smtp.password", "s3cret")),
                db.clock,
                "node-bad",
                false);
        assertFalse(bad.deliveryEnabled());
        assertTrue(bad.describeSettings().contains("smtp.security"));
        assertFalse(bad.describeSettings().contains("s3cret"));
        assertTrue(db.enqueue(bad, MailDatabase.testMail("k", "a@example.org")));
    }

    @Test
    void theTestMailGoesThroughTheQueueAndIsAudited() throws Exception {
        MailService service = db.service("node-a", port, Map.of());
        long id = service.queueTest(
                Subject.system("shell", "Karaf shell"), "ops@example.org", Locale.forLanguageTag("pl"));
        assertEquals(MailState.QUEUED, service.find(id).orElseThrow().state());
        assertEquals(1, service.deliver().sent());
        assertEquals("Testowa wiadomość z systemu Domus", smtp.getReceivedMessages()[0].getSubject());
        assertEquals(MailState.SENT, service.find(id).orElseThrow().state());
        assertEquals(1, service.counts().get(MailState.SENT));
        assertEquals(
                1, db.count("SELECT COUNT(*) FROM CORE_AUDIT_EVENT WHERE ACTION_NAME = 'communications.mail.test'"));
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
