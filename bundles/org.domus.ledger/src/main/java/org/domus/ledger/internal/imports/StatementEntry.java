package org.domus.ledger.internal.imports;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a bank statement as the bank wrote it.
 *
 * @param line where it starts in the file (1-based; for XML the entry's position)
 * @param date booking date
 * @param amount positive for money received (credit), negative for money paid out (debit)
 * @param currency ISO 4217 code when the file says, else null
 * @param reference what identifies the payer's unit: variable symbol, virtual account or payment reference
 * @param counterAccount the payer's account as printed, may be null
 * @param message the payer's message, may be null
 * @param bankId the bank's own id of the transaction, may be null
 */
public record StatementEntry(
        int line,
        LocalDate date,
        BigDecimal amount,
        String currency,
        String reference,
        String counterAccount,
        String message,
        String bankId) {}
