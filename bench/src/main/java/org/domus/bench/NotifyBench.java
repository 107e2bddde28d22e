package org.domus.bench;

import static org.domus.bench.Figures.deleteTree;
import static org.domus.bench.Figures.latency;
import static org.domus.bench.Figures.printLatency;
import static org.domus.bench.Figures.seconds;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.domus.bench.Figures.Heap;
import org.domus.bench.Figures.Latency;
import org.domus.communications.Announcement;
import org.domus.communications.AnnouncementInput;
import org.domus.communications.AnnouncementQuery;
import org.domus.communications.CommunicationsEvents;
import org.domus.communications.Notification;
import org.domus.communications.internal.CommunicationsGrants;
import org.domus.communications.internal.announce.AnnouncementBenchAccess;
import org.domus.communications.internal.announce.AnnouncementServiceImpl;
import org.domus.communications.internal.mail.MailBenchAccess;
import org.domus.communications.internal.mail.MailService;
import org.domus.communications.internal.notify.FanoutBenchAccess;
import org.domus.communications.internal.notify.NotificationServiceImpl;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.audience.AudienceTarget;
import org.domus.core.internal.access.RoleBasedAccessPolicy;
import org.domus.core.internal.account.AccountServiceImpl;
import org.domus.core.internal.account.Argon2PasswordHasher;
import org.domus.core.internal.account.PasswordPolicy;
import org.domus.core.internal.audience.SqlAudience;
import org.domus.core.internal.registry.JpaRegistryDirectory;
import org.domus.core.internal.registry.RegistryGrants;
import org.domus.core.internal.registry.RegistryServiceImpl;
import org.domus.core.registry.Organisation;
import org.domus.demo.internal.CooperativeGenerator;
import org.domus.persistence.testing.ResourceLocalJpaTemplate;
import org.domus.persistence.testing.TestMigrations;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.service.event.Event;

/**
 * The communications module's notification benchmark on a demo cooperative (10,000 units by default) in a fresh
 * embedded Derby database with the platform's and the communications module's real changelogs and services:
 *
 * <ol>
 *   <li><b>Fan-out</b>: an organisation-wide urgent announcement published through {@code AnnouncementService},
 *       then the fan-out worker's round (batches of {@code notify.batchSize} accounts, one transaction each) until
 *       every notification row and queued mail exists; against a raw JDBC batch insert of the very rows it wrote
 *       (read back, inserted again under other keys in batches of 1000 with a commit per batch, removed again
 *       untimed). The same for a building-wide announcement (one building's residents).
 *   <li><b>Reading</b>, with those rows in place and a third of the residents having opened the announcement:
 *       the bell's unread count and latest 10 for random residents and the staff list's "read by N of M" (p50,
 *       p99), against plain JDBC reads of the same rows by index.
 *   <li><b>Outbox delivery</b>: the building-wide announcement's mails delivered through the mail service's
 *       delivery worker to an in-process GreenMail SMTP server, against sending the same texts with Jakarta Mail
 *       over one connection.
 * </ol>
 *
 * <p>The demo generator gives an account to the demo resident only; the benchmark gives every other current
 * holder an account (raw JDBC, before anything is timed), so that an announcement reaches every household as it
 * would in a cooperative whose residents all signed up.
 *
 * <p>System properties: {@code bench.units} (10000), {@code bench.seed} (20260101), {@code bench.warmup} (200),
 * {@code bench.iterations} (2000), {@code bench.dir} (bench-notify in {@code bench.target}, which the pom sets to
 * bench/target).
 */
public final class NotifyBench {

    /** Rows per JDBC batch and commit in the baseline. */
    private static final int RAW_BATCH = 1000;

    private static final String BODY = "<p>The water supply in every building is <b>off on Monday 8:00-12:00</b>"
            + " for an inspection of the mains. Please keep some water ready.</p>";

    private static final String NOTIFICATION_COLUMNS = "ACCOUNT_ID, KIND, TITLE, BODY, LINK, SOURCE_KEY, CREATED_AT";
    private static final String OUTBOX_COLUMNS = "MAIL_KEY, ACCOUNT_ID, ADDRESS, LOCALE, TEMPLATE, SUBJECT, BODY_TEXT,"
            + " BODY_HTML, MESSAGE_ID, STATE, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT";

