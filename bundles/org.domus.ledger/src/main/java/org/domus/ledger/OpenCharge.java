package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A unit's charge of one component in one month (net of reversals) and what of it is still unpaid.
 *
 * @param componentId the component, or null for a manual debit without one
 * @param month the billed month
 * @param amount the charge
 * @param open what is still unpaid (0 when settled)
 */
public record OpenCharge(Long componentId, YearMonth month, BigDecimal amount, BigDecimal open) {}
