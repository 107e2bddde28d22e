package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.ClientInfo;
import org.domus.core.account.NewAccount;
import org.domus.core.ratelimit.RateLimiter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The same distribution on a real PostgreSQL server, switched by configuration only: migrations, the
 * identity services, REST and a module's own tables work unchanged.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends DomusTestSupport {

    @Inject
    @Filter("(osgi.jndi.service.name=domus)")
    protected DataSource dataSource;

    @Inject
    protected FeaturesService features;

    @Configuration
    public Option[] config() throws Exception {
        String port = System.getProperty("itest.pg.port", "0");
        if ("0".equals(port)) {
            // a free port, so that a server left behind by another checkout cannot get in the way
            try (java.net.ServerSocket socket =
                    new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = String.valueOf(socket.getLocalPort());
            }
        }
        File dir = new File(System.getProperty("itest.target", "target"), "postgres");
        File script = new File(System.getProperty("itest.scripts", "src/test/scripts"), "postgres.sh");
        run(script.getAbsolutePath(), "start", port, dir.getAbsolutePath());
        // Stopped by the build in post-integration-test (itests/tests/pom.xml), and here when the JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(script.getAbsolutePath(), "stop", dir.getAbsolutePath());
            } catch (IOException | InterruptedException e) {
                // the JVM is ending; the build's post-integration-test step stops the server too
            }
        }));
        String cfg = "etc/org.ops4j.datasource-domus.cfg";
        return distribution(
                editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(cfg, "url", "jdbc:postgresql://127.0.0.1:" + port + "/domus"),
                editConfigurationFilePut(cfg, "user", "domus"),
                editConfigurationFilePut(cfg, "password", "domus-itest"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }

    @Test
    public void theDataSourceIsPostgresAndThePlatformSchemaIsMigrated() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "core_account", null)) {
                assertTrue("CORE_ACCOUNT exists on PostgreSQL", tables.next());
            }
            try (ResultSet applied =
                    connection.createStatement().executeQuery("select count(*) from databasechangelog")) {
                applied.next();
                assertTrue("changesets recorded", applied.getInt(1) > 0);
            }
        }
    }

    @Inject
    protected RateLimiter rateLimiter;

    @Test
    public void rateLimitsHoldForRacingCallersOnPostgres() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            // every round is a new window row that four threads race to insert (duplicate key on PostgreSQL
            // must not abort the attempt), then to raise past the limit
            for (int round = 0; round < 5; round++) {
                String key = "203.0.113." + round;
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        int granted = 0;
                        for (int i = 0; i < 10; i++) {
                            granted += rateLimiter.tryAcquire("itest.pg", key, 15, Duration.ofHours(1)) ? 1 : 0;
                        }
                        return granted;
                    }));
                }
                start.countDown();
                int granted = 0;
                for (java.util.concurrent.Future<Integer> result : results) {
                    granted += result.get();
                }
                assertEquals("round " + round, 15, granted);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("select key_hash, hits from core_rate_limit where bucket = 'itest.pg'")) {
            int count = 0;
            while (rows.next()) {
                count++;
                assertEquals(64, rows.getString(1).length());
                assertEquals(15, rows.getInt(2));
            }
            assertEquals(5, count);
        }
    }

    @Test
    public void accountsAuthenticateOnPostgres() {
        Subject admin = Subject.system("itest", "Integration test");
        accounts.create(
                new NewAccount(
                        "pg-resident",
                        "PG Resident",
                        "pg@example.org",
                        "Tall-Window-Garden-77".toCharArray(),
                        Set.of(Role.RESIDENT),
                        new Locale("pl"),
                        false),
                admin);
        AuthenticationResult ok = accounts.authenticate(
                "pg-resident", "Tall-Window-Garden-77".toCharArray(), new ClientInfo("127.0.0.1", "itest"));
        assertTrue(ok.succeeded());
        AuthenticationResult bad = accounts.authenticate(
                "pg-resident", "wrong-password-000".toCharArray(), new ClientInfo("127.0.0.1", "itest"));
        assertEquals(AuthenticationResult.Outcome.BAD_CREDENTIALS, bad.outcome());
    }

    @Test
    public void restHealthReportsPostgres() throws Exception {
        await("REST up", Duration.ofSeconds(60), () -> statusOf("/api/health", null) == 200);
        JsonNode health = parse(get("/api/health", null));
        assertEquals("UP", health.path("database").path("status").asText());
        assertTrue(health.toString(), health.toString().contains("PostgreSQL"));
        String token = tokenForNewAccount(Role.MANAGER);
        assertEquals(200, get("/api/me", token).statusCode());
    }

    @Test
    public void aModuleMigratesAndStoresItsDataOnPostgres() throws Exception {
        String version = System.getProperty("project.version");
        features.addRepository(URI.create("mvn:org.domus/org.domus.itest.sample/" + version + "/xml/features"));
        features.installFeature("domus-sample");
        String token = tokenForNewAccount(Role.MANAGER);
        await("sample resource", Duration.ofSeconds(60), () -> statusOf("/api/sample/notes", token) == 200);
        HttpResponse<String> created = post("/api/sample/notes", token, "{\"text\":\"Lift in block B fixed\"}");
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue(get("/api/sample/notes", token).body().contains("Lift in block B fixed"));
        features.uninstallFeature("domus-sample");
    }

    @Inject
    protected org.domus.core.registry.RegistryService registry;

    @Test
    public void theRegistryMigratesScopesAndPagesOnPostgres() throws Exception {
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        await(
                "registry REST",
                Duration.ofSeconds(60),
                () -> statusOf("/api/registry/units/" + world.unitA.id(), world.admin) == 200);
        // the manager's building scope is applied in the SQL on PostgreSQL too
        HttpResponse<String> page = get("/api/registry/units?limit=200&person=nov", world.managerA);
        assertEquals(page.body(), 200, page.statusCode());
        assertEquals(1, parse(page).path("total").asInt());
        assertEquals(403, statusOf("/api/registry/units/" + world.unitB.id(), world.managerA));
        assertEquals(404, statusOf("/api/registry/units/" + world.unitB.id(), world.residentA));
        assertEquals(
                world.unitA.id(),
                parse(get("/api/me/units", world.residentA))
                        .get(0)
                        .path("unit")
                        .path("id")
                        .asLong());
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM CORE_UNIT_HISTORY WHERE UNIT_ID = " + world.unitA.id())) {
            assertTrue(rs.next());
            assertTrue(rs.getLong(1) >= 2); // created + the tenure
        }
    }

    @Inject
    protected org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private Object service(String className) {
        org.osgi.framework.ServiceReference<?> ref = bundleContext.getServiceReference(className);
        return ref == null ? null : bundleContext.getService(ref);
    }

    /**
     * The ledger on PostgreSQL: its changelog migrates, a billing run, a payment, the balance and the turnover
     * sheet work through the real services, and the scheduled billing run claims its LEDGER_JOB row with the
     * conditional update on this database and bills the current month once, as the scheduler.
     */
    @Test
    public void theLedgerBillsTakesPaymentsAndRunsItsScheduleOnPostgres() throws Exception {
        java.util.Dictionary<String, Object> modules = new java.util.Hashtable<>();
        modules.put("modules", "ledger:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(modules);
        await(
                "ledger services up",
                Duration.ofSeconds(120),
                () -> service("org.domus.ledger.BillingService") != null
                        && service("org.domus.ledger.PaymentService") != null
                        && service("org.domus.ledger.ChargeService") != null
                        && service("org.domus.ledger.LedgerService") != null);
        Subject admin = Subject.system("pg-ledger-it", "PostgreSQL ledger IT");
        org.domus.core.registry.Organisation coop = registry.createOrganisation(
                admin, new org.domus.core.registry.Organisation(0, "SBD PostgreSQL", null, "CZ", "CZK", 0));
        org.domus.core.registry.Estate estate =
                registry.createEstate(admin, new org.domus.core.registry.Estate(0, coop.id(), "PG estate", 0));
        org.domus.core.registry.Building building = registry.createBuilding(
                admin,
                new org.domus.core.registry.Building(
                        0, estate.id(), "Postgresova", "5", "Brno", "60200", "CZ", null, null, 0));
        org.domus.core.registry.Unit unit = registry.createUnit(
                admin,
                new org.domus.core.registry.Unit(
                        0,
                        building.id(),
                        "1",
                        org.domus.core.registry.UnitKind.FLAT,
                        1,
                        null,
                        new java.math.BigDecimal("61.50"),
                        3,
                        java.util.List.of(),
                        new org.domus.core.registry.Share(1, 2),
                        org.domus.core.registry.LegalForm.OWNERSHIP,
                        org.domus.core.registry.UnitState.OCCUPIED,
                        null,
                        null,
                        null,
                        0));
        LedgerScenario.Outcome outcome = new LedgerScenario(
                        service("org.domus.ledger.LedgerService"),
                        service("org.domus.ledger.ChargeService"),
                        service("org.domus.ledger.BillingService"),
                        service("org.domus.ledger.PaymentService"))
                .run(admin, coop.id(), unit.id(), java.time.YearMonth.of(2026, 3));
        assertEquals(new java.math.BigDecimal("1537.50"), outcome.charged()); // 25.00 CZK/m² x 61.50 m²
        assertTrue(outcome.secondRunAlreadyPosted());
        assertEquals(new java.math.BigDecimal("37.50"), outcome.balanceAfterPayment());
        assertEquals(new java.math.BigDecimal("37.50"), outcome.closingOfMarch());
        assertTrue(outcome.postings() >= 2);
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM LEDGER_POSTING WHERE UNIT_ID = " + unit.id())) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1)); // the charge and the payment, on PostgreSQL
        }

        // the scheduled run of the current month, for this organisation, once
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        int period = now.getYear() * 100 + now.getMonthValue();
        java.util.Dictionary<String, Object> schedule = new java.util.Hashtable<>();
        schedule.put("billing.enabled", "true");
        schedule.put("billing.dayOfMonth", "1");
        schedule.put("billing.scope", "ORGANISATION:" + coop.id());
        schedule.put("billing.checkMinutes", "1");
        configurationAdmin.getConfiguration("org.domus.ledger", null).update(schedule);
        await("the scheduled billing run", Duration.ofSeconds(180), () -> {
            try (Connection c = dataSource.getConnection();
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT DONE_PERIOD FROM LEDGER_JOB WHERE JOB_NAME = 'billing-run'")) {
                return rs.next() && rs.getInt(1) == period;
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*), MIN(ACTOR_LOGIN), MIN(TOTAL) FROM LEDGER_BILLING_RUN"
                                + " WHERE ORGANISATION_ID = " + coop.id() + " AND PERIOD = " + period)) {
            assertTrue(rs.next());
            assertEquals(1, rs.getLong(1));
            assertEquals("scheduler", rs.getString(2));
            assertEquals(0, new java.math.BigDecimal("1537.50").compareTo(rs.getBigDecimal(3)));
        }
        schedule.put("billing.enabled", "false");
        configurationAdmin.getConfiguration("org.domus.ledger", null).update(schedule);

        // payment reminders decided and recorded on PostgreSQL (LEDGER_REMINDER), each once
        org.domus.core.registry.Organisation reminded = registry.createOrganisation(
                admin, new org.domus.core.registry.Organisation(0, "SBD PG reminders", null, "CZ", "CZK", 0));
        org.domus.core.registry.Building house = registry.createBuilding(
                admin,
                new org.domus.core.registry.Building(
                        0,
                        registry.createEstate(
                                        admin, new org.domus.core.registry.Estate(0, reminded.id(), "PG reminders", 0))
                                .id(),
                        "Upominkova",
                        "9",
                        "Brno",
                        "60200",
                        "CZ",
                        null,
                        null,
                        0));
        java.util.List<Long> flats = new java.util.ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            flats.add(registry.createUnit(
                            admin,
                            new org.domus.core.registry.Unit(
                                    0,
                                    house.id(),
                                    Integer.toString(i),
                                    org.domus.core.registry.UnitKind.FLAT,
                                    1,
                                    null,
                                    new java.math.BigDecimal("50.00"),
                                    2,
                                    java.util.List.of(),
                                    new org.domus.core.registry.Share(1, 2),
                                    org.domus.core.registry.LegalForm.OWNERSHIP,
                                    org.domus.core.registry.UnitState.OCCUPIED,
                                    null,
                                    "8800" + i,
                                    null,
                                    0))
                    .id());
        }
        await(
                "payment reminders up",
                Duration.ofSeconds(60),
                () -> service("org.domus.ledger.payment.PaymentReminders") != null);
        PaymentRemindersScenario.Outcome reminders = new PaymentRemindersScenario(
                        service("org.domus.ledger.ChargeService"),
                        service("org.domus.ledger.BillingService"),
                        service("org.domus.ledger.PaymentService"),
                        service("org.domus.ledger.payment.PaymentReminders"))
                .run(admin, reminded.id(), flats.get(1), java.time.YearMonth.of(2026, 3));
        // the job looks at every organisation: the first one's unit still owes 37.50 of March, so 3 of each
        assertEquals(3, reminders.dueRun().due());
        assertEquals(3, reminders.dueAgain().alreadySent());
        assertEquals(0, reminders.dueAgain().due());
        assertEquals(3, reminders.overdueRun().overdue());
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*), SUM(AMOUNT) FROM LEDGER_REMINDER WHERE POSTED = TRUE"
                                + " AND ORGANISATION_ID = " + reminded.id())) {
            assertTrue(rs.next());
            assertEquals(4, rs.getLong(1));
            // due 1000 + 600, overdue 1000 + 600
            assertEquals(0, new java.math.BigDecimal("3200.00").compareTo(rs.getBigDecimal(2)));
        }
    }

    /**
     * The tickets module on PostgreSQL over REST: its changelog migrates, a resident's ticket goes through the
     * whole workflow (accepted, assigned, worked, completed with a protocol, confirmed), the statistics count
     * it, and files survive the BLOB column byte for byte (a PDF stored as received, a photo re-encoded, the
     * generated protocol parsed back).
     */
    @Test
    public void ticketsRunTheirWorkflowStatisticsAndFilesOnPostgres() throws Exception {
        java.util.Dictionary<String, Object> modules = new java.util.Hashtable<>();
        modules.put("modules", "ledger:headless, tickets:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(modules);
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        // both modules' REST up: CXF answers 404 for a moment while the second one's resources join the application
        await(
                "tickets and ledger REST",
                Duration.ofSeconds(120),
                () -> statusOf("/api/tickets/me", world.residentA) == 200
                        && statusOf("/api/ledger/me/units", world.residentA) == 200);
        String office = tokenForNewAccount(Role.MANAGER);
        org.domus.core.account.Account contractor = accounts.create(
                new NewAccount(
                        "pg-contractor-"
                                + java.util.UUID.randomUUID().toString().substring(0, 6),
                        "PG Contractor",
                        null,
                        "Tall-Window-Garden-77".toCharArray(),
                        Set.of(Role.CONTRACTOR),
                        Locale.ENGLISH,
                        false),
                Subject.system("itest", "Integration test"));
        String worker = tokens.create(accounts.subjectOf(contractor.id()).orElseThrow(), "itest", null)
                .secret();
        long organisation = world.organisation.id();
        await(
                "tickets categories",
                Duration.ofSeconds(60),
                () -> statusOf("/api/tickets/organisations/" + organisation + "/categories", office) == 200);
        long category = 0;
        for (JsonNode c :
                ok(200, send("GET", "/tickets/organisations/" + organisation + "/categories", office, null))) {
            if (c.path("code").asText().equals("WATER")) {
                category = c.path("id").asLong();
            }
        }
        assertTrue(category > 0);

        JsonNode ticket = ok(
                201,
                send(
                        "POST",
                        "/tickets",
                        world.residentA,
                        "{\"area\":\"UNIT\",\"unitId\":" + world.unitA.id() + ",\"categoryId\":" + category
                                + ",\"description\":\"Teče voda pod dřezem\",\"contactPhone\":\"+420 604 000 111\"}"));
        long id = ticket.path("id").asLong();
        assertEquals("NEW", ticket.path("status").asText());
        assertTrue(ticket.path("reference").asText().startsWith("T-"));

        // files through the BLOB column: a PDF comes back byte for byte, a photo re-encoded
        byte[] pdf = TicketsTestSupport.pdf();
        JsonNode storedPdf = ok(201, file("/tickets/" + id + "/attachments", world.residentA, "faktura.pdf", pdf));
        byte[] photo = TicketsTestSupport.jpeg(1024, 768);
        JsonNode storedPhoto = ok(201, file("/tickets/" + id + "/attachments", world.residentA, "drez.jpg", photo));
        org.junit.Assert.assertArrayEquals(
                pdf,
                bytes("/tickets/" + id + "/attachments/" + storedPdf.path("id").asLong(), world.residentA));
        byte[] photoBack = bytes(
                "/tickets/" + id + "/attachments/" + storedPhoto.path("id").asLong(), world.residentA);
        assertEquals(storedPhoto.path("size").asLong(), photoBack.length);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photoBack));
        assertEquals(1024, image.getWidth());

        // the workflow: accepted, assigned to a company and its worker, worked, completed, confirmed
        long company = ok(
                        201,
                        send(
                                "POST",
                                "/tickets/organisations/" + organisation + "/companies",
                                office,
                                "{\"name\":\"Instalatéři PG\",\"groups\":[\"plumbing\"]}"))
                .path("id")
                .asLong();
        long workerId = ok(
                        201,
                        send(
                                "POST",
                                "/tickets/companies/" + company + "/workers",
                                office,
                                "{\"name\":\"Pavel\",\"accountId\":" + contractor.id() + "}"))
                .path("id")
                .asLong();
        ok(200, send("POST", "/tickets/" + id + "/transitions", office, "{\"to\":\"ACCEPTED\"}"));
        ok(
                200,
                send(
                        "POST",
                        "/tickets/" + id + "/transitions",
                        office,
                        "{\"to\":\"ASSIGNED\",\"companyId\":" + company + ",\"workerId\":" + workerId + "}"));
        ok(200, send("POST", "/tickets/" + id + "/assignment", worker, null));
        ok(200, send("POST", "/tickets/" + id + "/transitions", worker, "{\"to\":\"IN_PROGRESS\"}"));
        ok(201, send("POST", "/tickets/" + id + "/work", worker, "{\"minutes\":50,\"note\":\"Nový sifon\"}"));
        ok(
                201,
                send(
                        "POST",
                        "/tickets/" + id + "/complete",
                        worker,
                        "{\"workDone\":\"Vyměněn sifon pod dřezem\",\"signerName\":\"Jana Nováková\","
                                + "\"signature\":\"" + TicketsTestSupport.signature() + "\"}"));
        // a refused move is a clear problem and changes nothing
        HttpResponse<String> refused =
                send("POST", "/tickets/" + id + "/transitions", worker, "{\"to\":\"CONFIRMED\",\"rating\":5}");
        assertProblem(refused, 409);
        JsonNode confirmed = ok(
                200,
                send(
                        "POST",
                        "/tickets/" + id + "/transitions",
                        world.residentA,
                        "{\"to\":\"CONFIRMED\",\"rating\":5,\"comment\":\"Rychlé a čisté\"}"));
        assertEquals("CONFIRMED", confirmed.path("status").asText());
        assertEquals(50, confirmed.path("minutesSpent").asLong());
        assertEquals(5, confirmed.path("rating").asInt());

        String protocol = pdfText(bytes("/tickets/" + id + "/protocol", world.residentA));
        assertTrue(protocol, protocol.contains("Vyměněn sifon pod dřezem"));
        assertTrue(protocol, protocol.contains(ticket.path("reference").asText()));
        List<String> kinds = new java.util.ArrayList<>();
        ok(200, send("GET", "/tickets/" + id + "/timeline", world.residentA, null))
                .forEach(e -> kinds.add(e.path("kind").asText()));
        assertTrue(kinds.toString(), kinds.get(0).equals("CREATED") && kinds.contains("PROTOCOL"));

        // the statistics of the organisation: one ticket, done, on time
        JsonNode figures = ok(200, send("GET", "/tickets/statistics?organisationId=" + organisation, office, null));
        assertEquals(figures.toString(), 1, figures.path("total").asLong());
        assertEquals(figures.toString(), 1, figures.path("done").asLong());
        assertEquals(figures.toString(), 0, figures.path("open").asLong());
        assertEquals(figures.toString(), 0, figures.path("overdue").asLong());
        assertEquals(figures.toString(), 1.0, figures.path("onTimeRatio").asDouble(), 0.0001);
        assertEquals(figures.toString(), 1, figures.path("perCompany").size());

        // the rows on PostgreSQL: four files in the BLOB table (PDF, photo, signature, protocol)
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*), SUM(LENGTH(D.CONTENT)) FROM TICKETS_ATTACHMENT A"
                                + " JOIN TICKETS_ATTACHMENT_DATA D ON D.ATTACHMENT_ID = A.ID WHERE A.TICKET_ID = "
                                + id)) {
            assertTrue(rs.next());
            assertEquals(4, rs.getLong(1));
            assertTrue(rs.getLong(2) > pdf.length + photoBack.length);
        }
    }

    private JsonNode ok(int status, HttpResponse<String> response) throws IOException {
        assertEquals(response.uri() + ": " + response.body(), status, response.statusCode());
        return parse(response);
    }

    /** Raw bytes to an upload route with the file name. */
    private HttpResponse<String> file(String path, String bearer, String name, byte[] content)
            throws IOException, InterruptedException {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create(base() + "/api" + path + "?name=" + name))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private byte[] bytes(String path, String bearer) throws IOException, InterruptedException {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .header("Accept", "*/*")
                .header("Authorization", "Bearer " + bearer)
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(path, 200, response.statusCode());
        return response.body();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }
}
