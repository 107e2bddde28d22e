package org.domus.core.internal.registry;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;

/**
 * A CSV file as office spreadsheets write it: decoded (byte-order mark, UTF-8 or windows-1250), the
 * separator found in the header row, quoted fields with doubled quotes and line breaks inside, blank lines
 * skipped. Each record keeps the line it starts on, for messages the office can follow.
 */
final class CsvFile {

    /** A record and the line of the file it starts on (the header is line 1). */
    record Row(int line, List<String> fields) {}

    /** Encodings an office may choose; the keys are the names the API and the UI accept. */
    static final Map<String, Charset> ENCODINGS = Map.of(
            "utf-8", StandardCharsets.UTF_8,
            "windows-1250", Charset.forName("windows-1250"),
            "iso-8859-2", Charset.forName("ISO-8859-2"),
            "windows-1252", Charset.forName("windows-1252"),
            "utf-16", StandardCharsets.UTF_16);

    static final String FILE = "file";

    final String encoding;
    final char separator;
    final List<String> header;
    final List<Row> rows;

    private CsvFile(String encoding, char separator, List<String> header, List<Row> rows) {
        this.encoding = encoding;
        this.separator = separator;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads the file.
     *
     * @param encoding a key of {@link #ENCODINGS} (any case), or null to detect it
     * @param separator {@code ;}, {@code ,} or a tab, or null to detect it
     * @throws InvalidFieldsException for a file that cannot be read (field {@value #FILE})
     */
    static CsvFile read(byte[] bytes, String encoding, Character separator, int maxBytes, int maxRows) {
        if (bytes.length > maxBytes) {
            fail("registry.import.too-large", maxBytes / (1024 * 1024), maxRows);
        }
        if (separator != null && separator != ';' && separator != ',' && separator != '\t') {
            fail("registry.import.separator.unknown", String.valueOf(separator));
        }
        Decoded decoded = decode(bytes, encoding);
        String text = decoded.text;
        if (text.isBlank()) {
            fail("registry.import.empty");
        }
        char sep = separator != null ? separator : detectSeparator(text);
        List<Row> records = parse(text, sep, maxRows);
        if (records.isEmpty()) {
            fail("registry.import.empty");
        }
        Row header = records.remove(0);
        return new CsvFile(decoded.name, sep, header.fields(), records);
    }

    private record Decoded(String name, String text) {}

    private static Decoded decode(byte[] bytes, String encoding) {
        if (encoding != null && !encoding.isBlank()) {
            String name = encoding.strip().toLowerCase(Locale.ROOT);
            if (name.equals("utf8")) {
                name = "utf-8";
            } else if (name.equals("cp1250")) {
                name = "windows-1250";
            }
            Charset charset = ENCODINGS.get(name);
            if (charset == null) {
                fail("registry.import.encoding.unknown", encoding);
            }
            String text = new String(bytes, charset);
            return new Decoded(charset.name(), stripBom(text));
        }
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return new Decoded(StandardCharsets.UTF_16.name(), new String(bytes, StandardCharsets.UTF_16));
        }
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes));
            return new Decoded(StandardCharsets.UTF_8.name(), stripBom(chars.toString()));
        } catch (CharacterCodingException e) {
            // Not UTF-8: Excel on Czech and Polish Windows saves "CSV" in the ANSI code page 1250.
            return new Decoded("windows-1250", new String(bytes, ENCODINGS.get("windows-1250")));
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The separator that splits the header row (outside quotes) most often; {@code ,} for one column. */
    static char detectSeparator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas + tabs > 0) {
                    break;
                }
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static List<Row> parse(String text, char sep, int maxRows) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                // Opening quote (spaces before it, as some tools write, are dropped).
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == sep) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                addRow(rows, rowStart, fields, maxRows);
                fields = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            fail("registry.import.quote.unclosed", rowStart);
        }
        if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
            fields.add(field.toString());
            addRow(rows, rowStart, fields, maxRows);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> fields, int maxRows) {
        if (fields.stream().allMatch(String::isBlank)) {
            return; // blank lines, and the rows of separators only that Excel leaves below a table
        }
        if (rows.size() > maxRows) { // the header is row 0
            fail("registry.import.too-many-rows", maxRows);
        }
        rows.add(new Row(line, List.copyOf(fields)));
    }

    private static void fail(String key, Object... arguments) {
        throw new InvalidFieldsException(List.of(new FieldError(FILE, key, List.of(arguments))));
    }
}
