package org.domus.communications.internal.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.junit.jupiter.api.Test;

class SanitiserTest {

    private static String html(String in) {
        return Sanitiser.body(in).html();
    }

    private static void refusedAsEmpty(String in) {
        DomusException e = assertThrows(DomusException.class, () -> Sanitiser.body(in));
        assertEquals(Kind.INVALID, e.kind());
        assertEquals("communications.announcements.body.empty", e.messageKey());
    }

    @Test
    void keepsTheAllowedFormatting() {
        String in = "<h3>Water</h3><p>Shut-off on <b>Monday</b>, <strong>8-12</strong>, <i>sorry</i> <em>again</em>"
                + " <u>really</u><br>Thanks</p><ul><li>one</li></ul><ol><li>first</li></ol><h4>More</h4>"
                + "<blockquote>quoted</blockquote>";
        assertEquals(in, html(in));
    }

    @Test
    void removesScriptsAndStylesWithTheirContent() {
        String out = html("<p>Hello<script>alert('x')</script></p><style>p{color:red}</style><SCRIPT>evil()</SCRIPT>");
        assertEquals("<p>Hello</p>", out);
    }

    @Test
    void removesEmbeddedContentWithItsContent() {
        String out = html("<p>a</p><iframe src=\"https://evil\">inside</iframe><object data=x>obj text</object>"
                + "<embed src=y><svg><script>x()</script><text>svg text</text></svg><math><mi>m</mi></math>"
                + "<img src=x onerror=alert(1)><template><p>t</p></template><noscript>ns</noscript>");
        assertEquals("<p>a</p>", out);
    }

    @Test
    void removesEventHandlerAndStyleAttributes() {
        String out = html("<p onclick=\"steal()\" style=\"position:fixed\" class=\"x\" ONMOUSEOVER=a()>text</p>"
                + "<b onmouseover='x'>bold</b>");
        assertEquals("<p>text</p><b>bold</b>", out);
        assertFalse(out.toLowerCase(Locale.ROOT).contains("on"), out);
    }

    @Test
    void keepsWebAndMailLinksOpeningSafely() {
        String out = html("<p><a href=\"https://example.org/x?a=1&amp;b=2\" onclick=\"x()\">site</a>"
                + " <a href=\"mailto:office@example.org\">mail</a></p>");
        assertTrue(
                out.contains("<a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\""
                        + " target=\"_blank\">site</a>"),
                out);
        assertTrue(out.contains("href=\"mailto:office@example.org\""), out);
        assertFalse(out.contains("onclick"), out);
    }

    @Test
    void removesJavascriptDataAndVbscriptLinksAlsoObfuscated() {
        String[] evil = {
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&#x0A;ascript:alert(1)",
            "jav\tascript:alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#x6A;avascript&colon;alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "//evil.example/x",
            "relative/path"
        };
        for (String href : evil) {
            String out = html("<p><a href=\"" + href + "\">click</a></p>");
            assertEquals("<p>click</p>", out, href);
        }
    }

    @Test
    void repairsNestedAndMalformedHtml() {
        String out = html("<p><b>bold <i>both</b> italic?</i><ul><li>a<li>b</ul><div><p>in div</div>"
                + "<table><tr><td>cell</td></tr></table></p><p>unclosed");
        assertFalse(out.contains("<div") || out.contains("<table") || out.contains("<td"), out);
        assertTrue(out.contains("<li>a</li><li>b</li>"), out);
        assertTrue(out.contains("cell"), out);
        assertTrue(out.endsWith("<p>unclosed</p>"), out);
        // What came out is stable: sanitising it again changes nothing.
        assertEquals(out, html(out));
    }

    @Test
    void turnsEditorLinesIntoParagraphs() {
        assertEquals(
                "first line<p>second <b>bold</b></p><p><br></p><p>after</p>",
                html("first line<div>second <b>bold</b></div><div><br></div><div><div>after</div></div><p></p>"));
    }

    @Test
    void refusesABodyThatSanitisesToNothing() {
        refusedAsEmpty("");
        refusedAsEmpty("   ");
        refusedAsEmpty(null);
        refusedAsEmpty("<script>alert(1)</script>");
        refusedAsEmpty("<p> </p><br><img src=x onerror=alert(1)><iframe>text</iframe>");
    }

    @Test
    void refusesABodyLongerThanTheLimitAfterSanitising() {
        String ok = "<p>" + "a".repeat(19_993) + "</p>";
        assertEquals(20_000, html(ok).length());
        DomusException e =
                assertThrows(DomusException.class, () -> Sanitiser.body("<p>" + "a".repeat(20_000) + "</p>"));
        assertEquals("communications.announcements.body.too-long", e.messageKey());
        // What is removed does not count.
        assertEquals(ok, html(ok + "<script>" + "x".repeat(50_000) + "</script>"));
    }

    @Test
    void rendersPlainText() {
        Sanitiser.Body b = Sanitiser.body("<h3>Water shut-off</h3><p>On <b>Monday</b> 8-12.<br>Sorry.</p>"
                + "<ul><li>Fill a bucket</li><li>Close taps</li></ul><ol><li>one</li><li>two</li></ol>"
                + "<p>See <a href=\"https://example.org/w\">the notice</a> or <a href=\"mailto:o@x.cz\">o@x.cz</a>"
                + " &amp; &lt;call&gt;</p>");
        assertEquals(
                "Water shut-off\n\nOn Monday 8-12.\nSorry.\n\n- Fill a bucket\n- Close taps\n\n1. one\n2. two\n\n"
                        + "See the notice (https://example.org/w) or o@x.cz & <call>",
                b.text());
    }
}
