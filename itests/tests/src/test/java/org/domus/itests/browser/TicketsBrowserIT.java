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
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The tickets module in the browser, end to end on the running distribution with the demo cooperative: the
 * demo resident reports a problem in their unit with a photo; the administrator sets up a contractor company
 * and its worker with a contractor account (over REST: records, not steps of the loop); the cooperative's
 * manager finds the new ticket among today's tickets in the management panel, opens it, accepts it, forwards
 * it to the company and the worker and sends the requester a message; the contractor accepts the assignment,
 * starts, logs time, writes an internal work note, lets the requester sign on the screen with real pointer
 * strokes and finishes; the resident downloads the completion protocol (read back with PDFBox: reference, work
 * done, an image) and confirms with a rating, and the timeline shows every step and the office's message but
 * not the internal note. The public form of the resident's building refuses, visibly and translated, once the
 * rate limit per address is used up, and an unknown code is "page not found".
 */
public class TicketsBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("T-\\d{4}-\\d+");
    private static final String DESCRIPTION = "The kitchen tap drips all night, browser test.";
    private static final String WORK_DONE = "Replaced the washer of the kitchen tap; no more dripping.";
    private static final String WORK_NOTE = "Internal: the riser valve is old, plan a replacement.";
    private static final String CONTRACTOR_PASSWORD = "Copper-Pipe-Wrench-2031";
    /** The demo cooperative's manager, whose organisation the demo resident lives in. */
    private static final String MANAGER = "manager";

    private static final String COMPANY = "Instalatérství Kapka s.r.o.";
    private static final String WORKER = "Petr Instalatér";
    private static final String FEEDBACK = "Our plumber Petr comes tomorrow between 8 and 10.";
    /** The tickets module's default: anonymous reports per client address and hour. */
    private static final int PUBLIC_PER_ADDRESS = 5;

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void aReportedProblemGoesThroughTheWholeLoopInTheBrowser() throws Exception {
        browser.open(1280, 1000);
        browser.awaitRoute("tickets/work");

        // --- the resident reports a problem in their unit, with a photo -------------------------------------
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        browser.get("/tickets/my");
        browser.awaitVisible(By.id("tickets-my-report")).click();
        browser.awaitPath("/tickets/report");
        browser.awaitVisible(By.id("tickets-report-place"));
        chooseFirst("tickets-report-category");
        type(By.cssSelector("#tickets-report-description textarea"), DESCRIPTION);
        Path photo = photo();
        WebElement upload = browser.awaitVisible(By.id("tickets-report-files"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
        browser.await(
                d -> d.findElement(By.id("tickets-report-file-list")).getText().contains("leak.png"));
        // the building's map, drawn from the test's tile server
        browser.awaitVisible(By.id("tickets-report-pin-map"));
        browser.await(d -> DOMUS.tilesServed() > 0);
        browser.screenshot("tickets-01-report");
        browser.assertAccessible("report a problem");
        browser.click(By.id("tickets-report-send"));
        browser.await(d -> browser.path().startsWith("/tickets/ticket/"));
        browser.awaitVaadin();
        long ticketId = Long.parseLong(browser.path().substring("/tickets/ticket/".length()));
        String reference = reference();
        assertEquals("New", status());
        browser.await(d -> d.findElement(By.id("tickets-files")).getText().contains("leak.png"));
        browser.assertAccessible("a new ticket");
        browser.get("/tickets/my");
        browser.await(d -> browser.gridCells("tickets-my").contains(reference));
        browser.assertAccessible("my requests");
        String resident = browser.sessionCookie().getValue();
        String requesterName =
                DOMUS.getJson("/api/me", resident).path("displayName").asText();
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- the office: a contractor company and its worker with a CONTRACTOR account --------------------------
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String admin = browser.sessionCookie().getValue();
        JsonNode ticket = json(DOMUS.call("GET", "/api/tickets/" + ticketId, admin, null));
        long organisation = ticket.path("organisationId").asLong();
        // Staff roles are granted with their scope after the account is issued (as a resident, taken away after).
        JsonNode issued = json(DOMUS.call(
                "POST",
                "/api/admin/accounts",
                admin,
                "{\"displayName\":\"Petr Instalatér\",\"roles\":[\"RESIDENT\"],\"locale\":\"en\"}"));
        String contractor = issued.path("account").path("login").asText();
        long contractorAccount = issued.path("account").path("id").asLong();
        String initial = issued.path("initialPassword").asText();
        String grants = "/api/admin/accounts/" + contractorAccount + "/grants";
        DOMUS.call(
                "POST",
                grants,
                admin,
                "{\"role\":\"CONTRACTOR\",\"scopeType\":\"ORGANISATION\",\"scopeId\":" + organisation + "}");
        DOMUS.call("DELETE", grants + "?role=RESIDENT", admin, null);
        assertEquals(
                "[{\"role\":\"CONTRACTOR\",\"scopeType\":\"ORGANISATION\",\"scopeId\":" + organisation + "}]",
                json(DOMUS.call("GET", grants, admin, null)).toString());
        JsonNode company = json(DOMUS.call(
                "POST",
                Rest.companies(organisation),
                admin,
                "{\"name\":\"" + COMPANY + "\",\"groups\":[\""
                        + ticket.path("group").asText() + "\"],\"active\":true}"));
        DOMUS.call(
                "POST",
                Rest.workers(company.path("id").asLong()),
                admin,
                "{\"name\":\"" + WORKER + "\",\"accountId\":" + contractorAccount + ",\"active\":true}");
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- the manager: today's tickets, the new one opened, accepted, forwarded, a message to the requester --
        browser.signIn(MANAGER, DOMUS.demoPassword(MANAGER));
        browser.get("/tickets/manage");
        browser.awaitVisible(By.id("tickets-manage-grid"));
        browser.click(By.id("tickets-manage-list-today"));
        browser.awaitVaadin();
        WebElement search = browser.awaitVisible(By.cssSelector("#tickets-manage-filter-text input"));
        search.sendKeys(reference, Keys.ENTER);
        browser.awaitVaadin();
        browser.await(d -> browser.gridCells("tickets-manage-grid").contains(reference));
        assertEquals(
                "1 ticket",
                browser.awaitVisible(By.id("tickets-manage-count")).getText().trim());
        assertTrue(browser.gridCells("tickets-manage-grid")
                .contains(ticket.path("title").asText()));
        browser.screenshot("tickets-01b-manager-today");
        browser.await(d -> {
                    for (WebElement a : d.findElements(By.cssSelector("#tickets-manage-grid a.tickets-open"))) {
                        if (reference.equals(a.getText().trim())) {
                            return a;
                        }
                    }
                    return null;
                })
                .click();
        browser.awaitPath("/tickets/manage/ticket/" + ticketId);
        browser.awaitVisible(By.id("tickets-staff-title"));
        assertEquals("New", staffText("tickets-staff-status"));
        browser.click(By.id("tickets-staff-move-accepted"));
        browser.awaitVaadin();
        browser.await(d -> "Accepted".equals(staffText("tickets-staff-status")));
        browser.click(By.id("tickets-staff-move-assigned"));
        pick("tickets-assign-company", "Kapka", COMPANY);
        browser.await(d -> Boolean.FALSE.equals(
                browser.js("return document.getElementById('tickets-assign-worker').hasAttribute('disabled');")));
        pick("tickets-assign-worker", "Petr", WORKER);
        browser.click(By.id("tickets-assign-confirm"));
        browser.awaitVaadin();
        browser.await(d -> "Assigned".equals(staffText("tickets-staff-status")));
        assertEquals(COMPANY + " / " + WORKER, staffText("tickets-staff-contractor"));
        WebElement feedback = browser.awaitVisible(By.cssSelector("#tickets-staff-feedback textarea"));
        feedback.sendKeys(FEEDBACK);
        browser.click(By.id("tickets-staff-feedback-send"));
        browser.awaitVaadin();
        browser.await(d -> browser.gridCells("tickets-staff-timeline").contains(FEEDBACK));
        browser.screenshot("tickets-01c-manager-assigned");
        browser.assertAccessible("the manager's ticket page");
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- the contractor: first sign-in, the queue, accept, start, log time, note, sign, finish -------------
        firstSignIn(contractor, initial);
        browser.get("/tickets/work");
        browser.await(d -> browser.gridCells("tickets-work-list").contains(reference));
        browser.screenshot("tickets-02-work-queue");
        browser.assertAccessible("my work");
        browser.click(By.id("tickets-link-" + ticketId));
        browser.awaitPath("/tickets/ticket/" + ticketId);
        browser.click(By.id("tickets-work-accept"));
        browser.await(d -> d.findElements(By.id("tickets-work-accept")).isEmpty());
        browser.click(By.id("tickets-work-start"));
        browser.await(d -> "In progress".equals(status()));
        type(By.cssSelector("#tickets-work-minutes input"), "45");
        type(By.cssSelector("#tickets-work-time-note input"), "Washer replaced");
        browser.click(By.id("tickets-work-log"));
        browser.await(d -> browser.gridCells("tickets-timeline").contains("Time logged"));
        type(By.cssSelector("#tickets-work-note textarea"), WORK_NOTE);
        browser.click(By.id("tickets-work-note-add"));
        browser.await(d -> browser.gridCells("tickets-timeline").contains(WORK_NOTE));
        // bad input first: finishing without a signature is refused on the page, nothing is finished
        type(By.cssSelector("#tickets-finish-work textarea"), WORK_DONE);
        assertEquals(requesterName, browser.js("return document.querySelector('#tickets-finish-signer').value"));
        browser.click(By.id("tickets-finish-submit"));
        browser.awaitVisible(By.id("tickets-finish-signature-error"));
        assertEquals("In progress", status());
        sign(browser.awaitVisible(By.cssSelector("#tickets-finish-signature domus-signature")));
        browser.screenshot("tickets-03-signature");
        // the confirmations of the steps above stack up at the top; axe judges contrast through their overlap,
        // so the page is checked once they have closed
        browser.await(
                d -> d.findElements(By.tagName("vaadin-notification-card")).isEmpty());
        browser.assertAccessible("finish with protocol");
        browser.click(By.id("tickets-finish-submit"));
        browser.await(d -> "Done".equals(status()));
        browser.awaitVisible(By.id("tickets-protocol"));
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- the resident: the protocol PDF, then confirm with a rating ---------------------------------------
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        browser.get("/tickets/ticket/" + ticketId);
        browser.awaitVisible(By.id("tickets-ticket-status"));
        assertEquals("Done", status());
        byte[] pdf = fetch(browser.awaitVisible(By.id("tickets-protocol")));
        try (PDDocument doc = PDDocument.load(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text, text.contains(reference));
            assertTrue(text, text.replaceAll("\\s+", " ").contains(WORK_DONE));
            assertTrue("the protocol carries the photo and the signature as images", images(doc) >= 1);
        }
        List<String> before = browser.gridCells("tickets-timeline");
        assertFalse(
                "residents never see internal notes: " + before,
                String.join("|", before).contains(WORK_NOTE));
        browser.click(By.cssSelector("#tickets-rating vaadin-radio-button"));
        type(By.cssSelector("#tickets-rating-comment textarea"), "Quick and tidy, thank you.");
        browser.click(By.id("tickets-confirm"));
        browser.await(d -> "Confirmed".equals(status()));
        assertEquals(
                "5 of 5", browser.js("return document.getElementById('tickets-ticket-rating').textContent.trim()"));
        List<String> timeline = browser.gridCells("tickets-timeline");
        for (String step : List.of(
                "Submitted",
                "File added",
                "Status changed: Accepted",
                "Assigned",
                "Message from the office",
                FEEDBACK,
                "Assignment accepted",
                "Status changed: In progress",
                "Time logged",
                "Completion protocol",
                "Status changed: Done",
                "Rating",
                "Status changed: Confirmed")) {
            assertTrue(step + " in " + timeline, timeline.contains(step));
        }
        assertFalse(String.join("|", timeline).contains(WORK_NOTE));
        browser.screenshot("tickets-04-confirmed");
        browser.assertAccessible("a confirmed ticket");
    }

    @Test
    public void thePublicFormRefusesVisiblyOnceTheRateLimitIsUsedUp() throws Exception {
        browser.open(1280, 1000);
        browser.awaitRoute("tickets/work");
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        long building = DOMUS.getJson("/api/me/units", browser.sessionCookie().getValue())
                .get(0)
                .path("building")
                .path("id")
                .asLong();
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String code = json(DOMUS.call(
                        "GET", Rest.code(building), browser.sessionCookie().getValue(), null))
                .path("code")
                .asText();
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");
        browser.driver().manage().deleteAllCookies();

        // anonymous: an unknown code shows nothing of any building
        browser.get("/report/no-such-code");
        browser.await(
                d -> d.findElement(By.cssSelector(".domus-page h2")).getText().equals("Page not found"));

        browser.get("/report/" + code);
        browser.awaitVisible(By.id("tickets-public-address"));
        assertTrue("no sign-in asked", browser.path().startsWith("/report/"));
        browser.assertAccessible("public form");
        for (int i = 1; i <= PUBLIC_PER_ADDRESS; i++) {
            publicReport("Broken light in the staircase, report " + i);
            String thanks =
                    browser.awaitVisible(By.id("tickets-public-reference")).getText();
            assertTrue(thanks, REFERENCE.matcher(thanks).find());
            if (i == 1) {
                browser.screenshot("tickets-05-public-thanks");
                browser.assertAccessible("public form thanks");
            }
            browser.click(By.id("tickets-public-another"));
            browser.awaitVisible(By.id("tickets-public-send"));
        }
        publicReport("One report too many");
        String refusal = browser.awaitVisible(By.id("tickets-public-error")).getText();
        assertTrue(refusal, refusal.startsWith("Too many reports from here. Try again in"));
        assertTrue(
                "the form stays for later",
                browser.driver().findElements(By.id("tickets-public-reference")).isEmpty());
        browser.screenshot("tickets-06-public-refused");
    }

    private void publicReport(String description) {
        chooseFirst("tickets-public-category");
        type(By.cssSelector("#tickets-public-description textarea"), description);
        browser.click(By.id("tickets-public-send"));
        browser.awaitVaadin();
    }

    /** The first sign-in of an issued account: the new password, the terms and, if asked, the second factor. */
    private void firstSignIn(String login, String initial) throws InterruptedException {
        browser.get("/login");
        browser.submitLogin(login, initial);
        browser.awaitPath("/change-password");
        List<WebElement> fields = browser.driver().findElements(By.cssSelector("vaadin-password-field input"));
        fields.get(0).sendKeys(initial);
        fields.get(1).sendKeys(CONTRACTOR_PASSWORD);
        fields.get(2).sendKeys(CONTRACTOR_PASSWORD);
        fields.get(2).sendKeys(Keys.ENTER);
        browser.awaitVaadin();
        browser.afterPassword(login);
    }

    /** Draws a signature on the pad with the mouse: two strokes of pointer moves, as a hand would. */
    private void sign(WebElement canvas) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", canvas);
        new Actions(browser.driver())
                .moveToElement(canvas, -120, 10)
                .clickAndHold()
                .moveByOffset(30, -25)
                .moveByOffset(30, 40)
                .moveByOffset(30, -35)
                .moveByOffset(30, 30)
                .release()
                .moveToElement(canvas, -100, 35)
                .clickAndHold()
                .moveByOffset(140, 0)
                .release()
                .perform();
        browser.awaitVaadin();
    }

    /** Types into a combo box and picks the option whose label starts with {@code label} (a ★ may follow). */
    private void pick(String comboId, String typed, String label) {
        WebElement input = browser.awaitVisible(By.cssSelector("#" + comboId + " input"));
        input.click();
        input.sendKeys(typed);
        browser.await(d -> {
                    for (WebElement item :
                            d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened] vaadin-combo-box-item"))) {
                        if (item.getText().trim().startsWith(label)) {
                            return item;
                        }
                    }
                    return null;
                })
                .click();
        browser.await(d -> String.valueOf(input.getDomProperty("value")).startsWith(label));
        browser.awaitVaadin();
    }

    /** An element's text on the manager's ticket page, empty while it is missing. */
    private String staffText(String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    /** Picks the first item of a vaadin-select. */
    private void chooseFirst(String selectId) {
        browser.click(By.id(selectId));
        WebElement item = browser.awaitVisible(By.cssSelector("vaadin-select-overlay[opened] vaadin-select-item"));
        item.click();
        browser.await(d ->
                d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
        browser.awaitVaadin();
    }

    /** The status badge's text (read from the DOM: the badge may be scrolled out of the page's view). */
    private String status() {
        return String.valueOf(browser.js(
                "var s = document.getElementById('tickets-ticket-status'); return s ? s.textContent.trim() : '';"));
    }

    private String reference() {
        String title = browser.awaitVisible(By.id("tickets-ticket-title")).getText();
        Matcher m = REFERENCE.matcher(title);
        assertTrue(title, m.find());
        return m.group();
    }

    private void type(By by, String text) {
        WebElement input = browser.awaitVisible(by);
        input.clear();
        input.sendKeys(text);
        browser.awaitVaadin();
    }

    /** A small real PNG photo in target/. */
    private static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillOval(120, 60, 80, 120);
        g.dispose();
        Path file = Files.createDirectories(Path.of(System.getProperty("itest.target", "target"), "tickets-it"))
                .resolve("leak.png");
        ImageIO.write(image, "png", file.toFile());
        return file.toAbsolutePath();
    }

    private static int images(PDDocument doc) throws IOException {
        int count = 0;
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
        }
        return count;
    }

    /** What the anchor downloads, fetched as the browser would: its own address and the session's cookies. */
    private byte[] fetch(WebElement anchor) throws IOException, InterruptedException {
        String href = anchor.getDomProperty("href");
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(href, 200, response.statusCode());
        return response.body();
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** The tickets REST API for the administrator's set-up of the contractor records. */
    private static final class Rest {

        static String companies(long organisationId) {
            return "/api/tickets/organisations/" + organisationId + "/companies";
        }

        static String workers(long companyId) {
            return "/api/tickets/companies/" + companyId + "/workers";
        }

        static String code(long buildingId) {
            return "/api/tickets/buildings/" + buildingId + "/public-code";
        }
    }
}
