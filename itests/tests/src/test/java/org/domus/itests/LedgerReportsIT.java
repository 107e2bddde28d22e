package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.inject.Inject;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.karaf.features.FeaturesService;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ledger's staff reports and the residents' calendar feed over HTTP in the running distribution: the
 * arrears list within each caller's scope, the board's transparency report only for the whole organisation,
 * an XLSX download read back cell by cell, and a calendar feed URL that works without a login until revoked.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerReportsIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    private RegistryFixture world;
    private YearMonth month;

    private boolean ledgerFeatureInstalled() {
        try {
            return features.isInstalled(features.getFeature("domus-ledger"));
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Units A (building A) and B (building B) billed 1,455.00 CZK each for last month, nothing paid. */
    private void billedWorld() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "ledger:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await(
                "ledger services up",
                WAIT,
                // the services register while the feature's installation is still finishing
                () -> service("org.domus.ledger.BillingService") != null
                        && service("org.domus.ledger.LedgerReports") != null
                        && ledgerFeatureInstalled());
        world = new RegistryFixture(registry, accounts, tokens, totp());
        month = YearMonth.now().minusMonths(1);
        LedgerRestScenario scenario = new LedgerRestScenario(
                service("org.domus.ledger.ChargeService"), service("org.domus.ledger.BillingService"));
        assertEquals(
                new BigDecimal("2910.00"),
                scenario.bill(RegistryFixture.SYSTEM, world.organisation.id(), month, new BigDecimal("25.00")));
        await("ledger reports REST", WAIT, () -> statusOf("/api/ledger/arrears", world.admin) == 200);
    }

    private HttpResponse<byte[]> fetch(String path, String bearer, String accept, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .header("Accept-Language", language);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode ok(HttpResponse<String> response) throws IOException {
        assertEquals(response.body(), 200, response.statusCode());
        return parse(response);
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertTrue(
                expected + " vs " + actual,
                actual.isNumber() && new BigDecimal(expected).compareTo(actual.decimalValue()) == 0);
    }

    @Test
    public void arrearsAreScopedTransparencyNeedsTheOrganisationAndDownloadsReadBack() throws Exception {
        billedWorld();
        long a = world.unitA.id();
        long b = world.unitB.id();
        String org = "organisationId=" + world.organisation.id();

        JsonNode all = ok(get("/api/ledger/arrears?" + org, world.admin));
        assertEquals(all.toString(), 2, all.path("total").asInt());
        for (JsonNode row : all.path("items")) {
            assertAmount("1455.00", row.path("debt"));
            assertEquals(month.toString(), row.path("since").asText());
            assertEquals(1, row.path("monthsOverdue").asInt());
            assertEquals("CZK", row.path("currency").asText());
        }
        JsonNode holders = all.path("items").get(0).path("holders");
        assertEquals(holders.toString(), 1, holders.size());

        // The building-A manager sees building A's debtor, not a 403, and is refused building B outright.
        JsonNode mine = ok(get("/api/ledger/arrears", world.managerA));
        assertEquals(mine.toString(), 1, mine.path("total").asInt());
        assertEquals(a, mine.path("items").get(0).path("unitId").asLong());
        assertEquals(
                1,
                ok(get("/api/ledger/arrears?estateId=" + world.estate.id(), world.managerA))
                        .path("total")
                        .asInt());
        assertProblem(get("/api/ledger/arrears?buildingId=" + world.buildingB.id(), world.managerA), 403);
        HttpResponse<String> resident = get("/api/ledger/arrears", world.residentA);
        assertTrue(resident.body(), resident.statusCode() == 403 || resident.statusCode() == 404);
        assertFalse(resident.body(), resident.body().contains("\"unitId\":" + b));
        assertEquals(
                0,
                ok(get("/api/ledger/arrears?" + org + "&minAmount=2000", world.admin))
                        .path("total")
                        .asInt());
        assertEquals(
                0,
                ok(get("/api/ledger/arrears?" + org + "&minMonths=2", world.admin))
                        .path("total")
                        .asInt());
        assertProblem(get("/api/ledger/arrears?sort=size", world.admin), 422);
        assertProblem(get("/api/ledger/arrears?format=pdf", world.admin), 422);

        // The board's report: the whole organisation only.
        String transparency =
                "/api/ledger/organisations/" + world.organisation.id() + "/transparency?from=" + month + "&to=" + month;
        assertProblem(get(transparency, world.managerA), 403);
        HttpResponse<String> residentReport = get(transparency, world.residentA);
        assertTrue(residentReport.body(), residentReport.statusCode() == 404 || residentReport.statusCode() == 403);
        JsonNode report = ok(get(transparency, world.admin));
        assertEquals(1, report.path("months").size());
        assertAmount("2910.00", report.path("months").get(0).path("chargesTotal"));
        assertEquals("REPAIR", report.path("components").get(0).path("code").asText());
        assertAmount("2910.00", report.path("totals").path("charges").get(0));

        // The arrears list as a Czech XLSX download, read back from its sheet XML.
        HttpResponse<byte[]> xlsx =
                fetch("/api/ledger/arrears?" + org + "&sort=unit&format=xlsx", world.admin, "*/*", "cs");
        assertEquals(new String(xlsx.body(), StandardCharsets.UTF_8), 200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").startsWith(XLSX));
        String disposition = xlsx.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition, disposition.startsWith("attachment; filename=\"nedoplatky-"));
        assertTrue(disposition, disposition.endsWith(".xlsx\""));
        List<List<String[]>> rows = sheetRows(xlsx.body());
        assertEquals(3, rows.size());
        List<String> header = new ArrayList<>();
        rows.get(0).forEach(cell -> header.add(cell[1]));
        assertEquals("Adresa", header.get(0));
        int debt = header.indexOf("Dluh");
        int since = header.indexOf("Neuhrazeno od");
        assertTrue(header.toString(), debt > 0 && since > 0);
        String[] firstDebt = rows.get(1).get(debt);
        assertEquals("n", firstDebt[0]);
        assertEquals(0, new BigDecimal("1455.00").compareTo(new BigDecimal(firstDebt[1])));
        assertTrue(rows.get(1).get(0)[1], rows.get(1).get(0)[1].startsWith("Květná 12"));
        assertTrue(rows.get(2).get(0)[1], rows.get(2).get(0)[1].startsWith("Lipová 3"));
        assertEquals("s", rows.get(1).get(0)[0]);
        // the month cell is a date serial (the first day of the month), formatted by its style
        long serial = Long.parseLong(rows.get(1).get(since)[1]);
        assertEquals(
                month.atDay(1).toEpochDay()
                        - java.time.LocalDate.of(1899, 12, 30).toEpochDay(),
                serial);

        // The transparency report as CSV chosen by the Accept header, English: commas and a decimal point.
        HttpResponse<byte[]> csv = fetch(transparency, world.admin, "text/csv", "en");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("\uFEFFMonth,Charges: Repair fund,Charges billed,"));
        assertTrue(text, text.contains("\r\n" + month + ",2910.00,2910.00,0.00,"));

        // Staff unit lists download too.
        HttpResponse<byte[]> postings =
                fetch("/api/ledger/units/" + a + "/postings?format=csv", world.managerA, "*/*", "en");
        assertEquals(200, postings.statusCode());
        String postingsCsv = new String(postings.body(), StandardCharsets.UTF_8);
        assertTrue(postingsCsv, postingsCsv.contains(",Charge," + month + ",Repair fund,1455.00,,CZK,"));
        HttpResponse<byte[]> turnover = fetch(
                "/api/ledger/units/" + a + "/turnover?from=" + month + "&to=" + month + "&format=xlsx",
                world.managerA,
                "*/*",
                "en");
        assertEquals(200, turnover.statusCode());
        assertEquals(2, sheetRows(turnover.body()).size());
        assertEquals(
                403,
                fetch("/api/ledger/units/" + b + "/postings?format=xlsx", world.managerA, "*/*", "en")
                        .statusCode());
    }

    @Test
    public void aCalendarFeedUrlServesTheResidentsDueDatesWithoutLoginUntilRevoked() throws Exception {
        billedWorld();
        assertFalse(ok(get("/api/ledger/me/calendar-feed", world.residentA))
                .path("active")
                .asBoolean());

        HttpResponse<String> issued = send("POST", "/ledger/me/calendar-feed", world.residentA, null);
        assertEquals(issued.body(), 201, issued.statusCode());
        String url = parse(issued).path("url").asText();
        assertTrue(url, url.contains("/api/ledger/calendar/") && url.endsWith(".ics"));
        String path = URI.create(url).getRawPath();

        HttpResponse<byte[]> feed = fetch(path, null, "text/calendar", "en");
        String ics = new String(feed.body(), StandardCharsets.UTF_8);
        assertEquals(ics, 200, feed.statusCode());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertTrue(ics, ics.startsWith("BEGIN:VCALENDAR\r\n"));
        assertTrue(ics, ics.contains("BEGIN:VEVENT"));
        assertTrue(ics, ics.contains("ledger-due-" + world.unitA.id() + "-"));
        assertFalse(ics, ics.contains("ledger-due-" + world.unitB.id() + "-"));
        assertTrue(ok(get("/api/ledger/me/calendar-feed", world.residentA))
                .path("active")
                .asBoolean());

        // Rotating ends the old URL; revoking ends the new one; a made-up one never existed.
        HttpResponse<String> rotated = send("POST", "/ledger/me/calendar-feed", world.residentA, null);
        assertEquals(201, rotated.statusCode());
        String newPath = URI.create(parse(rotated).path("url").asText()).getRawPath();
        assertEquals(404, fetch(path, null, "text/calendar", "en").statusCode());
        assertEquals(200, fetch(newPath, null, "text/calendar", "en").statusCode());
        assertEquals(
                204,
                send("DELETE", "/ledger/me/calendar-feed", world.residentA, null)
                        .statusCode());
        assertEquals(404, fetch(newPath, null, "text/calendar", "en").statusCode());
        assertEquals(
                404,
                send("DELETE", "/ledger/me/calendar-feed", world.residentA, null)
                        .statusCode());
        assertEquals(
                404,
                fetch("/api/ledger/calendar/not-a-feed.ics", null, "text/calendar", "en")
                        .statusCode());
    }

    /** The first sheet's rows; each cell as {type, value}: "s" inline string text, "n" the number as written. */
    private static List<List<String[]>> sheetRows(byte[] xlsx) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        assertTrue(parts.keySet().toString(), parts.containsKey("[Content_Types].xml"));
        assertTrue(parts.keySet().toString(), parts.containsKey("xl/workbook.xml"));
        assertTrue(parts.keySet().toString(), parts.containsKey("xl/styles.xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document sheet =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("xl/worksheets/sheet1.xml")));
        List<List<String[]>> rows = new ArrayList<>();
        NodeList rowNodes = sheet.getElementsByTagNameNS("*", "row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            List<String[]> cells = new ArrayList<>();
            NodeList cellNodes = ((Element) rowNodes.item(r)).getElementsByTagNameNS("*", "c");
            for (int c = 0; c < cellNodes.getLength(); c++) {
                Element cell = (Element) cellNodes.item(c);
                if ("inlineStr".equals(cell.getAttribute("t"))) {
                    cells.add(new String[] {"s", cell.getTextContent()});
                } else {
                    cells.add(new String[] {"n", cell.getTextContent()});
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private Object service(String className) {
        ServiceReference<?> ref = context.getServiceReference(className);
        return ref == null ? null : context.getService(ref);
    }
}
