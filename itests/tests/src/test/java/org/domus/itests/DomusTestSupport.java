package org.domus.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.domus.core.Role;
import org.domus.core.Subject;
import org.domus.core.account.AccessTokenService;
import org.domus.core.account.Account;
import org.domus.core.account.AccountService;
import org.domus.core.account.NewAccount;
import org.domus.core.account.TotpEnrolment;
import org.domus.core.account.TotpService;
import org.domus.itests.browser.TotpCodes;
import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * What every in-container test shares: the real Domus distribution, moved to test ports, and small
 * HTTP helpers that talk to it the way a REST client would.
 */
public abstract class DomusTestSupport {

    protected static final String HTTP_PORT_PROPERTY = "itest.http.port";

    /** Karaf version of the distribution (for the endorsed jars on the JVM command line). */
    private static final String KARAF = System.getProperty("karaf.version", "4.4.10");

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected AccountService accounts;

    @Inject
    protected AccessTokenService tokens;

    protected final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    protected final ObjectMapper json = new ObjectMapper();

    /** Set once this container's REST application has settled (one container per test class). */
    private static volatile boolean restSettled;

    /**
     * Waits, once per container, until the JAX-RS whiteboard has stopped changing: it rebuilds the application for
     * every resource that comes (the platform's own as their services start, then the modules the container
     * installs), and CXF answers 404, 500 or 503 for a moment at each rebuild. The whiteboard's runtime service
     * counts its changes in {@code service.changecount}; settled means unchanged for three seconds.
     */
    @Before
    public void awaitRestSettled() throws InterruptedException {
        if (restSettled) {
            return;
        }
        Instant end = Instant.now().plus(Duration.ofSeconds(120));
        Object last = null;
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(end)) {
            ServiceReference<?> runtime =
                    bundleContext.getServiceReference("org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime");
            Object count = runtime == null ? null : runtime.getProperty(Constants.SERVICE_CHANGECOUNT);
            if (count == null || !count.equals(last)) {
                last = count;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).getSeconds() >= 3) {
                restSettled = true;
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the REST application kept changing for 120 s (service.changecount " + last + ")");
    }

    /** The options every test container starts with; subclasses add their own. */
    protected static Option[] distribution(Option... extra) {
        String version = System.getProperty("project.version");
        String port = System.getProperty(HTTP_PORT_PROPERTY, "18181");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.domus", "domus-distribution", version)
                                .type("tar.gz"))
                        .name("Domus")
                        .unpackDirectory(new File(System.getProperty("itest.target", "target"), "exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                editConfigurationFilePut(
                        "etc/org.apache.karaf.management.cfg",
                        "rmiRegistryPort",
                        System.getProperty("itest.rmi.registry.port", "11099")),
                editConfigurationFilePut(
                        "etc/org.apache.karaf.management.cfg",
                        "rmiServerPort",
                        System.getProperty("itest.rmi.server.port", "44445")),
                editConfigurationFilePut(
                        "etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty(
                                "org.ops4j.pax.url.mvn.localRepository",
                                System.getProperty("user.home") + "/.m2/repository")),
                // as bin/setenv does for the real distribution
                vmOption("-Duser.timezone=UTC"),
                // what bin/karaf passes on Java 9+; Pax Exam does not, and XML factories then fail
                vmOptions(
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module",
                        "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF + ".jar",
                        "--patch-module",
                        "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF + ".jar",
                        "--add-opens",
                        "java.base/java.security=ALL-UNNAMED",
                        "--add-opens",
                        "java.base/java.net=ALL-UNNAMED",
                        "--add-opens",
                        "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens",
                        "java.base/java.util=ALL-UNNAMED",
                        "--add-opens",
                        "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens",
                        "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"),
                systemProperty(HTTP_PORT_PROPERTY).value(port),
                systemProperty("project.version").value(version),
                // how long @Inject waits for a service (Pax Exam reads "pax.exam.service.timeout"; default 10 s)
                systemProperty("pax.exam.service.timeout").value("120000"),
                // -Ditest.keep=true keeps target/exam/<uuid> (logs, data) for a look after the run
                when(Boolean.getBoolean("itest.keep")).useOptions(keepRuntimeFolder())));
        options.addAll(Arrays.asList(extra));
        return options.toArray(Option[]::new);
    }

    protected String base() {
        return "http://127.0.0.1:" + System.getProperty(HTTP_PORT_PROPERTY, "18181");
    }

    protected HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String bearer, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to {@code /api + path} with a bearer token and, when not null, a JSON body. */
    protected HttpResponse<String> send(String method, String path, String bearer, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode parse(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** Creates a fresh account with the given roles and returns a personal access token for it. */
    protected String tokenForNewAccount(Role... roles) {
        String login = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Subject system = Subject.system("itest", "Integration test");
        Account account = accounts.create(
                new NewAccount(
                        login,
                        "Test " + login,
                        null,
                        "Correct-Horse-Battery-42".toCharArray(),
                        Set.of(roles),
                        Locale.ENGLISH,
                        false),
                system);
        Subject subject = accounts.subjectOf(account.id()).orElseThrow();
        if (totp().isRequired(subject)) {
            // ADMIN and ACCOUNTANT reach nothing but the enrolment until TOTP is on.
            enrolTotp(totp(), subject);
        }
        return tokens.create(subject, "itest", null).secret();
    }

    /** The TOTP service of the container. */
    protected TotpService totp() {
        return bundleContext.getService(bundleContext.getServiceReference(TotpService.class));
    }

    /** Switches TOTP on for the subject, as its holder would with an authenticator app. */
    protected static void enrolTotp(TotpService totp, Subject holder) {
        TotpEnrolment enrolment = totp.beginEnrolment(holder);
        TotpCodes.remember(holder.login(), enrolment.secret());
        try {
            totp.confirmEnrolment(holder, TotpCodes.next(holder.login()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds, polling; fails after the timeout. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
    }

    /** Status of a GET, or -1 when the server did not answer. */
    protected int statusOf(String path, String bearer) {
        try {
            return get(path, bearer).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The response body must be a problem document that leaks nothing about the implementation. */
    protected void assertProblem(HttpResponse<String> response, int status) throws IOException {
        org.junit.Assert.assertEquals(response.body(), status, response.statusCode());
        org.junit.Assert.assertTrue(
                "problem media type, got " + response.headers().firstValue("Content-Type"),
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = parse(response);
        org.junit.Assert.assertEquals(status, problem.path("status").asInt());
        org.junit.Assert.assertFalse(
                "problem has a title", problem.path("title").asText().isEmpty());
        for (String leak : List.of("Exception", "\tat ", "at org.", "at java.", "org.apache.cxf", "org.domus.")) {
            org.junit.Assert.assertFalse(
                    "problem leaks '" + leak + "': " + response.body(),
                    response.body().contains(leak));
        }
    }
}
