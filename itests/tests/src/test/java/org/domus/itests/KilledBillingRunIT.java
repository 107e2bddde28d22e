package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;

/**
 * A billing run killed mid-way leaves nothing behind: the real distribution (unpacked from its tar.gz, started
 * with {@code bin/karaf server}) generates the demo organisations with the ledger module; while the demo's
 * billing run of the current month of the first (Czech) organisation is posting (seen in karaf.log, between its "posting" and "posted" lines)
 * the Karaf process is killed with SIGKILL. The database then holds no run, no posting and no month total of
 * that month. Karaf starts again with the scheduled billing run enabled and bills the organisation's month
 * fully: every unit once, the run's postings adding up to its total.
 *
 * <p>Not a Pax Exam test: Pax Exam owns the container's life, and this one must die the hard way.
 */
public class KilledBillingRunIT {

    private static final Duration BOOT_AND_DEMO = Duration.ofMinutes(15);
    private static final int UNITS = Integer.getInteger("itest.killed.units", 3000);

    private Path home;
    private Process karaf;

    @After
    public void stopKaraf() throws Exception {
        if (karaf != null && karaf.isAlive()) {
            kill(karaf, true);
        }
        if (home != null && !Boolean.getBoolean("itest.keep")) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    public void aBillingRunKilledMidWayLeavesNoPostingsAndTheMonthIsBilledFullyAfterRestart() throws Exception {
        home = unpack();
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        int period = month.getYear() * 100 + month.getMonthValue();
        configure(false);

        // 1. the demo cooperative and its ledger; kill while the current month's billing run is posting
        Path log = home.resolve("data/log/karaf.log");
        karaf = start();
        Pattern posting = Pattern.compile("Billing run " + month + " ORGANISATION:(\\d+): posting (\\d+) charge lines");
        Matcher started = waitForLog(log, 0, posting, BOOT_AND_DEMO);
        kill(karaf, true);
        // the demo bills its organisations one after another, the Czech cooperative first: that is the one killed
        long organisation = Long.parseLong(started.group(1));
        String before = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(
                "the run completed before the kill; make it larger (-Ditest.killed.units)",
                before.contains("Billing run " + month + " ORGANISATION:" + started.group(1) + ": posted run"));
        assertTrue("a large run", Integer.parseInt(started.group(2)) > 1000);

        // 2. after the crash, the database (recovered from its log) holds nothing of that run
        try (Connection c = derby()) {
            assertEquals(0, count(c, "SELECT COUNT(*) FROM LEDGER_BILLING_RUN WHERE PERIOD = " + period));
            assertEquals(
                    0,
                    count(
                            c,
                            "SELECT COUNT(*) FROM LEDGER_POSTING p JOIN LEDGER_TRANSACTION t ON t.ID = p.TRANSACTION_ID"
                                    + " WHERE t.KIND = 'CHARGE' AND p.PERIOD = " + period));
            assertEquals(
                    0,
                    count(
                            c,
                            "SELECT COUNT(*) FROM LEDGER_ACCOUNT_MONTH WHERE PERIOD = " + period
                                    + " AND CHARGES <> 0"));
            // the months before were billed completely by the demo before the kill
            assertEquals(
                    3,
                    count(
                            c,
                            "SELECT COUNT(*) FROM LEDGER_BILLING_RUN WHERE PERIOD < " + period
                                    + " AND ORGANISATION_ID = " + organisation));
        } finally {
            shutdownDerby();
        }

        // 3. restart with the scheduled billing run on: it bills the month, once, fully
        configure(true);
        long offset = Files.size(log);
        karaf = start();
        waitForLog(log, offset, Pattern.compile("Scheduled billing run of " + month + " complete"), BOOT_AND_DEMO);
        kill(karaf, false);
        try (Connection c = derby()) {
            List<Map<String, Object>> runs = rows(
                    c,
                    "SELECT ID, TRANSACTION_ID, UNITS, LINES, TOTAL, ACTOR_LOGIN FROM LEDGER_BILLING_RUN"
                            + " WHERE PERIOD = " + period + " AND ORGANISATION_ID = " + organisation);
            assertEquals(1, runs.size());
            Map<String, Object> run = runs.get(0);
            assertEquals("scheduler", run.get("ACTOR_LOGIN"));
            assertEquals(UNITS, count(c, "SELECT COUNT(*) FROM CORE_UNIT"));
            long units = count(c, "SELECT COUNT(*) FROM CORE_UNIT WHERE ORGANISATION_ID = " + organisation);
            assertEquals("the Czech cooperative's third of the demo", (UNITS + 2) / 3, units);
            assertEquals("every unit charged", units, ((Number) run.get("UNITS")).longValue());
            long tx = ((Number) run.get("TRANSACTION_ID")).longValue();
            assertEquals(
                    ((Number) run.get("LINES")).longValue(),
                    count(
                            c,
                            "SELECT COUNT(*) FROM LEDGER_POSTING WHERE TRANSACTION_ID = " + tx
                                    + " AND UNIT_ID IS NOT NULL"));
            assertEquals(
                    units, count(c, "SELECT COUNT(DISTINCT UNIT_ID) FROM LEDGER_POSTING WHERE TRANSACTION_ID = " + tx));
            BigDecimal unitSum = (BigDecimal) rows(
                            c,
                            "SELECT SUM(AMOUNT) AS S FROM LEDGER_POSTING WHERE TRANSACTION_ID = " + tx
                                    + " AND UNIT_ID IS NOT NULL")
                    .get(0)
                    .get("S");
            assertEquals(0, ((BigDecimal) run.get("TOTAL")).compareTo(unitSum));
            // the transaction balances, and no unit was charged a component twice in the month
            assertEquals(
                    0,
                    ((BigDecimal) rows(c, "SELECT SUM(AMOUNT) AS S FROM LEDGER_POSTING WHERE TRANSACTION_ID = " + tx)
                                    .get(0)
                                    .get("S"))
                            .signum());
            assertEquals(
                    0,
                    rows(
                                    c,
                                    "SELECT UNIT_ID, COMPONENT_ID FROM LEDGER_POSTING p JOIN LEDGER_TRANSACTION t"
                                            + " ON t.ID = p.TRANSACTION_ID WHERE t.KIND = 'CHARGE' AND p.PERIOD = "
                                            + period
                                            + " AND p.UNIT_ID IS NOT NULL GROUP BY UNIT_ID, COMPONENT_ID HAVING COUNT(*) > 1")
                            .size());
        } finally {
            shutdownDerby();
        }
    }

    // ---- the distribution as a process --------------------------------------------------------------------

    private static Path unpack() throws IOException, InterruptedException {
        Path dir = Path.of(
                System.getProperty("itest.target", "target"),
                "killed-run",
                UUID.randomUUID().toString());
        Files.createDirectories(dir);
        String tarball = System.getProperty("itest.distribution");
        exec(dir.toFile(), "tar", "xzf", new File(tarball).getAbsolutePath());
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.exists(p.resolve("bin/karaf")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bin/karaf in " + tarball));
        }
    }

    private void configure(boolean scheduled) throws IOException {
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", System.getProperty("itest.http.port"));
        setProperty(
                "etc/org.apache.karaf.management.cfg",
                "rmiRegistryPort",
                System.getProperty("itest.rmi.registry.port"));
        setProperty(
                "etc/org.apache.karaf.management.cfg", "rmiServerPort", System.getProperty("itest.rmi.server.port"));
        Files.writeString(home.resolve("etc/org.domus.modules.cfg"), "modules = demo:headless, ledger:headless\n");
        Files.writeString(
                home.resolve("etc/org.domus.demo.cfg"),
                String.join(
                        "\n",
                        "enabled = true",
                        "units = " + UNITS,
                        "seed = 20260101",
                        "adminPassword = Killed-Run-Admin-2026",
                        "residentPassword = Killed-Run-Resident-2026",
                        ""));
        Files.writeString(
                home.resolve("etc/org.domus.ledger.cfg"),
                String.join(
                        "\n",
                        "billing.enabled = " + scheduled,
                        "billing.dayOfMonth = 1",
                        "billing.scope = all",
                        "billing.checkMinutes = 1",
                        ""));
    }

    private void setProperty(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        lines.removeIf(l -> l.matches("\\s*" + Pattern.quote(key) + "\\s*[=:].*"));
        lines.add(key + " = " + value);
        Files.write(path, lines, StandardCharsets.UTF_8);
    }

    private Process start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        pb.directory(home.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectErrorStream(true);
        pb.redirectOutput(
                ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        return pb.start();
    }

    /** SIGKILL (hard) or SIGTERM (Karaf shuts down cleanly) to the script and the JVM it started. */
    private static void kill(Process process, boolean hard) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle p : tree) {
            if (hard) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(hard ? 30 : 120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }

    /** Follows the log from {@code offset} until a line matches; fails when Karaf dies or time runs out. */
    private Matcher waitForLog(Path log, long offset, Pattern pattern, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long position = offset;
        StringBuilder partial = new StringBuilder();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    if (file.length() > position) {
                        file.seek(position);
                        byte[] bytes = new byte[(int) Math.min(file.length() - position, 1 << 20)];
                        file.readFully(bytes);
                        position += bytes.length;
                        partial.append(new String(bytes, StandardCharsets.UTF_8));
                        int newline;
                        while ((newline = partial.indexOf("\n")) >= 0) {
                            String line = partial.substring(0, newline);
                            partial.delete(0, newline + 1);
                            Matcher m = pattern.matcher(line);
                            if (m.find()) {
                                return m;
                            }
                        }
                    }
                }
            }
            if (!karaf.isAlive()) {
                throw new AssertionError("Karaf ended before the log said " + pattern + "; see " + log);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + pattern + " in " + log + " within " + timeout);
    }

    private static void exec(File dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    // ---- the database, read directly while Karaf is down ---------------------------------------------------

    private String derbyUrl() {
        return "jdbc:derby:" + home.resolve("data/derby/domus").toAbsolutePath();
    }

    private Connection derby() throws SQLException {
        return DriverManager.getConnection(derbyUrl());
    }

    private void shutdownDerby() {
        try {
            DriverManager.getConnection(derbyUrl() + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown of a database as SQLState 08006
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
