package org.domus.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One computed charge: how much a unit owes for a component in a month, and how it was computed
 * ({@code amount = line(quantity x rate)}, {@link LedgerAmounts#line}).
 *
 * @param unitId the unit
 * @param componentId the component
 * @param componentCode its code
 * @param basis how it was computed
 * @param month the billed month
 * @param quantity m², persons, 1 (per unit, fixed), the ownership share as a decimal, or the provided quantity
 * @param rate the rate in force
 * @param amount the rounded line
 */
public record ChargeLine(
        long unitId,
        long componentId,
        String componentCode,
        ChargeBasis basis,
        YearMonth month,
        BigDecimal quantity,
        BigDecimal rate,
        BigDecimal amount) {}
