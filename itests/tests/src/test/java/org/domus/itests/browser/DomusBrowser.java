package org.domus.itests.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test, driven through the system's chromedriver (never Selenium Manager, which
 * would download a browser), with the Vaadin-specific waiting and the accessibility check every page
 * must pass. As a JUnit rule it saves a screenshot and the page source of a failed test before it closes
 * the browser (an {@code @After} method would run too early for that: rules wrap the {@code @After}s).
 */
public class DomusBrowser extends TestWatcher {

    public static final String SESSION_COOKIE = "DOMUS_SESSION";

    /** Impacts that fail the accessibility check; "minor" and "moderate" ones are only printed. */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    /**
     * Violations inside Vaadin 23.3 web components that no Flow code of ours can change: a rule, the host
     * element (ours) and the tag of the offending element in the host's shadow root (Vaadin's). Each entry
     * must say why; everything else fails the test.
     */
    private static final List<KnownIssue> VAADIN_INTERNAL = List.of(
            // vaadin-menu-bar moves each root item (a vaadin-context-menu-item) into a role=menuitem button in
            // its shadow root, and vaadin-item's ready() unconditionally sets role=option on it, which axe wants
            // inside a listbox. The attribute is overwritten whenever the element upgrades, so neither
            // Element.setAttribute nor a MenuItem API can fix it.
            new KnownIssue("aria-required-parent", "#user-menu", "vaadin-context-menu-item"));

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Browsers not closed by their test (a safety net for {@code @AfterClass}). */
    private static final Set<DomusBrowser> OPEN = ConcurrentHashMap.newKeySet();

    private final RunningDomus domus;
    private final Path target = Path.of(System.getProperty("itest.target", "target"));
    private final List<String> moderate = new ArrayList<>();
    private ChromeDriver driver;
    private String testName = "test";

    public DomusBrowser(RunningDomus domus) {
        this.domus = domus;
    }

    /** Starts a desktop browser with a fresh profile and the given window size (outer size, as on a desktop). */
    public WebDriver open(int width, int height) throws IOException {
        return open(width, height, false);
    }

    /**
     * Starts a browser emulating a phone whose viewport is exactly width x height CSS pixels (a desktop window
     * cannot be narrower than 500 px), with touch and the mobile viewport meta handling.
     */
    public WebDriver openPhone(int width, int height) throws IOException {
        return open(width, height, true);
    }

