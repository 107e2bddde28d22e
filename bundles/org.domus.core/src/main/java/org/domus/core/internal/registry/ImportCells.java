package org.domus.core.internal.registry;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domus.core.registry.Share;
import org.domus.core.registry.imports.ImportColumn;
import org.domus.core.registry.imports.ImportKind;
import org.domus.core.registry.imports.ImportProblem;

/**
 * One data row of an import file: its cells by column, and the problems found in it. The parsers read
 * values the way Central European spreadsheets write them and record a problem (never throw) for a cell
 * they cannot read, so that the office learns about every bad cell of a row at once.
 */
final class ImportCells {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    final int line;
    private final Map<String, String> cells;
    final List<ImportProblem> problems = new ArrayList<>();

    ImportCells(int line, Map<String, String> cells) {
        this.line = line;
        this.cells = cells;
    }

    /** Whether the file has the column at all (optional columns may be left out). */
    boolean has(String column) {
        return cells.containsKey(column);
    }

    /** The stripped cell, or null when blank or the column is absent. */
    String text(String column) {
        String v = cells.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The stripped cell; a problem when it is blank. */
    String required(String column) {
        String v = text(column);
        if (v == null) {
            problem(column, "registry.required");
        }
        return v;
    }

    void problem(String column, String key, Object... arguments) {
        problems.add(new ImportProblem(line, column, key, Arrays.asList(arguments)));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /**
     * A decimal written with a comma or a point, with spaces (also no-break spaces) or the other sign as
     * thousands separators: {@code 61,5}, {@code 1 234,50}, {@code 1.234,50}, {@code 1,234.50}.
     */
    BigDecimal decimal(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        BigDecimal d = parseDecimal(v);
        if (d == null) {
            problem(column, "registry.import.decimal", v);
        }
        return d;
    }

    static BigDecimal parseDecimal(String text) {
        String s = text.replace(" ", "")
                .replace("\u00A0", "")
                .replace("\u202F", "")
                .replace("'", "");
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            // the later sign is the decimal one, the other groups thousands
            s = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            if (s.indexOf(',') != comma) {
                return null;
            }
            s = s.replace(',', '.');
        }
        return DECIMAL.matcher(s).matches() ? new BigDecimal(s) : null;
    }

    Integer integer(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.replace(" ", ""));
        } catch (NumberFormatException e) {
            problem(column, "registry.import.integer", v);
            return null;
        }
    }

    /** A fraction {@code 615/45210} or a whole number. */
    Share share(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Share.parse(v.replace(" ", ""));
        } catch (IllegalArgumentException | ArithmeticException e) {
            problem(column, "registry.import.share", v);
            return null;
        }
    }

    /** A date as {@code 2019-03-01}, {@code 1.3.2019} or {@code 1. 3. 2019}. */
    LocalDate date(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        String s = v.replace(" ", "");
        try {
            Matcher m = DMY.matcher(s);
            if (m.matches()) {
                return LocalDate.of(
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            problem(column, "registry.import.date", v);
            return null;
        }
    }

    /** A code by its English name, any case, with spaces or hyphens for underscores ({@code co-owner}). */
    <E extends Enum<E>> E code(String column, Class<E> type) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        String name = v.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name());
        }
        problem(column, "registry.import.code", v, String.join(", ", allowed));
        return null;
    }

    /** Equipment items separated by {@code |} or {@code ,}. */
    List<String> list(String column) {
        String v = text(column);
        if (v == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split("[|,]")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    // ---- the header ----------------------------------------------------------------------------------

    /** Header text reduced for matching: lower case without spaces, hyphens, underscores and dots. */
    static String normalise(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]", "");
    }

    /**
     * The column index of each of the kind's columns the header names; the problems (unknown, repeated
     * and missing required columns) go to {@code problems} as {@code (column, key)} pairs.
     */
    static Map<String, Integer> columns(ImportKind kind, List<String> header, List<String[]> problems) {
        Map<String, ImportColumn> byKey = new HashMap<>();
        for (ImportColumn c : kind.columns()) {
            byKey.put(normalise(c.name()), c);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            ImportColumn c = byKey.get(normalise(raw));
            if (c == null) {
                problems.add(new String[] {raw, "registry.import.column.unknown"});
            } else if (index.containsKey(c.name())) {
                problems.add(new String[] {raw, "registry.import.column.repeated"});
            } else {
                index.put(c.name(), i);
            }
        }
        for (ImportColumn c : kind.columns()) {
            if (c.required() && !index.containsKey(c.name())) {
                problems.add(new String[] {c.name(), "registry.import.column.missing"});
            }
        }
        return index;
    }
}
