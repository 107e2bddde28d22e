package org.domus.ledger.internal.imports;

import java.nio.charset.StandardCharsets;
import org.domus.ledger.imports.StatementFormat;

/** Reads a bank statement file in the given format, or the one its first bytes show. */
public final class BankStatements {

    private BankStatements() {}

    public static ParsedStatement parse(byte[] file, StatementFormat format) {
        StatementFormat f = format == null ? detect(file) : format;
        return switch (f) {
            case CSV -> CsvStatementParser.parse(file);
            case GPC -> GpcStatementParser.parse(file);
            case CAMT053 -> Camt053StatementParser.parse(file);
            case MT940 -> Mt940StatementParser.parse(file);
        };
    }

    /**
     * Recognises the format by the file's beginning: a GPC file starts with its 074 header record, camt.053
     * is XML naming {@code BkToCstmrStmt}, MT940 has {@code :20:} and {@code :61:} tags; anything else is
     * read as CSV.
     */
    public static StatementFormat detect(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.startsWith("074")) {
            return StatementFormat.GPC;
        }
        if (Camt053StatementParser.looksLike(file)) {
            return StatementFormat.CAMT053;
        }
        if (Mt940StatementParser.looksLike(head)) {
            return StatementFormat.MT940;
        }
        return StatementFormat.CSV;
    }
}