    private NotifyBench() {}

    public static void main(String[] args) throws Exception {
        int units = Integer.getInteger("bench.units", 10_000);
        long seed = Long.getLong("bench.seed", 20260101L);
        int warmup = Integer.getInteger("bench.warmup", 200);
        int iterations = Integer.getInteger("bench.iterations", 2000);
        Path dir = Path.of(System.getProperty(
                "bench.dir",
                Path.of(System.getProperty("bench.target", "target"), "bench-notify")
                        .toString()));
        deleteTree(dir);
        Files.createDirectories(dir);

        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("domus").toString());
        ds.setCreateDatabase("create");
        ClassLoader loader = NotifyBench.class.getClassLoader();
        TestMigrations.apply(ds, loader, "db/core-changelog.xml");
        TestMigrations.apply(ds, loader, "db/communications-changelog.xml");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.logging.level", "WARNING");
        EntityManagerFactory coreEmf = new PersistenceProvider().createEntityManagerFactory("domus.core", props);
        EntityManagerFactory commEmf =
                new PersistenceProvider().createEntityManagerFactory("domus.communications", props);
        ResourceLocalJpaTemplate coreJpa = new ResourceLocalJpaTemplate(coreEmf);
        ResourceLocalJpaTemplate commJpa = new ResourceLocalJpaTemplate(commEmf);
        Clock clock = Clock.systemUTC();
        AccountServiceImpl accounts =
                AccountServiceImpl.create(coreJpa, new Argon2PasswordHasher(), new PasswordPolicy(), clock);
        RoleBasedAccessPolicy policy = new RoleBasedAccessPolicy(
                List.of(new RegistryGrants(), new CommunicationsGrants()), new JpaRegistryDirectory(coreJpa), clock);
        RegistryServiceImpl registry = RegistryServiceImpl.create(coreJpa, policy, clock);
        SqlAudience audience = SqlAudience.create(coreJpa, "cs");
        // queueing only, as with mail.enabled = false: phase 3 delivers with a service of its own
        MailService outbox = MailBenchAccess.service(commJpa, clock, "bench-queue", Map.of());
        AnnouncementServiceImpl announcements =
                AnnouncementBenchAccess.create(commJpa, policy, audience, registry, clock);
        FanoutBenchAccess fanout = new FanoutBenchAccess(commJpa, audience, clock, outbox, announcements);
        NotificationServiceImpl notifications = fanout.notifications();

        System.out.printf(
                Locale.ROOT,
                "Domus notification benchmark: %d units, embedded Derby in %s, %s %s, %d cores, max heap %d MB,"
                        + " notify.batchSize=%d%n%n",
                units,
                dir,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                fanout.batchSize());

        long start = System.nanoTime();
        CooperativeGenerator.Result demo = new CooperativeGenerator(registry, accounts)
                .generateIfEmpty(new CooperativeGenerator.Settings(
                        units,
                        seed,
                        "admin",
                        "Bench-Admin-Pass-2026",
                        "resident",
                        "Bench-Resident-Pass-2026",
                        "Bench-Staff-Pass-2026",
                        // one organisation with every unit: the figures are those of one large cooperative
                        1));
        System.out.printf(
                Locale.ROOT,
                "Registry: %d units, %d buildings generated in %.1f s%n",
                demo.units(),
                demo.buildings(),
                seconds(start));
        Organisation org = demo.organisation();
        LocalDate today = LocalDate.now(clock);
        List<AudienceTarget> everyone = List.of(AudienceTarget.of(AudienceTarget.Kind.ORGANISATION, org.id()));
        long demoReach = audience.countResidents(everyone, today, Set.of());
        long holders = count(
                ds,
                "SELECT COUNT(DISTINCT t.PERSON_ID) FROM CORE_TENURE t WHERE t.VALID_FROM <= CURRENT_DATE"
                        + " AND (t.VALID_TO IS NULL OR t.VALID_TO >= CURRENT_DATE)");
        start = System.nanoTime();
        int added = accountsForHolders(ds);
        long reach = audience.countResidents(everyone, today, Set.of());
        System.out.printf(
                Locale.ROOT,
                "Accounts: the demo gives %d of the %,d current holders (persons with a current tenure) an account;"
                        + " the bench added %,d more (raw JDBC, %.1f s): an organisation-wide announcement reaches"
                        + " %,d accounts, %,d of them with an e-mail address%n%n",
                demoReach,
                holders,
                added,
                seconds(start),
                reach,
                count(
                        ds,
                        "SELECT COUNT(DISTINCT a.ID) FROM CORE_ACCOUNT a JOIN CORE_PERSON p ON p.ACCOUNT_ID = a.ID"
                                + " JOIN CORE_TENURE t ON t.PERSON_ID = p.ID WHERE a.EMAIL IS NOT NULL"
                                + " AND t.VALID_FROM <= CURRENT_DATE"
                                + " AND (t.VALID_TO IS NULL OR t.VALID_TO >= CURRENT_DATE)"));

