package org.domus.ledger.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One statement line and what importing it does.
 *
 * @param line where it is in the file
 * @param date booking date
 * @param amount as the bank wrote it (negative: money paid out)
 * @param reference variable symbol, virtual account or payment reference
 * @param counterAccount the payer's account
 * @param message the payer's message
 * @param bankId the bank's transaction id
 * @param status what happens to it
 * @param unitId the unit it is paid to ({@link ImportLineStatus#MATCHED} and {@code DUPLICATE})
 * @param unit the unit as the office reads it, e.g. {@code Květná 12 / 3}
 * @param transactionId the payment posted for it (applied imports and duplicates)
 * @param problems why it cannot be imported (unreadable, unmatched, other currency)
 */
public record ImportLine(
        int line,
        LocalDate date,
        BigDecimal amount,
        String reference,
        String counterAccount,
        String message,
        String bankId,
        ImportLineStatus status,
        Long unitId,
        String unit,
        Long transactionId,
        List<StatementProblem> problems) {

    public ImportLine {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
