package org.domus.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes {@link TableFormat#XLSX}: the minimal parts of an SpreadsheetML package by hand (content types,
 * relationships, workbook, styles, one sheet of inline strings), so no spreadsheet library is needed at
 * run time. Entries carry a fixed time so that the same table gives the same bytes.
 */
final class XlsxTableWriter {

    // Style indexes into cellXfs of styles.xml below.
    private static final int STYLE_HEADER = 1;
    private static final int STYLE_INTEGER = 2;
    private static final int STYLE_MONEY = 3;
    private static final int STYLE_DATE = 4;
    private static final int STYLE_MONTH = 5;
    private static final int STYLE_DECIMAL = 6;

    private static final long EPOCH_1899_12_30 = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final long ENTRY_TIME = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
    private static final int MAX_SHEET_NAME = 31;

    private XlsxTableWriter() {}

    static void write(Table table, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        part(zip, "[Content_Types].xml", CONTENT_TYPES);
        part(zip, "_rels/.rels", ROOT_RELS);
        part(zip, "xl/workbook.xml", workbook(table.title()));
        part(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
        part(zip, "xl/styles.xml", STYLES);
        ZipEntry sheet = entry("xl/worksheets/sheet1.xml");
        zip.putNextEntry(sheet);
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        sheet(table, w);
        w.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static void sheet(Table table, Writer w) throws IOException {
        List<Column> columns = table.columns();
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        w.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        w.write("<sheetViews><sheetView workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>");
        w.write("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int c = 0; c < columns.size(); c++) {
            w.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\"" + width(table, c)
                    + "\" customWidth=\"1\"/>");
        }
        w.write("</cols><sheetData>");
        w.write("<row r=\"1\">");
        for (int c = 0; c < columns.size(); c++) {
            inlineString(w, ref(c, 1), columns.get(c).header(), STYLE_HEADER);
        }
        w.write("</row>");
        int r = 2;
        for (List<Object> row : table.rows()) {
            w.write("<row r=\"" + r + "\">");
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value != null) {
                    cell(w, ref(c, r), columns.get(c).type(), value);
                }
            }
            w.write("</row>");
            r++;
        }
        w.write("</sheetData></worksheet>");
    }

    private static void cell(Writer w, String ref, ColumnType type, Object value) throws IOException {
        switch (type) {
            case TEXT -> inlineString(w, ref, value.toString(), 0);
            case INTEGER -> number(w, ref, value.toString(), STYLE_INTEGER);
            case DECIMAL -> number(w, ref, CsvTableWriter.decimal(value).toPlainString(), STYLE_DECIMAL);
            case MONEY -> number(
                    w,
                    ref,
                    CsvTableWriter.decimal(value)
                            .setScale(2, RoundingMode.HALF_UP)
                            .toPlainString(),
                    STYLE_MONEY);
            case DATE -> number(w, ref, Long.toString(serial((LocalDate) value)), STYLE_DATE);
            case MONTH -> number(w, ref, Long.toString(serial(((YearMonth) value).atDay(1))), STYLE_MONTH);
        }
    }

    /** Days since 1899-12-30: the spreadsheet date serial (1900 date system) for any date after March 1900. */
    static long serial(LocalDate date) {
        return date.toEpochDay() - EPOCH_1899_12_30;
    }

    private static void number(Writer w, String ref, String value, int style) throws IOException {
        w.write("<c r=\"" + ref + "\" s=\"" + style + "\"><v>" + value + "</v></c>");
    }

    private static void inlineString(Writer w, String ref, String text, int style) throws IOException {
        w.write("<c r=\"" + ref + "\"" + (style == 0 ? "" : " s=\"" + style + "\"") + " t=\"inlineStr\"><is><t");
        if (!text.isEmpty()
                && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            w.write(" xml:space=\"preserve\"");
        }
        w.write(">");
        w.write(escape(text));
        w.write("</t></is></c>");
    }

    /** A column wide enough for its longest cell as written, within reason. */
    private static int width(Table table, int column) {
        int longest = table.columns().get(column).header().length() + 2; // bold needs a little more
        ColumnType type = table.columns().get(column).type();
        for (List<Object> row : table.rows()) {
            Object value = row.get(column);
            if (value == null) {
                continue;
            }
            int length =
                    switch (type) {
                        case DATE -> 10;
                        case MONTH -> 7;
                        case MONEY -> CsvTableWriter.decimal(value)
                                        .setScale(2, RoundingMode.HALF_UP)
                                        .toPlainString()
                                        .length()
                                + 4; // thousands separators
                        default -> value.toString()
                                .lines()
                                .mapToInt(String::length)
                                .max()
                                .orElse(0);
                    };
            longest = Math.max(longest, length);
        }
        return Math.max(8, Math.min(60, longest + 2));
    }

    /** A1-style reference of a zero-based column and one-based row. */
    static String ref(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString() + row;
    }

    /** Escapes markup and drops characters XML 1.0 cannot carry at all. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        if (ch != 0xFFFE && ch != 0xFFFF) {
                            b.append(ch);
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    /** The title as a sheet name: without the characters Excel refuses, at most 31 characters. */
    static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (name.startsWith("'")) {
            name = name.substring(1);
        }
        if (name.length() > MAX_SHEET_NAME) {
            name = name.substring(0, MAX_SHEET_NAME).strip();
        }
        return name.isEmpty() ? "Sheet1" : name;
    }

    private static String workbook(String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"" + escape(sheetName(title)) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                + "</workbook>";
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        return e;
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>";

    private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"xl/workbook.xml\"/></Relationships>";

    private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            + " Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
            + " Target=\"styles.xml\"/></Relationships>";

    // Built-in number formats: 1 = "0", 4 = "#,##0.00", 14 = the reader's short date; 164 is our month.
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"7\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";
}
