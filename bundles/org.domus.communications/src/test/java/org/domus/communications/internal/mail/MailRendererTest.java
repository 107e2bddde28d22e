package org.domus.communications.internal.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailRendererTest {

    private final MailRenderer renderer = new MailRenderer("https://domus.example.org/");

    /** Every value any template takes, so that optional parts render too. */
    private static Map<String, String> allValues() {
        Map<String, String> v = new HashMap<>();
        v.put("name", "Jana Nováková");
        v.put("link", "/tickets/42");
        v.put("reference", "T-2026-0042");
        v.put("summary", "Leaking tap");
        v.put("status", "DONE");
        v.put("note", "The plumber came on Monday.");
        v.put("text", "Line one\nLine two");
        v.put("title", "Water shut-off");
        v.put("bodyHtml", "<p>No water on <b>Tuesday</b>.</p>");
        v.put("bodyText", "No water on Tuesday.");
        v.put("urgent", "true");
        v.put("subject", "Heating");
        v.put("author", "Office");
        v.put("unit", "12");
        v.put("month", "2026-03");
        v.put("amount", "1234.50");
        v.put("currency", "CZK");
        v.put("dueDate", "2026-03-15");
        v.put("daysOverdue", "9");
        v.put("account", "CZ6508000000192000145399");
        v.put("reference", "1012");
        v.put("qrPayload", "SPD*1.0*ACC:CZ6508000000192000145399*AM:1234.50*CC:CZK*X-VS:1012");
        return v;
    }

    @Test
    void everyTemplateRendersInEveryLanguageWithNothingLeftOver() {
        for (String template : MailTemplates.NAMES) {
            for (String lang : MailTemplates.LANGUAGES) {
                RenderedMail mail = renderer.render(template, Locale.forLanguageTag(lang), allValues());
                String where = template + "/" + lang;
                assertFalse(mail.subject().isBlank(), where);
                for (String part : new String[] {mail.subject(), mail.text(), mail.html()}) {
                    assertFalse(part.contains("{{"), where + ": " + part);
                    assertFalse(part.contains("}}"), where + ": " + part);
                }
                assertTrue(mail.text().contains("Jana Nováková"), where);
                assertTrue(mail.html().contains("Jana Nováková"), where);
                assertTrue(mail.html().contains("lang=\"" + lang + "\""), where);
                assertTrue(mail.text().contains("https://domus.example.org/notifications/preferences"), where);
                assertTrue(mail.html().contains("href=\"https://domus.example.org/tickets/42\""), where);
            }
        }
    }

    @Test
    void eachLanguageHasItsOwnTextsForEveryTemplate() {
        for (String template : MailTemplates.NAMES) {
            String english =
                    renderer.render(template, Locale.ENGLISH, allValues()).text();
            for (String lang : new String[] {"cs", "pl", "ro"}) {
                String other = renderer.render(template, Locale.forLanguageTag(lang), allValues())
                        .text();
                assertFalse(english.equals(other), template + " is not translated to " + lang);
            }
        }
        assertTrue(renderer.render(MailTemplates.TEST, Locale.forLanguageTag("cs"), Map.of("name", "X"))
                .subject()
                .equals("Zkušební e-mail systému Domus"));
        assertTrue(renderer.render(MailTemplates.TEST, Locale.forLanguageTag("pl"), Map.of("name", "X"))
                .text()
                .contains("Dzień dobry"));
        assertTrue(renderer.render(MailTemplates.TEST, Locale.forLanguageTag("ro"), Map.of("name", "X"))
                .text()
                .contains("funcționează"));
    }

    @Test
    void valuesAreEscapedInHtmlButNotInText() {
        Map<String, String> v = allValues();
        v.put("summary", "<script>alert('x')</script> & \"quotes\"");
        RenderedMail mail = renderer.render(MailTemplates.TICKET_STATUS, Locale.ENGLISH, v);
        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"));
        assertTrue(mail.text().contains("<script>alert('x')</script> & \"quotes\""));
        v.put("name", "<b>Eve</b>");
        assertTrue(renderer.render(MailTemplates.TEST, Locale.ENGLISH, v).html().contains("&lt;b&gt;Eve&lt;/b&gt;"));
    }

    @Test
    void announcementBodyHtmlIsInsertedAsIsAndUrgentMarksTheSubject() {
        RenderedMail urgent = renderer.render(MailTemplates.ANNOUNCEMENT, Locale.ENGLISH, allValues());
        assertTrue(urgent.html().contains("<p>No water on <b>Tuesday</b>.</p>"));
        assertTrue(urgent.text().contains("No water on Tuesday."));
        assertFalse(urgent.text().contains("<b>"));
        assertEquals("[URGENT] Water shut-off", urgent.subject());
        Map<String, String> v = allValues();
        v.remove("urgent");
        assertEquals(
                "Water shut-off",
                renderer.render(MailTemplates.ANNOUNCEMENT, Locale.ENGLISH, v).subject());
        v.put("urgent", "false");
        assertEquals(
                "Water shut-off",
                renderer.render(MailTemplates.ANNOUNCEMENT, Locale.ENGLISH, v).subject());
        assertEquals(
                "[NALÉHAVÉ] Water shut-off",
                renderer.render(MailTemplates.ANNOUNCEMENT, Locale.forLanguageTag("cs"), allValues())
                        .subject());
    }

    @Test
    void optionalValuesLeaveTheirSentencesOut() {
        Map<String, String> v = allValues();
        RenderedMail withNote = renderer.render(MailTemplates.TICKET_STATUS, Locale.ENGLISH, v);
        assertTrue(withNote.text().contains("Note from the office: The plumber came on Monday."));
        v.remove("note");
        v.remove("link");
        RenderedMail without = renderer.render(MailTemplates.TICKET_STATUS, Locale.ENGLISH, v);
        assertFalse(without.text().contains("Note from the office"));
        assertFalse(without.text().contains("Open in Domus"));
        assertFalse(without.html().contains("Open in Domus"));
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        RenderedMail german = renderer.render(MailTemplates.TEST, Locale.GERMAN, Map.of("name", "Jana"));
        RenderedMail english = renderer.render(MailTemplates.TEST, Locale.ENGLISH, Map.of("name", "Jana"));
        assertEquals(english.subject(), german.subject());
        assertEquals(english.text(), german.text());
        assertTrue(german.html().contains("lang=\"en\""));
    }

    @Test
    void paymentDueWithQrPayloadCarriesTheQrCodeInlineAndQuotesThePayload() {
        RenderedMail mail = renderer.render(MailTemplates.PAYMENT_DUE, Locale.forLanguageTag("cs"), allValues());
        assertEquals(1, mail.images().size());
        RenderedMail.InlineImage qr = mail.images().get(0);
        assertEquals(MailRenderer.QR_CONTENT_ID, qr.contentId());
        assertEquals("image/png", qr.mimeType());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(qr.data(), 4), "the image is a PNG");
        assertTrue(mail.html().contains("src=\"cid:qr\""));
        assertTrue(mail.text().contains("SPD*1.0*ACC:CZ6508000000192000145399*AM:1234.50*CC:CZK*X-VS:1012"));
        assertTrue(mail.text().contains("Údaje QR platby"));

        Map<String, String> v = allValues();
        v.remove("qrPayload");
        RenderedMail plain = renderer.render(MailTemplates.PAYMENT_OVERDUE, Locale.ENGLISH, v);
        assertTrue(plain.images().isEmpty());
        assertFalse(plain.html().contains("cid:qr"));
    }

    @Test
    void amountsDatesAndMonthsAreFormattedForTheLanguage() {
        RenderedMail cs = renderer.render(MailTemplates.CHARGES_POSTED, Locale.forLanguageTag("cs"), allValues());
        assertTrue(cs.text().contains("1 234,50 Kč"), cs.text());
        assertTrue(cs.text().contains("15. března 2026"), cs.text());
        assertTrue(cs.subject().contains("březen 2026"), cs.subject());
        RenderedMail en = renderer.render(MailTemplates.CHARGES_POSTED, Locale.ENGLISH, allValues());
        assertTrue(en.text().contains("CZK 1,234.50") || en.text().contains("CZK1,234.50"), en.text());
        assertTrue(en.text().contains("March 15, 2026"), en.text());
        RenderedMail pl = renderer.render(MailTemplates.CHARGES_POSTED, Locale.forLanguageTag("pl"), allValues());
        assertTrue(pl.subject().contains("marzec 2026"), pl.subject());
    }

    @Test
    void unknownTemplatesAndMissingValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> renderer.render("nope", Locale.ENGLISH, Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> renderer.render(MailTemplates.TICKET_STATUS, Locale.ENGLISH, Map.of("reference", "T-1")));
    }

    @Test
    void placeholdersSupportRawValuesAndSections() {
        Map<String, String> v = Map.of("a", "<x>", "b", " ");
        assertEquals(
                "&lt;x&gt;|<x>|yes|no", Placeholders.render("{{a}}|{{{a}}}|{{#a}}yes{{/a}}|{{^b}}no{{/b}}", v, true));
        assertEquals("<x>|", Placeholders.render("{{a}}|{{#b}}hidden{{/b}}{{missing}}", v, false));
    }
}