        Subject manager = subject(accounts, "manager");
        long buildingId = count(ds, "SELECT MIN(ID) FROM CORE_BUILDING");

        // ---- 1. fan-out ---------------------------------------------------------------------------------------
        System.out.printf(
                Locale.ROOT,
                "1. Fan-out of an urgent announcement: publish, then the worker's round (batches of %d accounts, one"
                        + " transaction each) against a raw JDBC batch insert of the same rows (batches of %d, a"
                        + " commit each)%n",
                fanout.batchSize(),
                RAW_BATCH);
        String fformat = "| %-17s | %8s | %8s | %8s | %9s | %9s | %8s | %7s | %10s | %6s |%n";
        System.out.printf(
                Locale.ROOT,
                fformat,
                "announcement",
                "accounts",
                "notific.",
                "mails",
                "publish s",
                "fan-out s",
                "rows/s",
                "heap MB",
                "raw rows/s",
                "x raw");
        System.out.printf(
                Locale.ROOT,
                fformat,
                "-".repeat(17),
                "-".repeat(8),
                "-".repeat(8),
                "-".repeat(8),
                "-".repeat(9),
                "-".repeat(9),
                "-".repeat(8),
                "-".repeat(7),
                "-".repeat(10),
                "-".repeat(6));
        Fanned orgWide = fanOut(ds, announcements, fanout, manager, org.id(), everyone, "organisation-wide", fformat);
        Fanned buildingWide = fanOut(
                ds,
                announcements,
                fanout,
                manager,
                org.id(),
                List.of(AudienceTarget.of(AudienceTarget.Kind.BUILDING, buildingId)),
                "building-wide",
                fformat);
        System.out.printf(
                Locale.ROOT,
                "(publish: the service's transaction with the audience count; fan-out: the worker's round until every"
                        + " row is committed; heap MB: peak heap of publish + fan-out; x raw: fan-out time / raw"
                        + " insert time of the same rows)%n");
        // The audience query alone, organisation-wide: publish counts it, the fan-out lists it.
        Latency countAudience = latency(1, 5, () -> audience.countResidents(everyone, today, Set.of()));
        Latency listAudience = latency(1, 5, () -> audience.residents(everyone, today, Set.of()));
        System.out.printf(
                Locale.ROOT,
                "Audience of the organisation, 5 calls after a warm-up: countResidents (in publish) p50 %.0f ms, max"
                        + " %.0f ms; residents (the fan-out's recipients) p50 %.0f ms, max %.0f ms%n",
                countAudience.p50(),
                countAudience.max(),
                listAudience.p50(),
                listAudience.max());
        System.out.printf(
                Locale.ROOT,
                "Per account: organisation-wide %.2f ms, building-wide %.2f ms (fan-out time / accounts reached)%n%n",
                orgWide.seconds() * 1000 / Math.max(1, orgWide.accounts()),
                buildingWide.seconds() * 1000 / Math.max(1, buildingWide.accounts()));

