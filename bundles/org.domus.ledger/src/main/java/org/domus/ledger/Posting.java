package org.domus.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One posting: never changed or deleted once written.
 *
 * @param id database id (increasing in posting order)
 * @param transactionId the transaction it belongs to
 * @param kind the transaction's kind
 * @param accountId the account
 * @param unitId the unit of a unit account, else null
 * @param componentId the charge component, or null
 * @param period the month the amount belongs to
 * @param amount signed: positive = debit, negative = credit
 * @param currency ISO 4217 code
 * @param bookingDate the accounting date
 * @param createdAt when it was written (UTC)
 * @param actorId the account that posted it, null for the system
 * @param actorLogin the login that posted it
 */
public record Posting(
        long id,
        long transactionId,
        TransactionKind kind,
        long accountId,
        Long unitId,
        Long componentId,
        YearMonth period,
        BigDecimal amount,
        String currency,
        LocalDate bookingDate,
        Instant createdAt,
        Long actorId,
        String actorLogin) {

    /** The debit part (0 for a credit). */
    public BigDecimal debit() {
        return amount.signum() > 0 ? amount : BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
    }

    /** The credit part as a positive number (0 for a debit). */
    public BigDecimal credit() {
        return amount.signum() < 0 ? amount.negate() : BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
    }
}
