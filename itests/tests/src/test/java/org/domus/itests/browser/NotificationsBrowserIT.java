package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.domus.itests.browser.RunningDomus.RESIDENT;
import static org.domus.itests.browser.RunningDomus.RESIDENT_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The notification bell in the browser on the running distribution with the demo cooperative: while the demo
 * resident's start page is open, the office publishes an urgent announcement for the resident's building (over
 * REST, with the administrator's session); the bell's unread count rises without a reload, the bell's list shows
 * the announcement first, and the notification centre lists it; opening it marks it read and leads to it.
 */
public class NotificationsBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    private int bellCount() {
        WebElement badge = browser.driver().findElement(By.id("communications-bell-count"));
        String text = badge.getText().strip();
        return text.isEmpty() || !badge.isDisplayed() ? 0 : Integer.parseInt(text.replace("+", ""));
    }

    @Test
    public void anUrgentAnnouncementRaisesTheResidentsBellWithoutReloadAndIsListedInTheCentre() throws Exception {
        browser.open(1280, 1000);
        browser.awaitRoute("communications/notifications");
        // the office's session (kept while the resident signs in: only the browser's cookie is dropped)
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String admin = browser.sessionCookie().getValue();
        browser.driver().manage().deleteAllCookies();

        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        String resident = browser.sessionCookie().getValue();
        JsonNode building = DOMUS.getJson("/api/me/units", resident).get(0).path("building");
        long organisation = DOMUS.getJson(
                        "/api/registry/estates/" + building.path("estateId").asLong(), admin)
                .path("organisationId")
                .asLong();
        browser.get("/");
        browser.awaitVisible(By.id("communications-bell-button"));
        int before = bellCount();

        String title = "Water off " + UUID.randomUUID().toString().substring(0, 6);
        JsonNode draft = JSON.readTree(DOMUS.call(
                "POST",
                "/api/communications/announcements",
                admin,
                "{\"organisationId\":" + organisation + ",\"title\":\"" + title + "\",\"body\":\"<p>No water on"
                        + " Monday from 8 to 12.</p>\",\"targets\":[{\"kind\":\"BUILDING\",\"id\":"
                        + building.path("id").asLong() + "}],\"urgent\":true}"));
        DOMUS.call(
                "POST",
                "/api/communications/announcements/" + draft.path("id").asLong() + "/publish",
                admin,
                "{\"version\":" + draft.path("version").asLong() + "}");

        // server push: the open page's bell counts it, no reload
        browser.await(d -> bellCount() == before + 1);
        browser.screenshot("notifications-01-bell");
        browser.click(By.id("communications-bell-button"));
        WebElement list = browser.awaitVisible(By.id("communications-bell-list"));
        browser.await(d -> list.getText().contains(title));
        assertTrue(list.getText(), list.getText().indexOf(title) < 200);
        browser.assertAccessible("the notification bell");
        browser.click(By.id("communications-bell-show-all"));
        browser.awaitPath("/communications/notifications");
        WebElement centre = browser.awaitVisible(By.id("communications-notifications-list"));
        browser.await(d -> centre.getText().contains(title));
        browser.screenshot("notifications-02-centre");
        browser.assertAccessible("the notification centre");

        // opening it marks it read and goes to the announcement
        WebElement entry = centre.findElements(By.cssSelector(".communications-notification-title"))
                .get(0);
        assertTrue(entry.getText(), entry.getText().contains(title));
        entry.click();
        browser.await(d -> browser.path().startsWith("/communications/news-item/"));
        browser.await(d -> bellCount() == before);
        assertEquals(
                before,
                DOMUS.getJson("/api/communications/notifications/unread-count", resident)
                        .path("unread")
                        .asInt());
    }
}
