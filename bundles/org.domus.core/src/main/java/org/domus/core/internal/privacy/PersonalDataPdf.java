package org.domus.core.internal.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.domus.core.privacy.PersonalDataExport;
import org.domus.core.privacy.PersonalDataSection;

/**
 * A personal-data export as a readable A4 document: a heading per section and every record as
 * "label: value" lines, over as many pages as it takes. The font is Liberation Sans shipped inside PDFBox
 * (as for the handover letter), embedded as a subset, so Czech, Polish and Romanian text prints; a
 * character the font lacks (an emoji in a browser name, say) prints as "?" instead of failing the export.
 */
final class PersonalDataPdf {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 150;

    private PersonalDataPdf() {}

    static byte[] render(PersonalDataExport export) {
        Locale locale = Locale.forLanguageTag(export.language());
        PrivacyTexts t = new PrivacyTexts(locale);
        try (PDDocument doc = new PDDocument();
                InputStream fontData = PDDocument.class.getResourceAsStream(FONT)) {
            if (fontData == null) {
                throw new IllegalStateException("PDFBox ships no " + FONT);
            }
            PDFont font = PDType0Font.load(doc, fontData);
            PDDocumentInformation info = doc.getDocumentInformation();
            String title = t.get("export.title", export.name());
            info.setTitle(title);
            info.setCreator("Domus");
            try (Writer w = new Writer(doc, font, t)) {
                w.paragraph(title, 16, 0);
                w.paragraph(
                        t.get(
                                "export.intro",
                                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                                .withLocale(locale)
                                                .withZone(ZoneOffset.UTC)
                                                .format(export.generatedAt())
                                        + " UTC"),
                        10,
                        0);
                for (PersonalDataSection s : export.sections()) {
                    w.gap(10);
                    w.paragraph(s.title(), 13, 0);
                    if (s.note() != null) {
                        w.paragraph(s.note(), 9, 0);
                    }
                    if (s.records().isEmpty()) {
                        w.paragraph(t.get("export.empty"), 10, 0);
                    }
                    for (Map<String, Object> record : s.records()) {
                        w.gap(4);
                        for (PersonalDataSection.Column c : s.columns()) {
                            Object value = record.get(c.key());
                            if (value != null && !value.toString().isBlank()) {
                                w.field(c.label(), text(value, t), 10);
                            }
                        }
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The personal-data export could not be rendered", e);
        }
    }

    private static String text(Object value, PrivacyTexts t) {
        return value instanceof Boolean b ? t.yesNo(b) : value.toString();
    }

    /** Writes lines top-down, wrapping at the page width and starting new pages with a page number. */
    private static final class Writer implements AutoCloseable {
        private final PDDocument doc;
        private final PDFont font;
        private final PrivacyTexts texts;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private PDPageContentStream out;
        private int pages;
        private float y;

        Writer(PDDocument doc, PDFont font, PrivacyTexts texts) throws IOException {
            this.doc = doc;
            this.font = font;
            this.texts = texts;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages++;
            out = new PDPageContentStream(doc, page);
            show(texts.get("export.page", pages), 8, MARGIN, MARGIN / 2);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void paragraph(String text, float size, float indent) throws IOException {
            for (String line : wrap(clean(text), size, WIDTH - indent)) {
                advance(size);
                show(line, size, MARGIN + indent, y);
            }
            y -= size * 0.4f;
        }

        /** The label on the left, the value wrapped in the column right of it. */
        void field(String label, String value, float size) throws IOException {
            List<String> lines = wrap(clean(value), size, WIDTH - LABEL_WIDTH);
            List<String> labels = wrap(clean(label), size, LABEL_WIDTH - 8);
            for (int i = 0; i < Math.max(lines.size(), labels.size()); i++) {
                advance(size);
                if (i < labels.size()) {
                    show(labels.get(i), size, MARGIN, y);
                }
                if (i < lines.size()) {
                    show(lines.get(i), size, MARGIN + LABEL_WIDTH, y);
                }
            }
        }

        private void advance(float size) throws IOException {
            y -= size * 1.35f;
            if (y < MARGIN) {
                newPage();
                y -= size * 1.35f;
            }
        }

        private void show(String text, float size, float x, float at) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, at);
            out.showText(text);
            out.endText();
        }

        /** Every character the font can draw, "?" for the others; tabs and line breaks become spaces. */
        private String clean(String text) {
            StringBuilder sb = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (Character.isWhitespace(cp)) {
                    sb.append(' ');
                } else if (printable.computeIfAbsent(cp, this::printable)) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append('?');
                }
            });
            return sb.toString();
        }

        private boolean printable(int cp) {
            try {
                font.encode(new String(Character.toChars(cp)));
                return !Character.isISOControl(cp);
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        /** Lines of at most {@code width} points; a word longer than a line is cut. */
        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (width(candidate, size) <= width) {
                    current = new StringBuilder(candidate);
                    continue;
                }
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder();
                }
                // The word alone: cut it where it overflows.
                StringBuilder piece = new StringBuilder();
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    String next = piece + new String(Character.toChars(cp));
                    if (width(next, size) > width && piece.length() > 0) {
                        lines.add(piece.toString());
                        piece = new StringBuilder();
                        continue;
                    }
                    piece.appendCodePoint(cp);
                    i += Character.charCount(cp);
                }
                current = piece;
            }
            if (current.length() > 0 || lines.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
