package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.domus.itests.browser.RunningDomus.RESIDENT;
import static org.domus.itests.browser.RunningDomus.RESIDENT_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web UI as people use it, in headless Chromium against the built distribution: signing in and out,
 * languages, the resident's view, a phone-sized window. Every page visited is screenshotted into
 * target/browser-screenshots/ and must pass axe-core without serious or critical violations.
 */
public class BrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final ShellMessages EN = new ShellMessages(Locale.ENGLISH);
    private static final String ADMIN_NAME = "Demo Administrator";
    private static final String RESIDENT_NAME = "Demo Resident";
    private static final List<Locale> OTHER_LANGUAGES =
            List.of(Locale.forLanguageTag("pl"), Locale.forLanguageTag("cs"), Locale.forLanguageTag("ro"));

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void anonymousVisitorIsSentToLoginAndAWrongPasswordGetsTheGenericErrorAndNoSession() throws IOException {
        WebDriver driver = browser.open(1280, 900);
        browser.get("/");
        browser.awaitPath("/login");
        assertEquals(title(EN, "login.title"), driver.getTitle());
        assertEquals("en", browser.pageLanguage());
        assertTrue(browser.awaitVisible(By.cssSelector("vaadin-login-form"))
                .getText()
                .contains(EN.get("login.submit")));
        browser.screenshot("desktop-01-login");
        browser.assertAccessible("login");

        String generic = EN.get("login.failed.title") + "\n" + EN.get("login.failed.text");
        browser.submitLogin(ADMIN, "Not-The-Password-2026");
        browser.await(d -> !browser.loginError().isEmpty());
        assertEquals(generic, browser.loginError());
        assertEquals("/login", browser.path());
        assertNull("no session cookie after a failed sign-in", browser.sessionCookie());
        browser.screenshot("desktop-02-login-failed");
        browser.assertAccessible("login with error");

        // An unknown login gets the very same words: the page must not tell which logins exist.
        browser.get("/login");
        assertEquals("", browser.loginError());
        browser.submitLogin("nobody-" + System.nanoTime(), "Whatever-Password-2026");
        browser.await(d -> !browser.loginError().isEmpty());
        assertEquals(generic, browser.loginError());

        browser.get("/");
        browser.awaitPath("/login");
        assertTrue(driver.findElements(By.id("menu-home")).isEmpty());
        assertNull(browser.sessionCookie());
    }

    @Test
    public void adminSignsInAndSeesTheMenuHisNameAndHisAccountPages() throws Exception {
        WebDriver driver = browser.open(1280, 900);
        browser.get("/");
        browser.awaitPath("/login");
        browser.submitLogin(ADMIN, ADMIN_PASSWORD);
        browser.afterPassword(ADMIN);
        browser.awaitPath("/");
        WebElement home = browser.awaitVisible(By.id("menu-home"));
        assertEquals(EN.get("nav.home"), home.getText());
        assertEquals(ADMIN_NAME, browser.userName());
        assertEquals(
                EN.get("home.welcome", ADMIN_NAME),
                driver.findElement(By.tagName("h2")).getText());
        assertEquals(title(EN, "home.title"), driver.getTitle());
        assertEquals("main", driver.findElement(By.cssSelector(".domus-page")).getDomAttribute("role"));

        Cookie session = browser.sessionCookie();
        assertNotNull("session cookie after sign-in", session);
        assertTrue("session cookie is HttpOnly", session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertEquals("the UI session also authenticates REST", 200, apiMe(session.getValue()));
        browser.screenshot("desktop-03-home");
        browser.assertAccessible("home");

        browser.openUserMenu();
        assertEquals(
                EN.get("user.signedInAs", ADMIN),
                driver.findElement(By.cssSelector("vaadin-context-menu-overlay vaadin-context-menu-item[disabled]"))
                        .getText());
        // No axe run with the menu open: Vaadin 23's context menu puts role=option items in a role=menu
        // list box (vaadin-item's fixed role), which no Flow code can change; see DomusBrowser.
        browser.screenshot("desktop-04-user-menu");
        browser.awaitVisible(By.id("user-menu-tokens")).click();
        browser.awaitPath("/account/tokens");
        assertEquals(title(EN, "tokens.title"), driver.getTitle());
        assertEquals(
                EN.get("tokens.title"), browser.awaitVisible(By.tagName("h2")).getText());
        browser.awaitVisible(By.cssSelector("vaadin-grid"));
        browser.screenshot("desktop-05-tokens");
        browser.assertAccessible("access tokens");

        browser.chooseFromUserMenu("user-menu-change-password");
        browser.awaitPath("/change-password");
        assertEquals(title(EN, "password.title"), driver.getTitle());
        assertEquals(
                3, driver.findElements(By.cssSelector("vaadin-password-field")).size());
        browser.screenshot("desktop-06-change-password");
        browser.assertAccessible("change password");

        home = browser.awaitVisible(By.id("menu-home"));
        home.click();
        browser.awaitPath("/");
        assertEquals(
                EN.get("home.welcome", ADMIN_NAME),
                browser.awaitVisible(By.tagName("h2")).getText());
    }

    @Test
    public void chosenLanguageTranslatesTheUiAndSurvivesReloadAndTheNextSignIn() throws Exception {
        WebDriver driver = browser.open(1280, 900);
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        try {
            int shot = 7;
            for (Locale locale : OTHER_LANGUAGES) {
                ShellMessages texts = new ShellMessages(locale);
                assertNotEquals(
                        "test data: " + locale + " must translate the home title",
                        EN.get("home.title"),
                        texts.get("home.title"));
                browser.chooseFromUserMenu("user-menu-language-" + locale.getLanguage());
                browser.await(d -> title(texts, "home.title").equals(d.getTitle()));
                browser.awaitVaadin();
                assertTranslatedHome(texts, locale);

                driver.navigate().refresh();
                browser.awaitVaadin();
                browser.awaitVisible(By.id("menu-home"));
                assertEquals("after reload", title(texts, "home.title"), driver.getTitle());
                assertTranslatedHome(texts, locale);

                browser.openUserMenu();
                assertEquals(
                        texts.get("user.logout"),
                        browser.awaitVisible(By.id("user-menu-logout")).getText());
                assertEquals(
                        texts.get("user.tokens"),
                        browser.awaitVisible(By.id("user-menu-tokens")).getText());
                closeMenus(driver);
                browser.screenshot(String.format("desktop-%02d-home-%s", shot++, locale.getLanguage()));
                browser.assertAccessible("home (" + locale.getLanguage() + ")");
            }

            // The choice is stored on the account, not only in the browser session.
            Locale last = OTHER_LANGUAGES.get(OTHER_LANGUAGES.size() - 1);
            ShellMessages texts = new ShellMessages(last);
            browser.chooseFromUserMenu("user-menu-logout");
            browser.awaitPath("/login");
            browser.submitLogin(ADMIN, ADMIN_PASSWORD);
            browser.afterPassword(ADMIN);
            browser.await(d -> title(texts, "home.title").equals(d.getTitle()));
            browser.awaitVaadin();
            assertTranslatedHome(texts, last);
        } finally {
            backToEnglish(driver);
        }
        assertEquals(title(EN, "home.title"), driver.getTitle());
        assertEquals("en", browser.pageLanguage());
    }

    @Test
    public void signingOutEndsTheSessionInTheBrowserAndOnTheServer() throws Exception {
        WebDriver driver = browser.open(1280, 900);
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        Cookie session = browser.sessionCookie();
        assertNotNull(session);
        assertEquals(200, apiMe(session.getValue()));

        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");
        browser.awaitVisible(By.cssSelector("vaadin-login-form"));
        assertNull("session cookie removed", browser.sessionCookie());
        assertEquals("server session closed", 401, apiMe(session.getValue()));
        browser.screenshot("desktop-10-signed-out");
        browser.assertAccessible("login after sign-out");

        browser.get("/");
        browser.awaitPath("/login");
        assertTrue(driver.findElements(By.id("menu-home")).isEmpty());
        driver.navigate().back();
        browser.awaitVaadin();
        browser.awaitVisible(By.cssSelector("vaadin-login-form"));
        assertTrue(
                "back button shows no signed-in page",
                driver.findElements(By.id("menu-home")).isEmpty());
        assertNull(browser.sessionCookie());
    }

    @Test
    public void residentSeesHisHomePageWithoutAdministratorEntries() throws Exception {
        WebDriver driver = browser.open(1280, 900);
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        assertEquals(RESIDENT_NAME, browser.userName());
        assertEquals(
                EN.get("home.welcome", RESIDENT_NAME),
                driver.findElement(By.tagName("h2")).getText());
        String account = driver.findElement(By.cssSelector(".domus-card")).getText();
        assertTrue(account, account.contains(EN.get("home.account.roles", EN.get("role.RESIDENT"))));
        assertFalse(account, account.contains(EN.get("role.ADMIN")));

        List<String> entries = driver.findElements(By.cssSelector("#main-menu a")).stream()
                .map(WebElement::getText)
                .collect(Collectors.toList());
        assertEquals(List.of(EN.get("nav.home"), EN.get("registry.menu.myHome")), entries);
        String menu = driver.findElement(By.id("main-menu")).getText();
        assertFalse(
                menu,
                menu.toLowerCase(Locale.ROOT)
                        .contains(EN.get("menu.group.administration").toLowerCase(Locale.ROOT)));
        browser.screenshot("desktop-11-home-resident");
        browser.assertAccessible("home (resident)");
    }

    @Test
    public void onAPhoneTheMenuHidesBehindTheToggleAndSigningInWorks() throws Exception {
        WebDriver driver = browser.openPhone(390, 844);
        browser.get("/");
        browser.awaitPath("/login");
        assertEquals("viewport width", 390L, browser.js("return window.innerWidth"));
        assertNoHorizontalScrolling("login");
        browser.screenshot("phone-01-login");
        browser.assertAccessible("login (phone)");

        browser.submitLogin(ADMIN, ADMIN_PASSWORD);
        browser.afterPassword(ADMIN);
        browser.awaitPath("/");
        browser.awaitVisible(By.tagName("h2"));
        WebElement layout = driver.findElement(By.tagName("vaadin-app-layout"));
        assertNotNull("drawer is an overlay on a phone", layout.getDomAttribute("overlay"));
        assertNull("drawer starts closed", layout.getDomAttribute("drawer-opened"));
        assertFalse(driver.findElement(By.id("menu-home")).isDisplayed());
        assertTrue(browser.userName().contains(ADMIN_NAME));
        assertNoHorizontalScrolling("home");
        browser.screenshot("phone-02-home");
        browser.assertAccessible("home (phone)");

        browser.chooseFromUserMenu("user-menu-change-password");
        browser.awaitPath("/change-password");
        assertNoHorizontalScrolling("change password");
        browser.screenshot("phone-03-change-password");
        browser.assertAccessible("change password (phone)");

        driver.findElement(By.tagName("vaadin-drawer-toggle")).click();
        browser.await(d -> layout.getDomAttribute("drawer-opened") != null);
        WebElement home = browser.awaitVisible(By.id("menu-home"));
        browser.await(d ->
                ((Number) browser.js("return arguments[0].getBoundingClientRect().left", home)).doubleValue() >= 0);
        browser.screenshot("phone-04-menu-open");
        browser.assertAccessible("open menu (phone)");

        home.click();
        browser.awaitPath("/");
        browser.await(d -> layout.getDomAttribute("drawer-opened") == null);
        assertEquals(
                EN.get("home.welcome", ADMIN_NAME),
                browser.awaitVisible(By.tagName("h2")).getText());
    }

    @Test
    public void officeIssuesAnAccountWhoseHolderChangesThePasswordEnablesTotpAndSignsInWithIt() throws Exception {
        WebDriver driver = browser.open(1280, 900);
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.get("/admin/accounts");
        browser.awaitVisible(By.id("accounts-grid"));
        assertEquals(title(EN, "accounts.title"), driver.getTitle());
        browser.screenshot("desktop-20-accounts");
        browser.assertAccessible("accounts");

        browser.awaitVisible(By.id("accounts-issue")).click();
        WebElement name = browser.awaitVisible(By.cssSelector("#issue-name input"));
        name.sendKeys("Věra Šťastná");
        driver.findElement(By.id("issue-submit")).click();
        String login = browser.awaitVisible(By.id("issued-login")).getText();
        String password = driver.findElement(By.id("issued-password")).getText();
        assertEquals("vera.stastna", login.replaceAll("\\d+$", ""));
        assertEquals(20, password.length());
        browser.screenshot("desktop-21-account-issued");
        browser.assertAccessible("account issued");

        // The letter as the browser downloads it: the same session, the anchor's own address.
        String href = driver.findElement(By.id("issued-letter")).getDomProperty("href");
        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        String letter;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf.body())) {
            letter = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertTrue(letter, letter.contains(login));
        assertTrue(letter, letter.contains(password));
        assertTrue(letter, letter.contains("Věra Šťastná"));
        assertTrue(letter, letter.contains(DOMUS.url("/login")));
        driver.findElement(By.id("issued-close")).click();

        // The office records the holder in the registry: Věra owns one unit of the demo cooperative.
        String office = browser.sessionCookie().getValue();
        long accountId = json(api("GET", "/api/admin/accounts?q=" + login, office, null))
                .get(0)
                .path("id")
                .asLong();
        JsonNode units =
                json(api("GET", "/api/registry/units?limit=20", office, null)).path("items");
        JsonNode own = units.get(0);
        JsonNode other = units.get(units.size() - 1);
        JsonNode building = json(
                api("GET", "/api/registry/buildings/" + own.path("buildingId").asLong(), office, null));
        JsonNode person = json(api(
                "POST",
                "/api/registry/persons",
                office,
                "{\"organisationId\":"
                        + json(api(
                                        "GET",
                                        "/api/registry/estates/"
                                                + building.path("estateId").asLong(),
                                        office,
                                        null))
                                .path("organisationId")
                                .asLong()
                        + ",\"kind\":\"NATURAL\","
                        + "\"firstName\":\"Věra\",\"lastName\":\"Šťastná\",\"accountId\":" + accountId + "}"));
        api(
                "POST",
                "/api/registry/tenures",
                office,
                "{\"unitId\":" + own.path("id").asLong() + ",\"personId\":"
                        + person.path("id").asLong()
                        + ",\"role\":\"OWNER\",\"share\":{\"numerator\":1,\"denominator\":1},"
                        + "\"validFrom\":\"2020-01-01\"}");
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // First sign-in: the initial password works once, and only to choose a new one.
        browser.submitLogin(login, password);
        browser.awaitPath("/change-password");
        String chosen = "Lilac-Harbour-Tram-2031";
        List<WebElement> fields = driver.findElements(By.cssSelector("vaadin-password-field input"));
        fields.get(0).sendKeys(password);
        fields.get(1).sendKeys(chosen);
        fields.get(2).sendKeys(chosen);
        fields.get(2).sendKeys(Keys.ENTER);
        // Then the terms of use, which must be accepted before anything else.
        browser.awaitVisible(By.id("terms-accept"));
        assertNotNull(
                "accepting needs the tick first",
                driver.findElement(By.id("terms-accept")).getDomAttribute("disabled"));
        browser.screenshot("desktop-22-terms");
        browser.assertAccessible("terms of use");
        browser.acceptTerms();
        browser.awaitPath("/");
        browser.awaitVisible(By.id("menu-home"));

        browser.chooseFromUserMenu("user-menu-privacy");
        browser.awaitPath("/account/privacy");
        browser.awaitVisible(By.cssSelector("#consent-e-invoice")).click();
        browser.await(d -> d.findElement(By.id("consent-history")).getText().contains(EN.get("consent.E_INVOICE")));
        browser.screenshot("desktop-22-privacy");
        browser.assertAccessible("privacy");

        browser.chooseFromUserMenu("user-menu-two-factor");
        browser.awaitPath("/account/two-factor");
        browser.awaitVisible(By.id("totp-start"));
        browser.assertAccessible("two-factor set-up");
        browser.awaitVisible(By.id("totp-start")).click();
        browser.awaitVisible(By.id("totp-qr"));
        browser.screenshot("desktop-22-totp-enrol");
        browser.assertAccessible("two-factor QR code");
        driver.navigate().refresh();
        browser.awaitVaadin();
        List<String> recovery = browser.enrolTotp(login);
        assertEquals(10, recovery.size());
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // Password and a wrong code: the generic message, still on the login page.
        browser.submitLogin(login, chosen);
        browser.awaitVisible(By.id("totp-code"));
        browser.submitCode("000000");
        WebElement error = browser.awaitVisible(By.id("totp-error"));
        assertEquals(EN.get("login.code.failed"), error.getText());
        assertEquals("/login", browser.path());
        browser.screenshot("desktop-23-totp-wrong-code");
        browser.assertAccessible("second step with error");

        browser.submitCode(TotpCodes.next(login));
        browser.awaitSignedInFrame();
        assertEquals("/", browser.path());
        assertEquals("Věra Šťastná", browser.userName());

        // The same code once more, after signing out: a replay, refused with the same words.
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");
        browser.submitLogin(login, chosen);
        browser.awaitVisible(By.id("totp-code"));
        browser.submitCode(TotpCodes.lastUsed(login));
        assertEquals(
                EN.get("login.code.failed"),
                browser.awaitVisible(By.id("totp-error")).getText());
        assertNull(browser.sessionCookie());

        // The holder's own login history shows the refused codes and the sign-in.
        browser.submitCode(TotpCodes.next(login));
        browser.awaitVisible(By.id("menu-home"));
        browser.chooseFromUserMenu("user-menu-logins");
        browser.awaitPath("/account/logins");
        String history = browser.awaitVisible(By.id("login-history")).getText();
        assertTrue(history, history.contains(EN.get("logins.outcome.BAD_SECOND_FACTOR")));
        browser.screenshot("desktop-24-login-history");
        browser.assertAccessible("login history");

        // My home, from the menu, shows exactly her unit; another unit's page does not exist for her.
        List<String> entries = driver.findElements(By.cssSelector("#main-menu a")).stream()
                .map(WebElement::getText)
                .collect(Collectors.toList());
        assertEquals(List.of(EN.get("nav.home"), EN.get("registry.menu.myHome")), entries);
        driver.findElements(By.cssSelector("#main-menu a")).get(1).click();
        browser.awaitPath("/my-home");
        List<WebElement> cards =
                browser.awaitVisible(By.id("my-home-units")).findElements(By.cssSelector(".my-home-unit"));
        assertEquals(1, cards.size());
        String card = cards.get(0).getText();
        assertTrue(
                card,
                card.contains(EN.get("registry.unit.heading", own.path("number").asText(), "")));
        assertTrue(
                card,
                card.contains(building.path("street").asText() + " "
                        + building.path("number").asText()));
        // ...with her latest sign-ins (the refused code and the successful TOTP sign-in are among them)
        String recent = browser.awaitVisible(By.id("my-home-logins")).getText();
        assertTrue(recent, recent.contains(EN.get("logins.outcome.SUCCESS")));
        assertTrue(recent, recent.contains(EN.get("logins.outcome.BAD_SECOND_FACTOR")));
        browser.screenshot("desktop-25-my-home");
        browser.assertAccessible("my home");
        browser.get("/registry/unit/" + other.path("id").asLong());
        browser.awaitVaadin();
        assertEquals(
                EN.get("error.notFound.title"),
                browser.awaitVisible(By.cssSelector(".domus-page h2")).getText());
        browser.get("/registry/unit/" + own.path("id").asLong());
        browser.awaitVaadin();
        assertEquals(
                "staff pages do not exist for residents, not even for their own unit",
                EN.get("error.notFound.title"),
                browser.awaitVisible(By.cssSelector(".domus-page h2")).getText());
    }

    /** A REST call with the browser's session, as the UI's own scripts would make it. */
    private static String api(String method, String path, String session, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DOMUS.url(path)))
                .header("Accept", "application/json")
                .header("Cookie", DomusBrowser.SESSION_COOKIE + "=" + session)
                .header("X-Requested-With", "XMLHttpRequest");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(
                method + " " + path + " -> " + response.statusCode() + " " + response.body(),
                response.statusCode() / 100 == 2);
        return response.body();
    }

    private static JsonNode json(String body) throws IOException {
        return new ObjectMapper().readTree(body);
    }

    private void assertTranslatedHome(ShellMessages texts, Locale locale) {
        assertEquals(locale.getLanguage(), browser.pageLanguage());
        assertEquals(
                texts.get("nav.home"), browser.awaitVisible(By.id("menu-home")).getText());
        assertEquals(
                texts.get("home.welcome", ADMIN_NAME),
                browser.awaitVisible(By.tagName("h2")).getText());
        String cards =
                browser.driver().findElement(By.cssSelector(".domus-cards")).getText();
        assertTrue(cards, cards.contains(texts.get("home.account.title")));
        assertTrue(cards, cards.contains(texts.get("home.modules.title")));
    }

    private void closeMenus(WebDriver driver) {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        browser.await(d -> d.findElements(By.cssSelector("vaadin-context-menu-overlay[opened]"))
                .isEmpty());
    }

    /** Leaves the admin account in English for the other tests, whatever happened before. */
    private void backToEnglish(WebDriver driver) throws InterruptedException {
        browser.get("/");
        if (driver.findElements(By.id("user-menu")).isEmpty()) {
            browser.submitLogin(ADMIN, ADMIN_PASSWORD);
            browser.afterPassword(ADMIN);
            browser.awaitPath("/");
        }
        browser.awaitVisible(By.id("user-menu"));
        if (!"en".equals(browser.pageLanguage())) {
            browser.chooseFromUserMenu("user-menu-language-en");
            browser.await(d -> "en".equals(browser.pageLanguage())
                    && title(EN, "home.title").equals(d.getTitle()));
            browser.awaitVaadin();
        }
    }

    private void assertNoHorizontalScrolling(String page) {
        Number overflow = (Number)
                browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(page + " scrolls sideways by " + overflow + " px", 0, overflow.intValue());
    }

    private static String title(ShellMessages texts, String key) {
        return texts.get(key) + " · Domus";
    }

    /** GET /api/me with only the session cookie, as the browser's own scripts would call it. */
    private static int apiMe(String sessionToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(DOMUS.url("/api/me")))
                .header("Cookie", DomusBrowser.SESSION_COOKIE + "=" + sessionToken)
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
