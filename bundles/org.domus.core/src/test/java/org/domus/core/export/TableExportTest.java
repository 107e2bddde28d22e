package org.domus.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableExportTest {

    private static Table arrears() {
        return Table.builder("Nedoplatky: 11/2026")
                .column("Jednotka", ColumnType.TEXT)
                .column("Počet", ColumnType.INTEGER)
                .column("Dluh", ColumnType.MONEY)
                .column("Podíl", ColumnType.DECIMAL)
                .column("Od", ColumnType.MONTH)
                .column("Splatnost", ColumnType.DATE)
                .row(
                        "Žluťoučký kůň <&> \"A\"; 1",
                        3,
                        new BigDecimal("1520.5"),
                        new BigDecimal("0.125"),
                        YearMonth.of(2026, 3),
                        LocalDate.of(2026, 11, 21))
                .row("=HYPERLINK(\"http://evil\")", 12L, new BigDecimal("-40.00"), null, null, null)
                .row(
                        "two\nlines",
                        null,
                        new BigDecimal("1234567.891"),
                        7,
                        YearMonth.of(1999, 12),
                        LocalDate.of(2000, 2, 29))
                .build();
    }

    @Test
    void xlsxReadsBackInPoiWithValuesTypesAndFormats() throws Exception {
        byte[] bytes = TableFormat.XLSX.toBytes(arrears(), Locale.forLanguageTag("cs"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(1, wb.getNumberOfSheets());
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Nedoplatky  11 2026", sheet.getSheetName());
            assertEquals(3, sheet.getLastRowNum());

            Row header = sheet.getRow(0);
            assertEquals("Jednotka", header.getCell(0).getStringCellValue());
            assertEquals("Splatnost", header.getCell(5).getStringCellValue());
            assertTrue(
                    ((XSSFCellStyle) header.getCell(2).getCellStyle()).getFont().getBold());
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());

            Row first = sheet.getRow(1);
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals("Žluťoučký kůň <&> \"A\"; 1", first.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(1).getCellType());
            assertEquals(3.0, first.getCell(1).getNumericCellValue());
            assertEquals(1520.50, first.getCell(2).getNumericCellValue());
            assertEquals("#,##0.00", first.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(0.125, first.getCell(3).getNumericCellValue());
            Cell since = first.getCell(4);
            assertTrue(DateUtil.isCellDateFormatted(since));
            assertEquals(
                    LocalDate.of(2026, 3, 1), since.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy\\-mm", since.getCellStyle().getDataFormatString());
            Cell due = first.getCell(5);
            assertTrue(DateUtil.isCellDateFormatted(due));
            assertEquals(
                    LocalDate.of(2026, 11, 21), due.getLocalDateTimeCellValue().toLocalDate());

            Row second = sheet.getRow(2);
            // In XLSX a text cell is never evaluated, so it keeps its text as it was.
            assertEquals("=HYPERLINK(\"http://evil\")", second.getCell(0).getStringCellValue());
            assertEquals(CellType.STRING, second.getCell(0).getCellType());
            assertEquals(-40.0, second.getCell(2).getNumericCellValue());
            assertTrue(second.getCell(3) == null || second.getCell(3).getCellType() == CellType.BLANK);

            Row third = sheet.getRow(3);
            assertEquals("two\nlines", third.getCell(0).getStringCellValue());
            assertEquals(1234567.89, third.getCell(2).getNumericCellValue());
            assertEquals(7.0, third.getCell(3).getNumericCellValue());
            assertEquals(
                    LocalDate.of(2000, 2, 29),
                    third.getCell(5).getLocalDateTimeCellValue().toLocalDate());

            // Widths follow the content: the long text column is wider than the short month column.
            assertTrue(sheet.getColumnWidth(0) > sheet.getColumnWidth(4));
        }
    }

    @Test
    void xlsxIsTheSameBytesForTheSameTable() {
        assertArrayEquals(
                TableFormat.XLSX.toBytes(arrears(), Locale.ENGLISH),
                TableFormat.XLSX.toBytes(arrears(), Locale.ENGLISH));
    }

    @Test
    void czechCsvUsesSemicolonsDecimalCommaBomAndNeutralisesFormulas() {
        byte[] bytes = TableFormat.CSV.toBytes(arrears(), Locale.forLanguageTag("cs"));
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = parse(text, ';');
        assertEquals(4, rows.size());
        assertEquals(List.of("Jednotka", "Počet", "Dluh", "Podíl", "Od", "Splatnost"), rows.get(0));
        assertEquals(
                List.of("Žluťoučký kůň <&> \"A\"; 1", "3", "1520,50", "0,125", "2026-03", "2026-11-21"), rows.get(1));
        assertEquals(List.of("'=HYPERLINK(\"http://evil\")", "12", "-40,00", "", "", ""), rows.get(2));
        assertEquals(List.of("two\nlines", "", "1234567,89", "7", "1999-12", "2000-02-29"), rows.get(3));
        assertTrue(text.endsWith("\r\n"));
    }

    @Test
    void polishAndRomanianCsvAlsoUseSemicolons() {
        for (String language : List.of("pl", "ro")) {
            String text = new String(
                    TableFormat.CSV.toBytes(arrears(), Locale.forLanguageTag(language)), StandardCharsets.UTF_8);
            assertEquals("1520,50", parse(text.substring(1), ';').get(1).get(2), language);
        }
    }

    @Test
    void englishCsvUsesCommasAndDecimalPoint() {
        String text = new String(TableFormat.CSV.toBytes(arrears(), Locale.ENGLISH), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        List<List<String>> rows = parse(text.substring(1), ',');
        assertEquals(
                List.of("Žluťoučký kůň <&> \"A\"; 1", "3", "1520.50", "0.125", "2026-03", "2026-11-21"), rows.get(1));
        assertEquals("-40.00", rows.get(2).get(2));
    }

    @Test
    void formulaPrefixesAreNeutralisedButNegativeNumbersAreNot() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx")) {
            Table t = Table.builder("t")
                    .column("a", ColumnType.TEXT)
                    .column("b", ColumnType.MONEY)
                    .row(formula, new BigDecimal("-1"))
                    .build();
            List<List<String>> rows = parse(
                    new String(TableFormat.CSV.toBytes(t, Locale.ENGLISH), StandardCharsets.UTF_8).substring(1), ',');
            assertEquals("'" + formula, rows.get(1).get(0));
            assertEquals("-1.00", rows.get(1).get(1));
        }
    }

    @Test
    void tableRefusesCellsOfTheWrongTypeAndRowsOfTheWrongLength() {
        var builder = Table.builder("t").column("a", ColumnType.MONEY).column("b", ColumnType.DATE);
        assertThrows(
                IllegalArgumentException.class,
                () -> Table.builder("t").column("a", ColumnType.MONEY).row("12").build());
        assertThrows(IllegalArgumentException.class, () -> Table.builder("t")
                .column("a", ColumnType.DATE)
                .row(YearMonth.of(2026, 1))
                .build());
        assertThrows(IllegalArgumentException.class, () -> Table.builder("t")
                .column("a", ColumnType.INTEGER)
                .row(new BigDecimal("1.5"))
                .build());
        assertThrows(IllegalArgumentException.class, () -> builder.row(BigDecimal.ONE)
                .build());
        assertThrows(IllegalArgumentException.class, () -> Table.builder("t").build());
    }

    @Test
    void fileNamesAreAsciiAndFormatsAreFoundByNameAndMediaType() {
        assertEquals(
                "Nedoplatky-budova-Nadrazni-12-2026-11.xlsx",
                TableFormat.XLSX.fileName("Nedoplatky: budova Nádražní 12 / 2026-11"));
        assertEquals("export.csv", TableFormat.CSV.fileName("///"));
        assertEquals(TableFormat.XLSX, TableFormat.named(" XLSX ").orElseThrow());
        assertTrue(TableFormat.named("json").isEmpty());
        assertEquals(
                TableFormat.CSV,
                TableFormat.ofMediaType("text/csv; charset=UTF-8").orElseThrow());
    }

    @Test
    void cellReferencesAndSerialDates() {
        assertEquals("A1", XlsxTableWriter.ref(0, 1));
        assertEquals("Z9", XlsxTableWriter.ref(25, 9));
        assertEquals("AA10", XlsxTableWriter.ref(26, 10));
        assertEquals("AZ2", XlsxTableWriter.ref(51, 2));
        assertEquals(45658, XlsxTableWriter.serial(LocalDate.of(2025, 1, 1)));
    }

    /** RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF records. */
    private static List<List<String>> parse(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertTrue(row.isEmpty() && field.length() == 0, "the CSV ends with a complete record");
        return rows;
    }
}
