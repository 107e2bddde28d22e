package org.domus.core.export;

import java.util.Objects;

/**
 * One column of a {@link Table}.
 *
 * @param header the header as the reader sees it, already translated into the table's language
 * @param type what the column's cells hold
 */
public record Column(String header, ColumnType type) {
    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
    }
}
