package org.domus.core.registry.imports;

import java.util.List;

/**
 * The row-by-row result of a preview or an import.
 *
 * @param kind what the file holds
 * @param encoding the encoding the file was read in
 * @param separator the field separator, {@code ;}, {@code ,} or {@code \t}
 * @param applied whether this import was written (false for a preview and for a refused import)
 * @param created rows that create an object (that were created, when applied)
 * @param unchanged rows already in the registry with the same data
 * @param invalid refused rows
 * @param rows every row in file order
 */
public record ImportReport(
        ImportKind kind,
        String encoding,
        String separator,
        boolean applied,
        int created,
        int unchanged,
        int invalid,
        List<ImportRow> rows) {

    public ImportReport {
        rows = List.copyOf(rows);
    }
}
