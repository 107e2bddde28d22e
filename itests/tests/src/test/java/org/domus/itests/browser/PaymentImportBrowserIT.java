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
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Bank statement import and the calendar subscription in the browser, on the running distribution with the
 * demo cooperative: the accountant uploads a CSV statement paying two demo units by their variable symbols
 * (read from the registry) plus a line nobody can be matched to, sees the preview line by line with totals,
 * is refused applying it as a whole, posts only the matched lines, is told that uploading the same file again
 * adds nothing, and finds the payment on the unit's ledger. The demo resident creates a secret calendar URL,
 * reads it without logging in, rotates it (the old URL stops working) and revokes it.
 */
public class PaymentImportBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final String ACCOUNTANT = "accountant";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void accountantPreviewsAndAppliesAStatementAndAReuploadAddsNothing() throws Exception {
        browser.open(1280, 900);
        browser.awaitRoute("ledger/payment-import");

        // --- two demo units of the cooperative (Praha) with their variable symbols, as the registry has them --
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String admin = browser.sessionCookie().getValue();
        long unit = 0;
        String vs = null;
        String otherVs = null;
        for (JsonNode u : DOMUS.getJson("/api/registry/units?limit=200", admin).path("items")) {
            String symbol = u.path("variableSymbol").asText("");
            if (symbol.isBlank()) {
                continue;
            }
            String city = DOMUS.getJson(
                            "/api/registry/buildings/" + u.path("buildingId").asLong(), admin)
                    .path("city")
                    .asText();
            if (!city.contains("Praha")) {
                continue;
            }
            if (vs == null) {
                unit = u.path("id").asLong();
                vs = symbol;
            } else if (!symbol.equals(vs)) {
                otherVs = symbol;
                break;
            }
        }
        assertTrue("two Praha units with variable symbols", vs != null && otherVs != null);
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        String today = LocalDate.now().toString();
        String csv = "date;amount;reference;counter_account;message;bank_id\n"
                + today + ";321.00;" + vs + ";1234567890/0800;Browser test payment;BT-IMPORT-1\n"
                + today + ";45.50;" + otherVs + ";1234567890/0800;Browser test second;BT-IMPORT-2\n"
                + today + ";-99.00;;5566778899/2010;Heating plant;BT-IMPORT-3\n"
                + today + ";10.00;999999999;111222333/0300;Unknown payer;BT-IMPORT-4\n";
        Path file = Files.createTempFile("statement-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        // --- the accountant: the unit's balance before, then the import view from the menu --------------------
        browser.signIn(ACCOUNTANT, DOMUS.demoPassword(ACCOUNTANT));
        browser.get("/ledger/unit/" + unit);
        BigDecimal before = balance();
        browser.get("/ledger/payment-import");
        browser.awaitVisible(By.id("ledger-import-upload"));
        upload(file);

        // --- the preview: every line with what importing it does, the totals; nothing written -----------------
        String totals = awaitText("ledger-import-totals", "matched");
        assertTrue(totals, totals.contains("Format CSV: 2 matched (366.50 CZK)"));
        assertTrue(totals, totals.contains("1 unmatched") && totals.contains("1 debits"));
        List<String> lines = browser.gridCells("ledger-import-lines");
        assertTrue(lines.toString(), lines.contains("321.00"));
        assertTrue(lines.toString(), lines.contains(vs));
        assertTrue(lines.toString(), lines.contains("Matched"));
        assertTrue(lines.toString(), lines.contains("Debit"));
        assertTrue(lines.toString(), lines.contains("Unmatched"));
        assertTrue(
                lines.toString(),
                lines.contains("No unit has the variable symbol, virtual account or payment reference \"999999999\"."));
        browser.screenshot("import-01-preview");
        browser.assertAccessible("bank statement import preview");

        // --- applying the whole file is refused (an unmatched line), visibly and translated; nothing written ---
        click("ledger-import-apply");
        browser.awaitVaadin();
        String refused = awaitText("ledger-import-error", "cannot be imported");
        assertTrue(refused, refused.contains("import only the matched lines"));
        assertEquals(
                "", browser.driver().findElement(By.id("ledger-import-result")).getText());

        // --- only the matched lines: two payments posted ---------------------------------------------------------
        click("ledger-import-only-matched");
        browser.awaitVaadin();
        click("ledger-import-apply");
        browser.awaitVaadin();
        String posted = awaitText("ledger-import-result", "Posted");
        assertEquals("Posted 2 payments for 366.50 CZK.", posted);
        browser.screenshot("import-02-applied");

        // --- the same file again: the preview says it was imported before, applying adds nothing -------------
        browser.get("/ledger/payment-import");
        browser.awaitVisible(By.id("ledger-import-upload"));
        upload(file);
        String again = awaitText("ledger-import-totals", "duplicates");
        assertTrue(again, again.contains("0 matched") && again.contains("2 duplicates"));
        assertTrue(
                browser.awaitVisible(By.id("ledger-import-before")).getText(),
                browser.driver()
                        .findElement(By.id("ledger-import-before"))
                        .getText()
                        .contains("This file was imported before by " + ACCOUNTANT));
        assertTrue(browser.gridCells("ledger-import-lines").contains("Duplicate"));
        click("ledger-import-only-matched");
        browser.awaitVaadin();
        click("ledger-import-apply");
        browser.awaitVaadin();
        assertEquals(
                "This file was imported before; nothing was added.",
                awaitText("ledger-import-result", "imported before"));

        // --- the unit's ledger has the payment, once: the balance fell by its amount, posted by the accountant ---
        browser.get("/ledger/unit/" + unit);
        assertEquals(before.subtract(new BigDecimal("321.00")), balance());
        browser.await(d -> browser.gridCells("ledger-unit-postings").contains(ACCOUNTANT));
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- a reader (the estate's manager) has neither the menu entry nor the view ----------------------------
        browser.signIn("manager.jizni-mesto", DOMUS.demoPassword("manager.jizni-mesto"));
        assertFalse(
                "no import in a reader's menu",
                String.valueOf(browser.js("return document.body.innerHTML;")).contains("ledger/payment-import"));
        browser.get("/ledger/payment-import");
        assertTrue(
                "a reader cannot open the import",
                browser.driver().findElements(By.id("ledger-import-upload")).isEmpty());
    }

    @Test
    public void residentCreatesRotatesAndRevokesTheCalendarFeedUrl() throws Exception {
        browser.open(1280, 900);
        browser.awaitRoute("ledger/payment-import");
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        browser.get("/ledger/my-payments");
        WebElement card = browser.awaitVisible(By.id("ledger-my-feed-card"));
        assertTrue(card.getText(), card.getText().contains("Calendar subscription"));
        assertEquals(
                "You have no calendar address.",
                browser.driver().findElement(By.id("ledger-my-feed-state")).getText());

        click("ledger-my-feed-issue");
        String first = awaitFeedUrl(null);
        assertTrue(first, first.startsWith(DOMUS.url("/api/ledger/calendar/")) && first.endsWith(".ics"));
        HttpResponse<String> feed = fetch(first);
        assertEquals(feed.body(), 200, feed.statusCode());
        assertTrue(feed.body(), feed.body().startsWith("BEGIN:VCALENDAR"));
        browser.await(d -> d.findElement(By.id("ledger-my-feed-state"))
                .getText()
                .startsWith("You have a calendar address, created on"));
        browser.screenshot("import-03-calendar-feed");
        browser.assertAccessible("my payments with the calendar address");

        // --- a new address: the old one stops working ---------------------------------------------------------
        click("ledger-my-feed-issue");
        String second = awaitFeedUrl(first);
        assertEquals(404, fetch(first).statusCode());
        assertEquals(200, fetch(second).statusCode());

        // --- shown once: after reloading the page the address is gone, only its state remains -----------------
        browser.get("/ledger/my-payments");
        browser.awaitVisible(By.id("ledger-my-feed-card"));
        assertTrue(browser.driver().findElements(By.id("ledger-my-feed-url")).stream()
                .noneMatch(WebElement::isDisplayed));

        click("ledger-my-feed-revoke");
        browser.awaitVaadin();
        browser.await(
                d -> d.findElement(By.id("ledger-my-feed-state")).getText().equals("You have no calendar address."));
        assertEquals(404, fetch(second).statusCode());
    }

    /** Scrolls the element to the middle of the window (the shell's header covers the top) and clicks it. */
    private void click(String id) {
        WebElement element = browser.awaitVisible(By.id(id));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private String awaitFeedUrl(String previous) {
        return browser.await(d -> {
            Object value =
                    browser.js("var f = document.getElementById('ledger-my-feed-url'); return f ? f.value : null;");
            String url = value == null ? "" : value.toString();
            return url.isEmpty() || url.equals(previous) ? null : url;
        });
    }

    private static HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Hands the file to the upload's file input, as choosing it in the file dialog would. */
    private void upload(Path file) {
        WebElement input = browser.await(d -> {
            Object found = browser.js("var u = document.getElementById('ledger-import-upload');"
                    + "return u ? (u.querySelector('input[type=file]')"
                    + " || u.shadowRoot.querySelector('input[type=file]')) : null;");
            return found instanceof WebElement w ? w : null;
        });
        input.sendKeys(file.toAbsolutePath().toString());
        browser.awaitVaadin();
    }

    /** Waits until the element's text contains the expected part; fails at once on a refusal shown instead. */
    private String awaitText(String id, String expected) {
        return browser.await(d -> {
            Object text =
                    browser.js("var e = document.getElementById(arguments[0]); return e ? e.textContent : null;", id);
            if (!"ledger-import-error".equals(id)) {
                Object error = browser.js("var e = document.getElementById('ledger-import-error');"
                        + "return e && !e.hidden && e.textContent ? e.textContent : null;");
                if (error != null) {
                    throw new AssertionError("import refused: " + error);
                }
            }
            return text != null && text.toString().contains(expected) ? text.toString() : null;
        });
    }

    private BigDecimal balance() {
        String text = browser.awaitVisible(By.id("ledger-unit-balance")).getText();
        return new BigDecimal(text.replaceAll("[^0-9.\\-]", ""));
    }
}
