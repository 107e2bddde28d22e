package org.domus.core.internal.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The handover letter as an A4 PDF. The font is Liberation Sans (SIL Open Font License; shipped inside
 * the PDFBox bundle with its licence in PDFBox's META-INF/LICENSE), embedded as a subset, so Czech,
 * Polish and Romanian letters print on any printer.
 */
public final class HandoverLetterPdf {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /** What the letter says. */
    public record Content(
            String holderName,
            String login,
            String password,
            String signInUrl,
            String cooperative,
            Locale locale,
            LocalDate issuedOn) {}

    private HandoverLetterPdf() {}

    public static byte[] render(Content c) {
        ResourceBundle texts = ResourceBundle.getBundle(
                "org.domus.core.internal.account.letter",
                c.locale(),
                HandoverLetterPdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (PDDocument doc = new PDDocument();
                InputStream fontData = PDDocument.class.getResourceAsStream(FONT)) {
            if (fontData == null) {
                throw new IllegalStateException("PDFBox ships no " + FONT);
            }
            PDFont font = PDType0Font.load(doc, fontData);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(texts.getString("title"));
            info.setAuthor(c.cooperative());
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                Writer w = new Writer(out, font, PDRectangle.A4.getHeight() - MARGIN);
                w.line(c.cooperative(), 11);
                w.line(
                        format(
                                texts.getString("issued"),
                                c.issuedOn()
                                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                                .withLocale(c.locale()))),
                        10);
                w.gap(24);
                w.line(texts.getString("title"), 18);
                w.gap(14);
                w.paragraph(format(texts.getString("greeting"), c.holderName()), 11);
                w.paragraph(format(texts.getString("intro"), c.holderName(), c.cooperative()), 11);
                w.gap(8);
                w.field(texts.getString("login"), c.login());
                w.field(texts.getString("password"), c.password());
                w.field(texts.getString("address"), c.signInUrl());
                w.gap(12);
                w.paragraph(texts.getString("steps"), 12);
                w.paragraph(texts.getString("step1"), 11);
                w.paragraph(texts.getString("step2"), 11);
                w.paragraph(texts.getString("step3"), 11);
                w.gap(8);
                w.paragraph(texts.getString("security"), 11);
                w.paragraph(texts.getString("lost"), 11);
                w.gap(12);
                w.line(texts.getString("closing"), 11);
                w.line(c.cooperative(), 11);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The handover letter could not be rendered", e);
        }
    }

    private static String format(String pattern, Object... args) {
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** Writes lines top-down, wrapping paragraphs at the page width. */
    private static final class Writer {
        private final PDPageContentStream out;
        private final PDFont font;
        private float y;

        Writer(PDPageContentStream out, PDFont font, float top) {
            this.out = out;
            this.font = font;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size) throws IOException {
            y -= size * 1.4f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(text);
            out.endText();
        }

        void paragraph(String text, float size) throws IOException {
            for (String l : wrap(text, size)) {
                line(l, size);
            }
            gap(size * 0.5f);
        }

        /** A label and its value in a larger monospaced-looking size, so the password is easy to copy. */
        void field(String label, String value) throws IOException {
            y -= 20;
            out.beginText();
            out.setFont(font, 11);
            out.newLineAtOffset(MARGIN, y);
            out.showText(label);
            out.endText();
            out.beginText();
            out.setFont(font, 14);
            out.newLineAtOffset(MARGIN + 140, y);
            out.showText(value);
            out.endText();
        }

        private List<String> wrap(String text, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            if (current.length() > 0) {
                lines.add(current.toString());
            }
            return lines;
        }
    }
}
