package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of a unit's turnover sheet ("obrotówka"), by booking month: {@code closing = opening + charges
 * - payments + other}.
 *
 * @param month the booking month
 * @param opening balance at the start of the month
 * @param charges charges posted (less reversed charges)
 * @param payments payments received (less refunds and reversed payments)
 * @param other manual postings (debits positive)
 * @param closing balance at the end of the month
 */
public record TurnoverMonth(
        YearMonth month,
        BigDecimal opening,
        BigDecimal charges,
        BigDecimal payments,
        BigDecimal other,
        BigDecimal closing) {}
