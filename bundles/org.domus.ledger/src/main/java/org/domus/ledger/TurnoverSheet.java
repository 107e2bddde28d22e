package org.domus.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's turnover sheet over consecutive months.
 *
 * @param unitId the unit
 * @param currency ISO 4217 code
 * @param months every month of the range in order, months without postings included
 * @param balance the balance today (all postings, also those after the range)
 */
public record TurnoverSheet(long unitId, String currency, List<TurnoverMonth> months, BigDecimal balance) {

    public TurnoverSheet {
        months = List.copyOf(months);
    }
}
