package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.domus.itests.browser.RunningDomus.RESIDENT;
import static org.domus.itests.browser.RunningDomus.RESIDENT_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Announcements in the browser on the running distribution with the demo cooperative: the demo manager writes an
 * URGENT announcement for the demo resident's building in the editor (rich text through the toolbar, the building
 * chosen in the target picker), previews it and publishes it now; the resident sees it in red on the start page
 * and in News, opens it (bold until then) and the office's list shows "read by 1 of M"; a resident of another
 * building sees neither the card entry nor the News entry, and its page is "not found" to them.
 */
public class AnnouncementsBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo cooperative's manager, whose organisation the demo resident lives in. */
    private static final String MANAGER = "manager";

    private static final String OTHER_PASSWORD = "Other-Building-Resident-2031";

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void staffPublishesAnUrgentAnnouncementThatOnlyResidentsOfTheBuildingSee() throws Exception {
        browser.open(1280, 1000);
        browser.awaitRoute("communications/news");
        String title = "Water shut-off " + UUID.randomUUID().toString().substring(0, 6);

        // --- where the demo resident lives ---------------------------------------------------------------------
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        String residentSession = browser.sessionCookie().getValue();
        Set<Long> aBuildings = new HashSet<>();
        JsonNode home = null;
        for (JsonNode holding : DOMUS.getJson("/api/me/units", residentSession)) {
            aBuildings.add(holding.path("building").path("id").asLong());
            home = holding.path("building");
        }
        assertTrue("the demo resident holds a unit", home != null);
        String address =
                home.path("street").asText() + " " + home.path("number").asText();
        logout();

        // --- a resident of another building: the office issues an account for a current holder there ----------
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String admin = browser.sessionCookie().getValue();
        JsonNode otherPerson = null;
        for (JsonNode unit :
                DOMUS.getJson("/api/registry/units?limit=200", admin).path("items")) {
            if (aBuildings.contains(unit.path("buildingId").asLong())) {
                continue;
            }
            for (JsonNode tenure :
                    DOMUS.getJson("/api/registry/units/" + unit.path("id").asLong() + "/tenures", admin)) {
                boolean current = tenure.path("validTo").isNull()
                        || !LocalDate.parse(tenure.path("validTo").asText()).isBefore(LocalDate.now());
                JsonNode person = DOMUS.getJson(
                        "/api/registry/persons/" + tenure.path("personId").asLong(), admin);
                if (current && person.path("accountId").isNull() && !holdsIn(person, aBuildings, admin)) {
                    otherPerson = person;
                    break;
                }
            }
            if (otherPerson != null) {
                break;
            }
        }
        assertTrue("the demo cooperative has a holder without an account in another building", otherPerson != null);
        JsonNode issued = JSON.readTree(DOMUS.call(
                "POST",
                "/api/admin/accounts",
                admin,
                "{\"displayName\":\"Other Building\",\"roles\":[\"RESIDENT\"],\"locale\":\"en\"}"));
        String other = issued.path("account").path("login").asText();
        ((ObjectNode) otherPerson)
                .put("accountId", issued.path("account").path("id").asLong());
        DOMUS.call("PUT", "/api/registry/persons/" + otherPerson.path("id").asLong(), admin, otherPerson.toString());
        logout();
        firstSignIn(other, issued.path("initialPassword").asText());
        logout();

        // --- the manager writes, previews and publishes it now --------------------------------------------------
        browser.signIn(MANAGER, DOMUS.demoPassword(MANAGER));
        browser.get("/communications/announcements");
        browser.awaitVisible(By.id("communications-announcements-new")).click();
        browser.awaitPath("/communications/announcement");
        type(By.cssSelector("#communications-announcement-title input"), title);
        WebElement body = browser.awaitVisible(By.id("communications-announcement-body"));
        body.click();
        body.sendKeys("No water on Monday from 8 to 12.");
        body.sendKeys(Keys.ENTER);
        browser.click(By.id("communications-announcement-body-bullets"));
        body.sendKeys("Fill a bucket");
        choose("communications-target-kind", "Building");
        comboBox("communications-target-building", address);
        browser.click(By.id("communications-target-add"));
        browser.await(
                d -> d.findElement(By.id("communications-targets")).getText().contains(address));
        browser.await(d -> textOf("communications-announcement-reach").startsWith("Will reach"));
        browser.click(By.cssSelector("#communications-announcement-urgent"));
        browser.click(By.id("communications-announcement-preview"));
        WebElement preview = browser.awaitVisible(By.id("communications-announcement-preview-area"));
        browser.await(d -> preview.getText().contains("Fill a bucket"));
        assertFalse(preview.findElements(By.tagName("li")).isEmpty());
        browser.screenshot("announcements-01-editor");
        browser.assertAccessible("the announcement editor");
        browser.click(By.id("communications-announcement-publish"));
        browser.awaitPath("/communications/announcements");
        browser.await(
                d -> browser.gridCells("communications-announcements").stream().anyMatch(c -> c.contains(title)));
        browser.assertAccessible("the announcements list");
        logout();

        // --- the resident of the building: on the start page in red, in News in bold until opened --------------
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        browser.get("/");
        WebElement card = browser.awaitVisible(By.id("communications-news-card"));
        browser.await(d -> card.getText().contains(title));
        WebElement urgent = card.findElement(By.cssSelector(".communications-news-urgent"));
        assertTrue(urgent.getText().contains(title));
        assertTrue(
                "urgent in red: " + urgent.findElement(By.tagName("a")).getCssValue("color"),
                isReddish(urgent.findElement(By.tagName("a")).getCssValue("color")));
        browser.screenshot("announcements-02-home");
        browser.get("/communications/news");
        WebElement item = browser.await(d -> d.findElements(By.cssSelector(".communications-news-item")).stream()
                .filter(e -> e.getText().contains(title))
                .findFirst()
                .orElse(null));
        assertTrue(item.getAttribute("class").contains("communications-news-unread"));
        assertTrue(item.getAttribute("class").contains("communications-news-urgent"));
        browser.assertAccessible("News");
        item.findElement(By.tagName("a")).click();
        browser.await(d -> browser.path().startsWith("/communications/news-item/"));
        String itemPath = browser.path();
        assertEquals(
                title, browser.awaitVisible(By.id("communications-news-title")).getText());
        assertTrue(browser.awaitVisible(By.id("communications-news-body"))
                .getText()
                .contains("Fill a bucket"));
        browser.awaitVisible(By.id("communications-news-urgent"));
        browser.get("/communications/news");
        browser.await(d -> d.findElements(By.cssSelector(".communications-news-item")).stream()
                .filter(e -> e.getText().contains(title))
                .anyMatch(e -> !e.getAttribute("class").contains("communications-news-unread")));
        logout();

        // --- the resident of another building sees nothing of it --------------------------------------------------
        browser.signIn(other, OTHER_PASSWORD);
        browser.get("/");
        browser.awaitVaadin();
        assertFalse(browser.driver().findElement(By.tagName("body")).getText().contains(title));
        browser.get("/communications/news");
        browser.awaitVisible(By.id("communications-news"));
        assertFalse(browser.driver().findElement(By.tagName("body")).getText().contains(title));
        browser.get(itemPath);
        browser.awaitVaadin();
        browser.await(
                d -> d.findElements(By.cssSelector(".domus-page h2")).stream().anyMatch(h -> h.getText()
                        .equals(new ShellMessages(java.util.Locale.ENGLISH).get("error.notFound.title"))));
        assertFalse(browser.driver().findElement(By.tagName("body")).getText().contains(title));
        logout();

        // --- the office's list: read by 1 -------------------------------------------------------------------------
        browser.signIn(MANAGER, DOMUS.demoPassword(MANAGER));
        browser.get("/communications/announcements");
        browser.await(d -> browser.gridCells("communications-announcements").stream()
                .anyMatch(c -> c.startsWith("Read by 1 of ")));
    }

    /** An element's text from the DOM (it may be scrolled out of the browser's view). */
    private String textOf(String id) {
        return String.valueOf(
                browser.js("var e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';", id));
    }

    private static boolean isReddish(String cssColor) {
        String[] parts = cssColor.replaceAll("[^0-9,]", "").split(",");
        int r = Integer.parseInt(parts[0]);
        int g = Integer.parseInt(parts[1]);
        int b = Integer.parseInt(parts[2]);
        return r > 150 && r > g + 60 && r > b + 60;
    }

    private boolean holdsIn(JsonNode person, Set<Long> buildings, String admin) throws Exception {
        for (JsonNode tenure :
                DOMUS.getJson("/api/registry/persons/" + person.path("id").asLong() + "/tenures", admin)) {
            JsonNode unit =
                    DOMUS.getJson("/api/registry/units/" + tenure.path("unitId").asLong(), admin);
            if (buildings.contains(unit.path("buildingId").asLong())) {
                return true;
            }
        }
        return false;
    }

    private void logout() {
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");
    }

    private void firstSignIn(String login, String initial) throws InterruptedException {
        browser.get("/login");
        browser.submitLogin(login, initial);
        browser.awaitPath("/change-password");
        List<WebElement> fields = browser.driver().findElements(By.cssSelector("vaadin-password-field input"));
        fields.get(0).sendKeys(initial);
        fields.get(1).sendKeys(OTHER_PASSWORD);
        fields.get(2).sendKeys(OTHER_PASSWORD);
        fields.get(2).sendKeys(Keys.ENTER);
        browser.awaitVaadin();
        browser.afterPassword(login);
    }

    private void type(By by, String text) {
        WebElement input = browser.awaitVisible(by);
        input.clear();
        input.sendKeys(text);
        browser.awaitVaadin();
    }

    /** Picks the item with this label in a vaadin-select. */
    private void choose(String selectId, String label) {
        browser.click(By.id(selectId));
        WebElement item = browser.await(
                d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened] vaadin-select-item")).stream()
                        .filter(e -> e.getText().trim().equals(label))
                        .findFirst()
                        .orElse(null));
        item.click();
        browser.await(d ->
                d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
        browser.awaitVaadin();
    }

    /** Types into a combo box and picks the item whose label starts with the text. */
    private void comboBox(String id, String text) {
        WebElement input = browser.awaitVisible(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(text);
        WebElement item = browser.await(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(e -> e.getText().startsWith(text))
                .findFirst()
                .orElse(null));
        item.click();
        browser.awaitVaadin();
    }
}
