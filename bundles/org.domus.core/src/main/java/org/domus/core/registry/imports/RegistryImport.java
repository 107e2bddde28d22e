package org.domus.core.registry.imports;

import org.domus.core.Subject;

/**
 * CSV import of the registry for office staff. The caller needs the registry's import and write
 * permissions; rows outside the caller's scope are refused row by row, a file for an organisation outside
 * it is {@code FORBIDDEN}. Every row is checked exactly as the registry checks a form (field rules, unit
 * shares per building, unique unit numbers and variable symbols, tenure dates), and a row whose object is
 * already there with the same data is {@link RowStatus#UNCHANGED}, so importing a file twice adds nothing.
 *
 * <p>The file: a header row, then one object per row; UTF-8 (with or without byte-order mark) or
 * windows-1250; separated by {@code ;} or {@code ,} (quoted fields as Excel writes them, {@code ""} for a
 * quote); decimals with a comma or a point; shares as fractions ({@code 615/45210}); dates as
 * {@code 2019-03-01} or {@code 1.3.2019}; codes (kind, legal form, state, role) as their English names.
 * At most {@value #MAX_BYTES} bytes and {@value #MAX_ROWS} rows.
 *
 * <p>A file that cannot be read at all (size, encoding, missing or unknown columns, broken quotes) is an
 * {@link org.domus.core.registry.InvalidFieldsException} naming the header or line.
 */
public interface RegistryImport {

    /** Largest file accepted, in bytes. */
    int MAX_BYTES = 5 * 1024 * 1024;

    /** Most data rows accepted in one file. */
    int MAX_ROWS = 20_000;

    /** What importing the file would do, row by row; writes nothing. */
    ImportReport preview(Subject actor, ImportKind kind, byte[] file, ImportOptions options);

    /**
     * Imports the file in one transaction and writes an audit event per created object and one for the
     * import. Invalid rows make the whole import write nothing, unless {@link ImportOptions#onlyValidRows()}.
     *
     * @throws ImportRefusedException when rows are invalid and only valid rows were not asked for
     */
    ImportReport apply(Subject actor, ImportKind kind, byte[] file, ImportOptions options);

    /**
     * An empty file of the kind (the header row, UTF-8 with a byte-order mark so that Excel reads the
     * diacritics, {@code ;}-separated as Excel in Central Europe expects).
     */
    byte[] template(Subject actor, ImportKind kind);
}
