package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The part of a payment that settled one charge.
 *
 * @param componentId the component, or null for a manual debit
 * @param month the charge's month
 * @param amount how much of it this payment settled
 */
public record PaymentAllocation(Long componentId, YearMonth month, BigDecimal amount) {}
