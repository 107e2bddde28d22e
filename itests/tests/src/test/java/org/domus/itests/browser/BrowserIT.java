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
import java.util.ArrayList;
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

    /**
     * The modules' menu entries for residents, in menu order: the browser distribution installs the ledger, the
     * tickets and the communications module with their views.
     */
    private static final List<String> RESIDENT_MODULE_ENTRIES =
            List.of("My payments", "My requests", "Report a problem", "News", "Messages", "Contacts", "Notifications");

    private static final ShellMessages EN = new ShellMessages(Locale.ENGLISH);
    private static final String ADMIN_NAME = "Demo Administrator";
    private static final String RESIDENT_NAME = "Demo Resident";
    private static final List<Locale> OTHER_LANGUAGES =
            List.of(Locale.forLanguageTag("pl"), Locale.forLanguageTag("cs"), Locale.forLanguageTag("ro"));

    private static List<String> residentMenu() {
        List<String> menu = new ArrayList<>(List.of(EN.get("nav.home"), EN.get("registry.menu.myHome")));
        menu.addAll(RESIDENT_MODULE_ENTRIES);
        return menu;
    }

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
        assertPushOverLongPolling();
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
        // the account card among the modules' cards of the start page (an emergency numbers card comes first)
        String account = driver.findElements(By.cssSelector(".domus-card")).stream()
                .map(WebElement::getText)
                .filter(text -> text.startsWith(EN.get("home.account.title")))
                .findFirst()
                .orElseThrow();
        assertTrue(account, account.contains(EN.get("home.account.roles", EN.get("role.RESIDENT"))));
        assertFalse(account, account.contains(EN.get("role.ADMIN")));

        List<String> entries = driver.findElements(By.cssSelector("#main-menu a")).stream()
                .map(WebElement::getText)
                .collect(Collectors.toList());
        assertEquals(residentMenu(), entries);
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
        long accountId = json(DOMUS.call("GET", "/api/admin/accounts?q=" + login, office, null))
                .get(0)
                .path("id")
                .asLong();
        JsonNode units = json(DOMUS.call("GET", "/api/registry/units?limit=20", office, null))
                .path("items");
        JsonNode own = units.get(0);
        JsonNode other = units.get(units.size() - 1);
        JsonNode building = json(DOMUS.call(
                "GET", "/api/registry/buildings/" + own.path("buildingId").asLong(), office, null));
        JsonNode person = json(DOMUS.call(
                "POST",
                "/api/registry/persons",
                office,
                "{\"organisationId\":"
                        + json(DOMUS.call(
                                        "GET",
                                        "/api/registry/estates/"
                                                + building.path("estateId").asLong(),
                                        office,
                                        null))
                                .path("organisationId")
                                .asLong()
                        + ",\"kind\":\"NATURAL\","
                        + "\"firstName\":\"Věra\",\"lastName\":\"Šťastná\",\"accountId\":" + accountId + "}"));
        DOMUS.call(
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
        assertEquals(residentMenu(), entries);
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

    @Test
    public void adminGrantsAManagerOneBuildingInTheAccountDetailWhichHoldsUntilItsRemoveButtonTakesItAway()
            throws Exception {
        WebDriver driver = browser.open(1280, 900);
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String office = browser.sessionCookie().getValue();

        // The building to grant, one unit in it and one elsewhere, as the office sees them.
        JsonNode units = json(DOMUS.call("GET", "/api/registry/units?limit=200", office, null))
                .path("items");
        JsonNode allBuildings = json(DOMUS.call("GET", "/api/registry/buildings?limit=200", office, null))
                .path("items");
        assertTrue("the demo has several buildings", allBuildings.size() > 1);
        // A building whose first letters do not match every street, so that typing them visibly filters.
        JsonNode building = null;
        String typed = null;
        List<String> offered = null;
        for (JsonNode candidate : allBuildings) {
            String street = candidate.path("street").asText();
            String prefix = street.substring(0, Math.min(4, street.length()));
            List<String> matching = new java.util.ArrayList<>();
            for (JsonNode b : json(DOMUS.call(
                            "GET", "/api/registry/buildings?limit=200&street=" + encode(prefix), office, null))
                    .path("items")) {
                matching.add(address(b));
            }
            if (matching.size() < allBuildings.size()) {
                building = candidate;
                typed = prefix;
                offered = matching;
                break;
            }
        }
        assertNotNull("a street prefix that filters the demo's buildings", building);
        long buildingId = building.path("id").asLong();
        String label = address(building);
        JsonNode inside = null;
        JsonNode outside = null;
        int unitsInside = 0;
        for (JsonNode unit : units) {
            if (unit.path("buildingId").asLong() == buildingId) {
                unitsInside++;
                inside = inside == null ? unit : inside;
            } else if (outside == null) {
                outside = unit;
            }
        }
        assertNotNull("the building has units", inside);
        assertNotNull(outside);

        // An account for the new house manager, issued without a role.
        browser.get("/admin/accounts");
        browser.awaitVisible(By.id("accounts-grid"));
        browser.awaitVisible(By.id("accounts-issue")).click();
        browser.awaitVisible(By.cssSelector("#issue-name input")).sendKeys("Bohdana Nováková");
        WebElement resident = browser.awaitVisible(By.id("issue-resident"));
        resident.click();
        browser.await(d -> resident.getDomAttribute("checked") == null);
        driver.findElement(By.id("issue-submit")).click();
        String login = browser.awaitVisible(By.id("issued-login")).getText();
        String initial = driver.findElement(By.id("issued-password")).getText();
        driver.findElement(By.id("issued-close")).click();
        browser.await(d -> d.findElements(By.id("issued-close")).isEmpty());
        long accountId = json(DOMUS.call("GET", "/api/admin/accounts?q=" + login, office, null))
                .get(0)
                .path("id")
                .asLong();
        String grants = "/api/admin/accounts/" + accountId + "/grants";
        assertEquals("[]", json(DOMUS.call("GET", grants, office, null)).toString());

        // Its detail: found through the filter, opened by clicking its row.
        browser.awaitVisible(By.cssSelector("#accounts-filter input")).sendKeys(login);
        browser.await(d -> gridCells("accounts-grid").contains(login)
                && gridCells("accounts-grid").contains("Bohdana Nováková")
                && gridCells("accounts-grid").size() == 3);
        cell("accounts-grid", login).click();
        browser.awaitVaadin();
        assertTrue(browser.awaitVisible(By.cssSelector("#account-detail h3"))
                .getText()
                .contains(login));
        assertEquals(
                EN.get("accounts.grants.none"),
                browser.awaitVisible(By.id("account-grants-none")).getText());
        assertTrue(driver.findElements(By.id("account-grants")).stream().noneMatch(WebElement::isDisplayed));
        assertEquals(EN.get("accounts.grants.role"), fieldLabel("grant-role"));
        assertEquals(EN.get("accounts.grants.scopeType"), fieldLabel("grant-scope-type"));
        assertEquals(EN.get("accounts.grants.object"), fieldLabel("grant-scope"));
        assertNotNull(
                "where waits for the scope type",
                driver.findElement(By.id("grant-scope")).getDomAttribute("disabled"));
        browser.screenshot("desktop-30-account-no-grants");
        browser.assertAccessible("account detail without grants");

        // 1. MANAGER in one building, the building found by typing the start of its street.
        choose("grant-role", EN.get("role.MANAGER").substring(0, 3), EN.get("role.MANAGER"));
        choose("grant-scope-type", EN.get("scope.BUILDING").substring(0, 3), EN.get("scope.BUILDING"));
        WebElement where = browser.awaitVisible(By.cssSelector("#grant-scope input"));
        where.sendKeys(typed);
        List<String> expected = offered;
        browser.await(d -> new java.util.HashSet<>(options()).equals(new java.util.HashSet<>(expected)));
        browser.screenshot("desktop-31-grant-building-filtered");
        pick(label);
        assertEquals(label, where.getDomProperty("value"));
        driver.findElement(By.id("grant-add")).click();
        browser.awaitVaadin();
        browser.await(d -> gridCells("account-grants")
                .equals(List.of(
                        EN.get("role.MANAGER"), EN.get("scope.BUILDING"), label, EN.get("accounts.grants.remove"))));
        assertTrue(driver.findElements(By.id("account-grants-none")).stream().noneMatch(WebElement::isDisplayed));
        JsonNode stored = json(DOMUS.call("GET", grants, office, null));
        assertEquals(stored.toString(), 1, stored.size());
        assertEquals("MANAGER", stored.get(0).path("role").asText());
        assertEquals("BUILDING", stored.get(0).path("scopeType").asText());
        assertEquals(buildingId, stored.get(0).path("scopeId").asLong());
        browser.screenshot("desktop-32-account-granted");
        browser.assertAccessible("account detail with a grant");

        // 4a. The grant works for its holder: a fresh browser, the first sign-in, the building's units.
        DomusBrowser manager = new DomusBrowser(DOMUS);
        try {
            WebDriver managerDriver = manager.open(1280, 900);
            manager.get("/login");
            manager.submitLogin(login, initial);
            manager.awaitPath("/change-password");
            String chosen = "Quince-Ferry-Lantern-2032";
            List<WebElement> fields = managerDriver.findElements(By.cssSelector("vaadin-password-field input"));
            fields.get(0).sendKeys(initial);
            fields.get(1).sendKeys(chosen);
            fields.get(2).sendKeys(chosen);
            fields.get(2).sendKeys(Keys.ENTER);
            manager.awaitVisible(By.id("terms-accept"));
            manager.acceptTerms();
            manager.awaitSignedInFrame();
            String managerSession = manager.sessionCookie().getValue();
            manager.awaitVisible(By.cssSelector("#main-menu a[href='registry/units']"))
                    .click();
            manager.awaitPath("/registry/units");
            manager.await(d -> d.findElements(By.cssSelector("#registry-units vaadin-grid-cell-content")).stream()
                    .anyMatch(c -> c.getText().equals(label)));
            String shown = managerDriver.findElement(By.id("registry-units")).getText();
            for (JsonNode other : allBuildings) {
                if (other.path("id").asLong() != buildingId) {
                    assertFalse(shown, shown.contains(address(other)));
                }
            }
            JsonNode own = json(DOMUS.call("GET", "/api/registry/units?limit=200", managerSession, null));
            assertEquals(own.toString(), unitsInside, own.path("items").size());
            for (JsonNode unit : own.path("items")) {
                assertEquals(buildingId, unit.path("buildingId").asLong());
            }
            String unitInside = "/api/registry/units/" + inside.path("id").asLong();
            String unitOutside = "/api/registry/units/" + outside.path("id").asLong();
            assertEquals("in the granted building", 200, status(unitInside, managerSession));
            assertEquals("outside the granted building", 403, status(unitOutside, managerSession));

            // 2. Invalid combinations: translated errors at the field to correct, nothing stored.
            choose("grant-role", EN.get("role.ADMIN").substring(0, 3), EN.get("role.ADMIN"));
            choose("grant-scope-type", EN.get("scope.BUILDING").substring(0, 3), EN.get("scope.BUILDING"));
            browser.awaitVisible(By.cssSelector("#grant-scope input")).sendKeys(typed);
            browser.await(d -> options().contains(label));
            pick(label);
            driver.findElement(By.id("grant-add")).click();
            browser.awaitVaadin();
            assertEquals(EN.get("account.grant.admin.organisation"), fieldError("grant-scope-type"));
            browser.screenshot("desktop-33-grant-admin-building-refused");
            browser.assertAccessible("account detail, administrator in a building refused");
            assertEquals(1, json(DOMUS.call("GET", grants, office, null)).size());

            choose("grant-role", EN.get("role.MANAGER").substring(0, 3), EN.get("role.MANAGER"));
            choose("grant-scope-type", EN.get("scope.ESTATE").substring(0, 3), EN.get("scope.ESTATE"));
            assertEquals("a changed field drops its error", "", fieldError("grant-scope-type"));
            driver.findElement(By.id("grant-add")).click();
            browser.awaitVaadin();
            assertEquals(EN.get("account.grant.scope.required"), fieldError("grant-scope"));
            browser.screenshot("desktop-34-grant-without-scope-refused");
            browser.assertAccessible("account detail, grant without a scope refused");
            stored = json(DOMUS.call("GET", grants, office, null));
            assertEquals(stored.toString(), 1, stored.size());
            assertEquals(buildingId, stored.get(0).path("scopeId").asLong());

            // 3. The grant's remove button, confirmed.
            String described = EN.get("role.MANAGER") + ", " + EN.get("scope.BUILDING") + " " + label;
            WebElement remove = browser.awaitVisible(By.cssSelector("#account-grants vaadin-button.grant-remove"));
            assertEquals(EN.get("accounts.grants.remove.label", described), remove.getDomAttribute("aria-label"));
            remove.click();
            WebElement yes = browser.awaitVisible(By.id("grant-remove-confirm-yes"));
            String question = browser.awaitVisible(By.cssSelector("vaadin-confirm-dialog-overlay"))
                    .getText();
            assertTrue(question, question.contains(EN.get("accounts.grants.remove.title")));
            assertTrue(
                    question, question.contains(EN.get("accounts.grants.remove.text", described, "Bohdana Nováková")));
            browser.screenshot("desktop-35-grant-remove-confirm");
            browser.assertAccessible("account detail, removing a grant");
            yes.click();
            browser.await(d -> d.findElements(By.id("grant-remove-confirm-yes")).isEmpty());
            browser.awaitVaadin();
            assertEquals(
                    EN.get("accounts.grants.none"),
                    browser.awaitVisible(By.id("account-grants-none")).getText());
            assertEquals("[]", json(DOMUS.call("GET", grants, office, null)).toString());
            browser.assertAccessible("account detail after removing the grant");

            // 4b. ...and stops at the holder's next click: no staff grant left, so no registry at all.
            manager.driver()
                    .findElement(By.cssSelector("#main-menu a[href='registry/units']"))
                    .click();
            manager.awaitVaadin();
            assertEquals(
                    EN.get("error.notFound.title"),
                    manager.awaitVisible(By.cssSelector(".domus-page h2")).getText());
            assertTrue(managerDriver
                    .findElements(By.cssSelector("#main-menu a[href='registry/units']"))
                    .isEmpty());
            assertEquals("revoked, the building", 404, status(unitInside, managerSession));
            assertEquals("revoked, elsewhere", 404, status(unitOutside, managerSession));
            // the list needs the permission the grant gave: refused outright
            assertEquals("revoked, the list", 403, status("/api/registry/units", managerSession));
        } finally {
            manager.close();
        }
    }

    /** Types into a combo box and picks the option with exactly this label. */
    private void choose(String id, String typed, String label) {
        WebElement input = browser.awaitVisible(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(typed);
        browser.await(d -> options().contains(label));
        pick(label);
        browser.await(d -> label.equals(input.getDomProperty("value")));
    }

    /** Clicks the option of the open combo box overlay with this label. */
    private void pick(String label) {
        browser.await(d -> {
                    for (WebElement item :
                            d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened] vaadin-combo-box-item"))) {
                        if (label.equals(item.getText())) {
                            return item;
                        }
                    }
                    return null;
                })
                .click();
        browser.await(d -> d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened]"))
                .isEmpty());
        browser.awaitVaadin();
    }

    /** The labels the open combo box offers (loaded ones only). */
    private List<String> options() {
        return browser
                .driver()
                .findElements(By.cssSelector("vaadin-combo-box-overlay[opened] vaadin-combo-box-item"))
                .stream()
                .map(WebElement::getText)
                .filter(t -> !t.isBlank())
                .collect(Collectors.toList());
    }

    /** The texts of a grid's body cells (header cells have no text here but are skipped too). */
    private List<String> gridCells(String id) {
        return browser.driver().findElements(By.cssSelector("#" + id + " vaadin-grid-cell-content")).stream()
                .filter(c -> (Boolean) browser.js(
                        "var slot = arguments[0].assignedSlot; var cell = slot && slot.parentElement;"
                                + " return !!cell && cell.localName === 'td' && !cell.parentElement.hidden;",
                        c))
                .map(WebElement::getText)
                .filter(t -> !t.isBlank())
                .collect(Collectors.toList());
    }

    private WebElement cell(String gridId, String text) {
        return browser.await(d -> d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(c -> text.equals(c.getText()))
                .findFirst()
                .orElse(null));
    }

    /** A field's label as shown (Vaadin 23 renders it in a light-DOM label element). */
    private String fieldLabel(String id) {
        return browser.driver()
                .findElement(By.cssSelector("#" + id + " > label[slot='label']"))
                .getText();
    }

    /** A field's error message while it is shown, else "". */
    private String fieldError(String id) {
        return browser.await(d -> {
            WebElement field = d.findElement(By.id(id));
            List<WebElement> errors = field.findElements(By.cssSelector("[slot='error-message']"));
            boolean invalid = field.getDomAttribute("invalid") != null;
            if (!invalid) {
                return "";
            }
            return errors.isEmpty()
                            || !errors.get(0).isDisplayed()
                            || errors.get(0).getText().isEmpty()
                    ? null
                    : errors.get(0).getText();
        });
    }

    private static String address(JsonNode building) {
        String postcode = building.path("postcode").isNull()
                ? ""
                : building.path("postcode").asText() + " ";
        return building.path("street").asText() + " " + building.path("number").asText() + ", " + postcode
                + building.path("city").asText();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The status of a GET with a session, without asserting it. */
    private static int status(String path, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(DOMUS.url(path)))
                                .header("Accept", "application/json")
                                .header("Cookie", DomusBrowser.SESSION_COOKIE + "=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
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

    /**
     * Server push is on and runs over long polling: the page loaded the Atmosphere client, which is served
     * with the shell's security headers, and its long-poll requests pass the shell's filters.
     */
    private void assertPushOverLongPolling() throws IOException, InterruptedException {
        browser.await(d -> Boolean.TRUE.equals(browser.js("return performance.getEntriesByType('resource')"
                + ".some(function (e) { return e.name.indexOf('X-Atmosphere-Transport=long-polling') >= 0; })")));
        assertTrue(
                "push client script loaded",
                Boolean.TRUE.equals(browser.js("return performance.getEntriesByType('resource')"
                        + ".some(function (e) { return e.name.indexOf('vaadinPush') >= 0; })")));
        HttpResponse<String> script = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(DOMUS.url("/VAADIN/static/push/vaadinPush-min.js")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("atmosphere"));
        assertTrue(script.headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals(
                "nosniff", script.headers().firstValue("X-Content-Type-Options").orElse(null));
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
