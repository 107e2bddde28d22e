package org.domus.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A posted (or reversed) billing run.
 *
 * @param id database id
 * @param organisationId the organisation
 * @param scope what it covered
 * @param month the billed month
 * @param state posted or reversed
 * @param transactionId the ledger transaction with all its charges (null when no unit had a charge)
 * @param reversalId the reversing transaction, or null
 * @param units units charged
 * @param lines charge lines posted
 * @param total sum of the lines
 * @param currency ISO 4217 code
 * @param createdAt when it was posted
 * @param actorLogin who posted it
 */
public record BillingRun(
        long id,
        long organisationId,
        BillingScope scope,
        YearMonth month,
        BillingRunState state,
        Long transactionId,
        Long reversalId,
        int units,
        int lines,
        BigDecimal total,
        String currency,
        Instant createdAt,
        String actorLogin) {}
