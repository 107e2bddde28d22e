package org.domus.ledger.internal.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.Statement;
import org.domus.ledger.payment.StatementLine;

/**
 * Lays one statement out on A4 pages. The font is Liberation Sans, which ships inside the PDFBox bundle
 * (SIL Open Font License, in PDFBox's META-INF/LICENSE) and which core's handover letter and personal-data
 * export use too; it is embedded as a subset, so Czech, Polish and Romanian letters print anywhere. A
 * character the font lacks prints as "?" rather than failing the statement.
 */
final class StatementDocument {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float BOTTOM = MARGIN + 24;
    private static final float SIZE = 9;
    private static final float LEADING = SIZE * 1.35f;

    // Table columns: date | description | component | charged | paid (amounts right-aligned).
    private static final float X_DATE = MARGIN;
    private static final float X_DESCRIPTION = MARGIN + 58;
    private static final float W_DESCRIPTION = 160;
    private static final float X_COMPONENT = X_DESCRIPTION + W_DESCRIPTION + 8;
    private static final float W_COMPONENT = 118;
    private static final float R_DEBIT = RIGHT - 75;
    private static final float R_CREDIT = RIGHT;

    /** Side of the printed QR code: 40 mm, well above the 18 mm the ZBP recommendation asks for. */
    private static final float QR_SIDE = 113;

    private final Statement s;
    private final PaymentQr qr;
    private final Texts t;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDDocument doc;
    private PDFont font;
    private PDPageContentStream out;
    private float y;

    StatementDocument(Statement statement, PaymentQr qr) {
        this.s = statement;
        this.qr = qr;
        this.t = Texts.of(statement.language());
    }

    byte[] render() {
        try (PDDocument document = new PDDocument();
                InputStream fontData = PDDocument.class.getResourceAsStream(FONT)) {
            if (fontData == null) {
                throw new IllegalStateException("PDFBox ships no " + FONT);
            }
            this.doc = document;
            this.font = PDType0Font.load(doc, fontData);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(t.get("ledger.statement.title") + " - " + s.unitLabel());
            info.setAuthor(s.organisation());
            info.setCreator("Domus");
            doc.getDocumentCatalog().setLanguage(t.locale().toLanguageTag());

            newPage();
            header();
            tableHeader();
            balanceRow(t.get("ledger.statement.opening"), s.openingBalance(), false);
            if (s.lines().isEmpty()) {
                advance(LEADING);
                text(t.get("ledger.statement.empty"), SIZE, X_DESCRIPTION, y);
            }
            for (StatementLine line : s.lines()) {
                row(line);
            }
            totals();
            balanceRow(t.get("ledger.statement.closing"), s.closingBalance(), true);
            payment();
            out.close();
            footers();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The statement could not be rendered", e);
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

    /** A new page when {@code height} more points do not fit; continuation pages repeat the table header. */
    private void ensure(float height, boolean table) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
            advance(SIZE);
            text(t.get("ledger.statement.continued", s.unitLabel()), SIZE, MARGIN, y);
            y -= 6;
            if (table) {
                tableHeader();
            }
        }
    }

    private void header() throws IOException {
        advance(10);
        text(s.organisation(), 10, MARGIN, y);
        y -= 14;
        advance(18);
        bold(t.get("ledger.statement.title"), 18, MARGIN, y);
        y -= 10;
        field(t.get("ledger.statement.unit"), s.unitLabel());
        if (s.holderName() != null && !s.holderName().isBlank()) {
            field(t.get("ledger.statement.holder"), s.holderName());
        }
        field(
                t.get("ledger.statement.period"),
                t.get("ledger.statement.period.value", t.date(s.periodFrom()), t.date(s.periodTo())));
        field(t.get("ledger.statement.issued"), t.date(s.issuedOn()));
        y -= 14;
    }

    private void field(String label, String value) throws IOException {
        advance(LEADING + 1);
        text(label, SIZE, MARGIN, y);
        text(value, SIZE + 1, MARGIN + 95, y);
    }

