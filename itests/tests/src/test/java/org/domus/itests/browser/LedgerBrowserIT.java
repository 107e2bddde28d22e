package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.ADMIN;
import static org.domus.itests.browser.RunningDomus.ADMIN_PASSWORD;
import static org.domus.itests.browser.RunningDomus.RESIDENT;
import static org.domus.itests.browser.RunningDomus.RESIDENT_PASSWORD;
import static org.junit.Assert.assertEquals;
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
 * The ledger in the browser, end to end on the running distribution with the demo cooperative (which has
 * billed its last months): the accountant sets up a charge component with a rate, reverses the demo's run of
 * this month, previews the month's billing run (progress, units x amounts, totals) and posts it (progress
 * and the result); a second post of the month says it was already posted. The demo resident then sees the new charge among the month's components and downloads
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void accountantPostsABillingRunAndTheResidentSeesTheChargeAndItsStatement() throws Exception {
        browser.open(1280, 900);
        browser.awaitRoute("ledger/billing");
        YearMonth month = YearMonth.now();
        String monthText = String.format(Locale.ROOT, "%02d/%d", month.getMonthValue(), month.getYear());

        // --- the accountant: a component billed per unit, its rate for the whole organisation ---------------
        browser.signIn(ACCOUNTANT, DOMUS.demoPassword(ACCOUNTANT));
        browser.get("/ledger/charges");
        browser.awaitVisible(By.id("ledger-setup-component-add")).click();
        type(By.cssSelector("#ledger-component-code input"), CODE);
        type(By.cssSelector("#ledger-component-name input"), NAME);
        browser.click(By.id("ledger-component-save"));
        browser.awaitVaadin();
        browser.await(d -> browser.gridCells("ledger-setup-components").contains(CODE));
        if (browser.driver().findElements(By.id("ledger-rate-amount")).isEmpty()) {
            clickCell("ledger-setup-components", CODE);
        }
        type(By.cssSelector("#ledger-rate-amount input"), RATE.toPlainString());
        browser.click(By.id("ledger-rate-add"));
        browser.awaitVaadin();
        browser.await(d -> browser.gridCells("ledger-setup-rates").contains("1,234.5"));
        browser.screenshot("ledger-01-charge-setup");
        browser.assertAccessible("charge setup");

        // --- the demo cooperative's run of this month is reversed as a whole, so the month can be billed again
        browser.get("/ledger/billing");
        browser.await(d -> browser.gridCells("ledger-billing-runs").contains(monthText));
        // runs are listed newest first: the demo billed its months oldest first, ending with this one
        String reverse = String.valueOf(browser.js("return Array.from(document.querySelectorAll("
                + "'vaadin-button[id^=\"ledger-billing-reverse-\"]')).map(function(b) { return b.id; })[0];"));
        browser.click(By.id(reverse));
        browser.awaitVisible(By.id("ledger-billing-reverse-confirm")).click();
        browser.awaitVaadin();
        browser.await(d -> d.findElements(By.id(reverse)).isEmpty());
        assertTrue(browser.gridCells("ledger-billing-runs").contains("Reversed"));

        // --- preview: nothing posted, every unit with the rate, totals --------------------------------------
        browser.awaitVisible(By.id("ledger-billing-preview")).click();
        String preview = awaitSummary("Preview:");
        assertProgressComplete();
        int units = units(preview);
        assertTrue(preview, units > 0);
        List<String> lines = browser.gridCells("ledger-billing-lines");
        assertTrue(lines.toString(), lines.contains(CODE));
        String columnTotal = english(RATE.multiply(BigDecimal.valueOf(units)));
        assertTrue(columnTotal + " in " + lines, lines.contains(columnTotal));
        assertTrue(lines.toString(), lines.contains(english(RATE)));
        browser.screenshot("ledger-02-billing-preview");

        // --- post: progress to the end, the result, the run in the list ---------------------------------------
        browser.click(By.id("ledger-billing-post"));
        String posted = awaitSummary("Posted billing run");
        assertEquals(posted, units, units(posted));
        assertProgressComplete();
        assertTrue(browser.gridCells("ledger-billing-lines").contains(columnTotal));
        List<String> runs = browser.gridCells("ledger-billing-runs");
        assertTrue(runs.toString(), runs.contains(monthText));
        assertTrue(runs.toString(), runs.contains("Posted"));
        browser.screenshot("ledger-03-billing-posted");
        browser.assertAccessible("billing runs");

        // --- the same month again: nothing changes, and the page says so -------------------------------------
        browser.click(By.id("ledger-billing-post"));
        String again = awaitSummary("was already posted");
        assertTrue(again, again.contains(monthText));
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- the resident: the new charge of the month, and the statement PDF --------------------------------
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        browser.get("/ledger/my-payments");
        browser.awaitVisible(By.id("ledger-my-charges"));
        browser.await(d -> browser.gridCells("ledger-my-charges").contains(NAME));
        List<String> charges = browser.gridCells("ledger-my-charges");
        assertTrue(charges.toString(), charges.contains(english(RATE)));
        assertTrue(charges.toString(), charges.contains("the same amount for every unit"));
        List<String> turnover = browser.gridCells("ledger-my-turnover");
        assertTrue(turnover.toString(), turnover.contains(monthText));
        // The demo cooperative has its bank details: whatever is due comes with its QR Platba code.
        String due = browser.driver().findElement(By.id("ledger-my-due")).getText();
        if (!due.startsWith("0.00")) {
            WebElement qr = browser.awaitVisible(By.id("ledger-my-qr"));
            browser.await(d -> ((Number) browser.js("return arguments[0].naturalWidth", qr)).intValue() > 0);
            assertTrue(browser.driver()
                    .findElement(By.id("ledger-my-balance-card"))
                    .getText()
                    .contains("QR Platba"));
        }
        browser.screenshot("ledger-04-my-payments");
        browser.assertAccessible("my payments");

        String statement = pdfText(browser.awaitVisible(By.id("ledger-my-statement")));
        assertTrue(statement, statement.contains(NAME));
        assertTrue(statement, statement.contains(english(RATE)));
        assertTrue(statement, statement.contains("Statement of account"));

        // The payment calendar has a due date for every month with something still open, none when all is paid.
        String calendar = download(browser.driver().findElement(By.id("ledger-my-calendar")));
        assertTrue(calendar, calendar.startsWith("BEGIN:VCALENDAR"));
        assertEquals(calendar, !due.startsWith("0.00"), calendar.contains("BEGIN:VEVENT"));
    }

    @Test
    public void accountantRecordsAndReversesAPaymentAndStaffOutsideTheirScopeAreDenied() throws Exception {
        browser.open(1280, 900);
        browser.awaitRoute("ledger/billing");
        // A unit in Praha and one in Kraków, as the administrator sees them.
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String admin = browser.sessionCookie().getValue();
        long praha = 0;
        long krakow = 0;
        for (JsonNode unit :
                DOMUS.getJson("/api/registry/units?limit=200", admin).path("items")) {
            String city = DOMUS.getJson(
                            "/api/registry/buildings/" + unit.path("buildingId").asLong(), admin)
                    .path("city")
                    .asText();
            if (city.contains("Praha") && praha == 0) {
                praha = unit.path("id").asLong();
            } else if (city.contains("Kraków") && krakow == 0) {
                krakow = unit.path("id").asLong();
            }
        }
        assertTrue("units in both estates", praha > 0 && krakow > 0);
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- the accountant records a payment on the unit's ledger -------------------------------------------
        browser.signIn(ACCOUNTANT, DOMUS.demoPassword(ACCOUNTANT));
        browser.get("/ledger/unit/" + praha);
        BigDecimal before = balance();
        browser.awaitVisible(By.id("ledger-unit-pay")).click();
        // bad input first: a third decimal is refused by the ledger with its translated message
        type(By.cssSelector("#ledger-money-amount input"), "10.001");
        browser.click(By.id("ledger-money-save"));
        browser.awaitVaadin();
        browser.await(d -> notifications().contains("is not valid: it must be non-zero and have at most two decimals"));
        assertEquals("nothing was written", before, balance());
        type(By.cssSelector("#ledger-money-amount input"), "100.00");
        type(By.cssSelector("#ledger-money-reference input"), "BT-100");
        browser.click(By.id("ledger-money-save"));
        browser.awaitVaadin();
        browser.await(d -> d.findElements(By.id("ledger-payment-dialog")).isEmpty());
        assertEquals(before.subtract(new BigDecimal("100.00")), balance());

        // --- its transaction: both postings, who posted it; reversed with a reason ---------------------------
        clickFirstRow("ledger-unit-postings");
        browser.awaitVisible(By.id("ledger-transaction-postings"));
        browser.await(d -> browser.gridCells("ledger-transaction-postings").contains("100.00"));
        List<String> postings = browser.gridCells("ledger-transaction-postings");
        assertTrue(
                postings.toString(), postings.stream().filter("100.00"::equals).count() == 2);
        assertTrue(browser.driver()
                .findElement(By.id("ledger-transaction-actor"))
                .getText()
                .startsWith("by " + ACCOUNTANT));
        browser.click(By.id("ledger-transaction-reverse"));
        browser.awaitVisible(By.id("ledger-reverse-confirm")).click();
        browser.awaitVaadin();
        // no reason: refused on the spot, nothing posted
        assertEquals(
                "Please fill in this field.",
                browser.js("return document.getElementById('ledger-reverse-reason').errorMessage"));
        type(By.cssSelector("#ledger-reverse-reason textarea"), "Booked on the wrong unit");
        browser.click(By.id("ledger-reverse-confirm"));
        browser.awaitVaadin();
        browser.await(d -> d.findElements(By.id("ledger-reverse-dialog")).isEmpty());
        assertEquals(before, balance());
        clickFirstRow("ledger-unit-postings");
        browser.awaitVisible(By.id("ledger-transaction-postings"));
        String reversal = browser.await(d -> {
            Object text = browser.js(
                    "var o = document.querySelector('vaadin-dialog-overlay');" + "return o ? o.textContent : null;");
            return text != null && text.toString().contains("Reverses transaction") ? text.toString() : null;
        });
        assertTrue(reversal, reversal.contains("Reversal"));
        browser.screenshot("ledger-05-reversal");
        browser.assertAccessible("unit ledger transaction");
        browser.get("/ledger/units");
        browser.await(d -> browser.gridCells("ledger-units").contains("Unit number")
                && browser.gridCells("ledger-units").size() > 3);

        // --- arrears (the demo has debtors) and the transparency report, each with its downloads ------------
        browser.get("/ledger/arrears");
        browser.await(d -> browser.gridCells("ledger-arrears").stream().anyMatch(c -> c.endsWith(" CZK")));
        browser.assertAccessible("arrears");
        String csv = download(browser.awaitVisible(By.id("ledger-arrears-csv")));
        assertTrue(csv, csv.contains("Unpaid since") && csv.contains("Owed"));
        assertTrue(csv, csv.lines().count() > 1);
        byte[] xlsx = fetch(browser.driver().findElement(By.id("ledger-arrears-xlsx")));
        assertEquals("an XLSX file is a zip", 'P', (char) xlsx[0]);
        browser.get("/ledger/transparency");
        String thisMonth = String.format(
                Locale.ROOT,
                "%02d/%d",
                YearMonth.now().getMonthValue(),
                YearMonth.now().getYear());
        browser.await(d -> browser.gridCells("ledger-transparency").contains(thisMonth));
        assertTrue(browser.gridCells("ledger-transparency").contains("Payments"));
        browser.assertAccessible("transparency report");
        String report = download(browser.awaitVisible(By.id("ledger-transparency-csv")));
        assertTrue(report, report.contains("Bank balance"));
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- an estate's manager reads its units' ledgers and is denied the other estate's ----------------------
        browser.signIn("manager.jizni-mesto", DOMUS.demoPassword("manager.jizni-mesto"));
        browser.get("/ledger/unit/" + praha);
        browser.awaitVisible(By.id("ledger-unit-balance"));
        assertTrue(
                "a reader has no posting buttons",
                browser.driver().findElements(By.id("ledger-unit-pay")).isEmpty());
        browser.get("/ledger/unit/" + krakow);
        assertEquals("Not permitted", heading());
        browser.chooseFromUserMenu("user-menu-logout");
        browser.awaitPath("/login");

        // --- a resident does not learn that a unit's staff ledger exists ------------------------------------
        browser.signIn(RESIDENT, RESIDENT_PASSWORD);
        browser.get("/ledger/unit/" + krakow);
        assertEquals("Page not found", heading());
    }

    private String heading() {
        return browser.await(d -> {
            List<WebElement> h = d.findElements(By.cssSelector(".domus-page h2"));
            return h.isEmpty() ? null : h.get(0).getText();
        });
    }

    private BigDecimal balance() {
        String text = browser.awaitVisible(By.id("ledger-unit-balance")).getText();
        return new BigDecimal(text.replaceAll("[^0-9.\\-]", ""));
    }

    private String notifications() {
        return String.valueOf(browser.js("return Array.from(document.querySelectorAll('vaadin-notification-card'))"
                + ".map(function(c) { return c.textContent; }).join(' | ');"));
    }

    private void clickFirstRow(String gridId) {
        browser.await(d -> Boolean.TRUE.equals(browser.js(
                "var g = document.getElementById(arguments[0]);"
                        + "var rows = g ? g.shadowRoot.querySelectorAll('tbody#items tr') : [];"
                        + "if (!rows.length || !rows[0].querySelector('slot')) { return false; }"
                        + "var slot = rows[0].querySelector('td slot').getAttribute('name');"
                        + "var cell = g.querySelector('vaadin-grid-cell-content[slot=\"' + slot + '\"]');"
                        + "if (!cell || !cell.textContent.trim()) { return false; }"
                        + "cell.click(); return true;",
                gridId)));
        browser.awaitVaadin();
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
}
