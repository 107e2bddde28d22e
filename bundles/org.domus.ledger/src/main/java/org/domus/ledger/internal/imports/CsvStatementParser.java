package org.domus.ledger.internal.imports;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;

/**
 * The simple CSV statement most banks can export: one payment per row with the columns date, amount,
 * reference (variable symbol, virtual account or payment reference), counter-account, message and the
 * bank's transaction id. A header row naming the columns (English, Czech, Polish or Romanian names, any
 * order) is optional; without it the columns are taken in that order. UTF-8 with or without BOM, else
 * windows-1250; {@code ;} or {@code ,} separated (whichever the first row uses outside quotes); amounts with
 * a decimal comma or point and spaces as thousands separators; dates {@code 2026-03-15} or
 * {@code 15.3.2026}.
 */
public final class CsvStatementParser {

    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");

    enum Column {
        DATE,
        AMOUNT,
        REFERENCE,
        COUNTER_ACCOUNT,
        MESSAGE,
        BANK_ID
    }

    private static final Map<String, Column> NAMES = new HashMap<>();

    static {
        names(
                Column.DATE,
                "date",
                "bookingdate",
                "datum",
                "datumzauctovani",
                "data",
                "dataoperacji",
                "dataksiegowania");
        names(Column.AMOUNT, "amount", "castka", "kwota", "suma", "valoare", "objem");
        names(
                Column.REFERENCE,
                "reference",
                "paymentreference",
                "vs",
                "variablesymbol",
                "variabilnisymbol",
                "virtualaccount",
                "rachunekwirtualny",
                "referinta");
        names(
                Column.COUNTER_ACCOUNT,
                "counteraccount",
                "account",
                "protiucet",
                "cisloprotiuctu",
                "rachunek",
                "rachuneknadawcy",
                "contplatitor");
        names(Column.MESSAGE, "message", "zprava", "zpravaproprijemce", "tytul", "title", "note", "detalii", "mesaj");
        names(Column.BANK_ID, "bankid", "id", "transactionid", "idtransakce", "idpohybu", "idtransakcji");
    }

    private static void names(Column column, String... names) {
        for (String n : names) {
            NAMES.put(n, column);
        }
    }

    private static final DateTimeFormatter DOTTED =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private CsvStatementParser() {}

    public static ParsedStatement parse(byte[] file) {
        Decoded text = decode(file);
        String[] lines = text.text().split("\r\n|\n|\r", -1);
        List<StatementEntry> entries = new ArrayList<>();
        List<StatementProblem> problems = new ArrayList<>();
        char separator = 0;
        Column[] columns = Column.values();
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            if (separator == 0) {
                separator = separator(raw);
            }
            List<String> fields = split(raw, separator);
            if (first) {
                first = false;
                Column[] header = header(fields);
                if (header != null) {
                    columns = header;
                    continue;
                }
            }
            Map<Column, String> row = new HashMap<>();
            for (int c = 0; c < fields.size() && c < columns.length; c++) {
                if (columns[c] != null) {
                    String value = fields.get(c).strip();
                    row.put(columns[c], value.isEmpty() ? null : value);
                }
            }
            int before = problems.size();
            LocalDate date = date(row.get(Column.DATE), lineNo, problems);
            BigDecimal amount = amount(row.get(Column.AMOUNT), lineNo, "amount", problems);
            if (problems.size() == before) {
                entries.add(new StatementEntry(
                        lineNo,
                        date,
                        amount,
                        null,
                        row.get(Column.REFERENCE),
                        row.get(Column.COUNTER_ACCOUNT),
                        row.get(Column.MESSAGE),
                        row.get(Column.BANK_ID)));
            }
        }
        return new ParsedStatement(StatementFormat.CSV, text.encoding(), entries, problems);
    }

    record Decoded(String text, String encoding) {}

    /** UTF-8 when it has a BOM or decodes cleanly, windows-1250 otherwise. */
    static Decoded decode(byte[] file) {
        if (file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf) {
            return new Decoded(new String(file, 3, file.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(file, WINDOWS_1250), WINDOWS_1250.name());
        }
    }

    private static char separator(String line) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ';') {
                semicolons++;
            } else if (!quoted && ch == ',') {
                commas++;
            }
        }
        return semicolons > 0 || commas == 0 ? ';' : ',';
    }

    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
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
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** The columns a header row names, or null when the row is data (its first field is a date). */
    private static Column[] header(List<String> fields) {
        Column[] result = new Column[fields.size()];
        boolean any = false;
        for (int i = 0; i < fields.size(); i++) {
            result[i] = NAMES.get(key(fields.get(i)));
            any |= result[i] != null;
        }
        if (!any) {
            return null;
        }
        if (Arrays.stream(result).noneMatch(c -> c == Column.DATE)
                || Arrays.stream(result).noneMatch(c -> c == Column.AMOUNT)) {
            return null;
        }
        return result;
    }

    private static String key(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("ł", "l").replaceAll("[^a-z0-9]", "");
    }

    static LocalDate date(String text, int line, List<StatementProblem> problems) {
        if (text == null) {
            problems.add(StatementProblem.of(line, "date", "ledger.import.date.invalid", ""));
            return null;
        }
        try {
            return text.contains(".") ? LocalDate.parse(text, DOTTED) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(StatementProblem.of(line, "date", "ledger.import.date.invalid", text));
            return null;
        }
    }

    /** {@code 1 234,50}, {@code 1234.50}, {@code -1.234,50}, {@code +300}: at most two decimals. */
    static BigDecimal amount(String text, int line, String field, List<StatementProblem> problems) {
        if (text == null) {
            problems.add(StatementProblem.of(line, field, "ledger.import.amount.invalid", ""));
            return null;
        }
        String t = text.replace("\u00a0", "")
                .replace("\u202f", "")
                .replace(" ", "")
                .replace("'", "");
        int comma = t.lastIndexOf(',');
        int dot = t.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            t = comma > dot ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        } else if (comma >= 0) {
            t = t.replace(',', '.');
        }
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            BigDecimal amount = new BigDecimal(t);
            if (amount.signum() == 0 || amount.stripTrailingZeros().scale() > 2 || !t.matches("-?[0-9.]+")) {
                throw new NumberFormatException(t);
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            problems.add(StatementProblem.of(line, field, "ledger.import.amount.invalid", text));
            return null;
        }
    }
}
