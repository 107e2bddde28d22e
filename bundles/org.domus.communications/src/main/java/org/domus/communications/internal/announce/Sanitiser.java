package org.domus.communications.internal.announce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.domus.communications.AnnouncementService;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns the rich text staff write into the safe subset that residents' pages and e-mails show: paragraphs, line
 * breaks, bold, italic, underline, lists, headings h3/h4, quotes and links to http, https or mailto addresses
 * (opened in a new tab, without referrer or opener). Everything else goes: elements that carry code or foreign
 * content are dropped with their content, other elements are unwrapped to their text, every attribute but a
 * link's address is removed. jsoup's parser decodes entities and its cleaner checks the link's protocol on the
 * decoded, normalised address, so {@code jav&#x09;ascript:} is no way around it.
 */
final class Sanitiser {

    /** Elements removed together with what is inside them. */
    private static final String DROPPED = "script, style, iframe, frame, frameset, object, embed, applet, svg, math,"
            + " noscript, noembed, noframes, template, head, title, link, meta, base, form, input, button, select,"
            + " textarea, option, canvas, audio, video, source, track, img, picture, map, area, xmp, plaintext";

    /** Block elements a div may hold (the div itself counts in {@code select}). */
    private static final String BLOCKS = "div, p, ul, ol, li, h1, h2, h3, h4, h5, h6, blockquote, table, pre";

    private static final Safelist SAFE = Safelist.none()
            .addTags("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "h3", "h4", "a", "blockquote")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    private Sanitiser() {}

    /** The stored form of a body: its safe HTML and its plain text. */
    record Body(String html, String text) {}

    /**
     * Sanitises a body.
     *
     * @throws DomusException INVALID when nothing readable is left or it is longer than
     *     {@link AnnouncementService#MAX_BODY}
     */
    static Body body(String input) {
        if (input == null || input.isBlank()) {
            throw new DomusException(Kind.INVALID, "communications.announcements.body.empty");
        }
        Document dirty = Jsoup.parseBodyFragment(input);
        dirty.select(DROPPED).remove();
        // Editors write a line as a div: a div holding only inline content is a paragraph, any other is unwrapped.
        List<Element> divs = new ArrayList<>(dirty.select("div"));
        Collections.reverse(divs);
        for (Element div : divs) {
            if (div.select(BLOCKS).size() > 1) {
                div.unwrap();
            } else {
                div.tagName("p");
            }
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        // Links without an address (a refused protocol) say nothing: keep their text only.
        for (Element a : clean.select("a:not([href])")) {
            a.unwrap();
        }
        for (Element p : clean.select("p")) {
            if (p.childNodeSize() == 0) {
                p.remove();
            }
        }
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        String html = clean.body().html().strip();
        String text = text(clean.body());
        if (text.isBlank()) {
            throw new DomusException(Kind.INVALID, "communications.announcements.body.empty");
        }
        if (html.length() > AnnouncementService.MAX_BODY) {
            throw new DomusException(
                    Kind.INVALID,
                    "communications.announcements.body.too-long",
                    AnnouncementService.MAX_BODY,
                    html.length());
        }
        return new Body(html, text);
    }

    /** Plain text of sanitised HTML: blocks on lines of their own, list items with a dash, links with address. */
    static String text(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String s = t.getWholeText().replaceAll("\\s+", " ");
                            if (endsWithBreak(out)) {
                                s = s.stripLeading();
                            }
                            out.append(s);
                        } else if (node instanceof Element e) {
                            switch (e.normalName()) {
                                case "br" -> out.append('\n');
                                case "li" -> {
                                    newLine(out);
                                    out.append(
                                            e.parent() != null
                                                            && "ol"
                                                                    .equals(e.parent()
                                                                            .normalName())
                                                    ? (e.elementSiblingIndex() + 1) + ". "
                                                    : "- ");
                                }
                                case "p", "h3", "h4", "ul", "ol", "blockquote" -> paragraph(out);
                                default -> {}
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e) {
                            switch (e.normalName()) {
                                case "p", "h3", "h4", "ul", "ol", "blockquote" -> paragraph(out);
                                case "a" -> {
                                    String href = e.attr("href");
                                    String label = e.text().strip();
                                    if (!href.isEmpty() && !href.equals(label) && !("mailto:" + label).equals(href)) {
                                        out.append(" (").append(href).append(')');
                                    }
                                }
                                default -> {}
                            }
                        }
                    }
                },
                root);
        String[] lines = out.toString().split("\n", -1);
        StringBuilder text = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (text.length() > 0) {
                text.append(blank > 0 ? "\n\n" : "\n");
            }
            text.append(l);
            blank = 0;
        }
        return text.toString();
    }

    private static boolean endsWithBreak(StringBuilder out) {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    private static void newLine(StringBuilder out) {
        if (!endsWithBreak(out)) {
            out.append('\n');
        }
    }

    private static void paragraph(StringBuilder out) {
        newLine(out);
        if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
            out.append('\n');
        }
    }
}
