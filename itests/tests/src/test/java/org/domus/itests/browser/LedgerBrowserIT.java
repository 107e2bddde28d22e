package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.domus.itests.browser.RunningDomus.RESIDENT;
import static org.domus.itests.browser.RunningDomus.RESIDENT_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The ledger in the browser, end to end on the running distribution with the demo cooperative: the
 * accountant sets up a charge component with a rate, previews the month's billing run (progress, units x
 * amounts, totals) and posts it (progress and the result); a second post of the month says it was
 * already posted. The demo resident then sees the new charge among the month's components and downloads
 * the statement PDF, whose text the test reads back to find the amounts.
 */
public class LedgerBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser browser = new DomusBrowser(DOMUS);

    private static final String ACCOUNTANT = "accountant";
    private static final String CODE = "BT_FEE";
    private static final String NAME = "Browser test fee";
    private static final BigDecimal RATE = new BigDecimal("1234.50");
    private static final Pattern UNITS = Pattern.compile("(\\d+) units");

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void accountantPostsABillingRunAndTheResidentSeesTheChargeAndItsStatement() throws Exception {
        browser.open(1280, 900);
        awaitLedgerViews();
        YearMonth month = YearMonth.now();
        String monthText = String.format(Locale.ROOT, "%02d/%d", month.getMonthValue(), month.getYear());

        // --- the accountant: a component billed per unit, its rate for the whole organisation ---------------
        browser.signIn(ACCOUNTANT, demoPassword(ACCOUNTANT));
        browser.get("/ledger/charges");
        browser.awaitVisible(By.id("ledger-setup-component-add")).click();
        type(By.cssSelector("#ledger-component-code input"), CODE);
        type(By.cssSelector("#ledger-component-name input"), NAME);
        browser.driver().findElement(By.id("ledger-component-save")).click();
        browser.awaitVaadin();
        browser.await(d -> cells("ledger-setup-components").contains(CODE));
        if (browser.driver().findElements(By.id("ledger-rate-amount")).isEmpty()) {
            clickCell("ledger-setup-components", CODE);
        }
        type(By.cssSelector("#ledger-rate-amount input"), RATE.toPlainString());
        browser.driver().findElement(By.id("ledger-rate-add")).click();
        browser.awaitVaadin();
        browser.await(d -> cells("ledger-setup-rates").contains("1,234.5"));
        browser.screenshot("ledger-01-charge-setup");

        // --- preview: nothing posted, every unit with the rate, totals --------------------------------------
        browser.get("/ledger/billing");
        browser.awaitVisible(By.id("ledger-billing-preview")).click();
        String preview = awaitSummary("Preview:");
        assertProgressComplete();
        int units = units(preview);
        assertTrue(preview, units > 0);
        List<String> lines = cells("ledger-billing-lines");
        assertTrue(lines.toString(), lines.contains(CODE));
        String columnTotal = english(RATE.multiply(BigDecimal.valueOf(units)));
        assertTrue(columnTotal + " in " + lines, lines.contains(columnTotal));
        assertTrue(lines.toString(), lines.contains(english(RATE)));
        browser.screenshot("ledger-02-billing-preview");

        // --- post: progress to the end, the result, the run in the list ---------------------------------------
        browser.driver().findElement(By.id("ledger-billing-post")).click();
        String posted = awaitSummary("Posted billing run");
        assertEquals(posted, units, units(posted));
        assertProgressComplete();
        assertTrue(cells("ledger-billing-lines").contains(columnTotal));
        List<String> runs = cells("ledger-billing-runs");
        assertTrue(runs.toString(), runs.contains(monthText));
        assertTrue(runs.toString(), runs.contains("Posted"));
        browser.screenshot("ledger-03-billing-posted");

        // --- the same month again: nothing changes, and the page says so -------------------------------------
        browser.driver().findElement(By.id("ledger-billing-post")).click();
        String again = awaitSummary("was already posted");
        assertTrue(again, again.contains(monthText));
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- the resident: the new charge of the month, and the statement PDF --------------------------------
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        browser.get("/ledger/my-payments");
        browser.awaitVisible(By.id("ledger-my-charges"));
        browser.await(d -> cells("ledger-my-charges").contains(NAME));
        List<String> charges = cells("ledger-my-charges");
        assertTrue(charges.toString(), charges.contains(english(RATE)));
        assertTrue(charges.toString(), charges.contains("the same amount for every unit"));
        List<String> turnover = cells("ledger-my-turnover");
        assertTrue(turnover.toString(), turnover.contains(monthText));
        assertTrue(turnover.toString(), turnover.contains(english(RATE)));
        browser.screenshot("ledger-04-my-payments");

        String statement = pdfText(browser.awaitVisible(By.id("ledger-my-statement")));
        assertTrue(statement, statement.contains(NAME));
        assertTrue(statement, statement.contains(english(RATE)));
        assertTrue(statement, statement.contains("Statement of account"));

        String calendar = download(browser.driver().findElement(By.id("ledger-my-calendar")));
        assertTrue(calendar, calendar.startsWith("BEGIN:VCALENDAR"));
        assertTrue(
                calendar,
                calendar.contains(
                        "DTSTART;VALUE=DATE:" + month.atEndOfMonth().toString().replace("-", "")));
    }

    /** The modules list installs the ledger's views shortly after boot: wait until the shell serves them. */
    private void awaitLedgerViews() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String cookie =
                DomusBrowser.SESSION_COOKIE + "=" + browser.sessionCookie().getValue();
        long end = System.nanoTime() + 120_000_000_000L;
        while (true) {
            HttpResponse<String> views = http.send(
                    HttpRequest.newBuilder(URI.create(DOMUS.url("/api/admin/views")))
                            .header("Accept", "application/json")
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (views.statusCode() == 200 && views.body().contains("\"ledger/billing\"")) {
                break;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the ledger views were not installed: " + views.body());
            }
            Thread.sleep(500);
        }
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");
    }

    /** Waits for the result of the preview or run just started (the previous result is gone by then). */
    private String awaitSummary(String expected) {
        return browser.await(d -> {
            Object error = browser.js(
                    "var e = document.getElementById('ledger-billing-error'); return e ? e.textContent : null;");
            if (error != null) {
                throw new AssertionError("billing refused: " + error);
            }
            Object text = browser.js(
                    "var e = document.getElementById('ledger-billing-summary'); return e ? e.textContent : null;");
            return text != null && text.toString().contains(expected) ? text.toString() : null;
        });
    }

    /** The bar was shown and ended full, with the phase text saying so. */
    private void assertProgressComplete() {
        WebElement bar = browser.driver().findElement(By.id("ledger-billing-progress"));
        assertTrue(bar.isDisplayed());
        assertEquals("1", String.valueOf(browser.js("return arguments[0].value", bar)));
        assertEquals(
                "Done.",
                browser.driver()
                        .findElement(By.id("ledger-billing-progress-text"))
                        .getText());
    }

    private static int units(String summary) {
        Matcher m = UNITS.matcher(summary);
        assertTrue(summary, m.find());
        return Integer.parseInt(m.group(1));
    }

    private static String english(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
    }

    /** The texts of a grid's rendered cells (header, body and footer). */
    @SuppressWarnings("unchecked")
    private List<String> cells(String gridId) {
        Object texts = browser.js(
                "var g = document.getElementById(arguments[0]); if (!g) { return []; }"
                        + "return Array.from(g.querySelectorAll('vaadin-grid-cell-content'))"
                        + ".map(function(c) { return c.textContent.trim(); });",
                gridId);
        return ((List<Object>) texts).stream().map(String::valueOf).collect(Collectors.toList());
    }

    private void clickCell(String gridId, String text) {
        browser.js(
                "var g = document.getElementById(arguments[0]), t = arguments[1];"
                        + "Array.from(g.querySelectorAll('vaadin-grid-cell-content'))"
                        + ".filter(function(c) { return c.textContent.trim() === t; })[0].click();",
                gridId,
                text);
        browser.awaitVaadin();
    }

    private void type(By by, String text) {
        WebElement input = browser.awaitVisible(by);
        input.clear();
        input.sendKeys(text);
        browser.awaitVaadin();
    }

    private String pdfText(WebElement anchor) throws Exception {
        byte[] pdf = fetch(anchor);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    private String download(WebElement anchor) throws Exception {
        return new String(fetch(anchor), StandardCharsets.UTF_8);
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

    /** The demo's password of a staff login, from the table the generator writes. */
    private static String demoPassword(String login) throws IOException {
        for (String line : Files.readAllLines(DOMUS.home().resolve("data/demo-logins.txt"), StandardCharsets.UTF_8)) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[0].equals(login)) {
                return columns[2];
            }
        }
        throw new AssertionError(login + " is not in the demo logins");
    }
}
