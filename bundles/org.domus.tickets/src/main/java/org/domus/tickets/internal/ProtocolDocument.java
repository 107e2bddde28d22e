package org.domus.tickets.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.domus.tickets.Ticket;
import org.domus.tickets.TimelineEntry;

/**
 * The completion protocol of a ticket on A4 pages, in the requester's language: the ticket's data, the
 * timeline of the work, the time spent, the work done, the ticket's photos scaled to the page, the
 * signature, the signer and the date. The font is Liberation Sans from the PDFBox bundle, which has the
 * Czech, Polish and Romanian letters.
 */
final class ProtocolDocument {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    /**
     * What goes into the protocol.
     *
     * @param ticket the ticket (after it moved to DONE)
     * @param organisation the organisation's name
     * @param unitLabel the unit's number, or null for building-wide tickets
     * @param work the timeline entries of the work (status changes, time, assignments), oldest first
     * @param workDone what the contractor did
     * @param photos the ticket's photos (stored JPEG or PNG bytes)
     * @param signaturePng the signature drawn on screen
     * @param signer who signed
     * @param signedAt when
     * @param zone the organisation's time zone
     * @param language the requester's language
     */
    record Content(
            Ticket ticket,
            String organisation,
            String unitLabel,
            List<TimelineEntry> work,
            String workDone,
            List<byte[]> photos,
            byte[] signaturePng,
            String signer,
            Instant signedAt,
            ZoneId zone,
            String language) {}

    private final Content c;
    private final Catalog t;
    private final DateTimeFormatter when;
    private PDDocument doc;
    private PDFont font;
    private PDPageContentStream out;
    private float y;

    ProtocolDocument(Content content) {
        this.c = content;
        this.t = Catalog.of(content.language());
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(t.locale())
                .withZone(content.zone());
    }

    byte[] render() {
        try (PDDocument document = new PDDocument();
                InputStream fontData = PDDocument.class.getResourceAsStream(FONT)) {
            if (fontData == null) {
                throw new IllegalStateException("PDFBox ships no " + FONT);
            }
            this.doc = document;
            this.font = PDType0Font.load(doc, fontData);
            Ticket k = c.ticket();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(t.get("tickets.protocol.title") + " " + k.reference());
            info.setAuthor(c.organisation());
            info.setCreator("Domus");
            doc.getDocumentCatalog().setLanguage(t.locale().toLanguageTag());

            newPage();
            line(c.organisation(), 10);
            y -= 6;
            line(t.get("tickets.protocol.title") + " " + k.reference(), 18);
            y -= 8;
            field(t.get("tickets.protocol.address"), k.address());
            if (c.unitLabel() != null) {
                field(t.get("tickets.protocol.unit"), c.unitLabel());
            }
            field(t.get("tickets.protocol.category"), k.categoryName());
            field(t.get("tickets.protocol.reported"), when.format(k.createdAt()));
            field(t.get("tickets.protocol.subject"), k.title());
            paragraph(k.description());
            if (k.companyName() != null) {
                field(
                        t.get("tickets.protocol.contractor"),
                        k.companyName() + (k.workerName() == null ? "" : " / " + k.workerName()));
            }
            y -= 6;
            line(t.get("tickets.protocol.work"), 13);
            for (TimelineEntry e : c.work()) {
                String what = t.get(
                        "tickets.timeline." + e.kind().name(),
                        e.status().name(),
                        e.minutes() == null ? 0 : e.minutes());
                paragraph(when.format(e.at()) + "  " + what + (e.text() == null ? "" : ": " + e.text()));
            }
            field(t.get("tickets.protocol.time-spent"), t.get("tickets.protocol.minutes", k.minutesSpent()));
            y -= 6;
            line(t.get("tickets.protocol.work-done"), 13);
            paragraph(c.workDone());
            for (byte[] photo : c.photos()) {
                image(photo, 220);
            }
            y -= 10;
            line(t.get("tickets.protocol.signature"), 13);
            image(c.signaturePng(), 80);
            field(t.get("tickets.protocol.signer"), c.signer());
            field(t.get("tickets.protocol.date"), when.format(c.signedAt()));
            out.close();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The completion protocol could not be rendered", e);
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void line(String text, float size) throws IOException {
        ensure(size + 4);
        y -= size + 4;
        write(safe(text), size, MARGIN, y);
    }

    private void field(String label, String value) throws IOException {
        List<String> lines = wrap(value == null ? "-" : value, SIZE, WIDTH - 140);
        ensure(LEADING * lines.size());
        y -= LEADING;
        write(safe(label), SIZE, MARGIN, y);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                y -= LEADING;
            }
            write(lines.get(i), SIZE, MARGIN + 140, y);
        }
    }

    private void paragraph(String text) throws IOException {
        for (String l : wrap(text == null ? "" : text, SIZE, WIDTH)) {
            ensure(LEADING);
            y -= LEADING;
            write(l, SIZE, MARGIN, y);
        }
    }

    private void image(byte[] data, float maxHeight) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, data, "image");
        float scale = Math.min(1f, Math.min(WIDTH / image.getWidth(), maxHeight / image.getHeight()));
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        ensure(h + 8);
        y -= h + 8;
        out.drawImage(image, MARGIN, y, w, h);
    }

    private void write(String text, float size, float x, float at) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, at);
        out.showText(text);
        out.endText();
    }

    /** Lines of at most {@code width} points, broken at spaces (and inside words longer than a line). */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : safe(text).split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (width(candidate, size) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with characters the font cannot show replaced by '?' and tabs and CRs made spaces. */
    private String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        text.replace('\t', ' ').replace("\r", "").codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n') {
                b.append(ch);
                return;
            }
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }
}