    private void tableHeader() throws IOException {
        advance(LEADING);
        text(t.get("ledger.statement.col.date"), SIZE, X_DATE, y);
        text(t.get("ledger.statement.col.description"), SIZE, X_DESCRIPTION, y);
        text(t.get("ledger.statement.col.component"), SIZE, X_COMPONENT, y);
        right(t.get("ledger.statement.col.debit", s.currency()), SIZE, R_DEBIT, y);
        right(t.get("ledger.statement.col.credit", s.currency()), SIZE, R_CREDIT, y);
        rule(y - 4, 0.6f);
        y -= 6;
    }

    private void row(StatementLine line) throws IOException {
        List<String> description = wrap(line.description(), SIZE, W_DESCRIPTION);
        List<String> component = line.component() == null ? List.of() : wrap(line.component(), SIZE, W_COMPONENT);
        int height = Math.max(description.size(), component.size());
        ensure(height * LEADING + 2, true);
        advance(LEADING);
        float top = y;
        text(t.date(line.date()), SIZE, X_DATE, top);
        if (line.debit().signum() != 0) {
            right(t.amount(line.debit()), SIZE, R_DEBIT, top);
        }
        if (line.credit().signum() != 0) {
            right(t.amount(line.credit()), SIZE, R_CREDIT, top);
        }
        for (int i = 0; i < height; i++) {
            if (i > 0) {
                advance(LEADING);
            }
            if (i < description.size()) {
                text(description.get(i), SIZE, X_DESCRIPTION, y);
            }
            if (i < component.size()) {
                text(component.get(i), SIZE, X_COMPONENT, y);
            }
        }
        y -= 2;
    }

    private void totals() throws IOException {
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (StatementLine l : s.lines()) {
            debits = debits.add(l.debit());
            credits = credits.add(l.credit());
        }
        ensure(2 * LEADING + 8, false);
        rule(y - 2, 0.6f);
        y -= 4;
        advance(LEADING);
        bold(t.get("ledger.statement.totals"), SIZE, X_DESCRIPTION, y);
        right(t.amount(debits), SIZE, R_DEBIT, y);
        right(t.amount(credits), SIZE, R_CREDIT, y);
    }

    /** "Opening balance ... 1 234,50 CZK (you owe)" across the table. */
    private void balanceRow(String label, BigDecimal balance, boolean strong) throws IOException {
        ensure(LEADING + 6, false);
        advance(LEADING + 3);
        String side = balance.signum() > 0
                ? t.get("ledger.statement.balance.owed")
                : balance.signum() < 0 ? t.get("ledger.statement.balance.credit") : "";
        String value = t.money(balance, s.currency()) + (side.isEmpty() ? "" : " " + side);
        if (strong) {
            bold(label, SIZE + 1, X_DESCRIPTION, y);
            boldRight(value, SIZE + 1, R_CREDIT, y);
        } else {
            text(label, SIZE, X_DESCRIPTION, y);
            right(value, SIZE, R_CREDIT, y);
        }
        y -= 3;
    }

