package org.domus.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.domus.core.registry.InvalidFieldsException;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    private static final Charset CP1250 = Charset.forName("windows-1250");

    private static CsvFile read(byte[] bytes) {
        return CsvFile.read(bytes, null, null, 5 * 1024 * 1024, 20_000);
    }

    @Test
    void excelCzechExportInWindows1250WithSemicolonsIsDetected() {
        byte[] bytes = "ulice;číslo;město\r\nKřižíkova;12;Plzeň\r\nŽluťoučká;3a;Praha\r\n".getBytes(CP1250);
        CsvFile csv = read(bytes);
        assertEquals("windows-1250", csv.encoding);
        assertEquals(';', csv.separator);
        assertEquals(List.of("ulice", "číslo", "město"), csv.header);
        assertEquals(List.of("Křižíkova", "12", "Plzeň"), csv.rows.get(0).fields());
        assertEquals(List.of("Žluťoučká", "3a", "Praha"), csv.rows.get(1).fields());
        assertEquals(3, csv.rows.get(1).line());
    }

    @Test
    void polishDiacriticsSurviveWindows1250() {
        byte[] bytes = "imię;nazwisko\nŁucja;Żółkiewska-Wąsowicz\nŚwiętosław;Gęśla\n".getBytes(CP1250);
        CsvFile csv = read(bytes);
        assertEquals("windows-1250", csv.encoding);
        assertEquals(List.of("Łucja", "Żółkiewska-Wąsowicz"), csv.rows.get(0).fields());
        assertEquals(List.of("Świętosław", "Gęśla"), csv.rows.get(1).fields());
    }

    @Test
    void utf8WithAndWithoutByteOrderMark() {
        String text = "street,city\nMănăștur,Cluj-Napoca\n";
        CsvFile plain = read(text.getBytes(StandardCharsets.UTF_8));
        CsvFile bom = read(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", plain.encoding);
        assertEquals("UTF-8", bom.encoding);
        assertEquals(List.of("street", "city"), bom.header);
        assertEquals(List.of("Mănăștur", "Cluj-Napoca"), bom.rows.get(0).fields());
        assertEquals(',', plain.separator);
    }

    @Test
    void theChosenEncodingWinsOverDetection() {
        byte[] bytes = "a;b\nŘ;ž\n".getBytes(StandardCharsets.UTF_8);
        CsvFile csv = CsvFile.read(bytes, "windows-1250", null, 1000, 10);
        assertEquals("windows-1250", csv.encoding);
        assertEquals('Ĺ', csv.rows.get(0).fields().get(0).charAt(0)); // the UTF-8 bytes of Ř read as cp1250
        assertThrows(InvalidFieldsException.class, () -> CsvFile.read(bytes, "klingon", null, 1000, 10));
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() {
        String text = "name;note;area\n\"Novák; Jan\";\"says \"\"hi\"\"\nand more\";\"61,5\"\nnext;;1\n";
        CsvFile csv = read(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(';', csv.separator);
        assertEquals(
                List.of("Novák; Jan", "says \"hi\"\nand more", "61,5"),
                csv.rows.get(0).fields());
        assertEquals(2, csv.rows.get(0).line());
        assertEquals(List.of("next", "", "1"), csv.rows.get(1).fields());
        assertEquals(4, csv.rows.get(1).line(), "the row after a quoted line break starts on line 4");
    }

    @Test
    void commaSeparatedWithQuotedDecimalComma() {
        CsvFile csv = read("unit,area\n1,\"61,5\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(',', csv.separator);
        assertEquals(List.of("1", "61,5"), csv.rows.get(0).fields());
    }

    @Test
    void blankLinesAndExcelsEmptySeparatorRowsAreSkipped() {
        CsvFile csv = read("a;b\n\n1;2\n;;\n\r\n3;4".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, csv.rows.size());
        assertEquals(6, csv.rows.get(1).line());
    }

    @Test
    void brokenFilesAreRefusedWithAReason() {
        InvalidFieldsException unclosed = assertThrows(
                InvalidFieldsException.class, () -> read("a;b\n1;\"open\n2;3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("registry.import.quote.unclosed", unclosed.errors().get(0).messageKey());
        assertEquals(List.of(2), unclosed.errors().get(0).arguments());

        InvalidFieldsException empty =
                assertThrows(InvalidFieldsException.class, () -> read("\uFEFF \n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("registry.import.empty", empty.errors().get(0).messageKey());

        InvalidFieldsException large =
                assertThrows(InvalidFieldsException.class, () -> CsvFile.read(new byte[2001], null, null, 2000, 10));
        assertEquals("registry.import.too-large", large.errors().get(0).messageKey());

        InvalidFieldsException rows = assertThrows(
                InvalidFieldsException.class,
                () -> CsvFile.read("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), null, null, 2000, 2));
        assertEquals("registry.import.too-many-rows", rows.errors().get(0).messageKey());
        assertEquals(
                2,
                CsvFile.read("a\n1\n2\n".getBytes(StandardCharsets.UTF_8), null, null, 2000, 2)
                        .rows
                        .size());
    }
}
