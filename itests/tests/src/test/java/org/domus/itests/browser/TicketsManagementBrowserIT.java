package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The tickets management panel in the browser, on the running distribution with the demo cooperative and its
 * demo tickets: the Czech cooperative's manager filters the panel by building and status, accepts two new
 * tickets at once, forwards one to a contractor company and sends the requester a message; the statistics view
 * shows the total the REST API computes for the same filter, with charts; the map shows the tickets and the
 * workers on tiles from a server in this JVM (no internet); the Polish cooperative's manager sees none of them.
 */
public class TicketsManagementBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    /** The Polish cooperative's staff see the shell in Polish. */
    private static final ShellMessages PL = new ShellMessages(Locale.forLanguageTag("pl"));

    private static final String MANAGER = "manager";
    private static final String OTHER_MANAGER = "manager.krakow";
    /** 150 demo tickets for each of the three demo organisations. */
    private static final int DEMO_TICKETS = 3 * 150;

    private static String adminSession;

    @AfterClass
    public static void stop() {
        DomusBrowser.closeAll();
    }

    /** Whether the office can send the ticket's requester feedback (the page disables it otherwise). */
    private static boolean answerable(JsonNode ticket) {
        return !"PUBLIC_FORM".equals(ticket.path("source").asText())
                || !ticket.path("contactEmail").asText("").isEmpty();
    }

    @Test
    public void managerFiltersBulkAcceptsAssignsAndSendsFeedback() throws Exception {
        awaitDemoTickets();
        String manager = signIn(MANAGER);
        Building b = buildingWithNewTickets(manager);
        browser.get("/tickets/manage");
        browser.awaitVisible(By.id("tickets-manage-grid"));
        choose("tickets-manage-filter-building", b.street, b.address);
        chooseMulti("tickets-manage-filter-status", "New");
        String filtered = "/api/tickets?status=NEW&buildingId=" + b.id + "&limit=500";
        JsonNode before = DOMUS.getJson(filtered, manager);
        long newTickets = before.path("total").asLong();
        awaitCount(newTickets);
        Set<Long> newIds = ids(before);

        // two tickets at once: both accepted, nothing else changed
        selectRows(2);
        assertEquals("2 selected", text("tickets-manage-selected"));
        browser.click(By.id("tickets-manage-bulk-accept"));
        browser.awaitVaadin();
        awaitCount(newTickets - 2);
        Set<Long> stillNew = ids(DOMUS.getJson(filtered, manager));
        Set<Long> accepted = new HashSet<>(newIds);
        accepted.removeAll(stillNew);
        assertEquals(accepted.toString(), 2, accepted.size());
        for (long id : accepted) {
            assertEquals(
                    "ACCEPTED",
                    DOMUS.getJson("/api/tickets/" + id, manager).path("status").asText());
        }
        browser.screenshot("tickets-01-panel-after-bulk-accept");

        // the filtered list downloads as CSV: the same tickets
        Set<String> references = new HashSet<>();
        for (JsonNode t : DOMUS.getJson(filtered, manager).path("items")) {
            references.add(t.path("reference").asText());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("T-\\d{4}-\\d{6}")
                .matcher(new String(
                        fetch(browser.awaitVisible(By.id("tickets-manage-download-csv"))), StandardCharsets.UTF_8));
        Set<String> downloaded = new HashSet<>();
        while (m.find()) {
            downloaded.add(m.group());
        }
        assertEquals(references, downloaded);

        // accepting tickets that are accepted already changes nothing and names each refused ticket
        chooseMulti("tickets-manage-filter-status", "New");
        chooseMulti("tickets-manage-filter-status", "Accepted");
        String acceptedFilter = "/api/tickets?status=ACCEPTED&buildingId=" + b.id + "&limit=500";
        Set<Long> acceptedBefore = ids(DOMUS.getJson(acceptedFilter, manager));
        awaitCount(acceptedBefore.size());
        selectRows(2);
        browser.click(By.id("tickets-manage-bulk-accept"));
        browser.awaitVaadin();
        WebElement refused = browser.awaitVisible(By.id("tickets-manage-bulk-errors"));
        List<WebElement> lines = refused.findElements(By.className("tickets-bulk-error"));
        assertEquals(refused.getText(), 2, lines.size());
        for (WebElement line : lines) {
            assertTrue(line.getText(), line.getText().matches("T-\\d{4}-\\d{6}: .+"));
        }
        assertEquals(acceptedBefore, ids(DOMUS.getJson(acceptedFilter, manager)));
        assertEquals(stillNew, ids(DOMUS.getJson(filtered, manager)));

        // one of them (or another accepted ticket of the building) forwarded to a contractor company from its page;
        // one the office can answer: an anonymous report without an e-mail address has nobody to send feedback to
        List<Long> candidates = new ArrayList<>(accepted);
        candidates.addAll(ids(DOMUS.getJson(acceptedFilter, manager)));
        Long ticket = null;
        for (long id : candidates) {
            if (ticket == null && answerable(DOMUS.getJson("/api/tickets/" + id, manager))) {
                ticket = id;
            }
        }
        assertNotNull("no accepted ticket with a requester to answer in " + b.address, ticket);
        browser.get("/tickets/manage/ticket/" + ticket);
        browser.click(By.id("tickets-staff-move-assigned"));
        WebElement company = browser.awaitVisible(By.cssSelector("#tickets-assign-company input"));
        company.click();
        company.sendKeys(Keys.ARROW_DOWN);
        pickFirstOption();
        browser.click(By.id("tickets-assign-confirm"));
        browser.awaitVaadin();
        browser.await(d -> "Assigned".equals(text("tickets-staff-status")));
        JsonNode assigned = DOMUS.getJson("/api/tickets/" + ticket, manager);
        assertEquals("ASSIGNED", assigned.path("status").asText());
        assertFalse(assigned.path("companyId").isNull());
        assertEquals(
                assigned.path("companyName").asText(),
                text("tickets-staff-contractor").split(" / ")[0]);

        // and the requester gets a message from the office
        String message = "The lift company comes on Thursday morning. " + System.nanoTime();
        WebElement feedback = browser.awaitVisible(By.cssSelector("#tickets-staff-feedback textarea"));
        feedback.sendKeys(message);
        browser.click(By.id("tickets-staff-feedback-send"));
        browser.awaitVaadin();
        browser.await(d -> browser.gridCells("tickets-staff-timeline").contains(message));
        boolean sent = false;
        for (JsonNode entry : DOMUS.getJson("/api/tickets/" + ticket + "/timeline", manager)) {
            sent |= "FEEDBACK".equals(entry.path("kind").asText())
                    && message.equals(entry.path("text").asText());
        }
        assertTrue("the feedback is in the timeline", sent);
        browser.screenshot("tickets-02-ticket-assigned-with-feedback");
        browser.assertAccessible("ticket page");
    }

    @Test
    public void statisticsShowTheTotalTheRestApiComputesForAFilterWithCharts() throws Exception {
        // tall enough for the summary and all four charts in one screenshot
        awaitDemoTickets(2300);
        String manager = signIn(MANAGER);
        browser.get("/tickets/statistics");
        browser.awaitVisible(By.id("tickets-stats-total"));
        JsonNode all = DOMUS.getJson("/api/tickets/statistics", manager);
        assertEquals(all.path("total").asLong(), number(text("tickets-stats-total")));
        assertEquals(all.path("overdue").asLong(), number(text("tickets-stats-overdue")));
        awaitPainted("tickets-stats-chart-status");
        awaitPainted("tickets-stats-chart-building");
        // the closing note describes this picture of the demo data
        browser.screenshot("tickets-statistics-demo");
        System.out.println("Tickets statistics of the demo cooperative (manager's scope): " + all);

        Building b = buildingWithNewTickets(manager);
        choose("tickets-stats-filter-building", b.street, b.address);
        JsonNode filtered = DOMUS.getJson("/api/tickets/statistics?buildingId=" + b.id, manager);
        browser.await(d ->
                number(text("tickets-stats-total")) == filtered.path("total").asLong());
        assertEquals(filtered.path("done").asLong(), number(text("tickets-stats-done")));
        assertEquals(filtered.path("open").asLong(), number(text("tickets-stats-open")));
        // the chart's numbers are also in its table, for screen readers
        String table = browser.driver()
                .findElement(By.cssSelector("#tickets-stats-chart-building table"))
                .getAttribute("textContent");
        assertTrue(table, table.contains(String.valueOf(filtered.path("total").asLong())));
        awaitPainted("tickets-stats-chart-status");
        browser.assertAccessible("tickets statistics");
    }

    @Test
    public void theMapShowsTheTicketsAndTheWorkersOnLocalTiles() throws Exception {
        awaitDemoTickets();
        signIn(MANAGER);
        browser.get("/tickets/map");
        browser.awaitVisible(By.id("tickets-map"));
        Object url =
                browser.js("var m = document.getElementById('tickets-map'); return m && m.tiles ? m.tiles.url : null;");
        assertTrue("tiles from the test JVM: " + url, String.valueOf(url).startsWith(DOMUS.tilesOrigin()));
        browser.await(d -> Boolean.TRUE.equals(browser.js("return document.getElementById('tickets-map').shadowRoot"
                + ".querySelectorAll('img.leaflet-tile-loaded').length > 0;")));
        assertTrue("tiles served by the test JVM", DOMUS.tilesServed() > 0);
        long ticketMarkers = (Long) browser.js("return document.getElementById('tickets-map').shadowRoot"
                + ".querySelectorAll('path[data-id^=\"ticket-\"]').length;");
        long workerMarkers = (Long) browser.js("return document.getElementById('tickets-map').shadowRoot"
                + ".querySelectorAll('path[data-id^=\"worker-\"]').length;");
        assertTrue("ticket markers: " + ticketMarkers, ticketMarkers > 10);
        assertTrue("worker markers: " + workerMarkers, workerMarkers >= 1);
        assertTrue(text("tickets-map-shown"), text("tickets-map-shown").startsWith(ticketMarkers + " tickets"));
        browser.screenshot("tickets-03-map");

        // a ticket's marker (the topmost one, drawn last) opens that ticket's page
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>)
                browser.js("var m = document.getElementById('tickets-map'), box = m.getBoundingClientRect();"
                        + "var all = m.shadowRoot.querySelectorAll('path[data-id^=\"ticket-\"]');"
                        + "var p = all[all.length - 1], r = p.getBoundingClientRect();"
                        + "return {id: p.getAttribute('data-id'), x: Math.round(r.left + r.width / 2 - (box.left"
                        + " + box.width / 2)), y: Math.round(r.top + r.height / 2 - (box.top + box.height / 2))};");
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .moveToElement(
                        browser.driver().findElement(By.id("tickets-map")),
                        ((Number) at.get("x")).intValue(),
                        ((Number) at.get("y")).intValue())
                .click()
                .perform();
        browser.await(d -> browser.path().startsWith("/tickets/manage/ticket/"));
        browser.awaitVisible(By.id("tickets-staff-title"));
    }

    @Test
    public void aManagerOfAnotherOrganisationSeesNoneOfThem() throws Exception {
        awaitDemoTickets();
        String manager = signIn(MANAGER);
        Building b = buildingWithNewTickets(manager);
        JsonNode some = DOMUS.getJson("/api/tickets?buildingId=" + b.id + "&limit=1", manager)
                .path("items")
                .get(0);
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        String other = signIn(OTHER_MANAGER);
        assertEquals(
                0,
                DOMUS.getJson("/api/tickets?buildingId=" + b.id + "&limit=1", other)
                        .path("total")
                        .asLong());
        browser.get("/tickets/manage");
        browser.awaitVisible(By.id("tickets-manage-grid"));
        // References count per organisation: the other one may have its own ticket of the same number.
        String reference = some.path("reference").asText();
        WebElement search = browser.awaitVisible(By.cssSelector("#tickets-manage-filter-text input"));
        search.sendKeys(reference, Keys.ENTER);
        browser.awaitVaadin();
        awaitCount(DOMUS.getJson("/api/tickets?text=" + reference + "&limit=1", other)
                .path("total")
                .asLong());
        List<String> cells = browser.gridCells("tickets-manage-grid");
        assertFalse(cells.toString(), cells.contains(b.address));
        assertFalse(cells.toString(), cells.contains(some.path("title").asText()));
        // The ticket's page refuses: "access denied" to staff outside their scope, in the manager's Polish.
        browser.get("/tickets/manage/ticket/" + some.path("id").asLong());
        browser.screenshot("tickets-04-other-manager-ticket");
        System.out.println("Other manager's ticket page: "
                + browser.driver().findElement(By.tagName("body")).getText());
        String refusal = browser.await(d -> d.findElements(By.cssSelector(".domus-page h2")).stream()
                .map(WebElement::getText)
                .filter(h -> h.equals(PL.get("error.forbidden.title")) || h.equals(PL.get("error.notFound.title")))
                .findFirst()
                .orElse(null));
        assertEquals(PL.get("error.forbidden.title"), refusal);
        String page = browser.driver().findElement(By.tagName("body")).getText();
        assertFalse(page, page.contains(some.path("title").asText()));
        browser.get("/tickets/statistics");
        browser.awaitVisible(By.id("tickets-stats-total"));
        assertEquals(
                DOMUS.getJson("/api/tickets/statistics", other).path("total").asLong(),
                number(text("tickets-stats-total")));
        assertTrue(browser.driver().findElement(By.tagName("body")).getText().indexOf(b.address) < 0);
    }

    @Test
    public void recordsShowTheCompaniesAndAPrintablePublicFormCodeThatRotates() throws Exception {
        awaitDemoTickets();
        String manager = signIn(MANAGER);
        browser.get("/tickets/contractors");
        browser.await(d -> browser.gridCells("tickets-admin-companies").contains("Výtahy Vltava s.r.o."));
        clickCell("tickets-admin-companies", "Výtahy Vltava s.r.o.");
        // the demo's contractor login works for the lift company, sharing its position
        browser.await(d -> browser.gridCells("tickets-admin-workers").contains("contractor"));
        browser.assertAccessible("contractors");

        browser.get("/tickets/settings");
        browser.await(d -> browser.gridCells("tickets-admin-categories").contains("Výtah"));
        assertTrue(browser.gridCells("tickets-admin-rules").contains("Urgent"));
        Building b = buildingWithNewTickets(manager);
        choose("tickets-admin-code-building", b.street, b.address);
        String url = browser.awaitVisible(By.id("tickets-admin-code-url")).getText();
        assertTrue(url, url.startsWith(DOMUS.url("/report/")));
        String code = url.substring(url.lastIndexOf('/') + 1);
        assertEquals(b.address, publicBuilding(code).path("address").asText());
        assertTrue(
                "the QR code is an image",
                Boolean.TRUE.equals(
                        browser.await(d -> browser.js("var i = document.querySelector('#tickets-admin-code-qr');"
                                + "return i && i.complete && i.naturalWidth > 100 ? true : null;"))));
        browser.screenshot("tickets-05-public-form-code");

        browser.click(By.id("tickets-admin-code-rotate"));
        browser.awaitVaadin();
        browser.await(d -> !url.equals(text("tickets-admin-code-url")));
        String rotated = text("tickets-admin-code-url");
        assertEquals(
                b.address,
                publicBuilding(rotated.substring(rotated.lastIndexOf('/') + 1))
                        .path("address")
                        .asText());
        java.net.http.HttpResponse<String> old = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(DOMUS.url("/api/tickets/public/" + code)))
                                .header("Accept", "application/json")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("the old code no longer works", 404, old.statusCode());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The public form's building for a code, without signing in. */
    private static JsonNode publicBuilding(String code) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(DOMUS.url("/api/tickets/public/" + code)))
                                .header("Accept", "application/json")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    /** What the anchor downloads, fetched as the browser would: its own address and the session's cookies. */
    private byte[] fetch(WebElement anchor) throws IOException, InterruptedException {
        String href = anchor.getDomProperty("href");
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(href, 200, response.statusCode());
        return response.body();
    }

    /** Clicks the grid cell with exactly this text. */
    private void clickCell(String gridId, String cellText) {
        WebElement cell = browser.await(d -> {
            for (WebElement c : d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"))) {
                if (cellText.equals(c.getText().trim())) {
                    return c;
                }
            }
            return null;
        });
        cell.click();
        browser.awaitVaadin();
    }

    private record Building(long id, String street, String address) {}

    /** The demo tickets are made in the background after the tickets module arrives. */
    private void awaitDemoTickets() throws Exception {
        awaitDemoTickets(1000);
    }

    /** The same, in a browser window of this height. */
    private void awaitDemoTickets(int height) throws Exception {
        if (adminSession == null) {
            browser.open(1400, height);
            browser.awaitRoute("tickets/manage");
            adminSession = signIn(ADMIN, ADMIN_PASSWORD);
            // keep the administrator's server session for the REST reads
            browser.driver().manage().deleteAllCookies();
            long end = System.nanoTime() + 300_000_000_000L;
            long total = 0;
            while (System.nanoTime() < end) {
                total = DOMUS.getJson("/api/tickets/statistics", adminSession)
                        .path("total")
                        .asLong();
                if (total >= DEMO_TICKETS) {
                    break;
                }
                Thread.sleep(2000);
            }
            assertTrue("demo tickets made: " + total, total >= DEMO_TICKETS);
        } else {
            browser.open(1400, height);
        }
    }

    private String signIn(String login) throws Exception {
        return signIn(login, DOMUS.demoPassword(login));
    }

    private String signIn(String login, String password) throws InterruptedException {
        browser.signIn(login, password);
        return browser.sessionCookie().getValue();
    }

    /** The building of the manager's scope with the most new tickets (at least two). */
    private Building buildingWithNewTickets(String session) throws Exception {
        Map<Long, Integer> counts = new HashMap<>();
        for (JsonNode t :
                DOMUS.getJson("/api/tickets?status=NEW&limit=500", session).path("items")) {
            counts.merge(t.path("buildingId").asLong(), 1, Integer::sum);
        }
        long id = counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertTrue("new tickets in one building: " + counts, counts.get(id) >= 2);
        JsonNode building = DOMUS.getJson("/api/registry/buildings/" + id, session);
        String street = building.path("street").asText();
        String address = street + " " + building.path("number").asText() + ", "
                + (building.path("postcode").isNull()
                        ? ""
                        : building.path("postcode").asText() + " ")
                + building.path("city").asText();
        return new Building(id, street, address);
    }

    private static Set<Long> ids(JsonNode page) {
        Set<Long> ids = new HashSet<>();
        page.path("items").forEach(t -> ids.add(t.path("id").asLong()));
        return ids;
    }

    private void awaitCount(long expected) {
        browser.await(d -> number(text("tickets-manage-count")) == expected);
    }

    /** The number in a text ("1,234 tickets", "No tickets" = 0). */
    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private String text(String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }

    /** Types into a combo box and picks the option with exactly this label. */
    private void choose(String id, String typed, String label) {
        WebElement input = browser.awaitVisible(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(typed);
        browser.await(d -> {
                    for (WebElement item :
                            d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened] vaadin-combo-box-item"))) {
                        if (label.equals(item.getText().trim())) {
                            return item;
                        }
                    }
                    return null;
                })
                .click();
        browser.await(d -> label.equals(input.getDomProperty("value")));
        browser.awaitVaadin();
    }

    private void pickFirstOption() {
        browser.await(d -> {
                    List<WebElement> items =
                            d.findElements(By.cssSelector("vaadin-combo-box-overlay[opened] vaadin-combo-box-item"));
                    return items.isEmpty() ? null : items.get(0);
                })
                .click();
        browser.awaitVaadin();
    }

    /** Opens a multi-select combo box and toggles the option with this label, then closes it. */
    private void chooseMulti(String id, String label) {
        WebElement input = browser.awaitVisible(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(label);
        browser.await(d -> {
                    for (WebElement item : d.findElements(By.cssSelector(
                            "vaadin-multi-select-combo-box-overlay[opened] vaadin-multi-select-combo-box-item"))) {
                        if (label.equals(item.getText().trim())) {
                            return item;
                        }
                    }
                    return null;
                })
                .click();
        input.sendKeys(Keys.ESCAPE);
        browser.awaitVaadin();
    }

    /** Ticks the selection check boxes of the first rows of the panel's grid. */
    @SuppressWarnings("unchecked")
    private void selectRows(int rows) {
        List<WebElement> boxes = (List<WebElement>) browser.js("var g = document.getElementById('tickets-manage-grid');"
                + "return Array.from(g.querySelectorAll('vaadin-grid-cell-content vaadin-checkbox'))"
                + ".filter(function(c) { return !c.closest('vaadin-grid-cell-content')"
                + ".assignedSlot.parentElement.closest('thead'); });");
        assertTrue("row check boxes: " + boxes.size(), boxes.size() >= rows);
        for (int i = 0; i < rows; i++) {
            browser.js("arguments[0].scrollIntoView({block: 'center'});", boxes.get(i));
            boxes.get(i).click();
            browser.awaitVaadin();
        }
    }

    /** Waits until a DomusChart's canvas has painted pixels. */
    private void awaitPainted(String chartId) {
        Object painted = browser.await(d -> browser.js(
                "var c = document.getElementById(arguments[0]).shadowRoot.querySelector('canvas');"
                        + "if (!c || c.width === 0) { return null; }"
                        + "var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                        + "for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } }"
                        + "return n > 500 ? n : null;",
                chartId));
        assertNotNull(chartId, painted);
    }
}