        // ---- 2. reading ---------------------------------------------------------------------------------------
        // A third of the residents opened the organisation-wide announcement (its read receipt and notification).
        List<Long> residents = accountsNotified(ds, orgWide.sourceKey());
        int opened = open(ds, orgWide.id(), orgWide.sourceKey(), residents);
        Heap.reset();
        Random pick = new Random(seed + 1);
        Map<Long, Subject> subjects = new HashMap<>();
        for (long account : residents) {
            subjects.put(
                    account,
                    new Subject(
                            account, "resident." + account, "Resident", Set.of(Role.RESIDENT), Locale.ROOT, Set.of()));
        }
        System.out.printf(
                Locale.ROOT,
                "2. Reading, %,d residents with notifications (%,d of them opened the organisation-wide announcement),"
                        + " %d warm-up and %d measured calls each, random residents%n",
                residents.size(),
                opened,
                warmup,
                iterations);
        String lformat = "| %-58s | %8s | %8s | %8s | %10s |%n";
        System.out.printf(Locale.ROOT, lformat, "call", "p50 ms", "p99 ms", "max ms", "p99 x base");
        System.out.printf(
                Locale.ROOT, lformat, "-".repeat(58), "-".repeat(8), "-".repeat(8), "-".repeat(8), "-".repeat(10));
        Latency baseCount =
                latency(warmup, iterations, () -> jdbcUnread(ds, residents.get(pick.nextInt(residents.size()))));
        printLatency(lformat, "baseline: JDBC unread count by (ACCOUNT_ID, READ_AT) index", baseCount, baseCount);
        long[] unread = new long[1];
        Latency count = latency(
                warmup,
                iterations,
                () -> unread[0] +=
                        notifications.unreadCount(subjects.get(residents.get(pick.nextInt(residents.size())))));
        printLatency(lformat, "NotificationService.unreadCount (the bell)", count, baseCount);
        Latency baseList =
                latency(warmup, iterations, () -> jdbcLatest(ds, residents.get(pick.nextInt(residents.size()))));
        printLatency(lformat, "baseline: JDBC latest 10 of an account by index", baseList, baseList);
        Latency list = latency(warmup, iterations, () -> {
            List<Notification> items = notifications
                    .list(subjects.get(residents.get(pick.nextInt(residents.size()))), false, null, 0, 10)
                    .items();
            if (items.isEmpty()) {
                throw new IllegalStateException("a notified resident without notifications");
            }
        });
        printLatency(lformat, "NotificationService.list, latest 10 (the bell's list)", list, baseList);
        Latency baseReads = latency(warmup, iterations, () -> jdbcReadBy(ds, orgWide.id()));
        printLatency(lformat, "baseline: JDBC audience count by id + reads by PK prefix", baseReads, baseReads);
        AnnouncementQuery staffList = new AnnouncementQuery(org.id(), Set.of(), null, null, 0, 50);
        Announcement[] shown = new Announcement[1];
        Latency reads = latency(
                warmup,
                iterations,
                () -> shown[0] = announcements.list(manager, staffList).items().stream()
                        .filter(a -> a.id() == orgWide.id())
                        .findFirst()
                        .orElseThrow());
        printLatency(lformat, "AnnouncementService.list, staff, \"read by N of M\"", reads, baseReads);
        System.out.printf(
                Locale.ROOT,
                "Staff list: \"read by %,d of %,d\"; mean unread count of the residents %.2f%n",
                shown[0].readCount(),
                shown[0].audienceCount(),
                (double) unread[0] / (warmup + iterations));
        Heap.report("reading");

