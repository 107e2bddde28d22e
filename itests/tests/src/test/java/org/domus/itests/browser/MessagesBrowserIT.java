package org.domus.itests.browser;

import static org.domus.itests.browser.RunningDomus.RESIDENT;
import static org.domus.itests.browser.RunningDomus.RESIDENT_PASSWORD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Message threads in two browsers at once, on the running distribution with the demo cooperative: the demo
 * resident writes to the office from "Messages" and stays on the thread page; the cooperative's manager, in a
 * second browser, finds the thread in the inbox, opens it and answers; the resident's page, never reloaded (a
 * marker set in its window survives), shows the answer and the new state within seconds.
 */
public class MessagesBrowserIT {

    @ClassRule
    public static final RunningDomus DOMUS = new RunningDomus();

    @Rule
    public final DomusBrowser resident = new DomusBrowser(DOMUS);

    @Rule
    public final DomusBrowser office = new DomusBrowser(DOMUS);

    /** The demo cooperative's manager, whose organisation the demo resident lives in. */
    private static final String MANAGER = "manager";

    private static final String SUBJECT = "Heating advance, browser test";
    private static final String QUESTION = "Why did my heating advance go up this month?";
    private static final String ANSWER = "Heating costs rose in January; the advance follows them.";

    @AfterClass
    public static void closeBrowsers() {
        DomusBrowser.closeAll();
    }

    @Test
    public void theOfficesAnswerAppearsOnTheResidentsOpenThreadWithoutAReload() throws Exception {
        resident.open(1280, 1000);
        resident.awaitRoute("communications/messages");

        // --- the resident writes to the office and stays on the thread ----------------------------------------
        resident.signIn(RESIDENT, RESIDENT_PASSWORD);
        resident.get("/communications/messages");
        resident.awaitVisible(By.id("comm-messages-new")).click();
        type(resident, By.cssSelector("#comm-new-subject input"), SUBJECT);
        type(resident, By.cssSelector("#comm-new-text textarea"), QUESTION);
        resident.click(By.id("comm-new-send"));
        resident.await(d -> resident.path().startsWith("/communications/thread/"));
        resident.awaitVaadin();
        long threadId = Long.parseLong(resident.path().substring("/communications/thread/".length()));
        resident.await(
                d -> d.findElement(By.id("comm-thread-messages")).getText().contains(QUESTION));
        assertEquals(SUBJECT, resident.awaitVisible(By.id("comm-thread-title")).getText());
        assertEquals("Open", resident.awaitVisible(By.id("comm-thread-state")).getText());
        resident.screenshot("messages-01-resident-sent");
        // A page that reloads or navigates loses this marker.
        resident.js("window.domusMessagesMarker = 'still here';");

        // --- the manager answers from the inbox, in a browser of their own --------------------------------------
        office.open(1280, 1000);
        office.signIn(MANAGER, DOMUS.demoPassword(MANAGER));
        office.get("/communications/inbox");
        WebElement link = office.awaitVisible(By.id("comm-thread-link-" + threadId));
        assertEquals(SUBJECT, link.getText());
        office.screenshot("messages-02-office-inbox");
        link.click();
        office.await(d -> office.path().equals("/communications/thread/" + threadId));
        office.awaitVaadin();
        office.await(d -> d.findElement(By.id("comm-thread-messages")).getText().contains(QUESTION));
        type(office, By.cssSelector("#comm-reply-text textarea"), ANSWER);
        office.click(By.id("comm-reply-send"));
        office.await(d -> d.findElement(By.id("comm-thread-messages")).getText().contains(ANSWER));
        Instant answered = Instant.now();
        office.screenshot("messages-03-office-answered");

        // --- the resident's open page shows the answer, pushed, without a reload ---------------------------------
        resident.await(
                d -> d.findElement(By.id("comm-thread-messages")).getText().contains(ANSWER));
        Duration delay = Duration.between(answered, Instant.now());
        System.out.println(
                "MessagesBrowserIT: the answer appeared on the resident's open page after " + delay.toMillis() + " ms");
        assertTrue("the answer took " + delay, delay.compareTo(Duration.ofSeconds(10)) < 0);
        assertEquals("still here", resident.js("return window.domusMessagesMarker;"));
        assertEquals("/communications/thread/" + threadId, resident.path());
        resident.await(
                d -> "Answered".equals(d.findElement(By.id("comm-thread-state")).getText()));
        resident.screenshot("messages-04-resident-answer-pushed");
    }

    private static void type(DomusBrowser browser, By by, String text) {
        WebElement input = browser.awaitVisible(by);
        input.clear();
        input.sendKeys(text);
        browser.awaitVaadin();
    }
}
