package org.domus.core.privacy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One part of a personal-data export: a table of records, each a map from column key to value. The JSON
 * export carries the keys and values as they are; the PDF prints the translated labels.
 *
 * @param id stable identifier, prefixed by the module, e.g. {@code platform.tenures} or {@code ledger.postings}
 * @param title the section's heading in the export's language
 * @param note an explanation in the export's language (what is left out and why), or null
 * @param columns the columns in print order
 * @param records the records; values are String, Number, Boolean or null (format dates and instants as
 *     ISO-8601 text)
 */
public record PersonalDataSection(
        String id, String title, String note, List<Column> columns, List<Map<String, Object>> records) {

    public PersonalDataSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        // Records keep their column order and may hold nulls, so no Map.copyOf.
        records = List.copyOf(records);
    }

    /**
     * A column of a section.
     *
     * @param key the key in each record (and in the JSON export)
     * @param label its label in the export's language
     */
    public record Column(String key, String label) {}
}
