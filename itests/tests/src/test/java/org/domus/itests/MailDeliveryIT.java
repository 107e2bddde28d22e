package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The e-mail queue of the communications module against a real SMTP server (GreenMail inside the container, over
 * TCP): mails queued through {@code domus:mail-test} arrive exactly once although the module's bundle is stopped
 * and started again in the middle of the queue; with the server down they stay queued with their attempts and
 * errors and arrive once when it is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailDeliveryIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PID = "org.domus.communications";
    private static final String MAIL_QUEUE = "org.domus.communications.internal.mail.MailQueue";

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected FeaturesService features;

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    @Filter("(osgi.jndi.service.name=domus)")
    protected DataSource dataSource;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return distribution();
    }

    /** The module installed headless, and GreenMail as a bundle (it needs javax.mail, which the module brings). */
    private void installModuleAndGreenMail() throws Exception {
        if (communications() == null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("modules", "communications:headless");
            configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
            await("the mail queue service", WAIT, () -> bundleContext.getServiceReference(MAIL_QUEUE) != null);
        }
        boolean greenMail = false;
        for (Bundle b : bundleContext.getBundles()) {
            greenMail |= "greenmail".equals(b.getSymbolicName());
        }
        if (!greenMail) {
            features.installFeature("wrap");
            bundleContext
                    .installBundle("wrap:mvn:com.icegreen/greenmail/1.6.15$Bundle-SymbolicName=greenmail"
                            + "&Export-Package=com.icegreen.greenmail.*;version=1.6.15"
                            + "&Import-Package=*;resolution:=optional")
                    .start();
        }
    }

    private Bundle communications() {
        for (Bundle b : bundleContext.getBundles()) {
            if ("org.domus.communications".equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** The e-mail settings; waits until the delivery (re)started with them. */
    private void mailSettings(boolean enabled, int port) throws Exception {
        Map<String, Object> values = new TreeMap<>();
        values.put("mail.enabled", Boolean.toString(enabled));
        values.put("smtp.host", "127.0.0.1");
        values.put("smtp.port", Integer.toString(port));
        values.put("smtp.from", "Domus IT <domus@example.org>");
        values.put("smtp.timeoutSeconds", "5");
        values.put("retry.maxAttempts", "100");
        values.put("retry.backoffSeconds", "1");
        values.put("retry.backoffMaxSeconds", "2");
        values.put("delivery.intervalSeconds", "1");
        values.put("delivery.batchSize", "4");
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        configuration.update(new Hashtable<>(values));
        String expected = enabled ? "127.0.0.1:" + port : "mail.enabled = false";
        await("delivery with " + expected, WAIT, () -> shell("domus:mail-queue").contains(expected));
    }

    private String shell(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } catch (Exception e) {
            return "failed: " + e;
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void queueTestMails(String prefix, int n) {
        for (int i = 0; i < n; i++) {
            String out = shell("domus:mail-test " + prefix + i + "@example.org");
            assertTrue(out, out.contains("queued for " + prefix + i + "@example.org"));
        }
    }

    /** COMM_OUTBOX rows to the prefix per state. */
    private Map<String, Integer> states(String prefix) {
        Map<String, Integer> states = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT STATE, COUNT(*) FROM COMM_OUTBOX WHERE ADDRESS LIKE ? GROUP BY STATE")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    private Set<String> storedMessageIds(String prefix) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT MESSAGE_ID FROM COMM_OUTBOX WHERE ADDRESS LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private int minAttempts(String prefix, boolean withError) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT MIN(ATTEMPTS) FROM COMM_OUTBOX WHERE ADDRESS LIKE ?"
                        + (withError ? " AND LAST_ERROR IS NOT NULL" : ""))) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    public void aRestartOfTheModuleMidQueueDeliversEveryMailExactlyOnce() throws Exception {
        installModuleAndGreenMail();
        String prefix = "restart-";
        int n = 24;
        try (MailTestServer smtp = new MailTestServer(MailTestServer.freePort())) {
            smtp.start();
            int relay = smtp.slowRelay(40);
            mailSettings(false, relay);
            queueTestMails(prefix, n);
            assertEquals(Map.of("QUEUED", n), states(prefix));

            mailSettings(true, relay);
            await("the first mails", WAIT, () -> smtp.messageIds(prefix).size() >= 2);
            Bundle bundle = communications();
            bundle.stop();
            int before = smtp.messageIds(prefix).size();
            Map<String, Integer> stopped = states(prefix);
            assertEquals("no claim survives the stop: " + stopped, null, stopped.get("SENDING"));
            assertEquals("what arrived is marked sent: " + stopped, before, (int) stopped.getOrDefault("SENT", 0));
            assertTrue("stopped in the middle of the queue: " + stopped, stopped.getOrDefault("QUEUED", 0) > 0);

            bundle.start();
            await(
                    "every mail",
                    WAIT,
                    () -> smtp.messageIds(prefix).size() >= n && states(prefix).equals(Map.of("SENT", n)));
            Thread.sleep(3000);
            List<String> received = smtp.messageIds(prefix);
            assertEquals("exactly once each: " + received, n, received.size());
            assertEquals(n, new HashSet<>(received).size());
            assertEquals(storedMessageIds(prefix), new HashSet<>(received));
        }
    }

    @Test
    public void whileTheServerIsDownMailsWaitWithTheirErrorsAndArriveOnceItIsBack() throws Exception {
        installModuleAndGreenMail();
        String prefix = "down-";
        int n = 5;
        try (MailTestServer smtp = new MailTestServer(MailTestServer.freePort())) {
            mailSettings(true, smtp.port());
            queueTestMails(prefix, n);
            await("failed attempts", WAIT, () -> {
                try {
                    return minAttempts(prefix, true) >= 2;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Map<String, Integer> waiting = states(prefix);
            assertEquals("nothing sent: " + waiting, null, waiting.get("SENT"));
            assertEquals("nothing given up: " + waiting, null, waiting.get("FAILED"));
            assertEquals(n, waiting.getOrDefault("QUEUED", 0) + waiting.getOrDefault("SENDING", 0));
            String queue = shell("domus:mail-queue");
            assertTrue(queue, queue.contains("Connect"));

            smtp.start();
            await("every mail", WAIT, () -> states(prefix).equals(Map.of("SENT", n)));
            Thread.sleep(3000);
            List<String> received = smtp.messageIds(prefix);
            assertEquals("exactly once each: " + received, n, received.size());
            assertEquals(storedMessageIds(prefix), new HashSet<>(received));
        }
    }
}
