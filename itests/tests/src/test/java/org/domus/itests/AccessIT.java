package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import org.domus.core.Role;
import org.domus.core.access.RoleGrant;
import org.domus.core.access.ScopeType;
import org.domus.core.account.Account;
import org.domus.core.account.NewAccount;
import org.domus.core.registry.RegistryService;
import org.domus.itests.browser.TotpCodes;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Access control in the running distribution: scoped role grants given and taken over REST (validated,
 * effective at the holder's next request), the TOTP gate for administrators over REST, and the list of
 * routed views that the browser isolation matrix works from.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessIT extends DomusTestSupport {

    private static final String PASSWORD = "Correct-Horse-Battery-42";

    @Inject
    protected RegistryService registry;

    private RegistryFixture world;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Before
    public void setUp() throws Exception {
        world = new RegistryFixture(registry, accounts, tokens, totp());
        await(
                "registry REST",
                Duration.ofSeconds(60),
                () -> statusOf("/api/registry/units/" + world.unitA.id(), world.admin) == 200);
    }

    private Account newAccount(String prefix) {
        return accounts.create(
                new NewAccount(
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                        "Test " + prefix,
                        null,
                        PASSWORD.toCharArray(),
                        Set.of(),
                        Locale.ENGLISH,
                        false),
                RegistryFixture.SYSTEM);
    }

    private String tokenOf(Account account) {
        return tokens.create(accounts.subjectOf(account.id()).orElseThrow(), "itest", null)
                .secret();
    }

    @Test
    public void aScopedGrantGivenOverRestWorksAtOnceAndStopsAtOnceWhenTakenAway() throws Exception {
        Account staff = newAccount("tech");
        // The token is made before the grant and kept after its removal: grants are read per request.
        String token = tokenOf(staff);
        String unitA = "/registry/units/" + world.unitA.id();
        String unitB = "/registry/units/" + world.unitB.id();
        String grants = "/admin/accounts/" + staff.id() + "/grants";
        assertEquals(
                "no grant: nothing of the registry exists",
                404,
                send("GET", unitA, token, null).statusCode());

        String grant = "{\"role\":\"TECHNICIAN\",\"scopeType\":\"BUILDING\",\"scopeId\":" + world.buildingA.id() + "}";
        HttpResponse<String> given = send("POST", grants, world.admin, grant);
        assertEquals(given.body(), 200, given.statusCode());
        JsonNode list = parse(given);
        assertEquals(list.toString(), 1, list.size());
        assertEquals("TECHNICIAN", list.get(0).path("role").asText());
        assertEquals("BUILDING", list.get(0).path("scopeType").asText());
        assertEquals(world.buildingA.id(), list.get(0).path("scopeId").asLong());

        assertEquals("granted building", 200, send("GET", unitA, token, null).statusCode());
        assertEquals("outside the scope", 403, send("GET", unitB, token, null).statusCode());
        // reading is all a technician does: no write anywhere, so changes find nothing to change
        assertProblem(send("PUT", unitA, token, "{}"), 404);
        assertEquals(
                "the account list shows the role",
                "[\"TECHNICIAN\"]",
                parse(send("GET", "/admin/accounts/" + staff.id(), world.admin, null))
                        .path("roles")
                        .toString());

        HttpResponse<String> taken = send(
                "DELETE",
                grants + "?role=TECHNICIAN&scopeType=BUILDING&scopeId=" + world.buildingA.id(),
                world.admin,
                null);
        assertEquals(taken.body(), 204, taken.statusCode());
        assertEquals(
                "revoked: the same token is refused at once",
                404,
                send("GET", unitA, token, null).statusCode());
        assertEquals(0, parse(send("GET", grants, world.admin, null)).size());
        assertProblem(
                send(
                        "DELETE",
                        grants + "?role=TECHNICIAN&scopeType=BUILDING&scopeId=" + world.buildingA.id(),
                        world.admin,
                        null),
                404);
    }

    @Test
    public void invalidGrantsAreRefusedWithProblemsAndChangeNothing() throws Exception {
        Account staff = newAccount("mgr");
        String grants = "/admin/accounts/" + staff.id() + "/grants";
        List<String> refused = new ArrayList<>();
        for (String body : List.of(
                "{\"role\":\"RESIDENT\"}",
                "{\"role\":\"MANAGER\"}",
                "{\"role\":\"ADMIN\",\"scopeType\":\"BUILDING\",\"scopeId\":" + world.buildingA.id() + "}",
                "{\"role\":\"ADMIN\",\"scopeType\":\"ESTATE\",\"scopeId\":" + world.estate.id() + "}",
                "{\"role\":\"MANAGER\",\"scopeType\":\"BUILDING\",\"scopeId\":987654321}",
                "{\"role\":\"MANAGER\",\"scopeType\":\"ESTATE\",\"scopeId\":987654321}",
                "{\"scopeType\":\"BUILDING\",\"scopeId\":" + world.buildingA.id() + "}")) {
            HttpResponse<String> response = send("POST", grants, world.admin, body);
            assertProblem(response, 422);
            refused.add(
                    parse(response).path("detail").asText() + parse(response).path("errors"));
        }
        assertEquals(
                refused.toString(),
                0,
                parse(send("GET", grants, world.admin, null)).size());
        // only account managers may grant
        assertProblem(
                send(
                        "POST",
                        grants,
                        world.managerA,
                        "{\"role\":\"MANAGER\",\"scopeType\":\"BUILDING\",\"scopeId\":" + world.buildingA.id() + "}"),
                403);
        assertProblem(send("GET", grants, world.residentA, null), 403);
        assertProblem(send("GET", "/admin/accounts/987654321/grants", world.admin, null), 404);
        // an organisation-wide ADMIN grant is fine
        HttpResponse<String> admin = send(
                "POST",
                grants,
                world.admin,
                "{\"role\":\"ADMIN\",\"scopeType\":\"ORGANISATION\",\"scopeId\":" + world.organisation.id() + "}");
        assertEquals(admin.body(), 200, admin.statusCode());
    }

    @Test
    public void anAdministratorWithoutTotpReachesOnlyTheEnrolmentOverRest() throws Exception {
        Account account = newAccount("adm");
        accounts.grant(
                account.id(),
                RoleGrant.scoped(Role.ADMIN, ScopeType.ORGANISATION, world.organisation.id()),
                RegistryFixture.SYSTEM);
        String token = tokenOf(account);

        assertProblem(send("GET", "/admin/accounts", token, null), 403);
        assertTrue(send("GET", "/admin/accounts", token, null).body().contains("two-factor"));
        assertProblem(send("GET", "/registry/units/" + world.unitA.id(), token, null), 403);
        assertEquals(200, send("GET", "/me", token, null).statusCode());
        assertEquals(200, send("GET", "/me/totp", token, null).statusCode());

        // A browser-style session of the same account is held to the same gate.
        HttpResponse<String> signIn =
                post("/api/session", null, "{\"login\":\"" + account.login() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(signIn.body(), 200, signIn.statusCode());
        assertTrue(parse(signIn).path("totpEnrolmentRequired").asBoolean());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpRequest.Builder withCookie = HttpRequest.newBuilder(URI.create(base() + "/api/registry/units"))
                .header("Accept", "application/json")
                .header("Cookie", cookie);
        assertEquals(
                403,
                http.send(withCookie.build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());

        // Enrolment over REST, as an app would do it; afterwards everything opens.
        HttpResponse<String> enrolment = send("POST", "/me/totp/enrolment", token, null);
        assertEquals(enrolment.body(), 200, enrolment.statusCode());
        TotpCodes.remember(account.login(), parse(enrolment).path("secret").asText());
        HttpResponse<String> confirmed =
                send("POST", "/me/totp/confirm", token, "{\"code\":\"" + TotpCodes.next(account.login()) + "\"}");
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals(200, send("GET", "/admin/accounts", token, null).statusCode());
        assertEquals(
                200,
                http.send(withCookie.build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @Test
    public void theViewListNamesEveryRouteWithItsPermissionAndParameterKind() throws Exception {
        await("views listed", Duration.ofSeconds(60), () -> statusOf("/api/admin/views", world.admin) == 200);
        JsonNode views = parse(send("GET", "/admin/views?for=" + loginOf(world.residentA), world.admin, null));
        List<String> routes = new ArrayList<>();
        List<String> unknownParameters = new ArrayList<>();
        JsonNode unit = null;
        JsonNode myHome = null;
        for (JsonNode v : views) {
            String route = v.path("route").asText();
            routes.add(route);
            if (v.path("hasParameter").asBoolean() && v.path("parameterKind").isNull()) {
                unknownParameters.add(route);
            }
            if (route.equals("registry/unit")) {
                unit = v;
            }
            if (route.equals("my-home")) {
                myHome = v;
            }
        }
        assertTrue(routes.toString(), routes.containsAll(List.of("", "login", "admin/accounts", "registry/units")));
        assertEquals("every view with a parameter says what it identifies", List.of(), unknownParameters);
        assertNotNull(routes.toString(), unit);
        assertTrue(unit.path("hasParameter").asBoolean());
        assertEquals("registry.unit", unit.path("parameterKind").asText());
        assertEquals("registry.read", unit.path("permission").asText());
        assertFalse("a resident may not open staff pages", unit.path("allowed").asBoolean());
        assertNotNull(myHome);
        assertTrue(myHome.path("inMenu").asBoolean());
        assertTrue("resident A holds a unit", myHome.path("allowed").asBoolean());

        assertProblem(send("GET", "/admin/views", world.residentA, null), 403);
        assertProblem(send("GET", "/admin/views", world.managerA, null), 403);
    }

    private String loginOf(String token) throws IOException, InterruptedException {
        return parse(send("GET", "/me", token, null)).path("login").asText();
    }
}
