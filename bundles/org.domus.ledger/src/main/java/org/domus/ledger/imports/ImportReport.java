package org.domus.ledger.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The line-by-line result of a payment import or its preview.
 *
 * @param format the statement format read
 * @param encoding the character set
 * @param fileSha256 the file's SHA-256 (hex)
 * @param applied whether payments were written by this request
 * @param importId the import's id when applied
 * @param previousImports earlier imports of the same file, oldest first ("this file was imported on ...")
 * @param matched lines posted (or that would be)
 * @param duplicates lines skipped as imported before
 * @param unmatched credit lines with no unit
 * @param debits debit lines ignored
 * @param invalid unreadable lines
 * @param total sum of the matched lines
 * @param currency the organisation's currency
 * @param lines every line in file order
 */
public record ImportReport(
        StatementFormat format,
        String encoding,
        String fileSha256,
        boolean applied,
        Long importId,
        List<PreviousImport> previousImports,
        int matched,
        int duplicates,
        int unmatched,
        int debits,
        int invalid,
        BigDecimal total,
        String currency,
        List<ImportLine> lines) {

    public ImportReport {
        previousImports = List.copyOf(previousImports);
        lines = List.copyOf(lines);
    }

    /** An earlier import of the same file. */
    public record PreviousImport(long id, Instant at, String by, int payments) {}
}
