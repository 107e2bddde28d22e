package org.domus.core.registry.imports;

import java.util.List;

/**
 * The outcome of one row.
 *
 * @param line line of the file where the row starts (the header is line 1)
 * @param label the row's key as the office reads it, e.g. {@code Květná 12, Praha / 3}
 * @param status what importing it does
 * @param id id of the created or existing object, null for a refused row and in a preview of a new one
 * @param problems why the row is refused (empty unless {@link RowStatus#ERROR})
 */
public record ImportRow(int line, String label, RowStatus status, Long id, List<ImportProblem> problems) {

    public ImportRow {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
