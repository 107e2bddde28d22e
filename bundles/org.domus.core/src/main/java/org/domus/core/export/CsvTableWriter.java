package org.domus.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** Writes {@link TableFormat#CSV}. */
final class CsvTableWriter {

    private CsvTableWriter() {}

    static void write(Table table, Locale locale, OutputStream out) throws IOException {
        boolean decimalComma = DecimalFormatSymbols.getInstance(locale == null ? Locale.ROOT : locale)
                        .getDecimalSeparator()
                == ',';
        char separator = decimalComma ? ';' : ',';
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                w.write(separator);
            }
            w.write(text(columns.get(c).header(), separator));
        }
        w.write("\r\n");
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    w.write(separator);
                }
                w.write(cell(columns.get(c).type(), row.get(c), separator, decimalComma));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    private static String cell(ColumnType type, Object value, char separator, boolean decimalComma) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> text(value.toString(), separator);
            case INTEGER -> value.toString();
            case DECIMAL -> number(decimal(value).toPlainString(), decimalComma);
            case MONEY -> number(
                    decimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString(), decimalComma);
            case DATE, MONTH -> value.toString();
        };
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static String number(String plain, boolean decimalComma) {
        return decimalComma ? plain.replace('.', ',') : plain;
    }

    /** Neutralises formulas, then quotes when the text holds the separator, a quote or a line break. */
    static String text(String value, char separator) {
        String s = value;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        boolean quote = s.indexOf(separator) >= 0
                || s.indexOf('"') >= 0
                || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0
                || (!s.isEmpty()
                        && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
