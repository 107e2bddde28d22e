package org.domus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.domus.core.Role;
import org.domus.core.account.AuthenticationResult;
import org.domus.core.account.ClientInfo;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;

/** The distribution boots clean and its platform REST API behaves. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends DomusTestSupport {

    /** Boot-time log lines known to be harmless (see STACK-NOTES: a jar inside the Aries jax-rs-api bundle). */
    private static final List<String> KNOWN_HARMLESS = List.of("Unable to extract embedded JAR file");

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return distribution();
    }

    @Test
    public void everyBundleIsActiveOrAResolvedFragment() {
        List<String> broken = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                broken.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertTrue("bundles not started: " + broken, broken.isEmpty());
        Set<String> names = List.of(bundleContext.getBundles()).stream()
                .map(Bundle::getSymbolicName)
                .collect(Collectors.toSet());
        for (String platform : List.of("org.domus.persistence", "org.domus.core", "org.domus.rest", "org.domus.web")) {
            assertTrue(platform + " installed", names.contains(platform));
        }
    }

    /**
     * Liquibase's SPI Fly calls reach SPI Fly through a static wire (our fragment's import), not a dynamic import
     * resolved on first use: that resolution failed when a feature deployment ran at the same moment, and then no
     * schema was ever migrated (org.domus.liquibase.spifly's README).
     */
    @Test
    public void liquibaseIsWiredToSpiFlyStatically() {
        Bundle liquibase = List.of(bundleContext.getBundles()).stream()
                .filter(b -> "org.liquibase.core".equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow();
        BundleWiring wiring = liquibase.adapt(BundleWiring.class);
        List<String> hosted = wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE).stream()
                .map(w -> w.getRequirer().getSymbolicName())
                .toList();
        assertTrue("fragments of liquibase: " + hosted, hosted.contains("org.domus.liquibase.spifly"));
        List<String> spifly = wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(w -> "org.apache.aries.spifly"
                        .equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .map(w -> w.getProvider().getSymbolicName())
                .toList();
        assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle"), spifly);
    }

    @Test
    public void bootLogHasNoErrors() throws Exception {
        await("REST up", Duration.ofSeconds(60), () -> statusOf("/api/health", null) == 200);
        Path log = Path.of(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log");
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("| ERROR")
                        || line.contains("Unable to resolve")
                        || line.contains("Error starting")
                        || line.contains("FrameworkEvent ERROR"))
                .filter(line -> KNOWN_HARMLESS.stream().noneMatch(line::contains))
                .toList();
        assertTrue("errors in karaf.log:\n" + String.join("\n", errors), errors.isEmpty());
    }

    @Test
    public void healthAnswersJsonWithDatabaseAndModules() throws Exception {
        await("REST up", Duration.ofSeconds(60), () -> statusOf("/api/health", null) == 200);
        HttpResponse<String> response = get("/api/health", null);
        assertEquals(200, response.statusCode());
        JsonNode health = parse(response);
        assertEquals("UP", health.path("status").asText());
        assertEquals("UP", health.path("database").path("status").asText());
        // every started bundle with a changelog has its schema: org.domus.core's at least
        assertEquals(
                health.toString(), "UP", health.path("schemas").path("status").asText());
        assertEquals("[]", health.path("schemas").path("pending").toString());
        assertTrue(response.body(), health.path("modules").toString().contains("platform"));
    }

    @Test
    public void meWithoutCredentialsIsAnUnauthorizedProblem() throws Exception {
        HttpResponse<String> response = get("/api/me", null);
        assertProblem(response, 401);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    public void badTokenIsUnauthorized() throws Exception {
        assertProblem(get("/api/me", "domus_pat_not-a-real-token"), 401);
    }

    @Test
    public void meWithATokenShowsTheAccount() throws Exception {
        String token = tokenForNewAccount(Role.MANAGER);
        HttpResponse<String> response = get("/api/me", token);
        assertEquals(response.body(), 200, response.statusCode());
        JsonNode me = parse(response);
        assertTrue(me.path("login").asText().startsWith("it-"));
        assertTrue(me.path("roles").toString().contains("MANAGER"));
    }

    @Test
    public void malformedJsonIsABadRequestProblem() throws Exception {
        String token = tokenForNewAccount(Role.RESIDENT);
        assertProblem(post("/api/me/tokens", token, "{\"name\": \"broken"), 400);
    }

    @Test
    public void invalidInputIsAnUnprocessableProblemAndWritesNothing() throws Exception {
        String token = tokenForNewAccount(Role.RESIDENT);
        int before = parse(get("/api/me/tokens", token)).size();
        assertProblem(post("/api/me/tokens", token, "{\"name\": \"\"}"), 422);
        assertEquals(before, parse(get("/api/me/tokens", token)).size());
    }

    @Test
    public void openApiDocumentListsThePlatformResources() throws Exception {
        await("REST up", Duration.ofSeconds(60), () -> statusOf("/api/health", null) == 200);
        HttpResponse<String> response = get("/api/openapi.json", null);
        assertEquals(200, response.statusCode());
        JsonNode paths = parse(response).path("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertTrue(names.toString(), names.stream().anyMatch(p -> p.endsWith("/health")));
        assertTrue(names.toString(), names.stream().anyMatch(p -> p.endsWith("/me")));
        assertFalse(names.toString(), names.stream().anyMatch(p -> p.contains("sample")));
    }

    @Test
    public void unknownPathIsAProblemNotAnHtmlPage() throws IOException, InterruptedException {
        String token = tokenForNewAccount(Role.RESIDENT);
        HttpResponse<String> response = get("/api/no-such-thing", token);
        assertProblem(response, 404);
    }

    @Test
    public void shellCommandsManageAccountsInTheDatabase() throws Exception {
        String added = shell("domus:user-add --name \"Jana Nováková\" --role MANAGER jana.novakova");
        assertTrue(added, added.contains("Created account jana.novakova"));
        Matcher generated = Pattern.compile("Initial password .*: (\\S+)").matcher(added);
        assertTrue(added, generated.find());
        AuthenticationResult first = accounts.authenticate(
                "jana.novakova", generated.group(1).toCharArray(), new ClientInfo("127.0.0.1", "itest"));
        assertTrue(first.succeeded());
        assertTrue("a generated password must be changed at first login", first.mustChangePassword());

        String list = shell("domus:user-list");
        assertTrue(list, list.contains("jana.novakova") && list.contains("MANAGER"));

        String duplicate = shell("domus:user-add jana.novakova");
        assertTrue(duplicate, duplicate.contains("Error") && duplicate.contains("taken"));
        assertFalse(duplicate, duplicate.contains("Exception"));

        String weak = shell("domus:password-reset --password password1234 jana.novakova");
        assertTrue(weak, weak.contains("Error"));
        String reset = shell("domus:password-reset --password Quiet-Harbour-Lamp-31 --no-must-change jana.novakova");
        assertTrue(reset, reset.contains("reset"));
        assertTrue(accounts.authenticate(
                        "jana.novakova", "Quiet-Harbour-Lamp-31".toCharArray(), new ClientInfo("127.0.0.1", "itest"))
                .succeeded());
    }

    private String shell(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new java.io.ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void everyResponseCarriesTheSecurityHeadersAndNoServerBanner() throws Exception {
        await("UI up", Duration.ofSeconds(60), () -> statusOf("/login", null) == 200);
        for (String path : List.of("/login", "/api/health", "/api/me", "/manifest.webmanifest", "/no-such-page")) {
            HttpResponse<String> response = get(path, null);
            var headers = response.headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertTrue(
                    path + " CSP: " + csp,
                    csp.contains("default-src 'self'")
                            && csp.contains("frame-ancestors 'none'")
                            && csp.contains("object-src 'none'"));
            assertEquals(path, "DENY", headers.firstValue("X-Frame-Options").orElse(""));
            assertEquals(
                    path,
                    "nosniff",
                    headers.firstValue("X-Content-Type-Options").orElse(""));
            assertFalse(path, headers.firstValue("Referrer-Policy").orElse("").isEmpty());
            assertTrue(
                    path + " has a Server header", headers.firstValue("Server").isEmpty());
        }
    }

    @Test
    public void theShellIsAnInstallableProgressiveWebApp() throws Exception {
        await("UI up", Duration.ofSeconds(60), () -> statusOf("/login", null) == 200);
        HttpResponse<String> manifest = get("/manifest.webmanifest", null);
        assertEquals(200, manifest.statusCode());
        JsonNode app = json.readTree(manifest.body());
        assertEquals("Domus", app.path("name").asText());
        assertFalse(app.path("icons").isEmpty());
        for (JsonNode icon : app.path("icons")) {
            assertEquals(
                    icon.toString(),
                    200,
                    statusOf("/" + icon.path("src").asText().replaceFirst("^/", ""), null));
        }
        assertEquals(200, statusOf("/sw.js", null));
        HttpResponse<String> offline = get("/offline.html", null);
        assertEquals(200, offline.statusCode());
        assertTrue(offline.body().contains("Domus"));
    }

    @Test
    public void theUiSessionCookieIsHttpOnly() throws Exception {
        await("UI up", Duration.ofSeconds(60), () -> statusOf("/login", null) == 200);
        List<String> cookies = get("/login", null).headers().allValues("Set-Cookie");
        assertFalse("the UI opens a session", cookies.isEmpty());
        for (String cookie : cookies) {
            assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite"));
        }
    }
}
