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
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
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
                        null,
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

    /**
     * The write side end to end over HTTP as an ACCOUNTANT: charge setup, a previewed and posted billing run
     * (a second run says already posted), a bank statement previewed, refused while a line is unmatched,
     * applied for its matched lines and re-applied without effect, a refund, a payment reversed and the run
     * reversed as a whole.
     */
    @Test
    public void anAccountantSetsUpChargesBillsImportsAStatementRefundsAndReversesOverRest() throws Exception {
        installLedger();
        RegistryFixture world = new RegistryFixture(registry, accounts, tokens, totp());
        String accountant = tokenForNewAccount(Role.ACCOUNTANT);
        long org = world.organisation.id();
        long a = world.unitA.id();
        String vs = String.valueOf(700000 + (int) (Math.random() * 99999));
        Unit unitA = registry.unit(RegistryFixture.SYSTEM, a);
        registry.updateUnit(
                RegistryFixture.SYSTEM,
                new Unit(
                        a,
                        unitA.buildingId(),
                        unitA.number(),
                        unitA.kind(),
                        unitA.floor(),
                        unitA.staircase(),
                        unitA.area(),
                        unitA.rooms(),
                        unitA.equipment(),
                        unitA.share(),
                        unitA.legalForm(),
                        unitA.state(),
                        unitA.rent(),
                        vs,
                        null,
                        unitA.version()));
        YearMonth month = YearMonth.now().minusMonths(1);
        await(
                "ledger REST",
                WAIT,
                () -> statusOf("/api/ledger/organisations/" + org + "/components", accountant) == 200);

        // charge setup
        HttpResponse<String> refused = send(
                "POST", "/ledger/organisations/" + org + "/components", accountant, "{\"code\":\"FEE\",\"name\":\"\"}");
        assertProblem(refused, 422);
        assertFalse(
                refused.body(),
                parse(refused).path("errors").get(0).path("message").asText().startsWith("validation."));
        long fee = parse(expect(
                        201,
                        send(
                                "POST",
                                "/ledger/organisations/" + org + "/components",
                                accountant,
                                "{\"code\":\"FEE\",\"name\":\"Správa\",\"basis\":\"PER_UNIT\",\"priority\":10}")))
                .path("id")
                .asLong();
        assertProblem(
                send(
                        "POST",
                        "/ledger/organisations/" + org + "/components",
                        accountant,
                        "{\"code\":\"FEE\",\"name\":\"Again\",\"basis\":\"PER_UNIT\"}"),
                409);
        String rate = "{\"level\":\"ORGANISATION\",\"scopeId\":" + org + ",\"amount\":1000,\"validFrom\":\""
                + month.minusMonths(1).atDay(1) + "\"}";
        long rateId = parse(expect(201, send("POST", "/ledger/components/" + fee + "/rates", accountant, rate)))
                .path("id")
                .asLong();
        assertProblem(send("POST", "/ledger/components/" + fee + "/rates", accountant, rate), 409);
        // ending the rate after the month makes room for the next one
        expect(
                200,
                send(
                        "POST",
                        "/ledger/rates/" + rateId + "/end",
                        accountant,
                        "{\"validTo\":\"" + month.atEndOfMonth() + "\"}"));
        expect(
                201,
                send(
                        "POST",
                        "/ledger/components/" + fee + "/rates",
                        accountant,
                        "{\"level\":\"ORGANISATION\",\"scopeId\":" + org + ",\"amount\":1100,\"validFrom\":\""
                                + month.plusMonths(1).atDay(1) + "\"}"));
        assertEquals(
                2,
                json(send("/ledger/components/" + fee + "/rates", accountant)).size());

        // billing: preview, run, run again
        String billing = "{\"month\":\"" + month + "\"}";
        JsonNode preview = parse(expect(
                200, send("POST", "/ledger/organisations/" + org + "/billing-runs/preview", accountant, billing)));
        assertTrue(preview.path("preview").asBoolean());
        assertEquals(2, preview.path("perUnit").size());
        assertAmount("2000.00", preview.path("total"));
        assertAmount("1000.00", preview.path("perUnit").get(0).path("total"));
        assertEquals(
                0,
                json(send("/ledger/organisations/" + org + "/billing-runs", accountant))
                        .size());
        JsonNode run =
                parse(expect(201, send("POST", "/ledger/organisations/" + org + "/billing-runs", accountant, billing)));
        long runId = run.path("run").path("id").asLong();
        assertAmount(
                "1000.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));
        JsonNode again =
                parse(expect(200, send("POST", "/ledger/organisations/" + org + "/billing-runs", accountant, billing)));
        assertTrue(again.path("alreadyPosted").asBoolean());
        assertEquals(runId, again.path("run").path("id").asLong());
        assertAmount(
                "1000.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));

        // a bank statement: one payment of A, one unknown payer, one debit
        String statement = "Datum;Částka;VS;Protiúčet;Zpráva;ID pohybu\r\n"
                + "15." + month.getMonthValue() + "." + month.getYear() + ";1 200,00;" + vs
                + ";1234567890/0800;Nájem;IT-" + vs + "-1\r\n"
                + "16." + month.getMonthValue() + "." + month.getYear() + ";-50,00;;5566778899/2010;Poplatek;IT-" + vs
                + "-2\r\n"
                + "17." + month.getMonthValue() + "." + month.getYear() + ";300,00;99;111222333/0300;Neznámý;IT-" + vs
                + "-3\r\n";
        String imports = "/ledger/organisations/" + org + "/payment-imports";
        JsonNode previewed = parse(expect(200, statementRequest(imports + "?mode=preview", accountant, statement)));
        assertEquals(1, previewed.path("matched").asInt());
        assertEquals(1, previewed.path("unmatched").asInt());
        assertEquals(1, previewed.path("debits").asInt());
        assertEquals(a, previewed.path("lines").get(0).path("unitId").asLong());
        assertFalse(previewed
                .path("lines")
                .get(2)
                .path("problems")
                .get(0)
                .path("message")
                .asText()
                .startsWith("ledger."));
        HttpResponse<String> incomplete = statementRequest(imports + "?mode=apply", accountant, statement);
        assertProblem(incomplete, 422);
        assertEquals(
                "lines[4].reference",
                parse(incomplete).path("errors").get(0).path("field").asText());
        assertAmount(
                "1000.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));
        JsonNode applied =
                parse(expect(200, statementRequest(imports + "?mode=apply&onlyMatched=true", accountant, statement)));
        assertTrue(applied.path("applied").asBoolean());
        long paymentId = applied.path("lines").get(0).path("transactionId").asLong();
        assertAmount(
                "-200.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));
        JsonNode reapplied =
                parse(expect(200, statementRequest(imports + "?mode=apply&onlyMatched=true", accountant, statement)));
        assertFalse(reapplied.path("applied").asBoolean());
        assertTrue(reapplied.path("importedBefore").asBoolean());
        assertEquals(0, reapplied.path("matched").asInt());
        assertEquals(1, reapplied.path("duplicates").asInt());
        assertAmount(
                "-200.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));
        // what the resident sees: the charge paid, 200.00 credit
        JsonNode open = json(send("/ledger/me/units/" + a + "/open-items", world.residentA));
        assertAmount("200.00", open.path("credit"));
        assertAmount("0.00", open.path("charges").get(0).path("open"));

        // refund the credit: not more than it
        String refund = "{\"amount\":%s,\"bookingDate\":\"" + month.atEndOfMonth() + "\"}";
        assertProblem(
                send("POST", "/ledger/units/" + a + "/refunds", accountant, String.format(refund, "250.00")), 422);
        expect(201, send("POST", "/ledger/units/" + a + "/refunds", accountant, String.format(refund, "200.00")));
        assertAmount(
                "0.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));

        // reverse the payment, then the run
        JsonNode reversal = parse(expect(
                201,
                send(
                        "POST",
                        "/ledger/transactions/" + paymentId + "/reversal",
                        accountant,
                        "{\"reason\":\"wrong payer\"}")));
        assertEquals(paymentId, reversal.path("reversesId").asLong());
        assertProblem(send("POST", "/ledger/transactions/" + paymentId + "/reversal", accountant, "{}"), 409);
        assertEquals(
                reversal.path("id").asLong(),
                json(send("/ledger/transactions/" + paymentId, accountant))
                        .path("reversedById")
                        .asLong());
        assertAmount(
                "1200.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));
        JsonNode reversedRun =
                parse(expect(200, send("POST", "/ledger/billing-runs/" + runId + "/reversal", accountant, "{}")));
        assertEquals("REVERSED", reversedRun.path("state").asText());
        assertAmount(
                "200.00",
                json(send("/ledger/units/" + a + "/balance", accountant)).path("balance"));
        assertProblem(send("POST", "/ledger/billing-runs/" + runId + "/reversal", accountant, "{}"), 409);
    }

    private HttpResponse<String> statementRequest(String path, String bearer, String csv)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Accept-Language", "cs")
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        csv.getBytes(java.nio.charset.Charset.forName("windows-1250"))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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

        // What unit A owes now: no payment QR code while the cooperative's bank account is unknown ...
        JsonNode noCode = json(send("/ledger/me/units/" + a + "/amount-due", world.residentA));
        assertAmount("1455.00", noCode.path("amount"));
        assertTrue(noCode.toString(), noCode.path("standard").isNull());
        // ... an administrator enters it over REST (a bad checksum is refused, nothing written) ...
        Organisation org = registry.organisation(RegistryFixture.SYSTEM, world.organisation.id());
        String orgPath = "/registry/organisations/" + org.id();
        String bad = "{\"name\":\"" + org.name() + "\",\"country\":\"CZ\",\"currency\":\"CZK\","
                + "\"iban\":\"CZ66 0800 0000 1920 0014 5399\",\"bic\":\"GIBACZPX\",\"version\":" + org.version() + "}";
        HttpResponse<String> refused = send("PUT", orgPath, world.admin, bad);
        assertProblem(refused, 422);
        assertEquals("iban", parse(refused).path("errors").get(0).path("field").asText());
        assertEquals(
                403,
                send("PUT", orgPath, world.managerA, bad.replace("CZ66", "CZ65"))
                        .statusCode());
        HttpResponse<String> saved = send("PUT", orgPath, world.admin, bad.replace("CZ66", "CZ65"));
        assertEquals(saved.body(), 200, saved.statusCode());
        assertEquals("CZ6508000000192000145399", parse(saved).path("iban").asText());
        // ... and with the unit's variable symbol the amount due carries a SPAYD code (decoded in the unit tests)
        Unit unitA = registry.unit(RegistryFixture.SYSTEM, a);
        registry.updateUnit(
                RegistryFixture.SYSTEM,
                new Unit(
                        unitA.id(),
                        unitA.buildingId(),
                        unitA.number(),
                        unitA.kind(),
                        unitA.floor(),
                        unitA.staircase(),
                        unitA.area(),
                        unitA.rooms(),
                        unitA.equipment(),
                        unitA.share(),
                        unitA.legalForm(),
                        unitA.state(),
                        unitA.rent(),
                        "4455",
                        null,
                        unitA.version()));
        JsonNode due = json(send("/ledger/me/units/" + a + "/amount-due", world.residentA));
        assertEquals(due.toString(), "SPAYD", due.path("standard").asText());
        String payload = due.path("payload").asText();
        assertTrue(payload, payload.startsWith("SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:1455.00*CC:CZK"));
        assertTrue(payload, payload.contains("*X-VS:4455*"));
        assertTrue(due.path("svg").asText().startsWith("<svg")
                || due.path("svg").asText().startsWith("<?xml"));

        // The objects the routes' path parameters name, on B's side: staff set them up over REST.
        String accountant = tokenForNewAccount(Role.ACCOUNTANT);
        String accountantA = scopedToken(world, Role.ACCOUNTANT);
        long organisation = world.organisation.id();
        long component = json(send("/ledger/organisations/" + organisation + "/components", accountant))
                .get(0)
                .path("id")
                .asLong();
        long rate = parse(expect(
                        201,
                        send(
                                "POST",
                                "/ledger/components/" + component + "/rates",
                                accountant,
                                "{\"level\":\"BUILDING\",\"scopeId\":" + world.buildingB.id()
                                        + ",\"amount\":30.00,\"validFrom\":\""
                                        + month.plusMonths(1).atDay(1) + "\"}")))
                .path("id")
                .asLong();
        long run = json(send("/ledger/organisations/" + organisation + "/billing-runs?month=" + month, accountant))
                .get(0)
                .path("id")
                .asLong();
        long payment = parse(expect(
                        201,
                        send(
                                "POST",
                                "/ledger/units/" + b + "/payments",
                                accountant,
                                "{\"amount\":100.00,\"paidOn\":\"" + month.atDay(20) + "\"}")))
                .path("transaction")
                .path("id")
                .asLong();
        // {name} -> B's object; a new route with another parameter name fails here until it is mapped.
        java.util.Map<String, Long> foreignIds = java.util.Map.of(
                "unitId", b,
                "buildingId", world.buildingB.id(),
                "estateId", world.estate.id(),
                "organisationId", organisation,
                "componentId", component,
                "rateId", rate,
                "runId", run,
                "transactionId", payment);
        java.util.Map<String, Long> ownIds = new java.util.HashMap<>(foreignIds);
        ownIds.put("unitId", a);
        ownIds.put("buildingId", world.buildingA.id());
        // Request bodies are filled property by property from the OpenAPI schema, by name, with B's side
        // wherever a body names a scope or a unit; a new property name fails here until it is mapped.
        java.util.Map<String, Object> bodyValues = new java.util.HashMap<>();
        bodyValues.put("amount", new BigDecimal("10.00"));
        bodyValues.put("month", "2026-01");
        bodyValues.put("paidOn", "2026-01-05");
        bodyValues.put("bookingDate", "2026-01-05");
        bodyValues.put("validFrom", "2026-01-01");
        bodyValues.put("validTo", "2026-01-31");
        bodyValues.put("persons", 2);
        bodyValues.put("level", "BUILDING");
        bodyValues.put("scopeType", "BUILDING");
        bodyValues.put("scopeId", world.buildingB.id());
        bodyValues.put("unitId", b);
        bodyValues.put("code", "WALK");
        bodyValues.put("name", "Walk");
        bodyValues.put("basis", "PER_UNIT");
        bodyValues.put("provider", "walk");
        bodyValues.put("priority", 1);
        bodyValues.put("active", true);
        bodyValues.put("version", 0);
        bodyValues.put("method", "BANK");
        bodyValues.put("reference", "walk");
        bodyValues.put("reason", "walk");
        String before = ledgerSnapshot(accountant, organisation, component, a, b);

        // Every ledger route of the running system, every method, with B's objects.
        JsonNode openApi = parse(get("/api/openapi.json", null));
        List<String> leaks = new ArrayList<>();
        int routes = 0;
        int writes = 0;
        for (Iterator<String> paths = openApi.path("paths").fieldNames(); paths.hasNext(); ) {
            String template = paths.next();
            if (!template.startsWith("/ledger/") || template.contains("{token}")) {
                continue; // the public calendar feed (a secret in the path, no login): LedgerReportsIT
            }
            boolean me = template.startsWith("/ledger/me/");
            java.util.regex.Matcher names =
                    java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            List<String> parameters = new ArrayList<>();
            while (names.find()) {
                parameters.add(names.group(1));
            }
            for (String name : parameters) {
                assertTrue(
                        "map path parameter {" + name + "} of " + template + " to B's side",
                        foreignIds.containsKey(name));
            }
            String foreign = substitute(template, foreignIds);
            String own = substitute(template, ownIds);
            // Unit routes are read by the building-A manager; routes of organisation-wide objects need staff of
            // the whole organisation.
            boolean unitOnly = parameters.stream().allMatch("unitId"::equals);
            for (Iterator<String> methods = openApi.path("paths").path(template).fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                if (!method.equals("GET")) {
                    writes++;
                    if (parameters.isEmpty()) {
                        continue;
                    }
                    JsonNode operation =
                            openApi.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
                    String body = body(openApi, operation, bodyValues, template);
                    int resident = write(method, foreign, world.residentA, body);
                    if (resident != 404) {
                        leaks.add("resident " + method + " " + foreign + " -> " + resident + " (want 404)");
                    }
                    for (String staff : List.of(world.managerA, accountantA)) {
                        int status = write(method, foreign, staff, body);
                        int want = me ? 404 : 403;
                        if (status != want) {
                            leaks.add("building-A staff " + method + " " + foreign + " -> " + status + " (want " + want
                                    + ")");
                        }
                    }
                    continue;
                }
                routes++;
                String ownToken = me ? world.residentA : unitOnly ? world.managerA : accountant;
                int mine = send(own, ownToken).statusCode();
                if (mine != 200) {
                    leaks.add("own side " + own + " -> " + mine + " (want 200)");
                }
                if (parameters.isEmpty()) {
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
                // The charge components are the price list of the organisation both buildings belong to: the
                // building-A manager reads it; everything else of B's is refused.
                boolean priceList = parameters.equals(List.of("componentId"));
                int manager = send(foreign, world.managerA).statusCode();
                int want = me ? 404 : priceList ? 200 : 403;
                if (manager != want) {
                    leaks.add("manager " + foreign + " -> " + manager + " (want " + want + ")");
                }
            }
        }
        assertTrue("ledger GET routes in the OpenAPI document: " + routes, routes >= 20);
        assertTrue("ledger write routes in the OpenAPI document: " + writes, writes >= 12);
        assertEquals("leaks: " + leaks, List.of(), leaks);
        assertEquals(
                "nothing written by refused requests",
                before,
                ledgerSnapshot(accountant, organisation, component, a, b));
        // B sees their own, through the same routes (charged 1455.00, paid 100.00)
        assertAmount(
                "1355.00",
                json(send("/ledger/me/units/" + b + "/balance", world.residentB))
                        .path("balance"));
    }

    /** A JSON body for the operation: every property of its request schema, valued by its name. */
    private String body(JsonNode openApi, JsonNode operation, java.util.Map<String, Object> values, String template)
            throws IOException {
        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            schema = openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertTrue("map body property '" + name + "' of " + template, values.containsKey(name));
            body.put(name, values.get(name));
        }
        return json.writeValueAsString(body);
    }

    private static String substitute(String template, java.util.Map<String, Long> ids) {
        String path = template;
        for (java.util.Map.Entry<String, Long> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
        }
        return path;
    }

    /** A write with a body each route accepts the shape of (a statement for the import, JSON elsewhere). */
    private int write(String method, String path, String bearer, String body) throws IOException, InterruptedException {
        boolean statement = path.endsWith("/payment-imports");
        String query = statement ? "?mode=apply&onlyMatched=true" : "";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api" + path + query))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", statement ? "text/csv" : "application/json")
                .method(
                        method,
                        HttpRequest.BodyPublishers.ofString(
                                statement
                                        ? "date;amount;reference\n2026-01-05;100,00;1\n"
                                        : body == null ? "{}" : body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** What staff of the organisation read of its ledger: equal before and after means nothing was written. */
    private String ledgerSnapshot(String accountant, long organisation, long component, long a, long b)
            throws IOException, InterruptedException {
        StringBuilder snapshot = new StringBuilder();
        for (String path : List.of(
                "/ledger/organisations/" + organisation + "/components",
                "/ledger/organisations/" + organisation + "/billing-runs",
                "/ledger/components/" + component + "/rates",
                "/ledger/components/" + component + "/exemptions",
                "/ledger/units/" + a + "/postings?limit=200",
                "/ledger/units/" + b + "/postings?limit=200",
                "/ledger/units/" + a + "/persons",
                "/ledger/units/" + b + "/persons")) {
            snapshot.append(path)
                    .append(' ')
                    .append(json(send(path, accountant)))
                    .append('\n');
        }
        return snapshot.toString();
    }

    private HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(response.body(), status, response.statusCode());
        return response;
    }

    /** A token of a new account holding the role within building A only (TOTP enrolled where required). */
    private String scopedToken(RegistryFixture world, Role role) {
        Account account = accounts.create(
                new NewAccount(
                        "acc-a-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                        "Accountant A",
                        null,
                        "Correct-Horse-Battery-42".toCharArray(),
                        java.util.Set.of(),
                        java.util.Locale.ENGLISH,
                        false),
                RegistryFixture.SYSTEM);
        accounts.setGrants(
                account.id(),
                java.util.Set.of(RoleGrant.scoped(role, ScopeType.BUILDING, world.buildingA.id())),
                RegistryFixture.SYSTEM);
        Subject subject = accounts.subjectOf(account.id()).orElseThrow();
        if (totp().isRequired(subject)) {
            enrolTotp(totp(), subject);
        }
        return tokens.create(subject, "itest", null).secret();
    }

    private Object service(String className) {
        ServiceReference<?> ref = context.getServiceReference(className);
        return ref == null ? null : context.getService(ref);
    }
}
