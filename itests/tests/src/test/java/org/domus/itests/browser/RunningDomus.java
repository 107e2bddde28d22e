package org.domus.itests.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.rules.ExternalResource;

/**
 * The built distribution unpacked into target/ and started as its own process, the way an operator
 * runs it (bin/karaf server), on test ports, with the demo accounts enabled. Stopped after the tests.
 */
public class RunningDomus extends ExternalResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Browser-Test-Admin-2026";
    public static final String RESIDENT = "resident";
    public static final String RESIDENT_PASSWORD = "Browser-Test-Resident-2026";

    private final int port = Integer.getInteger("itest.browser.port", 18281);
    private final Path home = Path.of(System.getProperty("itest.target", "target"), "browser-domus");
    private Process process;
    private TileServer tiles;

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The demo's password of a login, from the table the demo generator writes. */
    public String demoPassword(String login) throws IOException {
        for (String line : Files.readAllLines(home().resolve("data/demo-logins.txt"), StandardCharsets.UTF_8)) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[0].equals(login)) {
                return columns[2];
            }
        }
        throw new AssertionError(login + " is not in the demo logins");
    }

    /** GET {@code path} as JSON with a browser session's cookie; anything but 200 fails the test. */
    public JsonNode getJson(String path, String session) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Accept", "application/json")
                                .header("Cookie", DomusBrowser.SESSION_COOKIE + "=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A request with a browser session, marked as the UI's own scripts mark theirs (a JSON body when not null). */
    public HttpResponse<String> send(String method, String path, String session, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "application/json")
                .header("Cookie", DomusBrowser.SESSION_COOKIE + "=" + session)
                .header("X-Requested-With", "XMLHttpRequest");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #send} that must succeed: anything but 2xx fails the test; returns the body. */
    public String call(String method, String path, String session, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, session, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    public Path home() {
        return home;
    }

    /** The origin of the map tiles the distribution's maps load (a server in the test JVM, not the internet). */
    public String tilesOrigin() {
        return tiles.origin();
    }

    /** Map tiles served so far: proof that a map was drawn. */
    public int tilesServed() {
        return tiles.served();
    }

    @Override
    protected void before() throws Throwable {
        // JUnit does not call after() when before() fails: stop what was started, or the next test class finds
        // this instance still holding the port.
        try {
            start();
        } catch (Throwable failure) {
            after();
            throw failure;
        }
    }

    private void start() throws Exception {
        awaitPortFree(Duration.ofSeconds(90));
        Path tarball = Path.of(System.getProperty("itest.distribution"));
        deleteRecursively(home);
        Files.createDirectories(home);
        exec(List.of("tar", "xzf", tarball.toAbsolutePath().toString(), "-C", home.toString(), "--strip-components=1"));
        // A tarball packed after someone ran Karaf inside karaf-assembly/target/assembly carries that run's
        // state: its database and bundle cache (data/) and its pid (instances/), which makes bin/karaf refuse
        // to start ("Root instance already running"). Start from a fresh installation's state instead.
        deleteRecursively(home.resolve("data"));
        deleteRecursively(home.resolve("instances"));
        Path etc = home.resolve("etc");
        // Maps load their tiles from the test JVM: the browser may not reach the internet.
        tiles = new TileServer();
        replace(etc.resolve("org.domus.web.cfg"), "map.tiles.url", tiles.urlTemplate());
        replace(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(port));
        replace(
                etc.resolve("org.apache.karaf.management.cfg"),
                "rmiRegistryPort",
                System.getProperty("itest.browser.rmi.registry.port", "11199"));
        replace(
                etc.resolve("org.apache.karaf.management.cfg"),
                "rmiServerPort",
                System.getProperty("itest.browser.rmi.server.port", "44446"));
        Files.writeString(
                etc.resolve("org.domus.demo.cfg"),
                String.join(
                        "\n",
                        "enabled = true",
                        "adminLogin = " + ADMIN,
                        "adminPassword = " + ADMIN_PASSWORD,
                        "residentLogin = " + RESIDENT,
                        "residentPassword = " + RESIDENT_PASSWORD,
                        // a small cooperative: the test needs the accounts, not the volume
                        "units = 40",
                        ""),
                StandardCharsets.UTF_8);
        // The demo generator is not booted by the distribution; the modules list installs it, and the ledger,
        // the tickets and communications with their views (as ./domus run does), so that the browser tests walk
        // their views too.
        Files.writeString(
                etc.resolve("org.domus.modules.cfg"),
                "modules = demo:headless, ledger, tickets, communications\n",
                StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        awaitHealth(Duration.ofSeconds(180));
        awaitDemo(Duration.ofSeconds(180));
        awaitLedger(Duration.ofSeconds(180));
        awaitModule("/api/tickets/me", Duration.ofSeconds(180));
        awaitModule("/api/communications/threads/unread", Duration.ofSeconds(180));
        awaitModule("/api/communications/announcements/feed", Duration.ofSeconds(180));
        awaitModuleDemos(Duration.ofSeconds(180));
    }

    /**
     * The modules' demo data (the ledger's billing runs, tickets, directory, announcements) is made in the
     * background after the modules start; a test reading it must not find it half made. Each generator logs one
     * "Demo ... created in" line when it is done.
     */
    private void awaitModuleDemos(Duration timeout) throws InterruptedException, IOException {
        Path log = home.resolve("data/log/karaf.log");
        List<String> done = List.of(
                "Demo ledger created in",
                "Demo tickets created in",
                "Demo contact directory created in",
                "Demo announcements and threads created in");
        Instant end = Instant.now().plus(timeout);
        while (true) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            List<String> missing =
                    done.stream().filter(line -> !text.contains(line)).toList();
            if (missing.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException(
                        "The modules' demo data was not made within " + timeout + ": no " + missing + diagnostics());
            }
            Thread.sleep(500);
        }
    }

    /**
     * The modules list installs the ledger after boot: its REST answers 401 (not 404) to an anonymous call
     * once it is there, and its views are installed in the same step.
     */
    private void awaitLedger(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(timeout);
        while (client.send(
                                HttpRequest.newBuilder(URI.create(url("/api/ledger/me/units")))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                != 401) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("The ledger module was not installed within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** A module's REST answers 401 (not 404) to an anonymous call once the modules list has installed it. */
    private void awaitModule(String path, Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(timeout);
        while (client.send(
                                HttpRequest.newBuilder(URI.create(url(path))).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                != 401) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException(path + " was not installed within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** The demo accounts exist once the generator has committed and written its logins file. */
    private void awaitDemo(Duration timeout) throws InterruptedException {
        Path logins = home.resolve("data/demo-logins.txt");
        Instant end = Instant.now().plus(timeout);
        while (!Files.exists(logins)) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException(
                        "The demo cooperative was not created within " + timeout + "; see " + home);
            }
            Thread.sleep(500);
        }
    }

    @Override
    protected void after() {
        if (tiles != null) {
            tiles.close();
        }
        if (process == null) {
            return;
        }
        try {
            exec(List.of(home.resolve("bin/stop").toString()));
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                killTree();
            }
        } catch (IOException e) {
            killTree();
        } catch (InterruptedException e) {
            killTree();
            Thread.currentThread().interrupt();
        }
    }

    /** bin/karaf is a shell script: its Java child must go too, or it keeps the port and the database open. */
    private void killTree() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A previous test class's instance that is still shutting down must not answer this one's requests. */
    private void awaitPortFree(Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress(port));
                return;
            } catch (IOException taken) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("port " + port + " is still in use after " + timeout
                + ": another Domus (an earlier test class's?) is still running");
    }

    private void awaitHealth(Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant end = Instant.now().plus(timeout);
        String lastHealth = "no answer";
        String lastLogin = "not asked";
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Domus exited with " + process.exitValue() + "; see " + home + diagnostics());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(url("/api/health")))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                lastHealth = response.statusCode() + " " + response.body();
                // REST reports healthy before the Vaadin servlet is registered (/ is then a Jetty 404).
                if (response.statusCode() == 200) {
                    int login = client.send(
                                    HttpRequest.newBuilder(URI.create(url("/login")))
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    lastLogin = String.valueOf(login);
                    if (login == 200) {
                        return;
                    }
                }
            } catch (IOException e) {
                lastHealth = "no answer (" + e + ")";
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Domus did not become healthy within " + timeout + "; /api/health: "
                + lastHealth + "; /login: " + lastLogin + "; see " + home + diagnostics());
    }

    /**
     * What CI needs to tell why a start failed, since the unpacked installation is gone with the machine: the
     * warnings and errors of Karaf's log and a thread dump of its JVM (also written to threads.txt).
     */
    private String diagnostics() {
        StringBuilder out = new StringBuilder();
        try {
            Path log = home.resolve("data/log/karaf.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains("| ERROR")
                                || l.contains("| WARN")
                                || l.startsWith("\t")
                                || l.contains("Exception"))
                        .toList();
                out.append("\n--- karaf.log, warnings and errors (last 80 lines) ---\n");
                lines.subList(Math.max(0, lines.size() - 80), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            }
            Path console = home.resolve("console.log");
            if (Files.exists(console)) {
                List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
                out.append("--- console.log (last 20 lines) ---\n");
                lines.subList(Math.max(0, lines.size() - 20), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            }
            if (process != null && process.isAlive()) {
                Path threads = home.resolve("threads.txt");
                for (ProcessHandle karaf : process.descendants().toList()) {
                    Process jcmd = new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                            .toString(),
                                    String.valueOf(karaf.pid()),
                                    "Thread.print")
                            .redirectErrorStream(true)
                            .redirectOutput(threads.toFile())
                            .start();
                    if (jcmd.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && jcmd.exitValue() == 0) {
                        out.append("--- threads of ").append(karaf.pid()).append(" that may hold the start up ---\n");
                        List<String> kept = new ArrayList<>();
                        for (String block : Files.readString(threads, StandardCharsets.UTF_8)
                                .split("\n\\s*\n")) {
                            if (block.contains("org.domus")
                                    || block.contains("com.vaadin")
                                    || block.contains("BLOCKED")
                                    || block.contains("FelixStartLevel")
                                    || block.contains("FelixDispatchQueue")
                                    || block.contains("features-")) {
                                kept.addAll(List.of(block.split("\n")));
                                kept.add("");
                            }
                        }
                        kept.subList(0, Math.min(kept.size(), 400))
                                .forEach(l -> out.append(l).append('\n'));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            out.append("\n(diagnostics failed: ").append(e).append(')');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    private static void replace(Path cfg, String key, String value) throws IOException {
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            if (line.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                out.add(key + " = " + value);
                found = true;
            } else {
                out.add(line);
            }
        }
        if (!found) {
            out.add(key + " = " + value);
        }
        Files.write(cfg, out, StandardCharsets.UTF_8);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(command + " exited with " + p.exitValue());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
