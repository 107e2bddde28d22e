package org.domus.ledger;

import java.math.BigDecimal;

/**
 * What arrears to list. Every filter is optional (null); the subject's ledger scope always applies on top.
 *
 * @param organisationId only units of this organisation
 * @param estateId only units of this estate
 * @param buildingId only units of this building
 * @param minAmount only debts of at least this amount (default: any debt, from 0.01)
 * @param minMonths only debts whose oldest unpaid month is at least this many months before the current one
 * @param sort the order (default {@link ArrearsSort#DEBT})
 * @param descending largest debt, oldest debt or last address first
 * @param offset rows to skip
 * @param limit rows to return, 1..{@link LedgerReports#MAX_ARREARS}
 */
public record ArrearsQuery(
        Long organisationId,
        Long estateId,
        Long buildingId,
        BigDecimal minAmount,
        Integer minMonths,
        ArrearsSort sort,
        boolean descending,
        int offset,
        int limit) {

    /** All arrears in scope, largest first. */
    public static ArrearsQuery all() {
        return new ArrearsQuery(null, null, null, null, null, ArrearsSort.DEBT, true, 0, LedgerReports.MAX_ARREARS);
    }
}
