package org.domus.core.registry.imports;

/**
 * How to read and apply an import file.
 *
 * @param encoding {@code UTF-8}, {@code windows-1250} (Excel's "CSV" on Czech and Polish Windows),
 *     {@code ISO-8859-2}, {@code windows-1252} or {@code UTF-16}; null detects it: a byte-order mark wins,
 *     then UTF-8 if the bytes are valid UTF-8, otherwise windows-1250
 * @param separator {@code ;}, {@code ,} or a tab; null detects it from the header row
 * @param organisationId the organisation the rows belong to; null when the caller works in exactly one
 * @param onlyValidRows when applying: write the valid rows even if others are invalid (otherwise nothing
 *     is written while any row is invalid)
 */
public record ImportOptions(String encoding, Character separator, Long organisationId, boolean onlyValidRows) {

    /** Detect everything, all rows or nothing. */
    public static final ImportOptions DETECT = new ImportOptions(null, null, null, false);

    public ImportOptions withOnlyValidRows(boolean only) {
        return new ImportOptions(encoding, separator, organisationId, only);
    }
}
