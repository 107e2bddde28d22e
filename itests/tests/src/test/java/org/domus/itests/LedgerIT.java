package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.domus.core.Subject;
import org.domus.core.registry.Building;
import org.domus.core.registry.Estate;
import org.domus.core.registry.LegalForm;
import org.domus.core.registry.Organisation;
import org.domus.core.registry.RegistryService;
import org.domus.core.registry.Share;
import org.domus.core.registry.Unit;
import org.domus.core.registry.UnitKind;
import org.domus.core.registry.UnitState;
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

/**
 * The ledger module installs from the modules configuration, migrates its schema and serves its services
 * in the running distribution: a billing run, a payment and the balance through the real services.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerIT extends DomusTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Subject ADMIN = Subject.system("ledger-it", "Ledger IT");

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

    private void installLedger() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("modules", "ledger:headless");
        configurationAdmin.getConfiguration("org.domus.modules", null).update(properties);
        await(
                "ledger services up",
                WAIT,
                () -> service("org.domus.ledger.BillingService") != null
                        && service("org.domus.ledger.PaymentService") != null
                        && service("org.domus.ledger.ChargeService") != null);
        assertTrue(features.isInstalled(features.getFeature("domus-ledger")));
    }

    @Test
    public void theLedgerModuleStartsPostsABillingRunAndAPaymentAndReadsTheBalance() throws Exception {
        installLedger();

        Organisation org =
                registry.createOrganisation(ADMIN, new Organisation(0, "SBD Ledger IT", null, "CZ", "CZK", 0));
        Estate estate = registry.createEstate(ADMIN, new Estate(0, org.id(), "Ledger estate", 0));
        Building building = registry.createBuilding(
                ADMIN, new Building(0, estate.id(), "Ledgerova", "1", "Brno", "60200", "CZ", null, null, 0));
        Unit unit = registry.createUnit(
                ADMIN,
                new Unit(
                        0,
                        building.id(),
                        "1",
                        UnitKind.FLAT,
                        1,
                        new BigDecimal("61.50"),
                        3,
                        List.of(),
                        new Share(1, 2),
                        LegalForm.OWNERSHIP,
                        UnitState.OCCUPIED,
                        null,
                        null,
                        null,
                        0));

        // The ledger's API is only wired into this probe once the module is there: use it from a helper class.
        LedgerScenario scenario = new LedgerScenario(
                service("org.domus.ledger.LedgerService"),
                service("org.domus.ledger.ChargeService"),
                service("org.domus.ledger.BillingService"),
                service("org.domus.ledger.PaymentService"));
        LedgerScenario.Outcome outcome = scenario.run(ADMIN, org.id(), unit.id(), YearMonth.of(2026, 3));

        assertEquals(new BigDecimal("1537.50"), outcome.charged()); // 25.00 CZK/m² x 61.50 m²
        assertTrue(outcome.secondRunAlreadyPosted());
        assertEquals(new BigDecimal("37.50"), outcome.balanceAfterPayment());
        assertEquals(new BigDecimal("37.50"), outcome.closingOfMarch());
        assertFalse(outcome.postings() < 2);
    }

    private HttpResponse<byte[]> send(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/pdf;q=0.9, application/problem+json;q=0.8")
                .header("Accept-Language", "en")
                .header("Authorization", "Bearer " + bearer)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> response) throws IOException {
        assertEquals(new String(response.body(), StandardCharsets.UTF_8), 200, response.statusCode());
        return json.readTree(response.body());
    }

    private static void assertAmount(String expected, JsonNode actual) {
        assertTrue(
                expected + " vs " + actual,
                actual.isNumber() && new BigDecimal(expected).compareTo(actual.decimalValue()) == 0);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    /**
     * Two residents' units billed for last month: resident A reads their own balance, turnover, charges,
     * postings and statement PDF over HTTP; then every {@code /api/ledger} route of the running OpenAPI
     * document is called with B's unit: resident A gets 404 on each, the building-A manager 403 on each
     * staff route, and both get 200 on their own side of every route.
     */
    @Test
    public void residentsReadTheirOwnLedgerOverRestAndNoRouteLeaksAnotherUnit() throws Exception {
        installLedger();
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        YearMonth month = YearMonth.now().minusMonths(1);
        LedgerRestScenario scenario = new LedgerRestScenario(
                service("org.domus.ledger.ChargeService"), service("org.domus.ledger.BillingService"));
        // 58.20 m² x 25.00 CZK for each of the two units
        assertEquals(
                new BigDecimal("2910.00"),
                scenario.bill(RegistryFixture.SYSTEM, world.organisation.id(), month, new BigDecimal("25.00")));
        long a = world.unitA.id();
        long b = world.unitB.id();
        await("ledger REST", WAIT, () -> statusOf("/api/ledger/me/units", world.residentA) == 200);

        JsonNode units = json(send("/ledger/me/units", world.residentA));
        assertEquals(units.toString(), 1, units.size());
        assertEquals(a, units.get(0).path("unitId").asLong());
        assertEquals("CZK", units.get(0).path("currency").asText());
        assertAmount("1455.00", units.get(0).path("balance"));

        JsonNode balance = json(send("/ledger/me/units/" + a + "/balance", world.residentA));
        assertAmount("1455.00", balance.path("balance"));

        JsonNode turnover =
                json(send("/ledger/me/units/" + a + "/turnover?from=" + month + "&to=" + month, world.residentA));
        assertEquals(1, turnover.path("months").size());
        JsonNode row = turnover.path("months").get(0);
        assertEquals(month.toString(), row.path("month").asText());
        assertAmount("0.00", row.path("opening"));
        assertAmount("1455.00", row.path("charges"));
        assertAmount("0.00", row.path("payments"));
        assertAmount("1455.00", row.path("closing"));
        assertEquals(
                12,
                json(send("/ledger/me/units/" + a + "/turnover", world.residentA))
                        .path("months")
                        .size());
        for (String bad : List.of("?from=2026-13", "?from=march", "?from=2026-05&to=2026-01", "?to=1999-1")) {
            HttpResponse<String> refused = get("/api/ledger/me/units/" + a + "/turnover" + bad, world.residentA);
            assertProblem(refused, 422);
            JsonNode error = parse(refused).path("errors").get(0);
            assertTrue(refused.body(), error.path("messageKey").asText().startsWith("ledger."));
            assertFalse(refused.body(), error.path("message").asText().startsWith("ledger."));
        }

        JsonNode charges = json(send("/ledger/me/units/" + a + "/charges?month=" + month, world.residentA));
        assertEquals(charges.toString(), 1, charges.size());
        assertEquals("REPAIR", charges.get(0).path("componentCode").asText());
        assertAmount("1455.00", charges.get(0).path("amount"));
        assertProblem(get("/api/ledger/me/units/" + a + "/charges?month=03-2026", world.residentA), 422);

        JsonNode postings = json(send("/ledger/me/units/" + a + "/postings?limit=10", world.residentA));
        assertEquals(1, postings.path("total").asInt());
        assertEquals("CHARGE", postings.path("items").get(0).path("kind").asText());
        assertProblem(get("/api/ledger/me/units/" + a + "/postings?limit=201", world.residentA), 422);

        HttpResponse<byte[]> pdf =
                send("/ledger/me/units/" + a + "/statement.pdf?from=" + month + "&to=" + month, world.residentA);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = pdfText(pdf.body());
        assertTrue(text, text.contains("Statement of account"));
        assertTrue(text, text.contains("1,455.00"));
        assertTrue(text, text.contains("Repair fund"));
        assertTrue(text, text.contains("Květná 12"));
        // the same statement in Czech, the language the client asks for
        HttpRequest czech = HttpRequest.newBuilder(URI.create(
                        base() + "/api/ledger/me/units/" + a + "/statement.pdf?from=" + month + "&to=" + month))
                .header("Accept", "application/pdf")
                .header("Accept-Language", "cs")
                .header("Authorization", "Bearer " + world.residentA)
                .build();
        String cs = pdfText(
                http.send(czech, HttpResponse.BodyHandlers.ofByteArray()).body());
        assertTrue(cs, cs.contains("Výpis z účtu"));
        assertTrue(cs, cs.contains("Předpis " + String.format("%02d/%d", month.getMonthValue(), month.getYear())));
        assertTrue(cs, cs.replace('\u00a0', ' ').replace('\u202f', ' ').contains("1 455,00"));

        // Every ledger route of the running system, with B's unit.
        JsonNode openApi = parse(get("/api/openapi.json", null));
        List<String> leaks = new ArrayList<>();
        int routes = 0;
        for (Iterator<String> paths = openApi.path("paths").fieldNames(); paths.hasNext(); ) {
            String template = paths.next();
            if (!template.startsWith("/ledger/")
                    || template.contains("{token}")
                    || template.contains("{organisationId}")) {
                continue; // the calendar feed and the organisation reports: LedgerReportsIT
            }
            boolean me = template.startsWith("/ledger/me/");
            boolean hasId = template.contains("{");
            for (Iterator<String> methods = openApi.path("paths").path(template).fieldNames(); methods.hasNext(); ) {
                if (!methods.next().equalsIgnoreCase("get")) {
                    continue;
                }
                routes++;
                String foreign = template.replaceAll("\\{[^}]+}", String.valueOf(b));
                String own = template.replaceAll("\\{[^}]+}", String.valueOf(a));
                String ownToken = me ? world.residentA : world.managerA;
                int mine = send(own, ownToken).statusCode();
                if (mine != 200) {
                    leaks.add((me ? "resident " : "manager ") + own + " -> " + mine + " (want 200)");
                }
                if (!hasId) {
                    String body = new String(send(template, world.residentA).body(), StandardCharsets.UTF_8);
                    if (body.contains("\"unitId\":" + b + ",")) {
                        leaks.add("resident " + template + " shows B's unit");
                    }
                    continue;
                }
                int resident = send(foreign, world.residentA).statusCode();
                if (resident != 404) {
                    leaks.add("resident " + foreign + " -> " + resident + " (want 404)");
                }
                int manager = send(foreign, world.managerA).statusCode();
                if (manager != (me ? 404 : 403)) {
                    leaks.add("manager " + foreign + " -> " + manager + " (want " + (me ? 404 : 403) + ")");
                }
            }
        }
        assertTrue("ledger routes in the OpenAPI document: " + routes, routes >= 11);
        assertEquals("leaks: " + leaks, List.of(), leaks);
        // B sees their own, through the same routes
        assertAmount(
                "1455.00",
                json(send("/ledger/me/units/" + b + "/balance", world.residentB))
                        .path("balance"));
    }

    private Object service(String className) {
        ServiceReference<?> ref = context.getServiceReference(className);
        return ref == null ? null : context.getService(ref);
    }
}
