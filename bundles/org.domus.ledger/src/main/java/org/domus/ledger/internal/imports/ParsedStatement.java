package org.domus.ledger.internal.imports;

import java.util.List;
import org.domus.ledger.imports.StatementFormat;
import org.domus.ledger.imports.StatementProblem;

/**
 * A bank statement file read.
 *
 * @param format {@link StatementFormat} it was read as
 * @param encoding the character set it was read in
 * @param entries the readable lines in file order
 * @param problems the lines that could not be read (nothing of them is imported)
 */
public record ParsedStatement(
        StatementFormat format, String encoding, List<StatementEntry> entries, List<StatementProblem> problems) {

    public ParsedStatement {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