        // ---- 3. outbox delivery -------------------------------------------------------------------------------
        System.out.printf(
                Locale.ROOT,
                "%n3. Outbox delivery of the building-wide announcement's %d mails through the mail service's delivery"
                        + " worker (default settings: batches of 20 claimed mails, one SMTP connection per batch) to"
                        + " an in-process GreenMail SMTP server%n",
                buildingWide.mails());
        // only the building's mails are due: the organisation-wide ones wait (untimed)
        execute(
                ds,
                "UPDATE COMM_OUTBOX SET NEXT_ATTEMPT_AT = {ts '2100-01-01 00:00:00'} WHERE STATE = 'QUEUED'"
                        + " AND MAIL_KEY NOT LIKE 'notify:" + buildingWide.sourceKey() + ":%'");
        Heap.reset();
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            MailService delivery = MailBenchAccess.service(
                    commJpa,
                    clock,
                    "bench-delivery",
                    Map.of(
                            "mail.enabled",
                            true,
                            "smtp.host",
                            "127.0.0.1",
                            "smtp.port",
                            port,
                            "smtp.from",
                            "Domus <domus@example.org>",
                            "smtp.timeoutSeconds",
                            20));
            // Baseline first (it also warms up Jakarta Mail for the worker): the same mails' texts, sent over one
            // SMTP connection with Jakarta Mail directly, no database.
            List<Object[]> mails = read(
                    ds,
                    "SELECT ADDRESS, SUBJECT, BODY_TEXT, BODY_HTML FROM COMM_OUTBOX WHERE MAIL_KEY LIKE 'notify:"
                            + buildingWide.sourceKey() + ":%' ORDER BY ID",
                    4);
            double raw = rawSmtp(port, mails);
            long t = System.nanoTime();
            int sent = MailBenchAccess.deliver(delivery);
            double s = seconds(t);
            if (!smtp.waitForIncomingEmail(10_000, mails.size() + sent)) {
                throw new IllegalStateException("GreenMail did not receive the " + sent + " mails");
            }
            long left = count(
                    ds,
                    "SELECT COUNT(*) FROM COMM_OUTBOX WHERE STATE <> 'SENT' AND MAIL_KEY LIKE 'notify:"
                            + buildingWide.sourceKey() + ":%'");
            System.out.printf(
                    Locale.ROOT,
                    "Delivered %d mails in %.2f s = %.0f mails/s (%d not sent); baseline: the same %d mails sent with"
                            + " Jakarta Mail over one connection in %.2f s = %.0f mails/s; delivery / baseline %.1f x"
                            + " (GreenMail received %d)%n",
                    sent,
                    s,
                    sent / s,
                    left,
                    mails.size(),
                    raw,
                    mails.size() / raw,
                    s / raw,
                    smtp.getReceivedMessages().length);
        } finally {
            smtp.stop();
        }
        Heap.report("delivery");
        commEmf.close();
        coreEmf.close();
    }

    // ---- 1. fan-out -----------------------------------------------------------------------------------------

    /** One announcement's fan-out: what it reached and wrote, and how long the worker took. */
    record Fanned(long id, String sourceKey, long accounts, long notifications, long mails, double seconds) {}

    private static Fanned fanOut(
            EmbeddedDataSource ds,
            AnnouncementServiceImpl announcements,
            FanoutBenchAccess fanout,
            Subject manager,
            long organisationId,
            List<AudienceTarget> targets,
            String label,
            String format)
            throws SQLException {
        Announcement draft = announcements.create(
                manager,
                new AnnouncementInput(
                        organisationId, "Water off on Monday (" + label + ")", BODY, targets, null, null, true, 0));
        Heap.reset();
        long t = System.nanoTime();
        Announcement published = announcements.publish(manager, draft.id(), draft.version());
        double publishSeconds = seconds(t);
        // What EventAdmin would deliver to the worker's handler: the event the service posted after its commit.
        List<Event> posted = AnnouncementBenchAccess.posted(announcements);
        Event event = posted.get(posted.size() - 1);
        if (((Number) event.getProperty(CommunicationsEvents.ANNOUNCEMENT_ID)).longValue() != draft.id()) {
            throw new IllegalStateException("no event for announcement " + draft.id());
        }
        t = System.nanoTime();
        fanout.accept(event).orElseThrow();
        if (fanout.processDue() != 1) {
            throw new IllegalStateException("the fan-out of announcement " + draft.id() + " did not finish");
        }
        double fanoutSeconds = seconds(t);
        long peak = Heap.peak();
        String key = "announcements:" + draft.id();
        long notified = count(ds, "SELECT COUNT(*) FROM COMM_NOTIFICATION WHERE SOURCE_KEY = '" + key + "'");
        long mails = count(ds, "SELECT COUNT(*) FROM COMM_OUTBOX WHERE MAIL_KEY LIKE 'notify:" + key + ":%'");
        long reached =
                count(ds, "SELECT COUNT(DISTINCT ACCOUNT_ID) FROM COMM_NOTIFICATION WHERE SOURCE_KEY = '" + key + "'");
        if (reached != published.audienceCount()) {
            throw new IllegalStateException(
                    "notified " + reached + " accounts of an audience of " + published.audienceCount());
        }
        double raw = rawInsert(ds, key);
        long rows = notified + mails;
        System.out.printf(
                Locale.ROOT,
                format,
                label,
                String.format(Locale.ROOT, "%,d", reached),
                String.format(Locale.ROOT, "%,d", notified),
                String.format(Locale.ROOT, "%,d", mails),
                String.format(Locale.ROOT, "%.2f", publishSeconds),
                String.format(Locale.ROOT, "%.2f", fanoutSeconds),
                String.format(Locale.ROOT, "%.0f", rows / fanoutSeconds),
                String.format(Locale.ROOT, "%d", peak >> 20),
                String.format(Locale.ROOT, "%.0f", rows / raw),
                String.format(Locale.ROOT, "%.1f", fanoutSeconds / raw));
        System.out.flush();
        return new Fanned(draft.id(), key, reached, notified, mails, fanoutSeconds);
    }

    /**
     * Reads the notifications and mails the fan-out wrote for the source key, inserts them again under other keys
     * in batches of {@value #RAW_BATCH} with a commit per batch (timed), then removes them again (untimed).
     *
     * @return the seconds the inserts took
     */
    private static double rawInsert(EmbeddedDataSource ds, String key) throws SQLException {
        List<Object[]> notifications = read(
                ds,
                "SELECT " + NOTIFICATION_COLUMNS + " FROM COMM_NOTIFICATION WHERE SOURCE_KEY = '" + key
                        + "' ORDER BY ID",
                7);
        List<Object[]> mails = read(
                ds,
                "SELECT " + OUTBOX_COLUMNS + " FROM COMM_OUTBOX WHERE MAIL_KEY LIKE 'notify:" + key + ":%' ORDER BY ID",
                13);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            // the unique keys (account + source key, mail key) take other values: "bench:" in front
            insert(
                    c,
                    "INSERT INTO COMM_NOTIFICATION (" + NOTIFICATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    notifications,
                    5);
            insert(
                    c,
                    "INSERT INTO COMM_OUTBOX (" + OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    mails,
                    0);
            double elapsed = seconds(t);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM COMM_NOTIFICATION WHERE SOURCE_KEY = 'bench:" + key + "'");
                s.executeUpdate("DELETE FROM COMM_OUTBOX WHERE MAIL_KEY LIKE 'bench:notify:" + key + ":%'");
            }
            c.commit();
            return elapsed;
        }
    }

    private static void insert(Connection c, String sql, List<Object[]> rows, int keyColumn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, i == keyColumn ? "bench:" + row[i] : row[i]);
                }
                ps.addBatch();
                if (++pending == RAW_BATCH) {
                    ps.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
                c.commit();
            }
        }
    }

    private static List<Object[]> read(EmbeddedDataSource ds, String sql, int columns) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    // a CLOB (the mail bodies) is only valid while its connection is open: read it as text
                    row[i] = rs.getMetaData().getColumnType(i + 1) == Types.CLOB
                            ? rs.getString(i + 1)
                            : rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Sends each mail (address, subject, text, HTML) as multipart/alternative over one SMTP connection. */
    private static double rawSmtp(int port, List<Object[]> mails) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(p);
        long t = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (Object[] mail : mails) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("domus@example.org"));
                m.setRecipients(Message.RecipientType.TO, InternetAddress.parse((String) mail[0]));
                m.setSubject((String) mail[1], "UTF-8");
                MimeBodyPart text = new MimeBodyPart();
                text.setText((String) mail[2], "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(mail[3], "text/html; charset=UTF-8");
                m.setContent(new MimeMultipart("alternative", text, html));
                m.saveChanges();
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        return seconds(t);
    }

    // ---- setup ----------------------------------------------------------------------------------------------

    private static Subject subject(AccountServiceImpl accounts, String login) {
        return accounts.subjectOf(accounts.findByLogin(login).orElseThrow().id())
                .orElseThrow();
    }

    /**
     * Gives every person with a current tenure and no account an active account with the person's name and e-mail
     * address in Czech (the password hash is a placeholder: nobody signs in with these accounts).
     *
     * @return how many accounts were added
     */
    private static int accountsForHolders(EmbeddedDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Object[]> persons = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT p.ID, p.FIRST_NAME, p.LAST_NAME, p.COMPANY_NAME, p.EMAIL"
                            + " FROM CORE_PERSON p WHERE p.ACCOUNT_ID IS NULL AND EXISTS (SELECT t.ID FROM"
                            + " CORE_TENURE t WHERE t.PERSON_ID = p.ID AND t.VALID_FROM <= CURRENT_DATE"
                            + " AND (t.VALID_TO IS NULL OR t.VALID_TO >= CURRENT_DATE)) ORDER BY p.ID")) {
                while (rs.next()) {
                    persons.add(new Object[] {
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                    });
                }
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement account = c.prepareStatement(
                            "INSERT INTO CORE_ACCOUNT (LOGIN, DISPLAY_NAME, EMAIL, LOCALE, PASSWORD_HASH, STATUS,"
                                    + " CREATED_AT) VALUES (?, ?, ?, 'cs', 'bench: no sign-in', 'ACTIVE', ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement link = c.prepareStatement("UPDATE CORE_PERSON SET ACCOUNT_ID = ? WHERE ID = ?")) {
                for (Object[] p : persons) {
                    String name = p[3] != null ? (String) p[3] : p[1] + " " + p[2];
                    account.setString(1, "holder." + p[0]);
                    account.setString(2, name.length() > 200 ? name.substring(0, 200) : name);
                    account.setString(3, (String) p[4]);
                    account.setTimestamp(4, now);
                    account.executeUpdate();
                    long id;
                    try (ResultSet keys = account.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    link.setLong(1, id);
                    link.setLong(2, (Long) p[0]);
                    link.addBatch();
                }
                link.executeBatch();
            }
            c.commit();
            return persons.size();
        }
    }

    // ---- 2. reading -----------------------------------------------------------------------------------------

    private static List<Long> accountsNotified(EmbeddedDataSource ds, String key) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT ACCOUNT_ID FROM COMM_NOTIFICATION WHERE SOURCE_KEY = ? ORDER BY ACCOUNT_ID")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Every third resident opened the announcement: its read receipt, and its notification read. */
    private static int open(EmbeddedDataSource ds, long announcementId, String key, List<Long> residents)
            throws SQLException {
        int opened = 0;
        try (Connection c = ds.getConnection();
                PreparedStatement receipt = c.prepareStatement(
                        "INSERT INTO COMM_ANNOUNCEMENT_READ (ANNOUNCEMENT_ID, ACCOUNT_ID, READ_AT) VALUES (?, ?, ?)");
                PreparedStatement read = c.prepareStatement(
                        "UPDATE COMM_NOTIFICATION SET READ_AT = ? WHERE ACCOUNT_ID = ? AND SOURCE_KEY = ?")) {
            c.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (int i = 0; i < residents.size(); i += 3) {
                receipt.setLong(1, announcementId);
                receipt.setLong(2, residents.get(i));
                receipt.setTimestamp(3, now);
                receipt.addBatch();
                read.setTimestamp(1, now);
                read.setLong(2, residents.get(i));
                read.setString(3, key);
                read.addBatch();
                opened++;
            }
            receipt.executeBatch();
            read.executeBatch();
            c.commit();
        }
        return opened;
    }

    private static void jdbcUnread(EmbeddedDataSource ds, long account) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM COMM_NOTIFICATION WHERE ACCOUNT_ID = ? AND READ_AT IS NULL")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jdbcLatest(EmbeddedDataSource ds, long account) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID, KIND, TITLE, BODY, LINK, CREATED_AT, READ_AT"
                        + " FROM COMM_NOTIFICATION WHERE ACCOUNT_ID = ? ORDER BY CREATED_AT DESC, ID DESC"
                        + " FETCH FIRST 10 ROWS ONLY")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(3);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jdbcReadBy(EmbeddedDataSource ds, long announcementId) {
        try (Connection c = ds.getConnection();
                PreparedStatement audience =
                        c.prepareStatement("SELECT AUDIENCE_COUNT FROM COMM_ANNOUNCEMENT WHERE ID = ?");
                PreparedStatement reads =
                        c.prepareStatement("SELECT COUNT(*) FROM COMM_ANNOUNCEMENT_READ WHERE ANNOUNCEMENT_ID = ?")) {
            audience.setLong(1, announcementId);
            try (ResultSet rs = audience.executeQuery()) {
                rs.next();
                rs.getLong(1);
            }
            reads.setLong(1, announcementId);
            try (ResultSet rs = reads.executeQuery()) {
                rs.next();
                rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- JDBC -----------------------------------------------------------------------------------------------

    private static long count(EmbeddedDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(EmbeddedDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
