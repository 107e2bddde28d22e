package org.domus.core.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A list as the user downloads it: a title (the XLSX sheet name, part of a file name), typed columns with
 * translated headers and rows of cell values. A cell is {@code null} (empty) or a value its column's
 * {@link ColumnType} accepts; the constructor refuses anything else, so a writer never meets a surprise.
 *
 * <pre>{@code
 * Table table = Table.builder("Arrears")
 *         .column("Unit", ColumnType.TEXT)
 *         .column("Debt", ColumnType.MONEY)
 *         .column("Since", ColumnType.MONTH)
 *         .row("A/12", new BigDecimal("1520.00"), YearMonth.of(2026, 3))
 *         .build();
 * TableFormat.XLSX.write(table, locale, out);
 * }</pre>
 *
 * @param title what the table shows, already translated
 * @param columns the columns, at least one
 * @param rows the rows; each has exactly one cell per column
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

    public Table {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + row.size() + " cells, the table " + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                Column column = columns.get(c);
                if (value != null && !column.type().accepts(value)) {
                    throw new IllegalArgumentException(
                            "row " + r + ", column '" + column.header() + "' (" + column.type() + ") cannot hold a "
                                    + value.getClass().getName());
                }
            }
            // Cells may be null, which List.copyOf refuses.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects columns, then rows. */
    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder column(String header, ColumnType type) {
            columns.add(new Column(header, type));
            return this;
        }

        /** One row, one value (or {@code null}) per column in column order. */
        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public Builder row(List<?> cells) {
            rows.add(new ArrayList<>(cells));
            return this;
        }

        public Table build() {
            return new Table(title, columns, rows);
        }
    }
}