    private WebDriver open(int width, int height, boolean phone) throws IOException {
        if (driver != null) {
            throw new IllegalStateException("browser already open");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        Path profile =
                Files.createDirectories(target.resolve("browser-profiles")).resolve(testName + "-" + System.nanoTime());
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                // Nothing but Domus may be reached: a page (or axe) fetching from the internet fails loudly.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        // The anonymous login page follows Accept-Language; pin it so the English assertions hold anywhere.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        if (phone) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        driver = new ChromeDriver(service, options);
        OPEN.add(this);
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
        return driver;
    }

    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("browser not open");
        }
        return driver;
    }

    /** Loads a Domus path and waits until Vaadin has rendered it. */
    public void get(String path) {
        driver().get(domus.url(path));
        awaitVaadin();
    }

    /** Waits until the Flow client is loaded and has no request in flight (as Vaadin TestBench does). */
    public void awaitVaadin() {
        await(d -> Boolean.TRUE.equals(
                js("if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) { return false; }"
                        + "var clients = window.Vaadin.Flow.clients, any = false;"
                        + "for (var key in clients) {"
                        + "  if (typeof clients[key].isActive !== 'function') { continue; }"
                        + "  any = true;"
                        + "  if (clients[key].isActive()) { return false; }"
                        + "}"
                        + "return any && document.readyState === 'complete';")));
    }

    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), TIMEOUT, Duration.ofMillis(100)).until(condition);
    }

    public WebElement awaitVisible(By by) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /**
     * Clicks an element after scrolling it to the middle of the window, where no notification (they open at
     * the bottom) or sticky bar covers it.
     */
    public void click(By by) {
        WebElement element = awaitVisible(by);
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
        element.click();
    }

    /** The texts of a grid's rendered cells (header, body and footer). */
    @SuppressWarnings("unchecked")
    public List<String> gridCells(String gridId) {
        Object texts = js(
                "var g = document.getElementById(arguments[0]); if (!g) { return []; }"
                        + "return Array.from(g.querySelectorAll('vaadin-grid-cell-content'))"
                        + ".map(function(c) { return c.textContent.trim(); });",
                gridId);
        return ((List<Object>) texts).stream().map(String::valueOf).toList();
    }

    /**
     * Waits until the shell serves {@code route} (a module's views are installed shortly after boot): signs in
     * as the administrator, polls {@code /api/admin/views} for up to two minutes, signs out.
     */
    public void awaitRoute(String route) throws Exception {
        signIn(RunningDomus.ADMIN, RunningDomus.ADMIN_PASSWORD);
        String cookie = SESSION_COOKIE + "=" + sessionCookie().getValue();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long end = System.nanoTime() + 120_000_000_000L;
        while (true) {
            java.net.http.HttpResponse<String> views = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(domus.url("/api/admin/views")))
                            .header("Accept", "application/json")
                            .header("Cookie", cookie)
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (views.statusCode() == 200 && views.body().contains("\"" + route + "\"")) {
                break;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(route + " was not installed: " + views.body());
            }
            Thread.sleep(500);
        }
        chooseFromUserMenu("user-menu-logout");
        awaitPath("/login");
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    public String path() {
        return java.net.URI.create(driver().getCurrentUrl()).getPath();
    }

    public void awaitPath(String path) {
        await(d -> path.equals(path()));
        awaitVaadin();
    }

    public String pageLanguage() {
        return (String) js("return document.documentElement.lang");
    }

    public Cookie sessionCookie() {
        return driver().manage().getCookieNamed(SESSION_COOKIE);
    }

    // --- the login page ------------------------------------------------------------------------------

    public void submitLogin(String login, String password) {
        awaitVisible(By.cssSelector("vaadin-login-form"));
        type(By.cssSelector("vaadin-login-form #vaadinLoginUsername input"), login);
        type(By.cssSelector("vaadin-login-form #vaadinLoginPassword input"), password);
        driver().findElement(By.cssSelector("vaadin-login-form vaadin-button[part='vaadin-login-submit']"))
                .click();
        awaitVaadin();
    }

    /** Signs in from wherever the browser is and waits for the signed-in frame. */
    public void signIn(String login, String password) throws InterruptedException {
        get("/login");
        submitLogin(login, password);
        afterPassword(login);
        awaitSignedInFrame();
    }

    /**
     * After a correct password: answers the TOTP step with the next unused code, or, when the account's
     * role requires TOTP and none is set up, enrols it (remembering the key) and continues.
     */
    public void afterPassword(String login) throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            String step = await(d -> {
                if (!d.findElements(By.id("totp-step")).isEmpty()
                        && d.findElement(By.id("totp-step")).isDisplayed()) {
                    return "code";
                }
                if (!d.findElements(By.id("terms-accept")).isEmpty()) {
                    return "terms";
                }
                if (!d.findElements(By.id("totp-forced")).isEmpty()) {
                    return "enrol";
                }
                if (!d.findElements(By.id("menu-home")).isEmpty() && !path().equals("/login")) {
                    return "in";
                }
                return null;
            });
            switch (step) {
                case "code" -> {
                    submitCode(TotpCodes.next(login));
                    awaitSignedInFrame();
                }
                case "terms" -> acceptTerms();
                case "enrol" -> enrolTotp(login);
                default -> {
                    awaitVaadin();
                    return;
                }
            }
        }
        throw new AssertionError("sign-in of " + login + " did not reach the signed-in frame");
    }

    /** Ticks "I have read" and accepts the terms of use shown at the first sign-in. */
    public void acceptTerms() {
        awaitVisible(By.cssSelector("#terms-read")).click();
        await(d -> d.findElement(By.id("terms-accept")).getDomAttribute("disabled") == null);
        driver().findElement(By.id("terms-accept")).click();
        await(d -> d.findElements(By.id("terms-accept")).isEmpty());
        awaitVaadin();
    }

    /** The frame is there (on a phone the menu itself hides in the closed drawer). */
    public void awaitSignedInFrame() {
        await(d -> !d.findElements(By.id("menu-home")).isEmpty() && !path().equals("/login"));
        awaitVaadin();
    }

    /** Types a code into the sign-in's second step and submits it. */
    public void submitCode(String code) {
        type(By.cssSelector("#totp-code input"), code);
        driver().findElement(By.id("totp-submit")).click();
        awaitVaadin();
    }

    /** On the two-factor page: starts enrolment, reads the key like a user would, confirms, continues. */
    public List<String> enrolTotp(String login) throws InterruptedException {
        awaitVisible(By.id("totp-start")).click();
        String key = awaitVisible(By.id("totp-secret")).getText();
        TotpCodes.remember(login, key);
        type(By.cssSelector("#totp-confirm-code input"), TotpCodes.next(login));
        driver().findElement(By.id("totp-confirm")).click();
        List<String> codes = awaitVisible(By.id("recovery-codes")).findElements(By.tagName("li")).stream()
                .map(WebElement::getText)
                .collect(java.util.stream.Collectors.toList());
        driver().findElement(By.id("totp-continue")).click();
        await(d -> d.findElements(By.id("totp-continue")).isEmpty());
        awaitSignedInFrame();
        return codes;
    }

    /** The login form's error box (title and text), or "" while it is hidden. */
    public String loginError() {
        SearchContext wrapper = driver().findElement(By.cssSelector("vaadin-login-form-wrapper"))
                .getShadowRoot();
        WebElement error = wrapper.findElement(By.cssSelector("[part='error-message']"));
        return error.isDisplayed() ? error.getText() : "";
    }

    private void type(By by, String text) {
        WebElement input = awaitVisible(by);
        input.clear();
        input.sendKeys(text);
    }

    // --- the signed-in frame -------------------------------------------------------------------------

    /** Opens the user menu in the navbar; its items render in an overlay at the end of the body. */
    public void openUserMenu() {
        WebElement bar = awaitVisible(By.id("user-menu"));
        bar.getShadowRoot()
                .findElement(By.cssSelector("vaadin-menu-bar-button"))
                .click();
        awaitVisible(By.id("user-menu-logout"));
    }

    /** Clicks a user-menu entry by id, opening the menu (and the language submenu) as a user would. */
    public void chooseFromUserMenu(String id) {
        openUserMenu();
        // On a phone the longer menu slides in; a click during the animation lands on another item.
        awaitAnimations();
        if (id.startsWith("user-menu-language-")) {
            awaitVisible(By.id("user-menu-language")).click();
            awaitAnimations();
        }
        awaitVisible(By.id(id)).click();
    }

    /** The name in the navbar's user menu (vaadin-menu-bar renders its root item in its shadow root). */
    public String userName() {
        WebElement bar = awaitVisible(By.id("user-menu"));
        return await(d -> {
            List<WebElement> names = bar.getShadowRoot().findElements(By.cssSelector(".domus-user-name"));
            return names.isEmpty() || !names.get(0).isDisplayed()
                    ? null
                    : names.get(0).getText();
        });
    }

    // --- evidence ------------------------------------------------------------------------------------

    /** Waits until no CSS transition or animation runs (overlays fading, the drawer sliding). */
    public void awaitAnimations() {
        await(d -> Boolean.TRUE.equals(js("return document.getAnimations().every(function (a) {"
                + " return a.playState !== 'running' || a.effect === null"
                + " || a.effect.getComputedTiming().iterations === Infinity; });")));
    }

    /** Saves a PNG of the viewport to target/browser-screenshots/. */
    public Path screenshot(String name) throws IOException {
        awaitAnimations();
        Path dir = Files.createDirectories(target.resolve("browser-screenshots"));
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Runs axe-core (bundled in the axe-core Selenium jar and injected from there) on the current page and
     * fails on any serious or critical violation that is not a listed Vaadin-internal one. Also fails if the
     * page loaded anything from another origin, which proves nobody (page or axe) used the network.
     */
    public void assertAccessible(String page) {
        awaitAnimations();
        Results results = new AxeBuilder().analyze(driver());
        if (results.isErrored()) {
            fail("axe-core failed on " + page + ": " + results.getErrorMessage());
        }
        assertTrue("axe-core checked nothing on " + page, !results.getPasses().isEmpty());
        StringBuilder blocking = new StringBuilder();
        for (Rule rule : results.getViolations()) {
            int minor = 0;
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                String where = String.valueOf(node.getTarget());
                if (!BLOCKING.contains(impact)) {
                    minor++;
                } else if (VAADIN_INTERNAL.stream().noneMatch(known -> known.matches(rule.getId(), node.getTarget()))) {
                    blocking.append("\n  ")
                            .append(rule.getId())
                            .append(" [")
                            .append(impact)
                            .append("] ")
                            .append(rule.getHelp())
                            .append("\n    at ")
                            .append(where)
                            .append("\n    ")
                            .append(node.getHtml());
                }
            }
            if (minor > 0) {
                moderate.add(page + ": " + rule.getId() + " [" + rule.getImpact() + "] " + minor + " node(s)");
            }
        }
        if (blocking.length() > 0) {
            fail("Accessibility violations on " + page + " (" + driver().getCurrentUrl() + "):" + blocking);
        }
        // The map tiles come from the test JVM's tile server (RunningDomus), which is no network either.
        @SuppressWarnings("unchecked")
        List<String> foreign = (List<String>) js(
                "var tiles = arguments[0];"
                        + "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                        + ".filter(function (n) { return n.indexOf(location.origin + '/') !== 0"
                        + " && n.indexOf(tiles + '/') !== 0"
                        + " && n.indexOf('data:') !== 0 && n.indexOf('blob:') !== 0; });",
                domus.tilesOrigin());
        assertEquals("resources from another origin on " + page, List.of(), foreign);
    }

    /** The minor/moderate findings of this test, for the log. */
    public List<String> moderateFindings() {
        return moderate;
    }

    // --- TestWatcher ---------------------------------------------------------------------------------

    @Override
    protected void starting(Description description) {
        testName = description.getMethodName();
    }

    @Override
    protected void failed(Throwable e, Description description) {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(target.resolve("browser-failures"));
            Files.write(dir.resolve(testName + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(
                    dir.resolve(testName + ".html"),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ex) {
            e.addSuppressed(ex);
        }
    }

    @Override
    protected void finished(Description description) {
        if (!moderate.isEmpty()) {
            System.out.println("axe minor/moderate findings in " + testName + ":");
            moderate.forEach(line -> System.out.println("  " + line));
        }
        close();
    }

    /** Quits the browser (and its chromedriver); safe to call twice. */
    public void close() {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
                OPEN.remove(this);
            }
        }
    }

    /** Quits every browser still open. */
    public static void closeAll() {
        for (DomusBrowser browser : List.copyOf(OPEN)) {
            browser.close();
        }
    }

    private record KnownIssue(String rule, String host, String tag) {

        /** axe's target of a node in a shadow root is a list [host selector, selector inside]. */
        boolean matches(String ruleId, Object target) {
            if (!rule.equals(ruleId) || !(target instanceof List<?> outer) || outer.isEmpty()) {
                return false;
            }
            List<?> path = outer.get(0) instanceof List<?> inner ? inner : outer;
            return path.size() == 2
                    && host.equals(path.get(0))
                    && String.valueOf(path.get(1)).startsWith(tag);
        }
    }
}
