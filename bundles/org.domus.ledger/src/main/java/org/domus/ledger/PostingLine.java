package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One line of a transaction to post.
 *
 * @param accountId the account
 * @param amount signed, at most two decimals: positive = debit, negative = credit; never zero
 * @param componentId the charge component the line is about, or null
 * @param period the month the amount belongs to (a charge's billed month), or null for the booking month
 */
public record PostingLine(long accountId, BigDecimal amount, Long componentId, YearMonth period) {

    public PostingLine {
        Objects.requireNonNull(amount, "amount");
    }

    public static PostingLine debit(long accountId, BigDecimal amount) {
        return new PostingLine(accountId, amount, null, null);
    }

    public static PostingLine credit(long accountId, BigDecimal amount) {
        return new PostingLine(accountId, amount.negate(), null, null);
    }
}