    private void payment() throws IOException {
        y -= 16;
        if (s.amountDue().signum() <= 0) {
            ensure(2 * LEADING, false);
            advance(LEADING + 2);
            text(t.get("ledger.statement.nothing-due"), SIZE + 1, MARGIN, y);
            return;
        }
        ensure(QR_SIDE + 60, false);
        rule(y, 0.6f);
        y -= 6;
        advance(16);
        bold(t.get("ledger.statement.due") + ": " + t.money(s.amountDue(), s.currency()), 14, MARGIN, y);
        if (s.dueDate() != null) {
            advance(LEADING + 2);
            text(t.get("ledger.statement.due-date", t.date(s.dueDate())), SIZE + 1, MARGIN, y);
        }
        y -= 10;
        PaymentOrder order = s.payment();
        if (order == null) {
            return;
        }
        float top = y;
        float x = MARGIN;
        if (qr != null) {
            PDImageXObject image = PDImageXObject.createFromByteArray(doc, qr.png(8), "payment-qr.png");
            out.drawImage(image, MARGIN, top - QR_SIDE, QR_SIDE, QR_SIDE);
            x = MARGIN + QR_SIDE + 16;
        }
        y = top;
        float labelWidth = 120;
        detail(x, labelWidth, t.get("ledger.statement.pay.payee"), order.creditorName());
        detail(x, labelWidth, t.get("ledger.statement.pay.account"), Texts.account(order.account()));
        if (order.bic() != null && !order.bic().isBlank()) {
            detail(x, labelWidth, t.get("ledger.statement.pay.bic"), order.bic().strip());
        }
        if (order.reference() != null && !order.reference().isBlank()) {
            String key = t.has("ledger.statement.pay.reference." + s.currency())
                    ? "ledger.statement.pay.reference." + s.currency()
                    : "ledger.statement.pay.reference";
            detail(x, labelWidth, t.get(key), order.reference().strip());
        }
        if (order.message() != null && !order.message().isBlank()) {
            detail(x, labelWidth, t.get("ledger.statement.pay.message"), order.message());
        }
        detail(x, labelWidth, t.get("ledger.statement.pay.amount"), t.money(order.amount(), order.currency()));
        y -= 6;
        String note = qr != null
                ? t.get("ledger.statement.pay.scan", t.get("ledger.payment.standard." + qr.standard()))
                : t.get("ledger.statement.pay.no-code");
        for (String line : wrap(note, SIZE, RIGHT - x)) {
            advance(LEADING);
            text(line, SIZE, x, y);
        }
        if (qr != null) {
            y = Math.min(y, top - QR_SIDE);
        }
    }

    private void detail(float x, float labelWidth, String label, String value) throws IOException {
        List<String> lines = wrap(value, SIZE + 1, RIGHT - x - labelWidth);
        for (int i = 0; i < lines.size(); i++) {
            advance(LEADING + 2);
            if (i == 0) {
                text(label, SIZE, x, y);
            }
            text(lines.get(i), SIZE + 1, x + labelWidth, y);
        }
    }

    /** "Page n of m" and who issued it, on every page once the page count is known. */
    private void footers() throws IOException {
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer =
                    new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                this.out = footer;
                text(s.organisation() + " - " + s.unitLabel(), 7.5f, MARGIN, MARGIN - 10);
                right(t.get("ledger.statement.page", i + 1, pages), 7.5f, RIGHT, MARGIN - 10);
            }
        }
    }

    private void advance(float points) {
        y -= points;
    }

    private void rule(float at, float width) throws IOException {
        out.setLineWidth(width);
        out.moveTo(MARGIN, at);
        out.lineTo(RIGHT, at);
        out.stroke();
    }

    private void text(String text, float size, float x, float at) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, at);
        out.showText(clean(text));
        out.endText();
    }

    private void right(String text, float size, float rightEdge, float at) throws IOException {
        String c = clean(text);
        text(c, size, rightEdge - width(c, size), at);
    }

    /** Liberation Sans comes in one weight here; fill plus a thin stroke makes headings stand out. */
    private void bold(String text, float size, float x, float at) throws IOException {
        out.setRenderingMode(RenderingMode.FILL_STROKE);
        out.setLineWidth(size * 0.035f);
        text(text, size, x, at);
        out.setRenderingMode(RenderingMode.FILL);
    }

    private void boldRight(String text, float size, float rightEdge, float at) throws IOException {
        String c = clean(text);
        bold(c, size, rightEdge - width(c, size), at);
    }

    /** Every character the font can draw, "?" for the others; tabs and line breaks become spaces. */
    private String clean(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
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
        if (Character.isISOControl(cp)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Lines of at most {@code width} points; a word longer than a line is cut. */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : clean(text).split(" ")) {
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
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = current + new String(Character.toChars(cp));
                if (width(next, size) > width && current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder();
                    continue;
                }
                current.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }
}
