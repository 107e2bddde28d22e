package org.domus.ledger.internal.imports;

/** Reads a bank statement file in the given format, or the one its first bytes show. */
public final class BankStatements {

    private BankStatements() {}

    public static ParsedStatement parse(byte[] file, StatementFormat format) {
        StatementFormat f = format == null ? StatementFormat.detect(file) : format;
        return switch (f) {
            case CSV -> CsvStatementParser.parse(file);
            case GPC -> GpcStatementParser.parse(file);
            case CAMT053 -> Camt053StatementParser.parse(file);
            case MT940 -> Mt940StatementParser.parse(file);
        };
    }
}
